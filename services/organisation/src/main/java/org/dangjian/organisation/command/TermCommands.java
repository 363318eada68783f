package org.dangjian.organisation.command;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.dangjian.contracts.organisation.CommitteeMember;
import org.dangjian.runtime.command.AggregateCodes;

/** The commands of branch committee terms and elections (换届选举). Members are named as the branch roster shows them. */
public final class TermCommands {

    private TermCommands() {
    }

    /** A candidate of an election with his votes in favour. */
    public record Candidate(String memberId, String name, int votes) {
    }

    /** 任期登记: a term in office elected before the platform. */
    @AggregateCodes(notFound = "TERM_NOT_FOUND", alreadyExists = "TERM_ALREADY_EXISTS")
    public record RecordTerm(@TargetAggregateIdentifier String termId, UnitFacts unit, LocalDate startedOn, int termYears,
                             List<CommitteeMember> committee, String basis) {
    }

    /** 召开选举: an election called. */
    @AggregateCodes(notFound = "TERM_NOT_FOUND", alreadyExists = "TERM_ALREADY_EXISTS")
    public record CallElection(@TargetAggregateIdentifier String termId, UnitFacts unit, LocalDate calledOn, LocalDate electionDate, int termYears,
                               int seats, String basis) {
    }

    /** 选举结果: the election held. */
    @AggregateCodes(notFound = "TERM_NOT_FOUND")
    public record HoldElection(@TargetAggregateIdentifier String termId, LocalDate heldOn, int eligibleVoters, int votesCast,
                               List<Candidate> candidates, String secretaryId, List<String> deputyIds) {
    }

    /** 选举批复: the result approved by the higher committee. */
    @AggregateCodes(notFound = "TERM_NOT_FOUND")
    public record ApproveElection(@TargetAggregateIdentifier String termId, LocalDate approvedOn, String approvedBy, String basis) {
    }
}
