package org.dangjian.organisation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.dangjian.conformance.ForeignEvents;
import org.dangjian.contracts.members.DecidingBody;
import org.dangjian.contracts.members.Gender;
import org.dangjian.contracts.members.MemberAdmittedAsProbationary;
import org.dangjian.contracts.members.MemberDesignatedActivist;
import org.dangjian.contracts.members.MemberTransferConfirmed;
import org.dangjian.contracts.members.MemberTransferInitiated;
import org.dangjian.contracts.members.MemberTransferReceived;
import org.dangjian.contracts.members.MembershipApplicationReceived;
import org.dangjian.runtime.config.PlatformProperties;
import org.dangjian.testsupport.Eventually;
import org.dangjian.testsupport.TestInfrastructure;
import org.dangjian.testsupport.TestTokens;
import org.dangjian.testsupport.UsePlatformInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /units/{id}/roster}: the branches' rosters follow the members service's published events (stood in for
 * here by {@link ForeignEvents} on its topic): an application puts a person on his branch's roster, each step moves
 * his stage, a transfer moves him when the receiving branch receives him, and one out of the platform takes him off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsePlatformInfrastructure
class BranchRosterTest {

    static final String STAFF = TestTokens.forUser("dangwei", "COMMITTEE_STAFF", "00000000-0000-4000-8000-000000000001");
    static final String MEMBER = TestTokens.forUser("dangyuan", "PARTY_MEMBER", "00000000-0000-4000-8000-000000000011");
    static final LocalDate DAY = LocalDate.of(2024, 3, 1);

    @LocalServerPort
    int port;
    @Autowired
    PlatformProperties properties;

    Api api;
    ForeignEvents members;
    String first;
    String second;

    @BeforeEach
    void setUp() {
        api = new Api("http://localhost:" + port);
        members = new ForeignEvents(TestInfrastructure.endpoints().kafkaBootstrapServers(), properties.topicOf("members"), "members", "Member");
        String committee = api.established(STAFF, "COMMITTEE", "名册测试党委", null);
        first = api.established(STAFF, "BRANCH", "第一党支部", committee);
        second = api.established(STAFF, "BRANCH", "第二党支部", committee);
        assertThat(api.get("/units/" + first + "?minSequence=0", MEMBER).status()).isEqualTo(200);
        assertThat(api.get("/units/" + second + "?minSequence=0", MEMBER).status()).isEqualTo(200);
    }

    @AfterEach
    void tearDown() {
        members.close();
    }

    private String applied(String name, String branch) {
        String id = UUID.randomUUID().toString();
        members.publish(id, new MembershipApplicationReceived(id, name, Gender.FEMALE, LocalDate.of(1995, 6, 14), "110105199506140021",
                "13800135678", "北京市朝阳区示例路 1 号", branch, DAY, null, null));
        return id;
    }

    private JsonNode roster(String unit) {
        Api.Response answer = api.get("/units/" + unit + "/roster", MEMBER);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    @Test
    void aRosterHoldsTheBranchsMembersWithTheirStagesAndNoPersonalData() {
        String probationer = applied("赵子涵", first);
        members.publish(probationer, new MemberDesignatedActivist(probationer, DAY, DecidingBody.BRANCH_COMMITTEE, null));
        members.publish(probationer, new MemberAdmittedAsProbationary(probationer, DAY, DAY, DAY.plusYears(1), null));
        String applicant = applied("王思远", first);
        applied("周晓燕", second);

        Eventually.that(() -> assertThat(roster(first).get("total").asLong()).isEqualTo(2));
        Eventually.that(() -> assertThat(roster(first).at("/stages/PROBATIONARY").asLong()).isEqualTo(1));
        JsonNode roster = roster(first);
        assertThat(roster.get("partyMembers").asLong()).isEqualTo(1);
        assertThat(roster.at("/stages/APPLICANT").asLong()).isEqualTo(1);
        assertThat(roster.get("items").findValuesAsString("memberId")).containsExactly(probationer, applicant);
        assertThat(roster.toString()).doesNotContain("110105199506140021").doesNotContain("13800135678").doesNotContain("朝阳区");
        assertThat(api.get("/units/" + UUID.randomUUID() + "/roster", MEMBER).code()).isEqualTo("UNIT_NOT_FOUND");
    }

    @Test
    void aTransferMovesTheMemberWhenReceivedAndOneOutOfThePlatformTakesHimOff() {
        String moving = applied("郑海涛", first);
        members.publish(moving, new MemberTransferInitiated(moving, 1, first, second, null, DAY, null));
        Eventually.that(() -> assertThat(roster(first).get("total").asLong()).isEqualTo(1));
        assertThat(roster(second).get("total").asLong()).as("in transit, still in the sending branch").isZero();

        members.publish(moving, new MemberTransferReceived(moving, 1, first, second, DAY, null));
        Eventually.that(() -> assertThat(roster(second).get("total").asLong()).isEqualTo(1));
        assertThat(roster(first).get("total").asLong()).as("in exactly one branch").isZero();

        members.publish(moving, new MemberTransferConfirmed(moving, 1, first, second, null, DAY, null));
        members.publish(moving, new MemberTransferInitiated(moving, 2, second, null, "某区税务局机关党委", DAY, null));
        members.publish(moving, new MemberTransferConfirmed(moving, 2, second, null, "某区税务局机关党委", DAY, null));
        Eventually.that(() -> assertThat(roster(second).get("total").asLong()).isZero());
        assertThat(roster(first).get("total").asLong()).isZero();
    }
}
