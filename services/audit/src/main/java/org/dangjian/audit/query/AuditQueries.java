package org.dangjian.audit.query;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.metadata.Actor;
import org.dangjian.runtime.web.PageOf;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads the witnessed record: subjects, timelines (of a stream or a subject, of a member, of an organisation unit)
 * with cross-service causation, the state of a subject as of a moment and the difference between two moments, and
 * the integrity findings. Everything within the caller's {@link AuditScope}: what he may not read is answered as if it
 * did not exist.
 */
@Component
public class AuditQueries {

    /** By which time an as-of question is asked. */
    public enum TimeAxis {
        /** 发生时间: when it happened (business time, may be entered late). */
        OCCURRED,
        /** 记录时间: when the service recorded it. */
        RECORDED
    }

    /** A link to an event of another (or the same) stream. */
    public record Link(String service, String aggregateId, String aggregateType, long sequence, String eventId, String type) {
    }

    /** One event of a timeline, as witnessed. */
    public record Entry(String service, String aggregateId, String aggregateType, long sequence, String eventId, String type,
                        Instant occurredAt, Instant recordedAt, Instant publishedAt, Actor actor, String reason, String correlationId,
                        String causationId, String prevHash, String hash, boolean restricted, JsonNode data, Link causedBy, List<Link> caused) {
    }

    /** An audited subject with its stream's state. */
    public record Subject(String id, String kind, String title, String titleEn, String service, String aggregateId, String aggregateType,
                          String part, String label, String memberId, String memberName, String unitId, String unitName, Instant openedAt,
                          long events, Instant lastRecordedAt, long openFindings) {
    }

    /** A stream's summary: how far it goes, its head, its findings. */
    public record StreamSummary(String service, String aggregateId, String aggregateType, long count, String head, long maxSequence,
                                boolean restricted, Instant firstRecordedAt, Instant lastRecordedAt, long openFindings, List<String> members,
                                List<String> units) {
    }

    /** An integrity finding. */
    public record Finding(String id, String kind, String status, String service, String aggregateId, String aggregateType, Long sequence,
                          String eventId, String detail, Instant detectedAt, Instant resolvedAt, String resolution, String source,
                          Object other) {
    }

    /** The state of a subject as of a moment: its fields as the events up to then left them. */
    public record AsOf(Instant at, TimeAxis by, int eventsIncluded, int eventsAfter, Map<String, Object> state,
                       Map<String, Long> setBy, Entry last) {
    }

    /** What changed between two moments. */
    public record Difference(Instant from, Instant to, TimeAxis by, List<Entry> events, List<Map<String, Object>> changes) {
    }

    private final Ledger ledger;
    private final SubjectRules rules;
    private final org.dangjian.runtime.platform.MemberDirectoryReadModel directory;
    private final org.dangjian.runtime.platform.OrganisationUnitsReadModel units;
    private final AuditRecordsReadModel records;

    public AuditQueries(AuditLedger ledger, SubjectRules rules, org.dangjian.runtime.platform.MemberDirectoryReadModel directory,
                        org.dangjian.runtime.platform.OrganisationUnitsReadModel units, AuditRecordsReadModel records) {
        this.ledger = ledger.ledger();
        this.rules = rules;
        this.directory = directory;
        this.units = units;
        this.records = records;
    }

    public SubjectRules rules() {
        return rules;
    }

    // ---------------------------------------------------------------- subjects

    public PageOf<Subject> subjects(AuditScope scope, String kind, String memberId, String unitId, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        filters.add(scope.subjectFilter());
        if (kind != null) {
            filters.add(eq("kind", kind));
        }
        if (memberId != null) {
            filters.add(eq("memberId", memberId));
        }
        if (unitId != null) {
            filters.add(eq("unitId", unitId));
        }
        Bson filter = and(filters);
        long total = ledger.subjects().countDocuments(filter);
        List<Document> docs = ledger.subjects().find(filter).sort(Sorts.descending("openedAt", "_id")).skip(page * size).limit(size)
                .into(new ArrayList<>());
        return new PageOf<>(toSubjects(docs), page, size, total);
    }

