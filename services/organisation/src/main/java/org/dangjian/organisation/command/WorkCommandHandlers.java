package org.dangjian.organisation.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.dangjian.contracts.organisation.AssessmentCriteriaPublished;
import org.dangjian.runtime.domain.BusinessCalendar;
import org.dangjian.runtime.domain.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * The command handlers of the committee's year of work: terms and elections, criteria and assessments, the work plan
 * and its tasks, the responsibility lists, 双述双评. Each loads (or creates) its record and lets it decide; a record that
 * needs another's facts (an assessment its criteria's latest version, a task its plan's item or its list) loads that
 * one read-only in the same unit of work.
 */
@Component
class WorkCommandHandlers {

    private final Repository<BranchTerm> terms;
    private final Repository<AssessmentCriteria> criteria;
    private final Repository<UnitAssessment> assessments;
    private final Repository<WorkPlan> plans;
    private final Repository<WorkTask> tasks;
    private final Repository<ResponsibilityList> lists;
    private final Repository<SecretaryReport> reports;
    private final BusinessCalendar calendar;

    WorkCommandHandlers(Repository<BranchTerm> terms, Repository<AssessmentCriteria> criteria, Repository<UnitAssessment> assessments,
                        Repository<WorkPlan> plans, Repository<WorkTask> tasks, Repository<ResponsibilityList> lists,
                        Repository<SecretaryReport> reports, BusinessCalendar calendar) {
        this.terms = terms;
        this.criteria = criteria;
        this.assessments = assessments;
        this.plans = plans;
        this.tasks = tasks;
        this.lists = lists;
        this.reports = reports;
        this.calendar = calendar;
    }

    @CommandHandler
    void handle(TermCommands.RecordTerm command) throws Exception {
        terms.newInstance(() -> new BranchTerm(command, calendar));
    }

    @CommandHandler
    void handle(TermCommands.CallElection command) throws Exception {
        terms.newInstance(() -> new BranchTerm(command, calendar));
    }

    @CommandHandler
    void handle(TermCommands.HoldElection command) {
        terms.load(command.termId()).execute(term -> term.hold(command, calendar));
    }

    @CommandHandler
    void handle(TermCommands.ApproveElection command) {
        terms.load(command.termId()).execute(term -> term.approve(command, calendar));
    }

    @CommandHandler
    void handle(AssessmentCommands.PublishCriteria command) throws Exception {
        if (command.firstVersion()) {
            criteria.newInstance(() -> new AssessmentCriteria(command));
        } else {
            criteria.load(command.criteriaId()).execute(s -> s.publish(command));
        }
    }

    @CommandHandler
    void handle(AssessmentCommands.OpenAssessment command) throws Exception {
        AssessmentCriteriaPublished version;
        try {
            version = criteria.load(AssessmentCommands.criteriaIdOf(command.criteriaCode())).invoke(AssessmentCriteria::latest);
        } catch (AggregateNotFoundException e) {
            throw RuleViolation.notFound("CRITERIA_NOT_FOUND", "There are no criteria {0}: publish them first", command.criteriaCode());
        }
        assessments.newInstance(() -> new UnitAssessment(command, version, calendar));
    }

    @CommandHandler
    void handle(AssessmentCommands.ScoreArea command) {
        assessments.load(command.assessmentId()).execute(a -> a.score(command, calendar));
    }

    @CommandHandler
    void handle(AssessmentCommands.CorrectScore command) {
        assessments.load(command.assessmentId()).execute(a -> a.correct(command, calendar));
    }

    @CommandHandler
    void handle(AssessmentCommands.ConcludeAssessment command) {
        assessments.load(command.assessmentId()).execute(a -> a.conclude(command, calendar));
    }

    @CommandHandler
    void handle(PlanCommands.ImportPlan command) throws Exception {
        plans.newInstance(() -> new WorkPlan(command, calendar));
    }

    @CommandHandler
    void handle(PlanCommands.AssignTask command) throws Exception {
        boolean fromPlan = command.planId() != null;
        if (fromPlan == (command.listId() != null) || fromPlan != (command.itemPosition() != null)) {
            throw RuleViolation.invalid("TASK_ORIGIN", "A task comes from a plan's item (planId and itemPosition) or is on a task list (listId)");
        }
        if (fromPlan) {
            try {
                plans.load(command.planId()).execute(plan -> plan.requireItem(command.itemPosition()));
            } catch (AggregateNotFoundException e) {
                throw RuleViolation.notFound("PLAN_NOT_FOUND", "There is no plan {0}", command.planId());
            }
        } else {
            try {
                lists.load(command.listId()).execute(ResponsibilityList::requireTaskList);
            } catch (AggregateNotFoundException e) {
                throw RuleViolation.notFound("LIST_NOT_FOUND", "There is no list {0}", command.listId());
            }
        }
        tasks.newInstance(() -> new WorkTask(command, calendar));
    }

    @CommandHandler
    void handle(PlanCommands.ReportProgress command) {
        tasks.load(command.taskId()).execute(task -> task.report(command, calendar));
    }

    @CommandHandler
    void handle(PlanCommands.ReviewTask command) {
        tasks.load(command.taskId()).execute(task -> task.review(command, calendar));
    }

    @CommandHandler
    void handle(PlanCommands.DrawList command) throws Exception {
        lists.newInstance(() -> new ResponsibilityList(command, calendar));
    }

    @CommandHandler
    void handle(PlanCommands.AddEntry command) {
        lists.load(command.listId()).execute(list -> list.add(command));
    }

    @CommandHandler
    void handle(ReportCommands.SubmitReport command) throws Exception {
        reports.newInstance(() -> new SecretaryReport(command, calendar));
    }

    @CommandHandler
    void handle(ReportCommands.EvaluateReport command) {
        reports.load(command.reportId()).execute(report -> report.evaluate(command, calendar));
    }

    @CommandHandler
    void handle(ReportCommands.ConcludeReport command) {
        reports.load(command.reportId()).execute(report -> report.conclude(command, calendar));
    }
}
