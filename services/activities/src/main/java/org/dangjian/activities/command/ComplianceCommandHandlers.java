package org.dangjian.activities.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** Concludes a period's "三会一课" compliance: a new record, refused by the store when it exists already. */
@Component
class ComplianceCommandHandlers {

    private final Repository<Compliance> compliances;
    private final ComplianceRules rules;
    private final ActivityRules calendar;

    ComplianceCommandHandlers(Repository<Compliance> compliances, ComplianceRules rules, ActivityRules calendar) {
        this.compliances = compliances;
        this.rules = rules;
        this.calendar = calendar;
    }

    @CommandHandler
    void handle(ConcludeComplianceCommand command) throws Exception {
        compliances.newInstance(() -> new Compliance(command, rules, calendar));
    }
}
