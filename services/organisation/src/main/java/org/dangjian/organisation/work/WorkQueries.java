package org.dangjian.organisation.work;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.dangjian.organisation.query.OrganisationQueries;
import org.dangjian.organisation.query.UnitView;
import org.dangjian.runtime.web.PageOf;
import org.springframework.stereotype.Component;

/**
 * Answers the queries of the committee's year of work from {@link WorkRecordsReadModel}: records as docs/organisation.md
 * shows them (the repeated steps as lists in the stream's order, units named as the tree names them now), terms with
 * their warnings, the plan board with each item's tasks, tasks overdue. Lists are filtered and paged in memory (some
 * hundreds of records a year).
 */
@Component
public class WorkQueries {

    /** A term in office is due soon within this many days of its due day. */
    public static final int DUE_SOON_DAYS = 90;
    private static final List<String> STEP_LISTS = List.of("reports", "reviews", "evaluations", "entries", "corrections");

    private final WorkRecordsReadModel records;
    private final OrganisationQueries units;

    public WorkQueries(WorkRecordsReadModel records, OrganisationQueries units) {
        this.records = records;
        this.units = units;
    }

    /** The record of that kind as it stands, without its derived facts. */
    public Optional<Document> document(String id, WorkRecordsReadModel.Kind kind) {
        return records.record(id, kind);
    }

    // ---- terms

    /** Which terms a list holds; null filters nothing; {@code warning} OVERDUE, DUE_SOON or ANY. */
    public record TermFilter(String unitId, String state, String warning) {
    }

    public PageOf<Map<String, Object>> terms(TermFilter filter, LocalDate today, int page, int size) {
        List<Document> docs = records.ofKind(WorkRecordsReadModel.Kind.TERM, filter.unitId() == null ? null : Filters.eq("unitId", filter.unitId()));
        Map<String, String> current = currentTerms(filter.unitId() == null ? docs : records.ofKind(WorkRecordsReadModel.Kind.TERM,
                Filters.eq("unitId", filter.unitId())));
        Names names = new Names();
        List<Map<String, Object>> views = docs.stream().map(doc -> term(doc, current, today, names))
                .filter(view -> filter.state() == null || filter.state().equals(view.get("state")))
                .filter(view -> filter.warning() == null || view.get("warning") != null
                        && ("ANY".equals(filter.warning()) || filter.warning().equals(view.get("warning"))))
                .sorted(Comparator.comparing((Map<String, Object> v) -> (String) (v.get("dueOn") != null ? v.get("dueOn") : "9999-" + v.get("electionDate")))
                        .thenComparing(v -> (String) v.get("id")))
                .toList();
        return PageOf.of(views, page, size);
    }

    public Optional<Map<String, Object>> term(String id, LocalDate today) {
        return records.record(id, WorkRecordsReadModel.Kind.TERM).map(doc -> term(doc, currentTerms(records.ofKind(WorkRecordsReadModel.Kind.TERM,
                Filters.eq("unitId", doc.getString("unitId")))), today, new Names()));
    }

    /** Whether the unit has a term being elected (called or elected, not yet approved). */
    public boolean electionInProgress(String unitId) {
        return records.ofKind(WorkRecordsReadModel.Kind.TERM, Filters.eq("unitId", unitId)).stream()
                .anyMatch(doc -> "CALLED".equals(doc.getString("state")) || "ELECTED".equals(doc.getString("state")));
    }

    /** Each unit's term in office: the one begun last. */
    private static Map<String, String> currentTerms(List<Document> terms) {
        Map<String, Document> latest = new HashMap<>();
        for (Document doc : terms) {
            if ("IN_OFFICE".equals(doc.getString("state"))) {
                latest.merge(doc.getString("unitId"), doc, (a, b) -> a.getString("startedOn").compareTo(b.getString("startedOn")) > 0
                        || a.getString("startedOn").equals(b.getString("startedOn")) && a.getString("_id").compareTo(b.getString("_id")) > 0 ? a : b);
            }
        }
        Map<String, String> current = new HashMap<>();
        latest.forEach((unit, doc) -> current.put(unit, doc.getString("_id")));
        return current;
    }