    private List<Subject> toSubjects(List<Document> docs) {
        Set<String> streamKeys = new LinkedHashSet<>();
        Set<String> memberIds = new LinkedHashSet<>();
        docs.forEach(doc -> {
            streamKeys.add(Ledger.stream(doc.getString("service"), doc.getString("aggregateId")));
            if (doc.getString("memberId") != null) {
                memberIds.add(doc.getString("memberId"));
            }
        });
        Map<String, Document> streams = new HashMap<>();
        ledger.streams().find(in("_id", streamKeys)).forEach(stream -> streams.put(stream.getString("_id"), stream));
        Map<String, Long> openFindings = openFindingsBy(streamKeys);
        Map<String, org.dangjian.runtime.platform.MemberDirectoryReadModel.Member> members = directory.members(memberIds);
        List<Subject> subjects = new ArrayList<>();
        for (Document doc : docs) {
            String key = Ledger.stream(doc.getString("service"), doc.getString("aggregateId"));
            Document stream = streams.getOrDefault(key, new Document());
            SubjectRules.Rule rule = rules.rule(doc.getString("kind")).orElse(null);
            String part = doc.getString("part");
            long events = part == null ? stream.get("count", 0L)
                    : ledger.events().countDocuments(and(eq("stream", key), eq("part", part)));
            String memberId = doc.getString("memberId");
            String unitId = doc.getString("unitId");
            subjects.add(new Subject(doc.getString("_id"), doc.getString("kind"), rule == null ? doc.getString("kind") : rule.title(),
                    rule == null ? doc.getString("kind") : rule.titleEn(), doc.getString("service"), doc.getString("aggregateId"),
                    doc.getString("aggregateType"), part, doc.getString("label"), memberId,
                    memberId == null ? null : members.containsKey(memberId) ? members.get(memberId).name() : null, unitId,
                    unitId == null ? null : units.unit(unitId).map(org.dangjian.runtime.platform.OrganisationUnitsReadModel.Unit::name).orElse(null),
                    instant(doc, "openedAt"), events, instant(stream, "lastRecordedAt"), openFindings.getOrDefault(key, 0L)));
        }
        return subjects;
    }

    // ---------------------------------------------------------------- streams and timelines

    /** A stream's summary, if the caller may see it (else its 404). */
    public StreamSummary stream(AuditScope scope, String service, String aggregateId) {
        Document stream = visibleStream(scope, service, aggregateId);
        String key = stream.getString("_id");
        return new StreamSummary(service, aggregateId, stream.getString("aggregateType"), stream.get("count", 0L), stream.getString("head"),
                stream.get("maxSequence", -1L), Boolean.TRUE.equals(stream.getBoolean("restricted")), instant(stream, "firstRecordedAt"),
                instant(stream, "lastRecordedAt"), openFindingsBy(Set.of(key)).getOrDefault(key, 0L),
                stream.getList("members", String.class, List.of()), stream.getList("units", String.class, List.of()));
    }

    public Document visibleStream(AuditScope scope, String service, String aggregateId) {
        Document stream = ledger.streams().find(eq("_id", Ledger.stream(service, aggregateId))).first();
        if (stream == null || !scope.sees(stream)) {
            throw streamNotFound(service, aggregateId);
        }
        return stream;
    }

    /** The witnessed stream walked again now (every hash computed again, every link). */
    public Ledger.ChainCheck chainCheck(AuditScope scope, String service, String aggregateId) {
        return ledger.check(visibleStream(scope, service, aggregateId).getString("_id"));
    }

    /** A stream's (or one subject's part of it) events in order, from a sequence. */
    public PageOf<Entry> timeline(AuditScope scope, String service, String aggregateId, String part, long from, int limit) {
        Document stream = visibleStream(scope, service, aggregateId);
        Bson filter = and(eq("stream", stream.getString("_id")), Filters.gte("sequence", from));
        if (part != null) {
            filter = and(filter, eq("part", part));
        }
        long total = ledger.events().countDocuments(part == null ? eq("stream", stream.getString("_id"))
                : and(eq("stream", stream.getString("_id")), eq("part", part)));
        List<Document> docs = ledger.events().find(filter).sort(Sorts.ascending("sequence")).limit(limit).into(new ArrayList<>());
        return new PageOf<>(entries(docs, scope), 0, limit, total);
    }

