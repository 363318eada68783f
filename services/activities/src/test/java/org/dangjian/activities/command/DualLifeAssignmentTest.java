package org.dangjian.activities.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dangjian.activities.command.ActivityTest.BRANCH;
import static org.dangjian.activities.command.ActivityTest.MEMBER;
import static org.dangjian.activities.command.ActivityTest.OTHER_BRANCH;
import static org.dangjian.activities.command.ActivityTest.RULES;
import static org.dangjian.activities.command.ActivityTest.code;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dangjian.contracts.activities.DualLifeAssigned;
import org.dangjian.contracts.activities.DualLifeEnded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Dual organisational life (双重组织生活): a leading cadre assigned to a branch besides his own from a day on, ended after
 * a day (not before it began, not in the future), assigned again only from a later day; each refusal by its code.
 */
class DualLifeAssignmentTest {

    static final String ID = AssignDualLifeCommand.idOf(MEMBER, OTHER_BRANCH);
    static final LocalDate SINCE = LocalDate.of(2026, 1, 1);
    static final LocalDate UNTIL = LocalDate.of(2026, 6, 30);
    static final DualLifeAssigned ASSIGNED = new DualLifeAssigned(ID, MEMBER, OTHER_BRANCH, "中心主任", SINCE, "党委通知");
    static final DualLifeEnded ENDED = new DualLifeEnded(ID, MEMBER, OTHER_BRANCH, SINCE, UNTIL, "工作调整");

    private FixtureConfiguration<DualLifeAssignment> assignments;

    @BeforeEach
    void setUp() {
        assignments = new AggregateTestFixture<>(DualLifeAssignment.class);
        assignments.registerAnnotatedCommandHandler(new DualLifeCommandHandlers(assignments.getRepository(), RULES));
    }

    private static AssignDualLifeCommand assign(String homeBranch, LocalDate since) {
        return new AssignDualLifeCommand(ID, MEMBER, homeBranch, OTHER_BRANCH, " 中心主任 ", since, " 党委通知 ");
    }

    @Test
    void theIdFollowsFromMemberAndBranch() {
        assertThat(ID).isEqualTo(UUID.nameUUIDFromBytes(("dual-life|" + MEMBER + "|" + OTHER_BRANCH).getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(AssignDualLifeCommand.idOf(MEMBER, BRANCH)).isNotEqualTo(ID);
    }

    @Test
    void aCadreIsAssignedToABranchBesidesHisOwnWithPositionAndBasisTrimmed() {
        assignments.givenNoPriorActivity().when(assign(BRANCH, SINCE)).expectEvents(ASSIGNED);
        assignments.givenNoPriorActivity().when(new AssignDualLifeCommand(ID, MEMBER, BRANCH, OTHER_BRANCH, "  ", SINCE, "党委通知"))
                .expectEvents(new DualLifeAssigned(ID, MEMBER, OTHER_BRANCH, null, SINCE, "党委通知"));
    }

    @Test
    void hisOwnBranchAMissingBasisOrDayIsRefused() {
        assignments.givenNoPriorActivity().when(assign(OTHER_BRANCH, SINCE)).expectException(code("DUAL_LIFE_OWN_BRANCH"));
        assignments.givenNoPriorActivity().when(new AssignDualLifeCommand(ID, MEMBER, BRANCH, OTHER_BRANCH, null, SINCE, " "))
                .expectException(code("INVALID_REQUEST"));
        assignments.givenNoPriorActivity().when(new AssignDualLifeCommand(ID, MEMBER, BRANCH, OTHER_BRANCH, null, null, "通知"))
                .expectException(code("INVALID_REQUEST"));
        assignments.givenNoPriorActivity().when(new AssignDualLifeCommand(ID, MEMBER, BRANCH, OTHER_BRANCH, "职".repeat(101), SINCE, "通知"))
                .expectException(code("INVALID_REQUEST"));
    }

    @Test
    void itEndsOnceNotBeforeItBeganNorInTheFuture() {
        assignments.given(ASSIGNED).when(new EndDualLifeCommand(ID, UNTIL, " 工作调整 ")).expectEvents(ENDED);
        assignments.given(ASSIGNED).when(new EndDualLifeCommand(ID, SINCE, "当天结束"))
                .expectEvents(new DualLifeEnded(ID, MEMBER, OTHER_BRANCH, SINCE, SINCE, "当天结束"));
        assignments.given(ASSIGNED).when(new EndDualLifeCommand(ID, SINCE.minusDays(1), "早于开始")).expectException(code("DUAL_LIFE_ENDS_BEFORE_START"));
        assignments.given(ASSIGNED).when(new EndDualLifeCommand(ID, LocalDate.of(2026, 11, 29), "明天")).expectException(code("DATE_IN_FUTURE"));
        assignments.given(ASSIGNED).when(new EndDualLifeCommand(ID, UNTIL, "")).expectException(code("INVALID_REQUEST"));
        assignments.given(ASSIGNED, ENDED).when(new EndDualLifeCommand(ID, UNTIL, "再次结束")).expectException(code("DUAL_LIFE_NOT_ACTIVE"));
    }

    @Test
    void whileItAppliesItIsNotAssignedAgainAfterItEndsOnlyFromALaterDay() {
        assignments.given(ASSIGNED).when(assign(BRANCH, LocalDate.of(2026, 3, 1))).expectException(code("DUAL_LIFE_ALREADY_ACTIVE"));
        assignments.given(ASSIGNED, ENDED).when(assign(BRANCH, UNTIL)).expectException(code("DUAL_LIFE_OVERLAPS"));
        LocalDate again = UNTIL.plusDays(1);
        assignments.given(ASSIGNED, ENDED).when(assign(BRANCH, again))
                .expectEvents(new DualLifeAssigned(ID, MEMBER, OTHER_BRANCH, "中心主任", again, "党委通知"));
        assignments.given(ASSIGNED, ENDED, new DualLifeAssigned(ID, MEMBER, OTHER_BRANCH, "中心主任", again, "党委通知"))
                .when(new EndDualLifeCommand(ID, again, "再次调整"))
                .expectEvents(new DualLifeEnded(ID, MEMBER, OTHER_BRANCH, again, again, "再次调整"));
    }
}