    private Map<String, Object> term(Document doc, Map<String, String> current, LocalDate today, Names names) {
        Map<String, Object> view = view(doc, names);
        boolean isCurrent = doc.getString("_id").equals(current.get(doc.getString("unitId")));
        if ("IN_OFFICE".equals(doc.getString("state")) && !isCurrent) {
            view.put("state", "SUPERSEDED");
        }
        view.put("current", isCurrent);
        String warning = null;
        Long daysLeft = null;
        if (doc.getString("dueOn") != null) {
            daysLeft = ChronoUnit.DAYS.between(today, LocalDate.parse(doc.getString("dueOn")));
            if (isCurrent) {
                warning = daysLeft < 0 ? "OVERDUE" : daysLeft <= DUE_SOON_DAYS ? "DUE_SOON" : null;
            }
        }
        view.put("warning", warning);
        view.put("daysLeft", daysLeft);
        return view;
    }

    // ---- criteria and assessments

    /** The latest version of every criteria set, by code. */
    public List<Map<String, Object>> criteriaSets() {
        Names names = new Names();
        return records.ofKind(WorkRecordsReadModel.Kind.CRITERIA, null).stream().map(doc -> criteria(doc, null, names).orElseThrow())
                .sorted(Comparator.comparing(v -> (String) v.get("code"))).toList();
    }

    /** A version of a criteria set (the latest when null), with the list of its versions. */
    public Optional<Map<String, Object>> criteria(String criteriaId, Integer version) {
        return records.record(criteriaId, WorkRecordsReadModel.Kind.CRITERIA).flatMap(doc -> criteria(doc, version, new Names()));
    }

