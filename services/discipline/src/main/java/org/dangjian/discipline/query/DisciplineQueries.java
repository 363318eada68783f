package org.dangjian.discipline.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.bson.Document;
import org.dangjian.contracts.discipline.RecordKind;
import org.dangjian.runtime.platform.MemberDirectoryReadModel;
import org.dangjian.runtime.platform.OrganisationUnitsReadModel;
import org.dangjian.runtime.readmodel.TimelineStore;
import org.dangjian.runtime.web.PageOf;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoDatabase;

/**
 * Answers the discipline queries from the read models: a record by id, the lists of each kind (filtered and paged in
 * memory, newest first: some hundreds of records a year), the rectification board, and timelines. Members are named as
 * the members service published them, branches as the organisation service did.
 */
@Component
public class DisciplineQueries {

    private static final Comparator<Document> NEWEST_FIRST = Comparator.comparing((Document doc) -> doc.getString("date")).reversed()
            .thenComparing(doc -> doc.getString("_id"));

    private final DisciplineRecordsReadModel records;
    private final MemberDirectoryReadModel directory;
    private final OrganisationUnitsReadModel units;
    private final TimelineStore timelines;

    public DisciplineQueries(MongoDatabase serviceDatabase, DisciplineRecordsReadModel records, MemberDirectoryReadModel directory,
                             OrganisationUnitsReadModel units) {
        this.records = records;
        this.directory = directory;
        this.units = units;
        this.timelines = new TimelineStore(serviceDatabase, DisciplineTimelinesReadModel.TIMELINES);
    }

    /** The record of that kind, if there is one. */
    public Optional<Document> document(String id, RecordKind kind) {
        return records.record(id).filter(doc -> kind.name().equals(doc.getString("kind")));
    }

    /** A page of the record's timeline; empty when it has none. */
    public Optional<TimelineStore.Page> timeline(String id, long from, int limit) {
        return timelines.page(id, from, limit);
    }

    /** Which records a list holds: a state, a day range (the record's date, inclusive), a member; null filters nothing. */
    public record Filter(String state, LocalDate from, LocalDate to, String memberId, String subKind) {

        Predicate<Document> asPredicate() {
            return doc -> (state == null || state.equals(doc.getString("state")))
                    && (from == null || doc.getString("date").compareTo(from.toString()) >= 0)
                    && (to == null || doc.getString("date").compareTo(to.toString()) <= 0)
                    && (memberId == null || memberId.equals(doc.getString("memberId")))
                    && (subKind == null || subKind.equals(doc.getString("talkKind")) || subKind.equals(doc.getString("caseType"))
                    || subKind.equals(doc.getString("target")));
        }
    }

    public PageOf<Views.InspectionView> inspections(Filter filter, LocalDate today, int page, int size) {
        Map<String, String> names = new HashMap<>();
        return PageOf.of(list(RecordKind.INSPECTION, filter), page, size).map(docs -> docs.stream().map(doc -> inspection(doc, today, names)).toList());
    }

    public PageOf<Views.TalkView> talks(Filter filter, LocalDate today, int page, int size) {
        List<Document> docs = list(RecordKind.TALK, filter);
        return PageOf.of(docs, page, size).map(items -> {
            Map<String, Views.MemberRef> members = members(items);
            return items.stream().map(doc -> talk(doc, members, today)).toList();
        });
    }

    public PageOf<Views.CaseView> cases(Filter filter, int page, int size) {
        List<Document> docs = list(RecordKind.CASE, filter);
        return PageOf.of(docs, page, size).map(items -> {
            Map<String, Views.MemberRef> members = members(items);
            return items.stream().map(doc -> matter(doc, members)).toList();
        });
    }

    public PageOf<Views.SelectionView> selections(Filter filter, int page, int size) {
        return PageOf.of(list(RecordKind.SELECTION_SUPERVISION, filter), page, size).map(docs -> docs.stream().map(this::selection).toList());
    }

