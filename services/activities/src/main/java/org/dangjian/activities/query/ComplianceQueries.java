package org.dangjian.activities.query;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Projections.include;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.dangjian.activities.command.ActivityRules;
import org.dangjian.activities.command.CompliancePeriod;
import org.dangjian.activities.command.ComplianceRules;
import org.dangjian.activities.command.ComplianceState;
import org.dangjian.activities.command.Frequency;
import org.dangjian.contracts.activities.ActivityKind;
import org.dangjian.runtime.platform.OrganisationUnitsReadModel;
import org.springframework.stereotype.Component;

/**
 * Derives the "三会一课" compliance board from the read models: the branches ({@link OrganisationUnitsReadModel}), the
 * activities held and still scheduled ({@link ActivitiesReadModel}) and the concluded records ({@link
 * ComplianceReadModel}), judged by the rules in effect on each period's first day and today in the centre's time zone.
 * It reflects what those models hold: a holding recorded a moment ago shows within seconds.
 */
@Component
public class ComplianceQueries {

    private static final Comparator<OrganisationUnitsReadModel.Unit> BY_NAME = Comparator
            .comparing((OrganisationUnitsReadModel.Unit unit) -> unit.name() == null ? "\uffff" : unit.name()).thenComparing(OrganisationUnitsReadModel.Unit::id);

    private final MongoCollection<Document> activities;
    private final OrganisationUnitsReadModel branches;
    private final ComplianceReadModel records;
    private final ComplianceRules rules;
    private final ActivityRules calendar;

    public ComplianceQueries(MongoDatabase serviceDatabase, OrganisationUnitsReadModel branches, ComplianceReadModel records, ComplianceRules rules,
                             ActivityRules calendar) {
        this.activities = serviceDatabase.getCollection(ActivitiesReadModel.ACTIVITIES);
        this.branches = branches;
        this.records = records;
        this.rules = rules;
        this.calendar = calendar;
    }

    /** The day an instant falls on in the centre's time zone (null stays null). */
    public static LocalDate day(Instant instant, ZoneId zone) {
        return instant == null ? null : LocalDate.ofInstant(instant, zone);
    }

