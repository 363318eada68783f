package org.dangjian.organisation.command;

import static org.dangjian.organisation.command.WorkFixtures.A;
import static org.dangjian.organisation.command.WorkFixtures.B;
import static org.dangjian.organisation.command.WorkFixtures.BRANCH;
import static org.dangjian.organisation.command.WorkFixtures.BRANCH_ID;
import static org.dangjian.organisation.command.WorkFixtures.C;
import static org.dangjian.organisation.command.WorkFixtures.CALENDAR;
import static org.dangjian.organisation.command.WorkFixtures.D;
import static org.dangjian.organisation.command.WorkFixtures.DISSOLVED;
import static org.dangjian.organisation.command.WorkFixtures.GROUP;
import static org.dangjian.organisation.command.WorkFixtures.ID;
import static org.dangjian.organisation.command.WorkFixtures.code;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dangjian.contracts.organisation.BranchElectionApproved;
import org.dangjian.contracts.organisation.BranchElectionCalled;
import org.dangjian.contracts.organisation.BranchElectionHeld;
import org.dangjian.contracts.organisation.BranchTermRecorded;
import org.dangjian.contracts.organisation.CommitteeMember;
import org.dangjian.contracts.organisation.CommitteePosition;
import org.dangjian.contracts.organisation.ElectionCandidate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Terms recorded, elections called, held by the rules and approved; every refusal by its code. */
class BranchTermTest {

    static final LocalDate CALLED = LocalDate.of(2026, 10, 8);
    static final LocalDate ELECTION = LocalDate.of(2026, 10, 20);
    static final BranchElectionCalled CALL = new BranchElectionCalled(ID, BRANCH_ID, CALLED, ELECTION, 3, 3, "支委会决定");
    static final List<TermCommands.Candidate> CANDIDATES = List.of(new TermCommands.Candidate(A, "李明", 20),
            new TermCommands.Candidate(B, "张丽", 18), new TermCommands.Candidate(C, "王强", 15), new TermCommands.Candidate(D, "赵敏", 9));
    static final BranchElectionHeld HELD = new BranchElectionHeld(ID, BRANCH_ID, ELECTION, 23, 21, List.of(
            new ElectionCandidate(A, "李明", 20, true), new ElectionCandidate(B, "张丽", 18, true), new ElectionCandidate(C, "王强", 15, true),
            new ElectionCandidate(D, "赵敏", 9, false)), List.of(new CommitteeMember(A, "李明", CommitteePosition.SECRETARY),
            new CommitteeMember(B, "张丽", CommitteePosition.DEPUTY_SECRETARY), new CommitteeMember(C, "王强", CommitteePosition.COMMITTEE_MEMBER)));

    private FixtureConfiguration<BranchTerm> terms;

    @BeforeEach
    void setUp() {
        terms = new AggregateTestFixture<>(BranchTerm.class);
        terms.registerAnnotatedCommandHandler(new WorkCommandHandlers(terms.getRepository(), null, null, null, null, null, null, CALENDAR));
    }

    private static TermCommands.RecordTerm record(List<CommitteeMember> committee, int years) {
        return new TermCommands.RecordTerm(ID, BRANCH, LocalDate.of(2021, 6, 1), years, committee, "批复");
    }

    @Test
    void aTermInOfficeIsRecordedWithItsDueDay() {
        List<CommitteeMember> committee = List.of(new CommitteeMember(A, "李明", CommitteePosition.SECRETARY),
                new CommitteeMember(B, "张丽", CommitteePosition.COMMITTEE_MEMBER));
        terms.givenNoPriorActivity().when(record(committee, 3))
                .expectEvents(new BranchTermRecorded(ID, BRANCH_ID, LocalDate.of(2021, 6, 1), 3, LocalDate.of(2024, 6, 1), committee, "批复"));
        terms.givenNoPriorActivity().when(record(committee, 4)).expectException(code("INVALID_TERM_YEARS"));
        terms.givenNoPriorActivity().when(record(List.of(new CommitteeMember(A, "李明", CommitteePosition.COMMITTEE_MEMBER)), 3))
                .expectException(code("INVALID_COMMITTEE"));
        terms.givenNoPriorActivity().when(record(List.of(new CommitteeMember(A, "李明", CommitteePosition.SECRETARY),
                new CommitteeMember(A, "李明", CommitteePosition.COMMITTEE_MEMBER)), 3)).expectException(code("INVALID_COMMITTEE"));
        terms.givenNoPriorActivity().when(new TermCommands.RecordTerm(ID, GROUP, LocalDate.of(2021, 6, 1), 3, committee, null))
                .expectException(code("UNIT_NOT_ELECTIVE"));
        terms.givenNoPriorActivity().when(new TermCommands.RecordTerm(ID, DISSOLVED, LocalDate.of(2021, 6, 1), 3, committee, null))
                .expectException(code("UNIT_NOT_ACTIVE"));
        terms.givenNoPriorActivity().when(new TermCommands.RecordTerm(ID, BRANCH, LocalDate.of(2027, 1, 1), 3, committee, null))
                .expectException(code("DATE_IN_FUTURE"));
    }

