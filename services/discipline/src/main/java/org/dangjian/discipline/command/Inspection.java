package org.dangjian.discipline.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dangjian.contracts.discipline.FindingRecorded;
import org.dangjian.contracts.discipline.InspectionCarriedOut;
import org.dangjian.contracts.discipline.InspectionClosed;
import org.dangjian.contracts.discipline.InspectionPlanned;
import org.dangjian.contracts.discipline.RectificationReported;
import org.dangjian.contracts.discipline.RectificationRequired;
import org.dangjian.contracts.discipline.RectificationVerified;
import org.dangjian.runtime.domain.RuleViolation;

/**
 * An inspection (明察暗访) of a service window or section: planned (open or unannounced), carried out, its findings
 * recorded, rectification (整改) required by a deadline when there are findings, reported, verified (accepted, or sent
 * back and reported again), and closed: without findings once carried out, with findings only once the rectification
 * is accepted. Every step is an event of its own stream (restricted: case content).
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class Inspection {

    /** Where an inspection stands. */
    enum State { PLANNED, CARRIED_OUT, RECTIFICATION_REQUIRED, RECTIFICATION_REPORTED, RECTIFIED, CLOSED }

    @AggregateIdentifier
    private String inspectionId;
    private State state;
    private int findings;
    private LocalDate carriedOutOn;
    private LocalDate lastStep;

    protected Inspection() {
        // for Axon
    }

    Inspection(InspectionCommands.PlanInspection command) {
        if (command.target() == null || command.mode() == null) {
            throw DisciplineRules.invalid("target, mode");
        }
        apply(new InspectionPlanned(command.inspectionId(), command.target(), DisciplineRules.text("targetName", command.targetName(), 200),
                command.branchId(), command.mode(), DisciplineRules.day("plannedDate", command.plannedDate()),
                DisciplineRules.list("inspectors", command.inspectors(), 1, 100), DisciplineRules.optional("focus", command.focus(), 2000)));
    }

    void carryOut(InspectionCommands.CarryOutInspection command, DisciplineRules rules) {
        if (state != State.PLANNED) {
            throw RuleViolation.conflict("INSPECTION_ALREADY_CARRIED_OUT", "Inspection {0} was carried out already", inspectionId);
        }
        apply(new InspectionCarriedOut(inspectionId, rules.past("date", command.date()), DisciplineRules.text("summary", command.summary(), 4000)));
    }

    void recordFinding(InspectionCommands.RecordFinding command) {
        requireCarriedOut();
        if (state != State.CARRIED_OUT) {
            throw RuleViolation.conflict("FINDINGS_CLOSED", "Inspection {0} requires its rectification already: findings are recorded before",
                    inspectionId);
        }
        if (command.severity() == null) {
            throw DisciplineRules.invalid("severity");
        }
        apply(new FindingRecorded(inspectionId, findings + 1, DisciplineRules.text("description", command.description(), 2000), command.severity(),
                DisciplineRules.list("evidence", command.evidence(), 0, 300)));
    }

    void requireRectification(InspectionCommands.RequireRectification command) {
        requireCarriedOut();
        if (state != State.CARRIED_OUT) {
            throw RuleViolation.conflict("RECTIFICATION_ALREADY_REQUIRED", "Inspection {0} requires its rectification already", inspectionId);
        }
        if (findings == 0) {
            throw RuleViolation.conflict("NO_FINDINGS", "Inspection {0} has no findings: there is nothing to rectify", inspectionId);
        }
        LocalDate deadline = DisciplineRules.day("deadline", command.deadline());
        if (deadline.isBefore(carriedOutOn)) {
            throw RuleViolation.conflict("DEADLINE_BEFORE_INSPECTION", "The deadline {0} lies before the inspection ({1})", deadline.toString(),
                    carriedOutOn.toString());
        }
        apply(new RectificationRequired(inspectionId, DisciplineRules.text("requirement", command.requirement(), 2000), deadline,
                DisciplineRules.text("responsible", command.responsible(), 200)));
    }

    void reportRectification(InspectionCommands.ReportRectification command, DisciplineRules rules) {
        if (state != State.RECTIFICATION_REQUIRED) {
            throw RuleViolation.conflict("RECTIFICATION_NOT_REQUIRED", "Inspection {0} awaits no rectification report", inspectionId);
        }
        LocalDate date = rules.step(command.date(), lastStep);
        apply(new RectificationReported(inspectionId, date, DisciplineRules.text("report", command.report(), 4000),
                DisciplineRules.list("evidence", command.evidence(), 0, 300)));
    }

    void verifyRectification(InspectionCommands.VerifyRectification command, DisciplineRules rules) {
        if (state != State.RECTIFICATION_REPORTED) {
            throw RuleViolation.conflict("RECTIFICATION_NOT_REPORTED", "Inspection {0} has no rectification report to verify", inspectionId);
        }
        LocalDate date = rules.step(command.date(), lastStep);
        apply(new RectificationVerified(inspectionId, date, command.accepted(), DisciplineRules.text("opinion", command.opinion(), 2000)));
    }

    void close(InspectionCommands.CloseInspection command, DisciplineRules rules) {
        if (state == State.CLOSED) {
            throw RuleViolation.conflict("INSPECTION_CLOSED", "Inspection {0} is closed", inspectionId);
        }
        requireCarriedOut();
        if (findings > 0 && state != State.RECTIFIED) {
            throw RuleViolation.conflict("RECTIFICATION_NOT_VERIFIED", "Inspection {0} has findings whose rectification is not accepted yet",
                    inspectionId);
        }
        LocalDate date = rules.step(command.date(), lastStep);
        apply(new InspectionClosed(inspectionId, date, DisciplineRules.text("conclusion", command.conclusion(), 2000)));
    }

    private void requireCarriedOut() {
        if (state == State.CLOSED) {
            throw RuleViolation.conflict("INSPECTION_CLOSED", "Inspection {0} is closed", inspectionId);
        }
        if (state == State.PLANNED) {
            throw RuleViolation.conflict("INSPECTION_NOT_CARRIED_OUT", "Inspection {0} has not been carried out yet", inspectionId);
        }
    }


    @EventSourcingHandler
    void on(InspectionPlanned event) {
        inspectionId = event.inspectionId();
        state = State.PLANNED;
    }

    @EventSourcingHandler
    void on(InspectionCarriedOut event) {
        state = State.CARRIED_OUT;
        carriedOutOn = event.date();
        lastStep = event.date();
    }

    @EventSourcingHandler
    void on(FindingRecorded event) {
        findings = event.findingNo();
    }

    @EventSourcingHandler
    void on(RectificationRequired event) {
        state = State.RECTIFICATION_REQUIRED;
    }

    @EventSourcingHandler
    void on(RectificationReported event) {
        state = State.RECTIFICATION_REPORTED;
        lastStep = event.date();
    }

    @EventSourcingHandler
    void on(RectificationVerified event) {
        state = event.accepted() ? State.RECTIFIED : State.RECTIFICATION_REQUIRED;
        lastStep = event.date();
    }

    @EventSourcingHandler
    void on(InspectionClosed event) {
        state = State.CLOSED;
        lastStep = event.date();
    }
}