    private Optional<Map<String, Object>> criteria(Document doc, Integer version, Names names) {
        Document versions = doc.get("versions", Document.class);
        Document chosen = versions.get(String.valueOf(version == null ? doc.getInteger("version") : version), Document.class);
        if (chosen == null) {
            return Optional.empty();
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", doc.getString("_id"));
        view.put("code", doc.getString("code"));
        view.putAll(chosen);
        view.put("latestVersion", doc.getInteger("version"));
        List<Map<String, Object>> list = new ArrayList<>();
        for (String key : versions.keySet().stream().sorted(Comparator.comparingInt(Integer::parseInt)).toList()) {
            Document v = versions.get(key, Document.class);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("version", v.getInteger("version"));
            entry.put("publishedAt", v.getString("publishedAt"));
            entry.put("reason", v.getString("reason"));
            list.add(entry);
        }
        view.put("versions", list);
        view.put("sequence", doc.getLong("sequence"));
        return Optional.of(view);
    }

    /** Which assessments a list holds; null filters nothing. */
    public record AssessmentFilter(String unitId, Integer year, String criteriaCode, String state) {
    }

    public PageOf<Map<String, Object>> assessments(AssessmentFilter filter, int page, int size) {
        List<Bson> where = new ArrayList<>();
        if (filter.unitId() != null) {
            where.add(Filters.eq("unitId", filter.unitId()));
        }
        if (filter.year() != null) {
            where.add(Filters.eq("year", filter.year()));
        }
        if (filter.criteriaCode() != null) {
            where.add(Filters.eq("criteriaCode", filter.criteriaCode()));
        }
        if (filter.state() != null) {
            where.add(Filters.eq("state", filter.state()));
        }
        Names names = new Names();
        List<Map<String, Object>> views = records.ofKind(WorkRecordsReadModel.Kind.ASSESSMENT, where.isEmpty() ? null : Filters.and(where)).stream()
                .sorted(Comparator.comparing((Document d) -> -d.getInteger("year")).thenComparing(d -> d.getString("criteriaCode"))
                        .thenComparing(d -> d.getString("_id")))
                .map(doc -> assessment(doc, names)).toList();
        return PageOf.of(views, page, size);
    }

    public Optional<Map<String, Object>> assessment(String id) {
        return records.record(id, WorkRecordsReadModel.Kind.ASSESSMENT).map(doc -> assessment(doc, new Names()));
    }

    /** An assessment: each area of its criteria version with its score, evidence, facts and corrections. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> assessment(Document doc, Names names) {
        Map<String, Object> view = view(doc, names);
        Document scores = doc.get("scores", Document.class);
        Map<String, Object> corrections = (Map<String, Object>) view.remove("corrections");
        view.remove("scores");
        List<Map<String, Object>> areas = new ArrayList<>();
        for (Document area : doc.getList("areas", Document.class)) {
            Map<String, Object> entry = new LinkedHashMap<>(area);
            Document score = scores == null ? null : scores.get(area.getString("code"), Document.class);
            entry.put("score", score == null ? null : score.getInteger("score"));
            for (String field : List.of("date", "evidence", "note", "facts", "sequence")) {
                entry.put(field, score == null ? null : score.get(field));
            }
            entry.put("corrections", (corrections == null ? List.<Object>of() : new ArrayList<Object>(corrections.values())).stream()
                    .map(c -> (Map<String, Object>) c).filter(c -> area.getString("code").equals(c.get("areaCode"))).toList());
            areas.add(entry);
        }
        view.put("areas", areas);
        view.put("corrections", corrections == null ? List.of() : new ArrayList<>(corrections.values()));
        if (view.get("total") == null) {
            view.put("total", scores == null ? 0 : scores.values().stream().mapToInt(s -> ((Document) s).getInteger("score")).sum());
        }
        view.put("maxTotal", doc.getList("areas", Document.class).stream().mapToInt(a -> a.getInteger("maxScore")).sum());
        Object grade = view.get("grade");
        view.put("gradeLabel", grade == null ? null : doc.getList("grades", Document.class).stream().filter(g -> grade.equals(g.getString("grade")))
                .map(g -> g.getString("label")).findFirst().orElse(null));
        return view;
    }

    // ---- plans and tasks

    public List<Map<String, Object>> plans(LocalDate today) {
        Names names = new Names();
        return records.ofKind(WorkRecordsReadModel.Kind.PLAN, null).stream()
                .sorted(Comparator.comparing((Document d) -> -d.getInteger("year")).thenComparing(d -> d.getString("_id")))
                .map(doc -> {
                    List<Map<String, Object>> tasks = tasksOf(Filters.eq("planId", doc.getString("_id")), today, names);
                    Map<String, Object> summary = new LinkedHashMap<>();
                    summary.put("id", doc.getString("_id"));
                    summary.put("unitId", doc.getString("unitId"));
                    summary.put("unitName", names.of(doc.getString("unitId")));
                    summary.put("year", doc.getInteger("year"));
                    summary.put("title", doc.getString("title"));
                    summary.put("itemCount", doc.getInteger("itemCount"));
                    counts(summary, tasks);
                    return summary;
                }).toList();
    }

    /** The plan board: the plan, each item with its tasks, its mean progress and how many are overdue. */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> plan(String id, LocalDate today) {
        return records.record(id, WorkRecordsReadModel.Kind.PLAN).map(doc -> {
            Names names = new Names();
            Map<String, Object> view = view(doc, names);
            List<Map<String, Object>> tasks = tasksOf(Filters.eq("planId", id), today, names);
            List<Map<String, Object>> sections = new ArrayList<>();
            for (Document section : doc.getList("sections", Document.class)) {
                Map<String, Object> s = new LinkedHashMap<>(section);
                List<Map<String, Object>> items = new ArrayList<>();
                for (Document item : section.getList("items", Document.class)) {
                    Map<String, Object> i = new LinkedHashMap<>(item);
                    List<Map<String, Object>> own = tasks.stream().filter(t -> item.getInteger("position").equals(t.get("itemPosition"))).toList();
                    i.put("tasks", own);
                    i.put("progress", own.isEmpty() ? 0 : (int) Math.round(own.stream().mapToInt(t -> (Integer) t.get("percent")).average().orElse(0)));
                    i.put("overdue", own.stream().filter(t -> Boolean.TRUE.equals(t.get("overdue"))).count());
                    items.add(i);
                }
                s.put("items", items);
                sections.add(s);
            }
            view.put("sections", sections);
            counts(view, tasks);
            return view;
        });
    }

    private static void counts(Map<String, Object> view, List<Map<String, Object>> tasks) {
        view.put("taskCount", tasks.size());
        view.put("acceptedCount", tasks.stream().filter(t -> "ACCEPTED".equals(t.get("state"))).count());
        view.put("overdueCount", tasks.stream().filter(t -> Boolean.TRUE.equals(t.get("overdue"))).count());
    }

    /** Which tasks a list holds; null filters nothing. */
    public record TaskFilter(String unitId, String planId, String listId, String state, boolean overdueOnly) {
    }

    public PageOf<Map<String, Object>> tasks(TaskFilter filter, LocalDate today, int page, int size) {
        List<Bson> where = new ArrayList<>();
        if (filter.unitId() != null) {
            where.add(Filters.eq("ownerUnitId", filter.unitId()));
        }
        if (filter.planId() != null) {
            where.add(Filters.eq("planId", filter.planId()));
        }
        if (filter.listId() != null) {
            where.add(Filters.eq("listId", filter.listId()));
        }
        Predicate<Map<String, Object>> keep = t -> (filter.state() == null || filter.state().equals(t.get("state")))
                && (!filter.overdueOnly() || Boolean.TRUE.equals(t.get("overdue")));
        return PageOf.of(tasksOf(where.isEmpty() ? null : Filters.and(where), today, new Names()).stream().filter(keep).toList(), page, size);
    }

    public Optional<Map<String, Object>> task(String id, LocalDate today) {
        return records.record(id, WorkRecordsReadModel.Kind.TASK).map(doc -> task(doc, today, new Names()));
    }

    private List<Map<String, Object>> tasksOf(Bson filter, LocalDate today, Names names) {
        return records.ofKind(WorkRecordsReadModel.Kind.TASK, filter).stream()
                .sorted(Comparator.comparing((Document d) -> d.getString("deadline")).thenComparing(d -> d.getString("_id")))
                .map(doc -> task(doc, today, names)).toList();
    }

    private Map<String, Object> task(Document doc, LocalDate today, Names names) {
        Map<String, Object> view = view(doc, names);
        view.put("ownerUnitName", names.of(doc.getString("ownerUnitId")));
        view.putIfAbsent("reports", List.of());
        view.putIfAbsent("reviews", List.of());
        view.put("overdue", !"ACCEPTED".equals(doc.getString("state")) && LocalDate.parse(doc.getString("deadline")).isBefore(today));
        return view;
    }

    // ---- responsibility lists

    /** Which lists a list holds; null filters nothing. */
    public record ListFilter(String unitId, Integer year, String kind) {
    }

    public PageOf<Map<String, Object>> responsibilityLists(ListFilter filter, LocalDate today, int page, int size) {
        List<Bson> where = new ArrayList<>();
        if (filter.unitId() != null) {
            where.add(Filters.eq("unitId", filter.unitId()));
        }
        if (filter.year() != null) {
            where.add(Filters.eq("year", filter.year()));
        }
        if (filter.kind() != null) {
            where.add(Filters.eq("listKind", filter.kind()));
        }
        Names names = new Names();
        return PageOf.of(records.ofKind(WorkRecordsReadModel.Kind.LIST, where.isEmpty() ? null : Filters.and(where)).stream()
                .sorted(Comparator.comparing((Document d) -> -d.getInteger("year")).thenComparing(d -> d.getString("_id")))
                .map(doc -> responsibilityList(doc, today, names)).toList(), page, size);
    }

    public Optional<Map<String, Object>> responsibilityList(String id, LocalDate today) {
        return records.record(id, WorkRecordsReadModel.Kind.LIST).map(doc -> responsibilityList(doc, today, new Names()));
    }

    private Map<String, Object> responsibilityList(Document doc, LocalDate today, Names names) {
        Map<String, Object> view = view(doc, names);
        view.put("kind", view.remove("listKind"));
        view.putIfAbsent("entries", List.of());
        view.put("tasks", "TASK".equals(doc.getString("listKind")) ? tasksOf(Filters.eq("listId", doc.getString("_id")), today, names) : List.of());
        return view;
    }

    // ---- 双述双评

    /** Which reports a list holds; null filters nothing. */
    public record ReportFilter(String unitId, Integer year, String state) {
    }

    public PageOf<Map<String, Object>> reports(ReportFilter filter, int page, int size) {
        List<Bson> where = new ArrayList<>();
        if (filter.unitId() != null) {
            where.add(Filters.eq("unitId", filter.unitId()));
        }
        if (filter.year() != null) {
            where.add(Filters.eq("year", filter.year()));
        }
        if (filter.state() != null) {
            where.add(Filters.eq("state", filter.state()));
        }
        Names names = new Names();
        return PageOf.of(records.ofKind(WorkRecordsReadModel.Kind.REPORT, where.isEmpty() ? null : Filters.and(where)).stream()
                .sorted(Comparator.comparing((Document d) -> -d.getInteger("year")).thenComparing(d -> d.getString("_id")))
                .map(doc -> report(doc, names)).toList(), page, size);
    }

    public Optional<Map<String, Object>> report(String id) {
        return records.record(id, WorkRecordsReadModel.Kind.REPORT).map(doc -> report(doc, new Names()));
    }

    private Map<String, Object> report(Document doc, Names names) {
        Map<String, Object> view = view(doc, names);
        view.putIfAbsent("evaluations", List.of());
        view.remove("evaluationCount");
        return view;
    }

    // ---- shared

    /** A record's document as the API answers it: {@code id} first, its unit named, each step list in the stream's order. */
    private static Map<String, Object> view(Document doc, Names names) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", doc.getString("_id"));
        if (doc.containsKey("unitId")) {
            view.put("unitId", doc.getString("unitId"));
            view.put("unitName", names.of(doc.getString("unitId")));
        }
        doc.forEach((key, value) -> {
            if (key.equals("_id") || key.equals("kind") || key.equals("unitId")) {
                return; // kind: the record's kind in this collection (a list's own kind is listKind)
            }
            view.put(key, STEP_LISTS.contains(key) && value instanceof Document steps && !"corrections".equals(key) ? ordered(steps) : value);
        });
        if (doc.get("corrections") instanceof Document corrections) {
            view.put("corrections", orderedMap(corrections));
        }
        return view;
    }

    /** A field per step ({@code 12: {...}}) as a list in the steps' numeric order. */
    private static List<Object> ordered(Document steps) {
        return new ArrayList<>(orderedMap(steps).values());
    }

    private static Map<String, Object> orderedMap(Document steps) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        steps.keySet().stream().sorted(Comparator.comparingLong(Long::parseLong)).forEach(key -> ordered.put(key, steps.get(key)));
        return ordered;
    }

    /** Units' names as the tree names them now, each looked up once per answer. */
    private final class Names {

        private final Map<String, String> known = new HashMap<>();

        String of(String unitId) {
            return unitId == null ? null : known.computeIfAbsent(unitId, id -> units.unit(id).map(UnitView::name).orElse(null));
        }
    }
}
