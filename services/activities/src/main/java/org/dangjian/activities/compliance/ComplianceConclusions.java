package org.dangjian.activities.compliance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.dangjian.activities.command.ActivityRules;
import org.dangjian.activities.command.CompliancePeriod;
import org.dangjian.activities.command.ComplianceRules;
import org.dangjian.activities.command.ConcludeComplianceCommand;
import org.dangjian.activities.command.Frequency;
import org.dangjian.activities.query.ActivitiesReadModel;
import org.dangjian.activities.query.ComplianceQueries;
import org.dangjian.activities.query.ComplianceReadModel;
import org.dangjian.contracts.activities.ActivitiesEvents;
import org.dangjian.contracts.activities.ActivityKind;
import org.dangjian.runtime.command.CommandContext;
import org.dangjian.runtime.command.CommandDispatcher;
import org.dangjian.runtime.consumer.ConsumerRunner;
import org.dangjian.runtime.consumer.ConsumerRunners;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.metadata.Actor;
import org.dangjian.runtime.platform.OrganisationUnitsReadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Concludes the "三会一课" compliance of ended periods: for every branch, kind and period not concluded yet, from the
 * first period the branch owes (the first starting on or after its establishment, and not before the rules' first
 * version) but at most {@code months-back} months back, up to the last period that ended at least {@code grace} ago, it
 * records a {@code ComplianceConcluded} with the activities the read model shows held in it. It sends the commands
 * through the runtime's {@link CommandDispatcher} as the service itself ({@code service:activities}, role {@code
 * SERVICE}), business time the period's end, one correlation id per run. The record's id is derived from branch, kind
 * and period, so a period concluded by another instance meanwhile is refused by the store ({@code
 * COMPLIANCE_ALREADY_CONCLUDED}) and passed over: every period is concluded once, whichever instance comes first.
 *
 * <p>It counts from read models, so it runs only while the branches, activities and compliance models have caught up
 * with their topics (no lag, nothing parked); otherwise it waits for the next run. An activity recorded as held after
 * its period was concluded does not change the record.
 */
@Component
public class ComplianceConclusions {

    private static final Logger log = LoggerFactory.getLogger(ComplianceConclusions.class);
    private static final String ALREADY_CONCLUDED = "COMPLIANCE_ALREADY_CONCLUDED";

    /**
     * What a run did.
     *
     * @param ran              false when the read models were behind (nothing was sent)
     * @param concluded        records concluded by this run
     * @param alreadyConcluded records another instance had concluded first
     * @param refused          conclusions refused for another reason (logged)
     */
    public record Run(boolean ran, int concluded, int alreadyConcluded, int refused) {
    }

    private final CommandDispatcher commands;
    private final ComplianceRules rules;
    private final ActivityRules calendar;
    private final ComplianceQueries queries;
    private final OrganisationUnitsReadModel branches;
    private final ObjectProvider<ConsumerRunners> runners;
    private final Clock clock;
    private final Duration grace;
    private final int monthsBack;

    ComplianceConclusions(CommandDispatcher commands, ComplianceRules rules, ActivityRules calendar, ComplianceQueries queries,
                          OrganisationUnitsReadModel branches, ObjectProvider<ConsumerRunners> runners, Clock clock,
                          @Value("${dangjian.activities.compliance.job.grace:PT1H}") Duration grace,
                          @Value("${dangjian.activities.compliance.job.months-back:12}") int monthsBack) {
        if (grace.isNegative() || monthsBack < 1) {
            throw new IllegalArgumentException("dangjian.activities.compliance.job.grace is not negative and months-back at least 1");
        }
        this.commands = commands;
        this.rules = rules;
        this.calendar = calendar;
        this.queries = queries;
        this.branches = branches;
        this.runners = runners;
        this.clock = clock;
        this.grace = grace;
        this.monthsBack = monthsBack;
    }

