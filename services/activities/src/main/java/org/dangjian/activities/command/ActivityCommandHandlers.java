package org.dangjian.activities.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.dangjian.runtime.domain.RuleViolation;
import org.springframework.stereotype.Component;

/** The activities' and volunteer services' command handlers: each checks the caller's scope, then lets the record decide. */
@Component
class ActivityCommandHandlers {

    private final Repository<Activity> activities;
    private final Repository<VolunteerService> services;
    private final ActivityRules rules;

    ActivityCommandHandlers(Repository<Activity> activities, Repository<VolunteerService> services, ActivityRules rules) {
        this.activities = activities;
        this.services = services;
        this.rules = rules;
    }

    @CommandHandler
    void handle(ScheduleActivityCommand command) throws Exception {
        if (command.scope() == null || !command.scope().covers(command.branchId())) {
            throw RuleViolation.notFound("BRANCH_NOT_FOUND", "Branch {0} is not among the branches you may schedule activities for",
                    String.valueOf(command.branchId()));
        }
        activities.newInstance(() -> new Activity(command));
    }

    @CommandHandler
    void handle(HoldActivityCommand command) {
        activities.load(command.activityId()).execute(activity -> activity.hold(command, rules));
    }

    @CommandHandler
    void handle(CancelActivityCommand command) {
        activities.load(command.activityId()).execute(activity -> activity.cancel(command));
    }

    @CommandHandler
    void handle(RecordAttendanceCommand command) {
        activities.load(command.activityId()).execute(activity -> activity.recordAttendance(command));
    }

    @CommandHandler
    void handle(CorrectAttendanceCommand command) {
        activities.load(command.activityId()).execute(activity -> activity.correctAttendance(command));
    }

    @CommandHandler
    void handle(RecordVolunteerServiceCommand command) throws Exception {
        services.newInstance(() -> new VolunteerService(command, rules));
    }
}
