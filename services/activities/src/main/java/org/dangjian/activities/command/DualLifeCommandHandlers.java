package org.dangjian.activities.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** Dual organisational life: a record per member and branch, created on its first assignment and loaded for the later ones. */
@Component
class DualLifeCommandHandlers {

    private final Repository<DualLifeAssignment> assignments;
    private final ActivityRules rules;

    DualLifeCommandHandlers(Repository<DualLifeAssignment> assignments, ActivityRules rules) {
        this.assignments = assignments;
        this.rules = rules;
    }

    @CommandHandler
    void handle(AssignDualLifeCommand command) throws Exception {
        try {
            assignments.load(command.assignmentId()).execute(assignment -> assignment.assignAgain(command, rules));
        } catch (AggregateNotFoundException e) {
            assignments.newInstance(() -> new DualLifeAssignment(command, rules));
        }
    }

    @CommandHandler
    void handle(EndDualLifeCommand command) {
        assignments.load(command.assignmentId()).execute(assignment -> assignment.end(command, rules));
    }
}
