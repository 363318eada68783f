package org.dangjian.subscriptions.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dangjian.conformance.ConformanceSample;
import org.dangjian.conformance.ServiceConformanceTest;

/** The subscriptions service keeps what every service promises (see {@link ServiceConformanceTest}), on its subscriptions. */
class SubscriptionsConformanceTest extends ServiceConformanceTest {

    static final String ADMITTED = "org.dangjian.members.MemberAdmittedAsProbationary.v1";

    @Override
    protected ConformanceSample sample() {
        return new ConformanceSample("/subscriptions",
                Map.of("eventTypes", List.of(ADMITTED), "channel", "SSE", "purpose", "干部人事档案"),
                Map.of("eventTypes", List.of(ADMITTED), "channel", "WEBHOOK", "webhookUrl", "https://renshi.example.gov.cn/hook", "purpose", "档案"),
                Map.of("eventTypes", Map.of("not", "a list"), "channel", "SSE", "purpose", "干部人事档案"),
                "DEPARTMENT", "COMMITTEE_STAFF",
                "/subscriptions/{id}", "/subscriptions/{id}/verification", UUID.randomUUID().toString());
    }
}
