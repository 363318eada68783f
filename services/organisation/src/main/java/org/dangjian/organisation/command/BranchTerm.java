package org.dangjian.organisation.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dangjian.contracts.organisation.BranchElectionApproved;
import org.dangjian.contracts.organisation.BranchElectionCalled;
import org.dangjian.contracts.organisation.BranchElectionHeld;
import org.dangjian.contracts.organisation.BranchTermRecorded;
import org.dangjian.contracts.organisation.CommitteeMember;
import org.dangjian.contracts.organisation.CommitteePosition;
import org.dangjian.contracts.organisation.ElectionCandidate;
import org.dangjian.runtime.domain.BusinessCalendar;
import org.dangjian.runtime.domain.Inputs;
import org.dangjian.runtime.domain.RuleViolation;

/**
 * A committee's term (任期) of a party organisation: either recorded as in office (elected before the platform), or
 * opened by an election called (换届选举), then the election held with its votes, then approved by the higher committee,
 * from which the term runs from the election day for its years. The rules of the election: more than four fifths of the
 * eligible voters vote; a candidate is elected with more votes in favour than half of the votes cast, the most voted
 * first, up to the seats; the secretary and at most two deputies are among the elected.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class BranchTerm {

    /** Where a term stands. */
    enum State { CALLED, ELECTED, IN_OFFICE }

    static final int MIN_SEATS = 3;
    static final int MAX_SEATS = 9;
    static final int MAX_DEPUTIES = 2;
    static final int MAX_CANDIDATES = 30;

    @AggregateIdentifier
    private String termId;
    private String unitId;
    private State state;
    private int termYears;
    private int seats;
    private LocalDate electionDate;
    private LocalDate heldOn;
    private LocalDate lastStep;

    protected BranchTerm() {
        // for Axon
    }

    BranchTerm(TermCommands.RecordTerm command, BusinessCalendar calendar) {
        UnitFacts unit = command.unit().requireElective();
        LocalDate startedOn = calendar.past("startedOn", command.startedOn());
        int years = termYears(command.termYears());
        List<CommitteeMember> committee = committee(command.committee());
        apply(new BranchTermRecorded(command.termId(), unit.unitId(), startedOn, years, startedOn.plusYears(years), committee,
                Inputs.optional("basis", command.basis(), 500)));
    }

    BranchTerm(TermCommands.CallElection command, BusinessCalendar calendar) {
        UnitFacts unit = command.unit().requireElective();
        LocalDate calledOn = calendar.past("calledOn", command.calledOn());
        LocalDate election = Inputs.day("electionDate", command.electionDate());
        if (election.isBefore(calledOn)) {
            throw RuleViolation.conflict("ELECTION_BEFORE_CALL", "The election day {0} lies before the day it is called ({1})", election.toString(),
                    calledOn.toString());
        }
        if (command.seats() < MIN_SEATS || command.seats() > MAX_SEATS) {
            throw RuleViolation.invalid("INVALID_SEATS", "A committee has {0} to {1} seats", MIN_SEATS, MAX_SEATS);
        }
        apply(new BranchElectionCalled(command.termId(), unit.unitId(), calledOn, election, termYears(command.termYears()), command.seats(),
                Inputs.optional("basis", command.basis(), 500)));
    }

    void hold(TermCommands.HoldElection command, BusinessCalendar calendar) {
        if (state != State.CALLED) {
            throw state == null || heldOn == null && state == State.IN_OFFICE
                    ? RuleViolation.conflict("NOT_AN_ELECTION", "Term {0} was recorded as in office: it has no election to hold", termId)
                    : RuleViolation.conflict("ELECTION_ALREADY_HELD", "The election of term {0} was held already", termId);
        }
        LocalDate day = calendar.past("heldOn", command.heldOn());
        if (day.isBefore(electionDate)) {
            throw RuleViolation.conflict("ELECTION_NOT_YET_DUE", "The election is called for {0}: a result of {1} comes before it",
                    electionDate.toString(), day.toString());
        }
        int eligible = command.eligibleVoters();
        int cast = command.votesCast();
        if (eligible < 1 || cast < 1 || cast > eligible) {
            throw RuleViolation.invalid("INVALID_VOTES", "Votes cast ({0}) are 1 to the eligible voters ({1})", cast, eligible);
        }
        if (cast * 5 <= eligible * 4) {
            throw RuleViolation.conflict("QUORUM_NOT_REACHED", "{0} of {1} eligible voters voted: more than four fifths must vote", cast, eligible);
        }
        List<TermCommands.Candidate> candidates = candidates(command.candidates(), cast);
        Set<String> elected = elected(candidates, cast);
        String secretary = command.secretaryId();
        if (secretary == null || !elected.contains(secretary)) {
            throw RuleViolation.conflict("SECRETARY_NOT_ELECTED", "The secretary must be one of the elected committee members");
        }
        List<String> deputies = command.deputyIds() == null ? List.of() : command.deputyIds();
        if (deputies.size() > MAX_DEPUTIES || new HashSet<>(deputies).size() != deputies.size() || deputies.contains(secretary)
                || !elected.containsAll(deputies)) {
            throw RuleViolation.conflict("DEPUTY_NOT_ELECTED", "The deputies (at most {0}) are elected members other than the secretary",
                    MAX_DEPUTIES);
        }
        Map<String, TermCommands.Candidate> byId = candidates.stream().collect(Collectors.toMap(TermCommands.Candidate::memberId, Function.identity()));
        List<CommitteeMember> committee = new ArrayList<>();
        committee.add(new CommitteeMember(secretary, byId.get(secretary).name(), CommitteePosition.SECRETARY));
        deputies.forEach(d -> committee.add(new CommitteeMember(d, byId.get(d).name(), CommitteePosition.DEPUTY_SECRETARY)));
        candidates.stream().filter(c -> elected.contains(c.memberId()) && !c.memberId().equals(secretary) && !deputies.contains(c.memberId()))
                .forEach(c -> committee.add(new CommitteeMember(c.memberId(), c.name(), CommitteePosition.COMMITTEE_MEMBER)));
        List<ElectionCandidate> results = candidates.stream()
                .map(c -> new ElectionCandidate(c.memberId(), c.name(), c.votes(), elected.contains(c.memberId()))).toList();
        apply(new BranchElectionHeld(termId, unitId, day, eligible, cast, results, committee));
    }

    void approve(TermCommands.ApproveElection command, BusinessCalendar calendar) {
        if (state == State.IN_OFFICE) {
            throw RuleViolation.conflict("ELECTION_ALREADY_APPROVED", "Term {0} is in office already", termId);
        }
        if (state != State.ELECTED) {
            throw RuleViolation.conflict("ELECTION_NOT_HELD", "The election of term {0} has not been held: there is no result to approve", termId);
        }
        LocalDate day = calendar.step(command.approvedOn(), lastStep);
        apply(new BranchElectionApproved(termId, unitId, day, Inputs.text("approvedBy", command.approvedBy(), 100), heldOn,
                heldOn.plusYears(termYears), Inputs.optional("basis", command.basis(), 500)));
    }

    private static int termYears(int years) {
        if (years != 3 && years != 5) {
            throw RuleViolation.invalid("INVALID_TERM_YEARS", "A term runs 3 or 5 years, not {0}", years);
        }
        return years;
    }

    /** A committee recorded as in office: one secretary, at most two deputies, each member once, at most nine. */
    private static List<CommitteeMember> committee(List<CommitteeMember> given) {
        if (given == null || given.isEmpty() || given.size() > MAX_SEATS) {
            throw RuleViolation.invalid("INVALID_COMMITTEE", "A committee has 1 to {0} members", MAX_SEATS);
        }
        Set<String> seen = new HashSet<>();
        for (CommitteeMember member : given) {
            if (member == null || member.memberId() == null || member.position() == null || !seen.add(member.memberId())) {
                throw RuleViolation.invalid("INVALID_COMMITTEE", "Each committee member is named once with his seat");
            }
        }
        long secretaries = given.stream().filter(m -> m.position() == CommitteePosition.SECRETARY).count();
        long deputies = given.stream().filter(m -> m.position() == CommitteePosition.DEPUTY_SECRETARY).count();
        if (secretaries != 1 || deputies > MAX_DEPUTIES) {
            throw RuleViolation.invalid("INVALID_COMMITTEE", "A committee has one secretary and at most {0} deputies", MAX_DEPUTIES);
        }
        return List.copyOf(given);
    }

    private static List<TermCommands.Candidate> candidates(List<TermCommands.Candidate> given, int cast) {
        if (given == null || given.isEmpty() || given.size() > MAX_CANDIDATES) {
            throw RuleViolation.invalid("INVALID_CANDIDATES", "An election has 1 to {0} candidates", MAX_CANDIDATES);
        }
        Set<String> seen = new HashSet<>();
        for (TermCommands.Candidate candidate : given) {
            if (candidate == null || candidate.memberId() == null || !seen.add(candidate.memberId())) {
                throw RuleViolation.invalid("INVALID_CANDIDATES", "Each candidate is named once");
            }
            if (candidate.votes() < 0 || candidate.votes() > cast) {
                throw RuleViolation.invalid("INVALID_VOTES", "{0} has {1} votes: 0 to the votes cast ({2})", candidate.name(), candidate.votes(), cast);
            }
        }
        return List.copyOf(given);
    }

    /** The elected: more votes than half of those cast, the most voted first, up to the seats; a tie for the last seat is refused. */
    private Set<String> elected(List<TermCommands.Candidate> candidates, int cast) {
        List<TermCommands.Candidate> majority = candidates.stream().filter(c -> c.votes() * 2 > cast)
                .sorted(Comparator.comparingInt(TermCommands.Candidate::votes).reversed()).toList();
        if (majority.size() > seats && majority.get(seats - 1).votes() == majority.get(seats).votes()) {
            throw RuleViolation.conflict("TIED_FOR_LAST_SEAT", "{0} and {1} have {2} votes each for the last seat: a further vote decides",
                    majority.get(seats - 1).name(), majority.get(seats).name(), majority.get(seats).votes());
        }
        return majority.stream().limit(seats).map(TermCommands.Candidate::memberId).collect(Collectors.toSet());
    }

    @EventSourcingHandler
    void on(BranchTermRecorded event) {
        termId = event.termId();
        unitId = event.unitId();
        state = State.IN_OFFICE;
        termYears = event.termYears();
        lastStep = event.startedOn();
    }

    @EventSourcingHandler
    void on(BranchElectionCalled event) {
        termId = event.termId();
        unitId = event.unitId();
        state = State.CALLED;
        termYears = event.termYears();
        seats = event.seats();
        electionDate = event.electionDate();
        lastStep = event.calledOn();
    }

    @EventSourcingHandler
    void on(BranchElectionHeld event) {
        state = State.ELECTED;
        heldOn = event.heldOn();
        lastStep = event.heldOn();
    }

    @EventSourcingHandler
    void on(BranchElectionApproved event) {
        state = State.IN_OFFICE;
        lastStep = event.approvedOn();
    }
}
