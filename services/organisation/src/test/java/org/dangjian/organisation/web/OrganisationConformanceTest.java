package org.dangjian.organisation.web;

import java.util.Map;
import java.util.UUID;

import org.dangjian.conformance.ConformanceSample;
import org.dangjian.conformance.ServiceConformanceTest;

/** The organisation service keeps what every service promises (see {@link ServiceConformanceTest}). */
class OrganisationConformanceTest extends ServiceConformanceTest {

    @Override
    protected ConformanceSample sample() {
        return new ConformanceSample("/units",
                Map.of("kind", "COMMITTEE", "name", "一致性检查党委", "reason", "党委会议决定"),
                Map.of("kind", "COMMITTEE", "name", "另一个党委"),
                Map.of("kind", "COMMITTEE", "name", Map.of("not", "a name")),
                "COMMITTEE_STAFF", "PARTY_MEMBER",
                "/units/{id}", "/units/{id}/verification", UUID.randomUUID().toString());
    }
}