    /**
     * Every event naming a member ({@code field} "members") or an organisation unit ("units"), or of a stream that does,
     * by recording time. A secretary reads his branch's and its members', a party member his own.
     */
    public PageOf<Entry> timelineOf(AuditScope scope, String field, String id, int page, int size) {
        if (!scope.open()) {
            boolean own = "units".equals(field) ? id.equals(scope.unit())
                    : id.equals(scope.member()) || scope.unit() != null && directory.member(id).map(m -> scope.unit().equals(m.branchId())).orElse(false);
            if (!own) {
                throw RuleViolation.notFound("SUBJECT_NOT_WITNESSED", "Nothing of {0} has been witnessed", id);
            }
        }
        List<String> streamKeys = new ArrayList<>();
        Bson streamsNaming = scope.everything() ? in(field, id) : and(in(field, id), eq("restricted", false));
        ledger.streams().find(streamsNaming).forEach(stream -> streamKeys.add(stream.getString("_id")));
        Bson names = or(in(field, id), in("stream", streamKeys));
        Bson filter = scope.everything() ? names : and(names, eq("restricted", false));
        long total = ledger.events().countDocuments(filter);
        List<Document> docs = ledger.events().find(filter).sort(Sorts.ascending("recordedAt", "stream", "sequence")).skip(page * size)
                .limit(size).into(new ArrayList<>());
        return new PageOf<>(entries(docs, scope), page, size, total);
    }

    /**
     * Every witnessed event one request set off, in any service (they share its correlation id: the command's events and
     * every reaction to them, transitively), by recording time; what the caller may not read is left out.
     */
    public List<Entry> correlated(AuditScope scope, String correlationId, int limit) {
        List<Document> visible = new ArrayList<>();
        Map<String, Boolean> streams = new HashMap<>();
        for (Document doc : ledger.events().find(eq("correlationId", correlationId)).sort(Sorts.ascending("recordedAt", "stream", "sequence"))
                .limit(limit)) {
            boolean sees = streams.computeIfAbsent(doc.getString("stream"), key -> {
                Document stream = ledger.streams().find(eq("_id", key)).first();
                return stream != null && scope.sees(stream);
            });
            if (sees) {
                visible.add(doc);
            }
        }
        if (visible.isEmpty()) {
            throw RuleViolation.notFound("SUBJECT_NOT_WITNESSED", "Nothing of {0} has been witnessed", correlationId);
        }
        return entries(visible, scope);
    }

