package org.dangjian.activities.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.dangjian.runtime.domain.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * The learning and practice records' command handlers (学习教育, "我为群众办实事", 调研报告, 群众性活动): each checks the
 * caller's scope, then lets the record decide.
 */
@Component
class EngagementCommandHandlers {

    private final Repository<Engagement> engagements;
    private final ActivityRules rules;

    EngagementCommandHandlers(Repository<Engagement> engagements, ActivityRules rules) {
        this.engagements = engagements;
        this.rules = rules;
    }

    @CommandHandler
    void handle(RecordEngagementCommand command) throws Exception {
        if (command.scope() == null || !command.scope().covers(command.branchId())) {
            throw RuleViolation.notFound("BRANCH_NOT_FOUND", "Branch {0} is not among the branches you may record for",
                    String.valueOf(command.branchId()));
        }
        engagements.newInstance(() -> new Engagement(command, rules));
    }

    @CommandHandler
    void handle(CompleteDeedCommand command) {
        engagements.load(command.engagementId()).execute(engagement -> engagement.complete(command, rules));
    }

    @CommandHandler
    void handle(CorrectEngagementCommand command) {
        engagements.load(command.engagementId()).execute(engagement -> engagement.correct(command, rules));
    }
}
