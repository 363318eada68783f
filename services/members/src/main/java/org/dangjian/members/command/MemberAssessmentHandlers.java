package org.dangjian.members.command;

import java.util.concurrent.atomic.AtomicReference;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * The assessments' command handlers. Opening one reads the member's record first (through its repository, never a read
 * model): he must be a party member of the caller's scope, and his branch goes into the assessment.
 */
@Component
class MemberAssessmentHandlers {

    private final Repository<MemberAssessment> assessments;
    private final Repository<Member> members;
    private final AssessmentCriteria criteria;
    private final MembershipRules rules;

    MemberAssessmentHandlers(Repository<MemberAssessment> assessments, Repository<Member> members, AssessmentCriteria criteria,
                             MembershipRules rules) {
        this.assessments = assessments;
        this.members = members;
        this.criteria = criteria;
        this.rules = rules;
    }

    @CommandHandler
    void handle(OpenAssessmentCommand command) throws Exception {
        AtomicReference<String> branch = new AtomicReference<>();
        try {
            members.load(command.memberId()).execute(member -> branch.set(member.assessable(command.scope())));
        } catch (org.axonframework.modelling.command.AggregateNotFoundException e) {
            throw Member.notFound(command.memberId());
        }
        assessments.newInstance(() -> new MemberAssessment(command, branch.get(), criteria, rules));
    }

    @CommandHandler
    void handle(ScoreAssessmentCommand command) {
        assessments.load(command.assessmentId()).execute(assessment -> assessment.score(command, criteria));
    }

    @CommandHandler
    void handle(ConcludeAssessmentCommand command) {
        assessments.load(command.assessmentId()).execute(assessment -> assessment.conclude(command, criteria, rules));
    }

    @CommandHandler
    void handle(CorrectAssessmentCommand command) {
        assessments.load(command.assessmentId()).execute(assessment -> assessment.correct(command, rules));
    }
}
