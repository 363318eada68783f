package org.dangjian.activities.web;

import java.util.Map;
import java.util.UUID;

import org.dangjian.conformance.ConformanceSample;
import org.dangjian.conformance.ForeignEvents;
import org.dangjian.conformance.ServiceConformanceTest;
import org.dangjian.contracts.organisation.OrganisationUnitEstablished;
import org.dangjian.contracts.organisation.OrganisationUnitKind;
import org.dangjian.runtime.config.PlatformProperties;
import org.dangjian.runtime.platform.OrganisationUnitsReadModel;
import org.dangjian.testsupport.Eventually;
import org.dangjian.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The activities service keeps what every service promises (see {@link ServiceConformanceTest}). Its sample's branch
 * is published on the organisation service's topic first, as that service would, since an activity's branch must be
 * one.
 */
class ActivitiesConformanceTest extends ServiceConformanceTest {

    private static final String BRANCH = "00000000-0000-4000-8000-000000000011";

    @Autowired
    OrganisationUnitsReadModel branches;
    @Autowired
    PlatformProperties properties;

    @BeforeEach
    void theSamplesBranchIsEstablished() {
        if (branches.unit(BRANCH).isEmpty()) {
            try (ForeignEvents organisation = new ForeignEvents(TestInfrastructure.endpoints().kafkaBootstrapServers(),
                    properties.topicOf("organisation"), "organisation", "OrganisationUnit")) {
                organisation.publish(BRANCH, new OrganisationUnitEstablished(BRANCH, OrganisationUnitKind.BRANCH, null, "第一党支部",
                        "00000000-0000-4000-8000-000000000001", null));
            }
            Eventually.that(() -> org.assertj.core.api.Assertions.assertThat(branches.unit(BRANCH)).isPresent());
        }
    }

    @Override
    protected ConformanceSample sample() {
        return new ConformanceSample("/activities",
                Map.of("branchId", BRANCH, "kind", "PARTY_LESSON", "topic", "一致性检查党课", "plannedDate", "2024-03-01", "place", "党员活动室"),
                Map.of("branchId", BRANCH, "kind", "THEME_PARTY_DAY", "topic", "另一次主题党日", "plannedDate", "2024-04-01"),
                Map.of("branchId", BRANCH, "kind", "PARTY_LESSON", "topic", Map.of("not", "a topic"), "plannedDate", "2024-03-01"),
                "COMMITTEE_STAFF", "PARTY_MEMBER",
                "/activities/{id}", "/activities/{id}/verification", UUID.randomUUID().toString());
    }
}
