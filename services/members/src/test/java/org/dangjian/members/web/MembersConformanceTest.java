package org.dangjian.members.web;

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
 * The members service keeps what every service promises (see {@link ServiceConformanceTest}). Its sample's branch is
 * published on the organisation service's topic first, as that service would, since a member's branch must be one.
 */
class MembersConformanceTest extends ServiceConformanceTest {

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
        return new ConformanceSample("/members",
                Map.of("name", "一致性检查", "gender", "FEMALE", "birthDate", "1995-06-14", "idCardNumber", "110105199506140021",
                        "branchId", BRANCH, "applicationDate", "2024-03-01", "basis", "入党申请书"),
                Map.of("name", "另一位申请人", "gender", "MALE", "birthDate", "1990-01-01", "idCardNumber", "110105199001010010",
                        "branchId", BRANCH, "applicationDate", "2024-03-01"),
                Map.of("name", Map.of("not", "a name"), "gender", "FEMALE", "birthDate", "1995-06-14", "idCardNumber", "110105199506140021",
                        "branchId", BRANCH, "applicationDate", "2024-03-01"),
                "COMMITTEE_STAFF", "PARTY_MEMBER",
                "/members/{id}", "/members/{id}/verification", UUID.randomUUID().toString());
    }
}