    /**
     * The board of a period for the branches the caller reads (all, or one with {@code branchId}; a secretary his own,
     * another branch's giving no rows), each branch that existed during the period a row, by name.
     */
    public ComplianceBoard board(CompliancePeriod asked, String branchId, ReadScope scope) {
        LocalDate today = calendar.today();
        ZoneId zone = calendar.zone();
        List<ComplianceBoard.Column> columns = new ArrayList<>();
        List<CompliancePeriod> periods = new ArrayList<>();
        List<Integer> warnings = new ArrayList<>();
        for (Frequency frequency : Frequency.values()) {
            if (frequency.months() < asked.frequency().months()) {
                continue;
            }
            CompliancePeriod period = CompliancePeriod.containing(frequency, asked.start());
            rules.of(period).ifPresent(version -> version.of(frequency).forEach((kind, requirement) -> {
                columns.add(new ComplianceBoard.Column(kind, frequency, period.label(), period.start(), period.lastDay(), version.version(),
                        requirement.minimum(), version.warnDaysBefore()));
                periods.add(period);
                warnings.add(version.warnDaysBefore());
            }));
        }
        List<OrganisationUnitsReadModel.Unit> units = branchesOf(branchId, scope).stream()
                .filter(unit -> existedDuring(unit, asked, zone)).sorted(BY_NAME).toList();
        if (columns.isEmpty() || units.isEmpty()) {
            return new ComplianceBoard(asked.label(), today, columns, units.stream()
                    .map(unit -> new ComplianceBoard.BranchRow(unit.id(), unit.name(), List.of())).toList());
        }
        LocalDate from = columns.stream().map(ComplianceBoard.Column::from).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate to = columns.stream().map(ComplianceBoard.Column::to).max(Comparator.naturalOrder()).orElseThrow();
        Map<String, List<Document>> byBranch = new HashMap<>();
        Bson query = and(in("branchId", units.stream().map(OrganisationUnitsReadModel.Unit::id).toList()),
                in("kind", columns.stream().map(column -> column.kind().name()).distinct().toList()),
                in("state", List.of(ActivityState.HELD.name(), ActivityState.SCHEDULED.name())),
                gte("date", from.toString()), lte("date", to.toString()));
        for (Document doc : activities.find(query).projection(include("branchId", "kind", "state", "heldOn", "plannedDate"))) {
            byBranch.computeIfAbsent(doc.getString("branchId"), b -> new ArrayList<>()).add(doc);
        }
        Map<String, String> ids = new HashMap<>();
        for (OrganisationUnitsReadModel.Unit unit : units) {
            for (int i = 0; i < columns.size(); i++) {
                ids.put(unit.id() + "|" + i, ComplianceRules.recordId(unit.id(), columns.get(i).kind(), periods.get(i)));
            }
        }
        Map<String, ComplianceReadModel.Concluded> concluded = records.find(ids.values());
        List<ComplianceBoard.BranchRow> rows = new ArrayList<>();
        for (OrganisationUnitsReadModel.Unit unit : units) {
            LocalDate established = day(unit.establishedAt(), zone);
            LocalDate dissolved = day(unit.dissolvedAt(), zone);
            List<Document> docs = byBranch.getOrDefault(unit.id(), List.of());
            List<ComplianceBoard.Cell> cells = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                ComplianceBoard.Column column = columns.get(i);
                CompliancePeriod period = periods.get(i);
                if (!ComplianceRules.owes(established, dissolved, period)) {
                    continue;
                }
                Set<String> held = new HashSet<>();
                int planned = 0;
                for (Document doc : docs) {
                    if (!column.kind().name().equals(doc.getString("kind"))) {
                        continue;
                    }
                    if (ActivityState.HELD.name().equals(doc.getString("state")) && within(doc.getString("heldOn"), period)) {
                        held.add(doc.getString("_id"));
                    } else if (ActivityState.SCHEDULED.name().equals(doc.getString("state")) && within(doc.getString("plannedDate"), period)) {
                        planned++;
                    }
                }
                ComplianceReadModel.Concluded record = concluded.get(ids.get(unit.id() + "|" + i));
                if (record != null) {
                    Set<String> late = new HashSet<>(held);
                    record.heldActivityIds().forEach(late::remove);
                    cells.add(new ComplianceBoard.Cell(column.kind(), column.frequency(), column.period(), record.rulesVersion(), record.required(),
                            record.held(), planned, record.met() ? ComplianceState.MET : ComplianceState.OVERDUE, period.daysLeft(today), true,
                            late.size()));
                } else {
                    cells.add(new ComplianceBoard.Cell(column.kind(), column.frequency(), column.period(), column.rulesVersion(), column.required(),
                            held.size(), planned, ComplianceState.of(held.size(), column.required(), period, today, warnings.get(i)),
                            period.daysLeft(today), false, 0));
                }
            }
            rows.add(new ComplianceBoard.BranchRow(unit.id(), unit.name(), cells));
        }
        return new ComplianceBoard(asked.label(), today, columns, rows);
    }

    private static boolean within(String day, CompliancePeriod period) {
        return day != null && day.compareTo(period.start().toString()) >= 0 && day.compareTo(period.lastDay().toString()) <= 0;
    }

    /** The branches of the caller's scope, of one branch when named. */
    private List<OrganisationUnitsReadModel.Unit> branchesOf(String branchId, ReadScope scope) {
        String only = branchId;
        if (!scope.all()) {
            if (scope.branchId() == null || branchId != null && !scope.seesBranch(branchId)) {
                return List.of();
            }
            only = scope.branchId();
        }
        if (only != null) {
            return branches.unit(only).filter(OrganisationUnitsReadModel.Unit::isBranch).map(List::of).orElse(List.of());
        }
        return branches.branches();
    }

    /** Whether the branch existed on some day of the period (established by its last day, not dissolved by its first). */
    private static boolean existedDuring(OrganisationUnitsReadModel.Unit unit, CompliancePeriod period, ZoneId zone) {
        LocalDate established = day(unit.establishedAt(), zone);
        LocalDate dissolved = day(unit.dissolvedAt(), zone);
        return (established == null || !established.isAfter(period.lastDay())) && (dissolved == null || dissolved.isAfter(period.start()));
    }

    /** An activity held, as the conclusion job counts it. */
    public record HeldActivity(String id, ActivityKind kind, LocalDate heldOn) {
    }

    /** The branch's activities held on a day from {@code from} to {@code to} (inclusive). */
    public List<HeldActivity> held(String branchId, LocalDate from, LocalDate to) {
        List<HeldActivity> found = new ArrayList<>();
        for (Document doc : activities.find(and(eq("branchId", branchId), eq("state", ActivityState.HELD.name()),
                gte("heldOn", from.toString()), lte("heldOn", to.toString()))).projection(include("kind", "heldOn"))) {
            ActivityKind kind = kindOf(doc.getString("kind"));
            if (kind != null && doc.getString("heldOn") != null) {
                found.add(new HeldActivity(doc.getString("_id"), kind, LocalDate.parse(doc.getString("heldOn"))));
            }
        }
        return found;
    }

    /** The ids among these whose compliance is concluded (as the compliance model knows it). */
    public Set<String> concluded(java.util.Collection<String> ids) {
        return records.find(ids).keySet();
    }

    private static ActivityKind kindOf(String name) {
        try {
            return name == null ? null : ActivityKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
