package org.dangjian.discipline.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dangjian.contracts.discipline.AccountabilityMeasure;
import org.dangjian.contracts.discipline.CaseDecided;
import org.dangjian.contracts.discipline.CaseOpened;
import org.dangjian.contracts.discipline.CaseSanctionEnded;
import org.dangjian.contracts.discipline.CaseType;
import org.dangjian.contracts.discipline.MeasureProposed;
import org.dangjian.contracts.discipline.Sanction;
import org.dangjian.runtime.domain.RuleViolation;

/**
 * A case (案件) against a member: accountability (问责: 通报, 诫勉, 组织调整或者组织处理) or a party disciplinary
 * sanction (党纪处分: 警告 … 开除党籍). Opened, a measure proposed (once or again), decided with its basis, and for a
 * sanction in effect until it ends (its period over, or revoked). The case file is restricted; what other services
 * learn of a sanction is its effect, on a stream of its own ({@link SanctionEffect}), written in the same commit as
 * the decision and the end.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class DisciplinaryCase {

    /** Where a case stands. */
    enum State { OPEN, PROPOSED, DECIDED, IN_EFFECT, ENDED }

    @AggregateIdentifier
    private String caseId;
    private CaseType type;
    private String memberId;
    private State state;
    private LocalDate lastStep;
    private LocalDate effectiveFrom;

    protected DisciplinaryCase() {
        // for Axon
    }

    DisciplinaryCase(CaseCommands.OpenCase command, DisciplineRules rules) {
        if (command.type() == null || command.memberId() == null) {
            throw DisciplineRules.invalid("type, memberId");
        }
        apply(new CaseOpened(command.caseId(), command.type(), command.memberId(), DisciplineRules.text("matter", command.matter(), 4000),
                DisciplineRules.text("basis", command.basis(), 500), rules.past("date", command.date())));
    }

    void propose(CaseCommands.ProposeMeasure command, DisciplineRules rules) {
        if (state != State.OPEN && state != State.PROPOSED) {
            throw RuleViolation.conflict("CASE_ALREADY_DECIDED", "Case {0} is decided already", caseId);
        }
        requireMeasureOfType(command.sanction(), command.measure());
        apply(new MeasureProposed(caseId, command.sanction(), command.measure(), DisciplineRules.text("reasons", command.reasons(), 4000),
                rules.step(command.date(), lastStep)));
    }

    /** Decides the case; a sanction's effect is returned so that the handler publishes it on its own stream in the same commit. */
    CaseDecided decide(CaseCommands.DecideCase command, DisciplineRules rules) {
        if (state == State.OPEN) {
            throw RuleViolation.conflict("NO_PROPOSAL", "Case {0} has no proposed measure yet: it is decided on a proposal", caseId);
        }
        if (state != State.PROPOSED) {
            throw RuleViolation.conflict("CASE_ALREADY_DECIDED", "Case {0} is decided already", caseId);
        }
        requireMeasureOfType(command.sanction(), command.measure());
        LocalDate decided = rules.step(command.date(), lastStep);
        LocalDate from = rules.past("effectiveFrom", command.effectiveFrom());
        if (from.isBefore(decided)) {
            throw RuleViolation.conflict("EFFECT_BEFORE_DECISION", "It takes effect on {0}, before it was decided ({1})", from.toString(),
                    decided.toString());
        }
        LocalDate until = command.effectiveUntil();
        if (until != null && (type != CaseType.SANCTION || !until.isAfter(from))) {
            throw RuleViolation.conflict("INVALID_PERIOD", "A period of effect ends after it begins ({0}), and only a sanction has one",
                    from.toString());
        }
        CaseDecided decision = new CaseDecided(caseId, command.sanction(), command.measure(), DisciplineRules.text("basis", command.basis(), 2000),
                decided, from, until, type == CaseType.SANCTION ? CaseCommands.sanctionIdOf(caseId) : null);
        apply(decision);
        return decision;
    }

    /** Ends the sanction in effect; returns what the handler publishes on the sanction's stream. */
    CaseSanctionEnded endSanction(CaseCommands.EndSanction command, DisciplineRules rules) {
        if (type != CaseType.SANCTION || state == State.OPEN || state == State.PROPOSED) {
            throw RuleViolation.conflict("NO_SANCTION_IN_EFFECT", "Case {0} has no sanction in effect", caseId);
        }
        if (state == State.ENDED) {
            throw RuleViolation.conflict("SANCTION_ALREADY_ENDED", "The sanction of case {0} has ended already", caseId);
        }
        LocalDate ended = rules.past("endedOn", command.endedOn());
        if (!ended.isAfter(effectiveFrom)) {
            throw RuleViolation.conflict("END_BEFORE_EFFECT", "It took effect on {0}: it ends on a later day, not {1}", effectiveFrom.toString(),
                    ended.toString());
        }
        CaseSanctionEnded end = new CaseSanctionEnded(caseId, CaseCommands.sanctionIdOf(caseId), ended,
                DisciplineRules.text("reason", command.reason(), 500));
        apply(end);
        return end;
    }

    String memberId() {
        return memberId;
    }

    private void requireMeasureOfType(Sanction sanction, AccountabilityMeasure measure) {
        if (type == CaseType.SANCTION && (sanction == null || measure != null)) {
            throw RuleViolation.invalid("SANCTION_REQUIRED", "A sanction case proposes and decides a sanction (警告 … 开除党籍), and no other measure");
        }
        if (type == CaseType.ACCOUNTABILITY && (measure == null || sanction != null)) {
            throw RuleViolation.invalid("MEASURE_REQUIRED", "An accountability case proposes and decides an accountability measure (通报, 诫勉, "
                    + "组织调整或者组织处理); a sanction is a case of its own");
        }
    }


    @EventSourcingHandler
    void on(CaseOpened event) {
        caseId = event.caseId();
        type = event.type();
        memberId = event.memberId();
        state = State.OPEN;
        lastStep = event.date();
    }

    @EventSourcingHandler
    void on(MeasureProposed event) {
        state = State.PROPOSED;
        lastStep = event.date();
    }

    @EventSourcingHandler
    void on(CaseDecided event) {
        state = event.sanction() != null ? State.IN_EFFECT : State.DECIDED;
        lastStep = event.date();
        effectiveFrom = event.effectiveFrom();
    }

    @EventSourcingHandler
    void on(CaseSanctionEnded event) {
        state = State.ENDED;
    }
}
