package org.dangjian.discipline.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.dangjian.contracts.discipline.CaseDecided;
import org.dangjian.contracts.discipline.CaseSanctionEnded;
import org.springframework.stereotype.Component;

/**
 * The discipline records' command handlers: each loads (or creates) its record and lets it decide. A case's decision
 * and a sanction's end write the case (restricted) and the sanction's published effect ({@link SanctionEffect}) in one
 * commit: both or neither.
 */
@Component
class DisciplineCommandHandlers {

    private final Repository<Inspection> inspections;
    private final Repository<Talk> talks;
    private final Repository<DisciplinaryCase> cases;
    private final Repository<SanctionEffect> sanctions;
    private final Repository<SelectionSupervision> selections;
    private final Repository<AccessLog> accessLogs;
    private final DisciplineRules rules;

    DisciplineCommandHandlers(Repository<Inspection> inspections, Repository<Talk> talks, Repository<DisciplinaryCase> cases,
                              Repository<SanctionEffect> sanctions, Repository<SelectionSupervision> selections, Repository<AccessLog> accessLogs,
                              DisciplineRules rules) {
        this.inspections = inspections;
        this.talks = talks;
        this.cases = cases;
        this.sanctions = sanctions;
        this.selections = selections;
        this.accessLogs = accessLogs;
        this.rules = rules;
    }

    @CommandHandler
    void handle(InspectionCommands.PlanInspection command) throws Exception {
        inspections.newInstance(() -> new Inspection(command));
    }

    @CommandHandler
    void handle(InspectionCommands.CarryOutInspection command) {
        inspections.load(command.inspectionId()).execute(inspection -> inspection.carryOut(command, rules));
    }

    @CommandHandler
    void handle(InspectionCommands.RecordFinding command) {
        inspections.load(command.inspectionId()).execute(inspection -> inspection.recordFinding(command));
    }

    @CommandHandler
    void handle(InspectionCommands.RequireRectification command) {
        inspections.load(command.inspectionId()).execute(inspection -> inspection.requireRectification(command));
    }

    @CommandHandler
    void handle(InspectionCommands.ReportRectification command) {
        inspections.load(command.inspectionId()).execute(inspection -> inspection.reportRectification(command, rules));
    }

    @CommandHandler
    void handle(InspectionCommands.VerifyRectification command) {
        inspections.load(command.inspectionId()).execute(inspection -> inspection.verifyRectification(command, rules));
    }

    @CommandHandler
    void handle(InspectionCommands.CloseInspection command) {
        inspections.load(command.inspectionId()).execute(inspection -> inspection.close(command, rules));
    }

    @CommandHandler
    void handle(TalkCommands.HoldTalk command) throws Exception {
        talks.newInstance(() -> new Talk(command, rules));
    }

    @CommandHandler
    void handle(TalkCommands.IssueInquiry command) throws Exception {
        talks.newInstance(() -> new Talk(command, rules));
    }

    @CommandHandler
    void handle(TalkCommands.AnswerInquiry command) {
        talks.load(command.talkId()).execute(talk -> talk.answer(command, rules));
    }

    @CommandHandler
    void handle(TalkCommands.ConcludeTalk command) {
        talks.load(command.talkId()).execute(talk -> talk.conclude(command, rules));
    }

    @CommandHandler
    void handle(CaseCommands.OpenCase command) throws Exception {
        cases.newInstance(() -> new DisciplinaryCase(command, rules));
    }

    @CommandHandler
    void handle(CaseCommands.ProposeMeasure command) {
        cases.load(command.caseId()).execute(matter -> matter.propose(command, rules));
    }

    @CommandHandler
    void handle(CaseCommands.DecideCase command) throws Exception {
        Aggregate<DisciplinaryCase> matter = cases.load(command.caseId());
        CaseDecided decision = matter.invoke(c -> c.decide(command, rules));
        if (decision.sanctionId() != null) {
            String memberId = matter.invoke(DisciplinaryCase::memberId);
            sanctions.newInstance(() -> new SanctionEffect(decision, memberId));
        }
    }

    @CommandHandler
    void handle(CaseCommands.EndSanction command) {
        Aggregate<DisciplinaryCase> matter = cases.load(command.caseId());
        CaseSanctionEnded end = matter.invoke(c -> c.endSanction(command, rules));
        String memberId = matter.invoke(DisciplinaryCase::memberId);
        sanctions.load(end.sanctionId()).execute(effect -> effect.end(end, memberId));
    }

    @CommandHandler
    void handle(SelectionCommands.OpenSelectionSupervision command) throws Exception {
        selections.newInstance(() -> new SelectionSupervision(command, rules));
    }

    @CommandHandler
    void handle(SelectionCommands.CheckSelectionStage command) {
        selections.load(command.recordId()).execute(record -> record.check(command, rules));
    }

    @CommandHandler
    void handle(SelectionCommands.ConcludeSelectionSupervision command) {
        selections.load(command.recordId()).execute(record -> record.conclude(command, rules));
    }

    @CommandHandler
    void handle(AccessCommands.RecordReadCommand command) throws Exception {
        try {
            accessLogs.load(command.logId()).execute(log -> log.read(command));
        } catch (AggregateNotFoundException first) {
            accessLogs.newInstance(() -> new AccessLog(command));
        }
    }
}