    private List<Entry> entries(List<Document> docs, AuditScope scope) {
        Set<String> causes = new LinkedHashSet<>();
        Set<String> ids = new LinkedHashSet<>();
        docs.forEach(doc -> {
            ids.add(doc.getString("eventId"));
            if (doc.getString("causationId") != null) {
                causes.add(doc.getString("causationId"));
            }
        });
        Map<String, Link> causedBy = new HashMap<>();
        for (Document cause : ledger.events().find(in("eventId", causes))) {
            if (scope.everything() || !Boolean.TRUE.equals(cause.getBoolean("restricted"))) {
                causedBy.put(cause.getString("eventId"), link(cause));
            }
        }
        Map<String, List<Link>> caused = new HashMap<>();
        for (Document effect : ledger.events().find(in("causationId", ids))) {
            if (scope.everything() || !Boolean.TRUE.equals(effect.getBoolean("restricted"))) {
                caused.computeIfAbsent(effect.getString("causationId"), k -> new ArrayList<>()).add(link(effect));
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (Document doc : docs) {
            entries.add(entry(doc, causedBy.get(doc.getString("causationId")), caused.getOrDefault(doc.getString("eventId"), List.of())));
        }
        return entries;
    }

    private static Link link(Document doc) {
        return new Link(doc.getString("service"), doc.getString("aggregateId"), doc.getString("aggregateType"),
                doc.get("sequence", Number.class).longValue(), doc.getString("eventId"), doc.getString("type"));
    }

    private static Entry entry(Document doc, Link causedBy, List<Link> caused) {
        Document actor = doc.get("actor", Document.class);
        return new Entry(doc.getString("service"), doc.getString("aggregateId"), doc.getString("aggregateType"),
                doc.get("sequence", Number.class).longValue(), doc.getString("eventId"), doc.getString("type"), instant(doc, "occurredAt"),
                instant(doc, "recordedAt"), instant(doc, "publishedAt"),
                new Actor(actor.getString("id"), actor.getString("role"), actor.getString("organisation")), doc.getString("reason"),
                doc.getString("correlationId"), doc.getString("causationId"), doc.getString("prevHash"), doc.getString("hash"),
                Boolean.TRUE.equals(doc.getBoolean("restricted")), Ledger.parse(doc.getString("data")), causedBy, caused);
    }

    /** Every event of a stream (or a subject's part), in stream order. */
    private List<Document> allEvents(Document stream, String part) {
        Bson filter = part == null ? eq("stream", stream.getString("_id")) : and(eq("stream", stream.getString("_id")), eq("part", part));
        return ledger.events().find(filter).sort(Sorts.ascending("sequence")).into(new ArrayList<>());
    }

    // ---------------------------------------------------------------- as of

    /**
     * The subject as of a moment: the events that had happened (by occurred-at) or had been recorded (by recorded-at) by
     * then, in that order, their bodies' fields folded into one state (a later event's field replaces an earlier one's).
     */
    public AsOf asOf(AuditScope scope, String service, String aggregateId, String part, Instant at, TimeAxis by) {
        Document stream = visibleStream(scope, service, aggregateId);
        List<Document> included = new ArrayList<>();
        int after = 0;
        for (Document doc : ordered(allEvents(stream, part), by)) {
            if (!time(doc, by).isAfter(at)) {
                included.add(doc);
            } else {
                after++;
            }
        }
        Map<String, Object> state = new LinkedHashMap<>();
        Map<String, Long> setBy = new LinkedHashMap<>();
        fold(included, state, setBy);
        Entry last = included.isEmpty() ? null : entry(included.get(included.size() - 1), null, List.of());
        return new AsOf(at, by, included.size(), after, state, setBy, last);
    }

    /** What changed between two moments: the events in between, and each field whose value differs. */
    public Difference difference(AuditScope scope, String service, String aggregateId, String part, Instant from, Instant to, TimeAxis by) {
        if (to.isBefore(from)) {
            throw RuleViolation.invalid("AS_OF_NOT_IN_ORDER", "The second moment {1} is before the first {0}", from, to);
        }
        Document stream = visibleStream(scope, service, aggregateId);
        List<Document> ordered = ordered(allEvents(stream, part), by);
        List<Document> before = new ArrayList<>();
        List<Document> until = new ArrayList<>();
        List<Document> between = new ArrayList<>();
        for (Document doc : ordered) {
            Instant t = time(doc, by);
            if (!t.isAfter(from)) {
                before.add(doc);
            }
            if (!t.isAfter(to)) {
                until.add(doc);
                if (t.isAfter(from)) {
                    between.add(doc);
                }
            }
        }
        Map<String, Object> first = new LinkedHashMap<>();
        fold(before, first, new LinkedHashMap<>());
        Map<String, Object> second = new LinkedHashMap<>();
        Map<String, Long> setBy = new LinkedHashMap<>();
        fold(until, second, setBy);
        List<Map<String, Object>> changes = new ArrayList<>();
        Set<String> fields = new LinkedHashSet<>(first.keySet());
        fields.addAll(second.keySet());
        for (String field : fields) {
            if (!Objects.equals(first.get(field), second.get(field))) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("field", field);
                change.put("before", first.get(field));
                change.put("after", second.get(field));
                change.put("bySequence", setBy.get(field));
                changes.add(change);
            }
        }
        return new Difference(from, to, by, entries(between, scope), changes);
    }

    private static List<Document> ordered(List<Document> events, TimeAxis by) {
        List<Document> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparing((Document doc) -> time(doc, by)).thenComparing(doc -> doc.get("sequence", Number.class).longValue()));
        return ordered;
    }

    private static Instant time(Document doc, TimeAxis by) {
        return (by == TimeAxis.OCCURRED ? doc.getDate("occurredAt") : doc.getDate("recordedAt")).toInstant();
    }

    private static void fold(List<Document> events, Map<String, Object> state, Map<String, Long> setBy) {
        for (Document doc : events) {
            JsonNode data = Ledger.parse(doc.getString("data"));
            long sequence = doc.get("sequence", Number.class).longValue();
            state.put("lastEvent", doc.getString("type"));
            setBy.put("lastEvent", sequence);
            if (data != null) {
                data.properties().forEach(field -> {
                    state.put(field.getKey(), field.getValue());
                    setBy.put(field.getKey(), sequence);
                });
            }
        }
    }

    // ---------------------------------------------------------------- findings