    /**
     * The rectification board (整改台账): the inspections whose rectification is required or reported and not yet
     * accepted, deadline first; {@code overdue} those past their deadline.
     */
    public List<Views.InspectionView> rectifications(boolean overdueOnly, LocalDate today) {
        Map<String, String> names = new HashMap<>();
        return records.ofKind(RecordKind.INSPECTION).stream()
                .filter(doc -> "RECTIFICATION_REQUIRED".equals(doc.getString("state")) || "RECTIFICATION_REPORTED".equals(doc.getString("state")))
                .map(doc -> inspection(doc, today, names))
                .filter(view -> !overdueOnly || view.overdue())
                .sorted(Comparator.comparing((Views.InspectionView view) -> view.rectification().deadline()).thenComparing(Views.InspectionView::id))
                .toList();
    }

    public Optional<Views.InspectionView> inspection(String id, LocalDate today) {
        return document(id, RecordKind.INSPECTION).map(doc -> inspection(doc, today, new HashMap<>()));
    }

    public Optional<Views.TalkView> talk(String id, LocalDate today) {
        return document(id, RecordKind.TALK).map(doc -> talk(doc, members(List.of(doc)), today));
    }

    public Optional<Views.CaseView> matter(String id) {
        return document(id, RecordKind.CASE).map(doc -> matter(doc, members(List.of(doc))));
    }

    public Optional<Views.SelectionView> selection(String id) {
        return document(id, RecordKind.SELECTION_SUPERVISION).map(this::selection);
    }

    private List<Document> list(RecordKind kind, Filter filter) {
        return records.ofKind(kind).stream().filter(filter.asPredicate()).sorted(NEWEST_FIRST).toList();
    }

    /** An inspection's view; {@code names} remembers branch names across a list's items. */
    private Views.InspectionView inspection(Document doc, LocalDate today, Map<String, String> names) {
        List<Views.Finding> findings = new ArrayList<>();
        Document byNo = doc.get("findings", Document.class);
        if (byNo != null) {
            for (Object value : byNo.values()) {
                Document f = (Document) value;
                findings.add(new Views.Finding(f.getInteger("no"), f.getString("description"), f.getString("severity"), strings(f, "evidence")));
            }
            findings.sort(Comparator.comparingInt(Views.Finding::no));
        }
        Document r = doc.get("rectification", Document.class);
        Views.Rectification rectification = r == null ? null
                : new Views.Rectification(r.getString("requirement"), r.getString("deadline"), r.getString("responsible"));
        List<Views.Round> rounds = new ArrayList<>();
        for (Document round : bySequence(doc, "rounds")) {
            rounds.add(new Views.Round(round.getString("step"), round.getString("date"), round.getString("text"), strings(round, "evidence")));
        }
        String state = doc.getString("state");
        boolean overdue = rectification != null && ("RECTIFICATION_REQUIRED".equals(state) || "RECTIFICATION_REPORTED".equals(state))
                && rectification.deadline().compareTo(today.toString()) < 0;
        String branchId = doc.getString("branchId");
        return new Views.InspectionView(doc.getString("_id"), state, doc.getString("target"), doc.getString("targetName"), branchId,
                branchId == null ? null : branchName(branchId, names), doc.getString("mode"),
                doc.getString("plannedDate"), strings(doc, "inspectors"), doc.getString("focus"), doc.getString("carriedOutOn"),
                doc.getString("summary"), findings, rectification, rounds, doc.getString("rectifiedOn"), overdue, doc.getString("closedOn"),
                doc.getString("conclusion"), sequence(doc));
    }

    private Views.TalkView talk(Document doc, Map<String, Views.MemberRef> members, LocalDate today) {
        boolean overdue = "ISSUED".equals(doc.getString("state")) && doc.getString("dueDate") != null
                && doc.getString("dueDate").compareTo(today.toString()) < 0;
        return new Views.TalkView(doc.getString("_id"), doc.getString("state"), doc.getString("talkKind"), members.get(doc.getString("memberId")),
                doc.getString("date"), strings(doc, "talkers"), doc.getString("content"), doc.getString("questions"), doc.getString("dueDate"),
                overdue, doc.getString("answeredOn"), doc.getString("answer"), doc.getString("basis"), doc.getString("concludedOn"),
                doc.getString("outcome"), sequence(doc));
    }

