package org.dangjian.audit.query;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.dangjian.contracts.EventTypes;
import org.dangjian.runtime.eventstore.CanonicalEvent;
import org.dangjian.runtime.messaging.Delivery;
import org.dangjian.runtime.messaging.PublishedEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The witnessed record (见证记录): every event every service published, as first delivered, with what was found
 * wrong with any delivery. Four collections under one prefix (the live record {@code ledger_*}, a replay its own):
 *
 * <ul>
 *   <li>{@code _events}: one document per stream and sequence, the event as first delivered (its id, type, times,
 *   actor, correlation and causation, body as published, previous hash and hash), where it was read, the members and
 *   units it names, its reason;</li>
 *   <li>{@code _streams}: per stream, how many events it holds from sequence 0 without a gap ({@code count}) and the
 *   hash of the last of them ({@code head}): a checkpoint's leaf;</li>
 *   <li>{@code _findings}: integrity findings (完整性问题), never removed: {@code HASH_MISMATCH} (an event's hash is
 *   not the hash of its content), {@code CHAIN_BROKEN} (its previous hash is not its predecessor's hash),
 *   {@code SEQUENCE_GAP} (sequences missing when a later one arrived; {@code RESOLVED} when they came after all),
 *   {@code ALTERED_REDELIVERY} (the same event id delivered again with other content), {@code FORK} (another event
 *   at a sequence already taken), {@code UNREADABLE_RECORD} (a record that is not one of the platform's events);</li>
 *   <li>{@code _subjects}: the audited subjects ({@link SubjectRules}).</li>
 * </ul>
 *
 * <p>Safe to repeat, and independent of the order in which different streams' events arrive: each stream is on one
 * partition, so its records come in the same order on every reading; documents are keyed by stream and sequence,
 * findings by what they are about, and the first delivery is the one kept.
 */
public final class Ledger {

    public static final String LIVE = "ledger";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String prefix;
    private final MongoCollection<Document> events;
    private final MongoCollection<Document> streams;
    private final MongoCollection<Document> findings;
    private final MongoCollection<Document> subjects;
    private final SubjectRules rules;

    public Ledger(MongoDatabase database, String prefix, SubjectRules rules) {
        this.prefix = prefix;
        this.events = database.getCollection(prefix + "_events");
        this.streams = database.getCollection(prefix + "_streams");
        this.findings = database.getCollection(prefix + "_findings");
        this.subjects = database.getCollection(prefix + "_subjects");
        this.rules = rules;
    }

    public List<String> collections() {
        return List.of(prefix + "_events", prefix + "_streams", prefix + "_findings", prefix + "_subjects");
    }

    public MongoCollection<Document> events() {
        return events;
    }

    public MongoCollection<Document> streams() {
        return streams;
    }

    public MongoCollection<Document> findings() {
        return findings;
    }

    public MongoCollection<Document> subjects() {
        return subjects;
    }

    public void createIndexes() {
        events.createIndex(Indexes.ascending("stream", "sequence"));
        events.createIndex(Indexes.ascending("eventId"));
        events.createIndex(Indexes.ascending("causationId"));
        events.createIndex(Indexes.ascending("correlationId"));
        events.createIndex(Indexes.ascending("members"));
        events.createIndex(Indexes.ascending("units"));
        streams.createIndex(Indexes.ascending("service", "aggregateId"), new IndexOptions().unique(true));
        streams.createIndex(Indexes.ascending("members"));
        streams.createIndex(Indexes.ascending("units"));
        findings.createIndex(Indexes.ascending("stream", "sequence"));
        findings.createIndex(Indexes.ascending("status", "kind"));
        subjects.createIndex(Indexes.ascending("kind"));
        subjects.createIndex(Indexes.ascending("memberId"));
        subjects.createIndex(Indexes.ascending("unitId"));
    }

    public static String stream(String service, String aggregateId) {
        return service + "|" + aggregateId;
    }

    static String key(String stream, long sequence) {
        return stream + "|" + sequence;
    }

    /** Records one poll's deliveries, in order. */
    public void record(List<Delivery> deliveries) {
        Poll poll = new Poll(deliveries);
        for (Delivery delivery : deliveries) {
            if (!delivery.readable()) {
                poll.finding("UNREADABLE_RECORD", delivery, null, null, -1, null,
                        "The record at " + delivery.topic() + "-" + delivery.partition() + "@" + delivery.offset()
                                + " is not one of the platform's events: " + delivery.unreadable(), null);
                continue;
            }
            poll.witness(delivery);
        }
        poll.write();
    }

    /** One poll's work: what it needs read at once, then its writes in a few round trips. */
    private final class Poll {

        private final Map<String, Document> known = new HashMap<>();
        private final Map<String, Document> streamDocs = new LinkedHashMap<>();
        private final Map<String, Document> eventWrites = new LinkedHashMap<>();
        private final Map<String, Document> findingWrites = new LinkedHashMap<>();
        private final Map<String, Document> subjectWrites = new LinkedHashMap<>();
        private final Map<String, Instant> resolveGapsBelow = new LinkedHashMap<>();
        /**
         * The streams that may have an open {@code SEQUENCE_GAP}: those holding an event beyond their count when the poll
         * began, and those given one in it. Only for them does an advance look for gaps to resolve (one update per stream
         * and poll, which every event paid before though a gap is rare).
         */
        private final Set<String> mayHaveOpenGaps = new HashSet<>();

        Poll(List<Delivery> deliveries) {
            Set<String> keys = new LinkedHashSet<>();
            Set<String> streamKeys = new LinkedHashSet<>();
            for (Delivery delivery : deliveries) {
                if (delivery.readable()) {
                    String stream = stream(delivery.service(), delivery.event().aggregateId());
                    long sequence = delivery.event().sequence();
                    streamKeys.add(stream);
                    keys.add(key(stream, sequence));
                    keys.add(key(stream, sequence + 1));
                    if (sequence > 0) {
                        keys.add(key(stream, sequence - 1));
                    }
                }
            }
            if (!keys.isEmpty()) {
                events.find(in("_id", keys)).forEach(doc -> known.put(doc.getString("_id"), doc));
                streams.find(in("_id", streamKeys)).forEach(doc -> {
                    streamDocs.put(doc.getString("_id"), doc);
                    if (doc.get("maxSequence", -1L) >= doc.get("count", 0L)) {
                        mayHaveOpenGaps.add(doc.getString("_id"));
                    }
                });
            }
        }

        void witness(Delivery delivery) {
            PublishedEvent event = delivery.event();
            String stream = stream(delivery.service(), event.aggregateId());
            long sequence = event.sequence();
            String key = key(stream, sequence);
            Document existing = known.get(key);
            if (existing != null && !sameEvent(existing, event)) {
                compareWithFirst(delivery, stream, existing);
                advance(stream, delivery.publishedAt());
                return;
            }
            // the same event again (a redelivery, or this poll once more after a failure): what follows is safe to repeat,
            // and the first delivery's document stays as it was
            JsonNode data = parse(event.data());
            Document doc = existing != null ? existing : document(delivery, stream, data);
            if (existing == null) {
                known.put(key, doc);
                eventWrites.put(key, doc);
            }
            String computed = computedHash(event);
            if (!event.hash().equals(computed)) {
                finding("HASH_MISMATCH", delivery, stream, event.eventId(), sequence, event.hash(),
                        computed == null ? "The event's content cannot be canonicalised, so it cannot match its hash " + event.hash()
                                : "The event's hash is " + event.hash() + " but its content hashes to " + computed, null);
            }
            if (!EventTypes.isWellFormed(event.type()) || !EventTypes.serviceOf(event.type()).equals(delivery.service())) {
                finding("WRONG_TOPIC", delivery, stream, event.eventId(), sequence, null,
                        "An event of type " + event.type() + " was published on " + delivery.topic() + ", the topic of " + delivery.service(), null);
            }
            if (sequence == 0) {
                if (!CanonicalEvent.GENESIS.equals(event.prevHash())) {
                    finding("CHAIN_BROKEN", delivery, stream, event.eventId(), 0, null,
                            "The first event's previous hash is " + event.prevHash() + ", not 64 zeros", null);
                }
            } else {
                Document previous = known.get(key(stream, sequence - 1));
                if (previous != null && !previous.getString("hash").equals(event.prevHash())) {
                    finding("CHAIN_BROKEN", delivery, stream, event.eventId(), sequence, null, "Its previous hash is " + event.prevHash()
                            + " but event " + (sequence - 1) + " has hash " + previous.getString("hash"), null);
                }
            }
            Document next = known.get(key(stream, sequence + 1));
            if (next != null && !event.hash().equals(next.getString("prevHash"))) {
                finding("CHAIN_BROKEN", delivery, stream, next.getString("eventId"), sequence + 1, null, "Its previous hash is "
                        + next.getString("prevHash") + " but event " + sequence + " (delivered later) has hash " + event.hash(), null);
            }
            Document streamDoc = streamDoc(stream, delivery, event);
            streamDoc.put("maxSequence", Math.max(streamDoc.get("maxSequence", -1L), sequence));
            union(streamDoc, "members", doc.getList("members", String.class));
            union(streamDoc, "units", doc.getList("units", String.class));
            Date recordedAt = doc.getDate("recordedAt");
            if (streamDoc.getDate("lastRecordedAt") == null || streamDoc.getDate("lastRecordedAt").before(recordedAt)) {
                streamDoc.put("lastRecordedAt", recordedAt);
            }
            long count = streamDoc.get("count", 0L);
            if (sequence > count) {
                mayHaveOpenGaps.add(stream);
                finding("SEQUENCE_GAP", delivery, stream, event.eventId(), count, null, "Sequence " + sequence + " arrived while "
                        + (sequence - 1 == count ? "sequence " + count + " was" : "sequences " + count + ".." + (sequence - 1) + " were")
                        + " missing", null);
            }
            advance(stream, delivery.publishedAt());
            rules.opened(EventTypes.isWellFormed(event.type()) ? EventTypes.unversioned(event.type()) : event.type(), data)
                    .ifPresent(rule -> subject(rule, delivery, stream, data, doc));
        }

        private boolean sameEvent(Document first, PublishedEvent event) {
            return first.getString("eventId").equals(event.eventId()) && first.getString("hash").equals(event.hash())
                    && canonicalOf(first).equals(safeCanonical(event));
        }

        /** Another delivery of a sequence already witnessed, with other content: a finding. */
        private void compareWithFirst(Delivery delivery, String stream, Document first) {
            PublishedEvent event = delivery.event();
            Document other = new Document("eventId", event.eventId()).append("type", event.type()).append("hash", event.hash())
                    .append("prevHash", event.prevHash()).append("data", event.data()).append("occurredAt", date(event.occurredAt()))
                    .append("recordedAt", date(event.recordedAt())).append("actor", actor(event));
            if (first.getString("eventId").equals(event.eventId())) {
                finding("ALTERED_REDELIVERY", delivery, stream, event.eventId(), event.sequence(), event.hash(), "Event " + event.eventId()
                        + " was delivered again with other content: first hash " + first.getString("hash") + ", now " + event.hash()
                        + differences(first, event), other);
            } else {
                finding("FORK", delivery, stream, event.eventId(), event.sequence(), event.hash(), "Another event (" + event.eventId()
                        + ", " + event.type() + ") was published at sequence " + event.sequence() + ", which " + first.getString("eventId")
                        + " (" + first.getString("type") + ") already holds", other);
            }
        }

        /** Moves the stream's count past every event now held without a gap, and resolves the gaps it closed. */
        private void advance(String stream, Instant at) {
            Document streamDoc = streamDocs.get(stream);
            if (streamDoc == null) {
                return;
            }
            long count = streamDoc.get("count", 0L);
            long before = count;
            String head = streamDoc.getString("head");
            while (true) {
                Document next = known.get(key(stream, count));
                if (next == null && count <= streamDoc.get("maxSequence", -1L)) {
                    next = events.find(eq("_id", key(stream, count))).first();
                    if (next != null) {
                        known.put(key(stream, count), next);
                    }
                }
                if (next == null) {
                    break;
                }
                head = next.getString("hash");
                count++;
            }
            if (count != before) {
                streamDoc.put("count", count);
                streamDoc.put("head", head);
                if (mayHaveOpenGaps.contains(stream)) {
                    resolveGapsBelow.merge(stream, at, (a, b) -> a);
                }
            }
        }

        private Document streamDoc(String stream, Delivery delivery, PublishedEvent event) {
            return streamDocs.computeIfAbsent(stream, id -> new Document("_id", id).append("service", delivery.service())
                    .append("aggregateId", event.aggregateId()).append("aggregateType", event.aggregateType())
                    .append("restricted", delivery.topic().endsWith(".restricted")).append("count", 0L)
                    .append("maxSequence", -1L).append("members", new ArrayList<String>()).append("units", new ArrayList<String>())
                    .append("firstRecordedAt", date(event.recordedAt())));
        }

        private void subject(SubjectRules.Rule rule, Delivery delivery, String stream, JsonNode data, Document eventDoc) {
            PublishedEvent event = delivery.event();
            String part = rule.part() == null ? null : data.path(rule.part()).asString();
            String id = part == null ? stream : stream + "|" + part;
            List<String> label = new ArrayList<>();
            rule.label().forEach(field -> {
                JsonNode value = data.path(field);
                if (value.isValueNode() && !value.asString().isBlank()) {
                    label.add(value.asString());
                }
            });
            Document subject = new Document("_id", id).append("kind", rule.kind()).append("service", delivery.service())
                    .append("aggregateId", event.aggregateId()).append("aggregateType", event.aggregateType()).append("part", part)
                    .append("label", String.join(" · ", label)).append("memberId", rule.member() == null ? null : textOrNull(data, rule.member()))
                    .append("unitId", rule.unit() == null ? null : textOrNull(data, rule.unit()))
                    .append("restricted", eventDoc.getBoolean("restricted")).append("openedAt", date(event.occurredAt()))
                    .append("openedRecordedAt", date(event.recordedAt())).append("openedBy", event.eventId());
            subjectWrites.put(id, subject);
        }

        void finding(String kind, Delivery delivery, String stream, String eventId, long sequence, String hash, String detail, Document other) {
            String id = stream == null ? kind + "|" + delivery.topic() + "|" + delivery.partition() + "|" + delivery.offset()
                    : kind + "|" + stream + "|" + sequence + (hash == null ? "" : "|" + hash);
            Document finding = new Document("_id", id).append("kind", kind).append("status", "OPEN").append("detail", detail)
                    .append("detectedAt", date(delivery.publishedAt())).append("topic", delivery.topic())
                    .append("partition", delivery.partition()).append("offset", delivery.offset());
            if (stream != null) {
                finding.append("stream", stream).append("service", delivery.service()).append("aggregateId", delivery.event().aggregateId())
                        .append("aggregateType", delivery.event().aggregateType()).append("sequence", sequence).append("eventId", eventId)
                        .append("restricted", delivery.topic().endsWith(".restricted"));
            }
            if (other != null) {
                finding.append("other", other);
            }
            findingWrites.putIfAbsent(id, finding);
        }

        void write() {
            if (!eventWrites.isEmpty()) {
                List<WriteModel<Document>> writes = new ArrayList<>();
                eventWrites.values().forEach(doc -> writes.add(new ReplaceOneModel<>(eq("_id", doc.getString("_id")), doc,
                        new ReplaceOptions().upsert(true))));
                events.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            }
            if (!streamDocs.isEmpty()) {
                List<WriteModel<Document>> writes = new ArrayList<>();
                streamDocs.values().forEach(doc -> writes.add(new ReplaceOneModel<>(eq("_id", doc.getString("_id")), doc,
                        new ReplaceOptions().upsert(true))));
                streams.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            }
            if (!subjectWrites.isEmpty()) {
                List<WriteModel<Document>> writes = new ArrayList<>();
                subjectWrites.values().forEach(doc -> writes.add(new UpdateOneModel<>(eq("_id", doc.getString("_id")),
                        Updates.setOnInsert(new Document(doc)), new UpdateOptions().upsert(true))));
                subjects.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            }
            if (!findingWrites.isEmpty()) {
                List<WriteModel<Document>> writes = new ArrayList<>();
                findingWrites.values().forEach(doc -> {
                    Document onInsert = new Document(doc);
                    onInsert.remove("_id");
                    writes.add(new UpdateOneModel<>(eq("_id", doc.getString("_id")), Updates.setOnInsert(onInsert),
                            new UpdateOptions().upsert(true)));
                });
                findings.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            }
            resolveGapsBelow.forEach((stream, at) -> {
                long count = streamDocs.get(stream).get("count", 0L);
                findings.updateMany(and(eq("stream", stream), eq("kind", "SEQUENCE_GAP"), eq("status", "OPEN"), lt("sequence", count)),
                        Updates.combine(Updates.set("status", "RESOLVED"), Updates.set("resolvedAt", date(at)),
                                Updates.set("resolution", "The missing events arrived later")));
            });
        }
    }

    private Document document(Delivery delivery, String stream, JsonNode data) {
        PublishedEvent event = delivery.event();
        Set<String> members = data == null ? Set.of() : rules.members(event.aggregateType(), event.aggregateId(), data);
        Set<String> units = data == null ? Set.of() : rules.units(event.aggregateType(), event.aggregateId(), data);
        return new Document("_id", key(stream, event.sequence())).append("stream", stream).append("service", delivery.service())
                .append("aggregateId", event.aggregateId()).append("aggregateType", event.aggregateType()).append("sequence", event.sequence())
                .append("eventId", event.eventId()).append("type", event.type()).append("occurredAt", date(event.occurredAt()))
                .append("recordedAt", date(event.recordedAt())).append("publishedAt", date(delivery.publishedAt())).append("actor", actor(event))
                .append("correlationId", event.correlationId()).append("causationId", event.causationId()).append("prevHash", event.prevHash())
                .append("hash", event.hash()).append("data", event.data()).append("restricted", delivery.topic().endsWith(".restricted"))
                .append("topic", delivery.topic()).append("partition", delivery.partition()).append("offset", delivery.offset())
                .append("members", new ArrayList<>(members)).append("units", new ArrayList<>(units))
                .append("reason", data == null ? null : rules.reason(data)).append("part", data == null ? null : rules.part(data));
    }

    private static Document actor(PublishedEvent event) {
        Document actor = new Document("id", event.actor().id()).append("role", event.actor().role());
        if (event.actor().organisation() != null) {
            actor.append("organisation", event.actor().organisation());
        }
        return actor;
    }

    private static void union(Document doc, String field, List<String> values) {
        List<String> current = new ArrayList<>(doc.getList(field, String.class, List.of()));
        for (String value : values) {
            if (!current.contains(value)) {
                current.add(value);
            }
        }
        current.sort(null);
        doc.put(field, current);
    }

    private static String differences(Document first, PublishedEvent event) {
        List<String> changed = new ArrayList<>();
        if (!first.getString("type").equals(event.type())) {
            changed.add("type");
        }
        if (!first.getString("prevHash").equals(event.prevHash())) {
            changed.add("previous hash");
        }
        if (!first.getDate("occurredAt").toInstant().equals(event.occurredAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))) {
            changed.add("time");
        }
        JsonNode before = parse(first.getString("data"));
        JsonNode after = parse(event.data());
        if (before != null && after != null) {
            Set<String> fields = new LinkedHashSet<>(before.propertyNames());
            fields.addAll(after.propertyNames());
            for (String field : fields) {
                if (!before.path(field).equals(after.path(field))) {
                    changed.add("data." + field);
                }
            }
        } else if (!first.getString("data").equals(event.data())) {
            changed.add("data");
        }
        return changed.isEmpty() ? "" : " (changed: " + String.join(", ", changed) + ")";
    }

    /** The canonical form of a witnessed event, as it was first delivered. */
    public static String canonicalOf(Document doc) {
        try {
            return toCanonical(doc).canonicalJson();
        } catch (IllegalArgumentException e) {
            return "unreadable:" + doc.getString("data");
        }
    }

    /** The hashed fields of a witnessed event. */
    public static CanonicalEvent toCanonical(Document doc) {
        Document actor = doc.get("actor", Document.class);
        return new CanonicalEvent(doc.getString("eventId"), doc.getString("type"), doc.getString("aggregateId"), doc.getString("aggregateType"),
                doc.get("sequence", Number.class).longValue(), doc.getDate("occurredAt").toInstant(), doc.getDate("recordedAt").toInstant(),
                new org.dangjian.runtime.metadata.Actor(actor.getString("id"), actor.getString("role"), actor.getString("organisation")),
                doc.getString("correlationId"), doc.getString("causationId"), doc.getString("data"), doc.getString("prevHash"));
    }

    /** The hash a witnessed event's content gives; null when it cannot be canonicalised. */
    public static String computedHash(Document doc) {
        try {
            return toCanonical(doc).hash();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String safeCanonical(PublishedEvent event) {
        try {
            return event.canonical().canonicalJson();
        } catch (IllegalArgumentException e) {
            return "unreadable:" + event.data();
        }
    }

    private static String computedHash(PublishedEvent event) {
        try {
            return event.canonical().hash();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static JsonNode parse(String data) {
        try {
            JsonNode node = data == null ? null : JSON.readTree(data);
            return node != null && node.isObject() ? node : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String textOrNull(JsonNode data, String field) {
        JsonNode value = data.path(field);
        return value.isString() ? value.asString() : null;
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    /** A problem with a witnessed stream found by walking it again. */
    public record Problem(String kind, long sequence, String detail) {
    }

    /** The walk of a witnessed stream: every event's hash computed again from its content, and every link. */
    public record ChainCheck(long eventsChecked, boolean intact, String head, List<Problem> problems) {
    }

    public ChainCheck check(String stream) {
        return walk(events.find(eq("stream", stream)).sort(Sorts.ascending("sequence")), new ArrayList<>());
    }

    /**
     * Every witnessed stream walked again in one pass over the record (one read, not one per stream: without secondary
     * indexes each would scan it), with each stream's hashes by sequence for the checkpoint comparison.
     */
    public Map<String, ChainCheck> checkAll(Map<String, List<String>> hashesByStream) {
        Map<String, ChainCheck> checks = new LinkedHashMap<>();
        String current = null;
        List<Document> streamEvents = new ArrayList<>();
        for (Document event : events.find().sort(Sorts.ascending("stream", "sequence"))) {
            String stream = event.getString("stream");
            if (current != null && !current.equals(stream)) {
                List<String> hashes = new ArrayList<>();
                checks.put(current, walk(streamEvents, hashes));
                hashesByStream.put(current, hashes);
                streamEvents = new ArrayList<>();
            }
            current = stream;
            streamEvents.add(event);
        }
        if (current != null) {
            List<String> hashes = new ArrayList<>();
            checks.put(current, walk(streamEvents, hashes));
            hashesByStream.put(current, hashes);
        }
        return checks;
    }

    /** One stream's events in sequence order walked: each hash again from its content, each link; the hashes collected. */
    private static ChainCheck walk(Iterable<Document> streamEvents, List<String> hashes) {
        List<Problem> problems = new ArrayList<>();
        long expected = 0;
        String previousHash = CanonicalEvent.GENESIS;
        long checked = 0;
        String head = null;
        for (Document event : streamEvents) {
            checked++;
            long sequence = event.get("sequence", Number.class).longValue();
            if (sequence != expected) {
                problems.add(new Problem("SEQUENCE_GAP", expected, "The witnessed record goes from sequence " + (expected - 1) + " to "
                        + sequence));
                previousHash = null;
            }
            String hash = event.getString("hash");
            String computed = computedHash(event);
            if (!hash.equals(computed)) {
                problems.add(new Problem("HASH_MISMATCH", sequence, "The witnessed event's hash is " + hash + " but its content hashes to "
                        + computed));
            }
            if (previousHash != null && !previousHash.equals(event.getString("prevHash"))) {
                problems.add(new Problem("CHAIN_BROKEN", sequence, "Its previous hash is " + event.getString("prevHash")
                        + " but the event before has hash " + previousHash));
            }
            previousHash = hash;
            head = hash;
            expected = sequence + 1;
            while (hashes.size() < sequence) {
                hashes.add(null);
            }
            hashes.add(hash);
        }
        return new ChainCheck(checked, problems.isEmpty(), head, problems);
    }
}