    /** One run: every ended period not concluded yet, of every branch. */
    public synchronized Run concludeEndedPeriods() {
        Optional<String> behind = behind();
        if (behind.isPresent()) {
            log.info("Compliance conclusions wait for the next run: read model {} has not caught up", behind.get());
            return new Run(false, 0, 0, 0);
        }
        Instant now = clock.instant();
        ZoneId zone = calendar.zone();
        LocalDate today = calendar.today();
        LocalDate earliest = today.withDayOfMonth(1).minusMonths(monthsBack);
        String correlation = "compliance-conclusions:" + UUID.randomUUID();
        int concluded = 0;
        int already = 0;
        int refused = 0;
        for (OrganisationUnitsReadModel.Unit branch : branches.branches()) {
            List<Candidate> candidates = candidates(branch, zone, now, earliest);
            if (candidates.isEmpty()) {
                continue;
            }
            Set<String> done = queries.concluded(candidates.stream().map(Candidate::id).toList());
            List<Candidate> open = candidates.stream().filter(c -> !done.contains(c.id())).toList();
            if (open.isEmpty()) {
                continue;
            }
            LocalDate from = open.stream().map(c -> c.period().start()).min(LocalDate::compareTo).orElseThrow();
            LocalDate to = open.stream().map(c -> c.period().lastDay()).max(LocalDate::compareTo).orElseThrow();
            List<ComplianceQueries.HeldActivity> held = queries.held(branch.id(), from, to);
            for (Candidate candidate : open) {
                List<String> ids = held.stream()
                        .filter(a -> a.kind() == candidate.kind() && candidate.period().contains(a.heldOn()))
                        .map(ComplianceQueries.HeldActivity::id).sorted().toList();
                ConcludeComplianceCommand command = new ConcludeComplianceCommand(candidate.id(), branch.id(), candidate.kind(),
                        candidate.period().label(), ids);
                CommandContext context = new CommandContext(null, "conclude-compliance " + candidate.id(), command,
                        candidate.period().endsAt(zone), Actor.SERVICE_ROLE, correlation, null);
                try {
                    commands.sendAs(Actor.service(ActivitiesEvents.SERVICE), candidate.id(), id -> command, context);
                    concluded++;
                } catch (RuleViolation refusal) {
                    if (ALREADY_CONCLUDED.equals(refusal.code())) {
                        already++;
                    } else {
                        refused++;
                        log.warn("The compliance of branch {} with {} in {} was not concluded: {} {}", branch.id(), candidate.kind(),
                                candidate.period(), refusal.code(), refusal.getMessage());
                    }
                }
            }
        }
        if (concluded > 0 || refused > 0) {
            log.info("Compliance conclusions ({}): {} concluded, {} concluded before by another instance, {} refused", correlation, concluded,
                    already, refused);
        }
        return new Run(true, concluded, already, refused);
    }

    /** A branch, kind and ended period the branch owes. */
    private record Candidate(String id, ActivityKind kind, CompliancePeriod period) {
    }

    /** The periods (and kinds) the branch owes that ended at least the grace ago, not before {@code earliest}. */
    private List<Candidate> candidates(OrganisationUnitsReadModel.Unit branch, ZoneId zone, Instant now, LocalDate earliest) {
        LocalDate established = ComplianceQueries.day(branch.establishedAt(), zone);
        LocalDate dissolved = ComplianceQueries.day(branch.dissolvedAt(), zone);
        LocalDate first = Collections.max(established == null ? List.of(earliest, rules.firstEffective())
                : List.of(earliest, rules.firstEffective(), established));
        List<Candidate> found = new ArrayList<>();
        for (Frequency frequency : Frequency.values()) {
            for (CompliancePeriod period = CompliancePeriod.startingOnOrAfter(frequency, first);
                 !period.endsAt(zone).plus(grace).isAfter(now); period = period.next()) {
                if (!ComplianceRules.owes(established, dissolved, period)) {
                    continue;
                }
                CompliancePeriod owed = period;
                rules.of(period).ifPresent(version -> {
                    for (Map.Entry<ActivityKind, ComplianceRules.Requirement> entry : version.of(frequency).entrySet()) {
                        found.add(new Candidate(ComplianceRules.recordId(branch.id(), entry.getKey(), owed), entry.getKey(), owed));
                    }
                });
            }
        }
        return found;
    }

    /** The read model this job counts from that has not caught up with its topics, if any. */
    private Optional<String> behind() {
        ConsumerRunners all = runners.getIfAvailable();
        if (all == null) {
            return Optional.empty();
        }
        for (String model : List.of(OrganisationUnitsReadModel.NAME, ActivitiesReadModel.NAME, ComplianceReadModel.NAME)) {
            Optional<ConsumerRunner> runner = all.named(model);
            if (runner.isPresent() && (runner.get().lag() > 0 || runner.get().parkedCount() > 0)) {
                return Optional.of(model);
            }
        }
        return Optional.empty();
    }
}