    private Views.CaseView matter(Document doc, Map<String, Views.MemberRef> members) {
        List<Views.Proposal> proposals = new ArrayList<>();
        for (Document p : bySequence(doc, "proposals")) {
            proposals.add(new Views.Proposal(p.getString("sanction"), p.getString("measure"), p.getString("reasons"), p.getString("date")));
        }
        Document d = doc.get("decision", Document.class);
        Views.Decision decision = d == null ? null : new Views.Decision(d.getString("sanction"), d.getString("measure"), d.getString("basis"),
                d.getString("date"), d.getString("effectiveFrom"), d.getString("effectiveUntil"));
        return new Views.CaseView(doc.getString("_id"), doc.getString("state"), doc.getString("caseType"), members.get(doc.getString("memberId")),
                doc.getString("date"), doc.getString("matter"), doc.getString("basis"), proposals, decision, doc.getString("sanctionId"),
                doc.getString("endedOn"), doc.getString("endReason"), sequence(doc));
    }

    private Views.SelectionView selection(Document doc) {
        List<Views.Check> checks = new ArrayList<>();
        for (Document c : bySequence(doc, "checks")) {
            checks.add(new Views.Check(c.getString("stage"), c.getString("date"), Boolean.TRUE.equals(c.getBoolean("compliant")), c.getString("note")));
        }
        Map<String, Views.Check> latest = new LinkedHashMap<>();
        checks.forEach(check -> latest.put(check.stage(), check));
        return new Views.SelectionView(doc.getString("_id"), doc.getString("state"), doc.getString("position"), doc.getString("unitName"),
                doc.getString("date"), doc.getString("description"), checks, List.copyOf(latest.values()), doc.getString("concludedOn"),
                doc.getBoolean("compliant"), doc.getString("opinion"), sequence(doc));
    }

    /** The members the records name, with their names and branches as published. */
    private Map<String, Views.MemberRef> members(List<Document> docs) {
        Set<String> ids = new HashSet<>();
        docs.forEach(doc -> {
            if (doc.getString("memberId") != null) {
                ids.add(doc.getString("memberId"));
            }
        });
        Map<String, MemberDirectoryReadModel.Member> known = directory.members(ids);
        Map<String, String> branchNames = new HashMap<>();
        Map<String, Views.MemberRef> refs = new HashMap<>();
        for (String id : ids) {
            MemberDirectoryReadModel.Member member = known.get(id);
            String branch = member == null ? null : member.branchId();
            refs.put(id, new Views.MemberRef(id, member == null ? null : member.name(), branch, branch == null ? null
                    : branchName(branch, branchNames)));
        }
        return refs;
    }

    private String branchName(String branchId, Map<String, String> names) {
        return names.computeIfAbsent(branchId, b -> units.unit(b).map(OrganisationUnitsReadModel.Unit::name).orElse(null));
    }

    /** The documents of a field per event, in the stream's order. */
    private static List<Document> bySequence(Document doc, String field) {
        Document bySeq = doc.get(field, Document.class);
        List<Document> found = new ArrayList<>();
        if (bySeq != null) {
            bySeq.entrySet().stream().sorted(Comparator.comparingLong(e -> Long.parseLong(e.getKey())))
                    .forEach(e -> found.add((Document) e.getValue()));
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Document doc, String field) {
        Object value = doc.get(field);
        return value instanceof List<?> list ? (List<String>) list : List.of();
    }

    private static long sequence(Document doc) {
        Object sequence = doc.get("sequence");
        return sequence instanceof Number number ? number.longValue() : 0;
    }
}
