package org.dangjian.activities.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.dangjian.conformance.ForeignEvents;
import org.dangjian.contracts.members.Gender;
import org.dangjian.contracts.members.MembershipApplicationReceived;
import org.dangjian.contracts.organisation.MassOrganisationType;
import org.dangjian.contracts.organisation.OrganisationUnitEstablished;
import org.dangjian.contracts.organisation.OrganisationUnitKind;
import org.dangjian.runtime.config.PlatformProperties;
import org.dangjian.runtime.platform.MemberDirectoryReadModel;
import org.dangjian.runtime.platform.OrganisationUnitsReadModel;
import org.dangjian.testsupport.Eventually;
import org.dangjian.testsupport.JsonApi;
import org.dangjian.testsupport.TestInfrastructure;
import org.dangjian.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the activities service's HTTP tests share: the organisation and members services' topics, on which a test
 * publishes what those services would ({@link ForeignEvents}: a branch established, a member's application), waiting
 * until the service knows it; two fresh branches per test with a secretary each; committee staff and an auditor.
 */
abstract class ServiceTestBase {

    static final String COMMITTEE = "00000000-0000-4000-8000-000000000001";
    static final String STAFF = TestTokens.forUser("dangwei", "COMMITTEE_STAFF", COMMITTEE);
    static final String AUDITOR = TestTokens.forUser("shenji", "AUDITOR", COMMITTEE);
    static final String DAY = "2026-03-05";

    private static ForeignEvents organisation;
    private static ForeignEvents members;

    @LocalServerPort
    int port;
    @Autowired
    OrganisationUnitsReadModel branches;
    @Autowired
    MemberDirectoryReadModel directory;
    @Autowired
    PlatformProperties properties;

    JsonApi api;
    String branch;
    String otherBranch;
    String secretary;
    String otherSecretary;

    @BeforeEach
    void setUpBranches() {
        api = new JsonApi("http://localhost:" + port);
        if (organisation == null) {
            organisation = new ForeignEvents(TestInfrastructure.endpoints().kafkaBootstrapServers(), properties.topicOf("organisation"),
                    "organisation", "OrganisationUnit");
        }
        if (members == null) {
            members = new ForeignEvents(TestInfrastructure.endpoints().kafkaBootstrapServers(), properties.topicOf("members"), "members", "Member");
        }
        branch = established(OrganisationUnitKind.BRANCH, null, "第一党支部");
        otherBranch = established(OrganisationUnitKind.BRANCH, null, "第二党支部");
        secretary = TestTokens.forUser("shuji", "BRANCH_SECRETARY", branch);
        otherSecretary = TestTokens.forUser("shuji2", "BRANCH_SECRETARY", otherBranch);
    }

    @AfterAll
    static void closeProducers() {
        if (organisation != null) {
            organisation.close();
            organisation = null;
        }
        if (members != null) {
            members.close();
            members = null;
        }
    }

    /** A unit the organisation service established, once the activities service knows it. */
    String established(OrganisationUnitKind kind, MassOrganisationType type, String name) {
        String id = UUID.randomUUID().toString();
        organisation.publish(id, new OrganisationUnitEstablished(id, kind, type, name, COMMITTEE, null));
        Eventually.that(() -> assertThat(branches.unit(id)).isPresent());
        return id;
    }

    /** A member of the branch as the members service published him, once the activities service knows him. */
    String member(String name, String inBranch, String username) {
        String id = UUID.randomUUID().toString();
        members.publish(id, new MembershipApplicationReceived(id, name, Gender.FEMALE, LocalDate.of(1990, 1, 1), "110105199001010010", null, null,
                inBranch, LocalDate.of(2020, 1, 1), username, null));
        Eventually.that(() -> assertThat(directory.member(id)).isPresent());
        return id;
    }

    /** Publishes another event of the members service's (a transfer, an account link) on the member's stream. */
    void publishMemberEvent(String memberId, Record payload) {
        members.publish(memberId, payload);
    }

    static JsonApi.Response ok(JsonApi.Response answer, int status) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        return answer;
    }
}