    @Test
    void anElectionIsCalledForADayNotBeforeTheCallWithThreeToNineSeats() {
        terms.givenNoPriorActivity().when(new TermCommands.CallElection(ID, BRANCH, CALLED, ELECTION, 3, 3, "支委会决定")).expectEvents(CALL);
        terms.givenNoPriorActivity().when(new TermCommands.CallElection(ID, BRANCH, CALLED, CALLED.minusDays(1), 3, 3, null))
                .expectException(code("ELECTION_BEFORE_CALL"));
        terms.givenNoPriorActivity().when(new TermCommands.CallElection(ID, BRANCH, CALLED, ELECTION, 3, 2, null))
                .expectException(code("INVALID_SEATS"));
        terms.givenNoPriorActivity().when(new TermCommands.CallElection(ID, BRANCH, CALLED, ELECTION, 3, 10, null))
                .expectException(code("INVALID_SEATS"));
    }

    @Test
    void theMostVotedWithAMajorityOfTheVotesCastAreElectedUpToTheSeats() {
        terms.given(CALL).when(new TermCommands.HoldElection(ID, ELECTION, 23, 21, CANDIDATES, A, List.of(B))).expectEvents(HELD);
    }

    @Test
    void anElectionIsRefusedWithoutQuorumOrWithImpossibleVotesOrOfficers() {
        terms.given(CALL).when(new TermCommands.HoldElection(ID, ELECTION, 23, 18, CANDIDATES.subList(1, 4), B, List.of()))
                .expectException(code("QUORUM_NOT_REACHED"));
        terms.given(CALL).when(new TermCommands.HoldElection(ID, ELECTION, 23, 19, List.of(new TermCommands.Candidate(A, "李明", 20)), A, List.of()))
                .expectException(code("INVALID_VOTES"));
        terms.given(CALL).when(new TermCommands.HoldElection(ID, ELECTION, 20, 21, CANDIDATES, A, List.of()))
                .expectException(code("INVALID_VOTES"));
        terms.given(CALL).when(new TermCommands.HoldElection(ID, ELECTION, 23, 21, CANDIDATES, D, List.of()))
                .expectException(code("SECRETARY_NOT_ELECTED"));
        terms.given(CALL).when(new TermCommands.HoldElection(ID, ELECTION, 23, 21, CANDIDATES, A, List.of(D)))
                .expectException(code("DEPUTY_NOT_ELECTED"));
        terms.given(CALL).when(new TermCommands.HoldElection(ID, ELECTION, 23, 21, CANDIDATES, A, List.of(A)))
                .expectException(code("DEPUTY_NOT_ELECTED"));
        terms.given(CALL).when(new TermCommands.HoldElection(ID, ELECTION, 23, 21, List.of(new TermCommands.Candidate(A, "李明", 20),
                new TermCommands.Candidate(A, "李明", 20)), A, List.of())).expectException(code("INVALID_CANDIDATES"));
        terms.given(CALL).when(new TermCommands.HoldElection(ID, ELECTION.minusDays(1), 23, 21, CANDIDATES, A, List.of()))
                .expectException(code("ELECTION_NOT_YET_DUE"));
        terms.given(CALL).when(new TermCommands.HoldElection(ID, ELECTION, 23, 21, List.of(new TermCommands.Candidate(A, "李明", 20),
                new TermCommands.Candidate(B, "张丽", 18), new TermCommands.Candidate(C, "王强", 15), new TermCommands.Candidate(D, "赵敏", 15)), A,
                List.of())).expectException(code("TIED_FOR_LAST_SEAT"));
        terms.given(CALL, HELD).when(new TermCommands.HoldElection(ID, ELECTION, 23, 21, CANDIDATES, A, List.of()))
                .expectException(code("ELECTION_ALREADY_HELD"));
        terms.given(new BranchTermRecorded(ID, BRANCH_ID, LocalDate.of(2021, 6, 1), 3, LocalDate.of(2024, 6, 1),
                List.of(new CommitteeMember(A, "李明", CommitteePosition.SECRETARY)), null))
                .when(new TermCommands.HoldElection(ID, ELECTION, 23, 21, CANDIDATES, A, List.of())).expectException(code("NOT_AN_ELECTION"));
    }

    @Test
    void anElectionHeldIsApprovedOnceAndTheTermRunsFromTheElectionDay() {
        LocalDate approved = LocalDate.of(2026, 10, 27);
        terms.given(CALL, HELD).when(new TermCommands.ApproveElection(ID, approved, "中心党委", "党委〔2026〕9号"))
                .expectEvents(new BranchElectionApproved(ID, BRANCH_ID, approved, "中心党委", ELECTION, LocalDate.of(2029, 10, 20), "党委〔2026〕9号"));
        terms.given(CALL).when(new TermCommands.ApproveElection(ID, approved, "中心党委", null)).expectException(code("ELECTION_NOT_HELD"));
        terms.given(CALL, HELD).when(new TermCommands.ApproveElection(ID, ELECTION.minusDays(1), "中心党委", null))
                .expectException(code("DATE_BEFORE_PREVIOUS_STEP"));
        terms.given(CALL, HELD, new BranchElectionApproved(ID, BRANCH_ID, approved, "中心党委", ELECTION, LocalDate.of(2029, 10, 20), null))
                .when(new TermCommands.ApproveElection(ID, approved, "中心党委", null)).expectException(code("ELECTION_ALREADY_APPROVED"));
    }
}