    public PageOf<Finding> findings(AuditScope scope, String status, String kind, String service, String aggregateId, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        if (!scope.everything()) {
            filters.add(Filters.ne("restricted", true));
        }
        if (status != null) {
            filters.add(eq("status", status));
        }
        if (kind != null) {
            filters.add(eq("kind", kind));
        }
        if (service != null) {
            filters.add(eq("service", service));
        }
        if (aggregateId != null) {
            filters.add(eq("aggregateId", aggregateId));
        }
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        List<Finding> all = new ArrayList<>();
        ledger.findings().find(filter).forEach(doc -> all.add(new Finding(doc.getString("_id"), doc.getString("kind"), doc.getString("status"),
                doc.getString("service"), doc.getString("aggregateId"), doc.getString("aggregateType"),
                doc.get("sequence") == null ? null : doc.get("sequence", Number.class).longValue(), doc.getString("eventId"),
                doc.getString("detail"), instant(doc, "detectedAt"), instant(doc, "resolvedAt"), doc.getString("resolution"), "witness",
                doc.get("other"))));
        // what verifications found (a store's disagreement, a checkpoint no longer held): open until a later verification
        // covering the same stream (one of everything, or of that stream) no longer finds it
        boolean coveredAll = false;
        Set<String> covered = new java.util.HashSet<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Document verification : records.verifications(0, 500)) {
            for (Document found : verification.getList("findings", Document.class, List.of())) {
                String stream = Ledger.stream(found.getString("service"), found.getString("aggregateId"));
                String key = found.getString("kind") + "|" + stream + "|" + found.get("sequence");
                if (!seen.add(key)) {
                    continue; // a newer verification found it again: that one is listed
                }
                boolean resolved = coveredAll || covered.contains(stream);
                String findingStatus = resolved ? "RESOLVED" : "OPEN";
                if ((status == null || status.equals(findingStatus)) && (kind == null || kind.equals(found.getString("kind")))
                        && (service == null || service.equals(found.getString("service")))
                        && (aggregateId == null || aggregateId.equals(found.getString("aggregateId")))
                        && (scope.everything() || !restricted(found.getString("service"), found.getString("aggregateId")))) {
                    all.add(new Finding(verification.getString("_id") + "|" + found.getString("kind") + "|" + found.getString("aggregateId"),
                            found.getString("kind"), findingStatus, found.getString("service"), found.getString("aggregateId"), null,
                            found.get("sequence", Number.class).longValue(), null, found.getString("detail"),
                            instant(verification, "completedAt"), null, resolved ? "A later verification did not find it" : null,
                            "verification " + verification.getString("_id"), null));
                }
            }
            if (verification.getString("service") == null) {
                coveredAll = true;
            } else {
                covered.add(Ledger.stream(verification.getString("service"), verification.getString("aggregateId")));
            }
        }
        all.sort(Comparator.comparing(Finding::detectedAt, Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(Finding::id));
        return PageOf.of(all, page, size);
    }

    private boolean restricted(String service, String aggregateId) {
        Document stream = ledger.streams().find(eq("_id", Ledger.stream(service, aggregateId))).first();
        return stream != null && Boolean.TRUE.equals(stream.getBoolean("restricted"));
    }

    public long openFindings() {
        return ledger.findings().countDocuments(eq("status", "OPEN"));
    }

    public Map<String, Long> openFindingsByKind() {
        Map<String, Long> counts = new LinkedHashMap<>();
        ledger.findings().find(eq("status", "OPEN")).forEach(doc -> counts.merge(doc.getString("kind"), 1L, Long::sum));
        return counts;
    }

    private Map<String, Long> openFindingsBy(Set<String> streamKeys) {
        Map<String, Long> counts = new HashMap<>();
        if (!streamKeys.isEmpty()) {
            ledger.findings().find(and(in("stream", streamKeys), eq("status", "OPEN")))
                    .forEach(doc -> counts.merge(doc.getString("stream"), 1L, Long::sum));
        }
        return counts;
    }

    static Instant instant(Document doc, String field) {
        return doc.getDate(field) == null ? null : doc.getDate(field).toInstant();
    }

    public static RuleViolation streamNotFound(String service, String aggregateId) {
        return RuleViolation.notFound("STREAM_NOT_WITNESSED", "No event of {0} {1} has been witnessed", service, aggregateId);
    }
}
