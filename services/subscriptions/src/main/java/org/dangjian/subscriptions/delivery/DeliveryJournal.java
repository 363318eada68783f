package org.dangjian.subscriptions.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.Delivery;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.readmodel.Witness;
import org.dangjian.subscriptions.command.Catalogue;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The delivery journal (投递日志): every grantable event the platform publishes, once, numbered in the order it
 * arrived ({@code delivery_journal}, {@code _id} the position 1, 2, 3 …). Every subscription is a filtered view of it:
 * a department's stream resumes from the position it last received ({@code Last-Event-ID}), and a webhook's cursor is a
 * position. The journal reads every open topic of the platform (never a restricted one, so no discipline case content
 * is in it) and keeps each event with the organisation units it concerns, for the subtree filters: the units it names,
 * else the units its record named last ({@code delivery_journal_streams}, one document per record, written when they
 * change), and for an event that names a member ({@code memberId}) also the units his member record named last (his
 * branch, after a transfer both branches of the transfer).
 *
 * <p>It is a record of its own, numbered as events arrived: never rebuilt ({@link #rebuildable()}), since a rebuild
 * would number it anew and the departments' positions would point elsewhere. A redelivered event (the same event id)
 * is not journaled twice. Positions are taken from a counter before the entries are written, in the consumer's one
 * thread, so a reader sees them in order; a position whose write was lost to a crash stays a hole, which readers pass
 * after {@code gap-wait} (see {@link JournalReader}).
 */
@Component
public class DeliveryJournal implements Witness {

    public static final String NAME = "delivery-journal";
    public static final String JOURNAL = "delivery_journal";
    static final String COUNTERS = "delivery_journal_counter";
    static final String STREAMS = "delivery_journal_streams";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The source of the members service's events: a member's record is the stream {@code /dangjian/members <memberId>}. */
    private static final String MEMBERS = "/dangjian/" + org.dangjian.contracts.members.MembersEvents.SERVICE;
    /** The data fields that name an organisation unit, in the order they are looked at. */
    private static final List<String> UNIT_FIELDS = List.of("unitId", "branchId", "parentId", "subordinateId", "toBranchId", "fromBranchId",
            "ownerUnitId", "organisationUnitId");

    private final MongoCollection<Document> journal;
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> streams;
    private final Catalogue catalogue;
    private final Clock clock;

    public DeliveryJournal(MongoDatabase serviceDatabase, Catalogue catalogue, Clock clock) {
        this.journal = serviceDatabase.getCollection(JOURNAL);
        this.counters = serviceDatabase.getCollection(COUNTERS);
        this.streams = serviceDatabase.getCollection(STREAMS);
        this.catalogue = catalogue;
        this.clock = clock;
        journal.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Subscription subscription() {
        return Subscription.to(catalogue.grantable().map(Catalogue.Entry::record).toList());
    }

    @Override
    public List<String> collections() {
        return List.of(JOURNAL, COUNTERS, STREAMS);
    }

    @Override
    public boolean rebuildable() {
        return false;
    }

    @Override
    public void witnessAll(List<Delivery> deliveries) {
        Map<String, PublishedEvent> fresh = new LinkedHashMap<>();
        for (Delivery delivery : deliveries) {
            PublishedEvent event = delivery.event();
            if (delivery.readable() && catalogue.entry(event.type()).filter(Catalogue.Entry::grantable).isPresent()) {
                fresh.putIfAbsent(event.eventId(), event);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        for (Document seen : journal.find(Filters.in("eventId", fresh.keySet())).projection(new Document("eventId", 1))) {
            fresh.remove(seen.getString("eventId"));
        }
        if (fresh.isEmpty()) {
            return;
        }
        long last = counters.findOneAndUpdate(Filters.eq("_id", "position"), Updates.inc("value", (long) fresh.size()),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)).get("value", Number.class).longValue();
        long position = last - fresh.size() + 1;
        Date now = Date.from(clock.instant());
        Map<String, JsonNode> data = new LinkedHashMap<>();
        Set<String> wanted = new HashSet<>();
        for (PublishedEvent event : fresh.values()) {
            JsonNode body = parse(event.data());
            data.put(event.eventId(), body);
            wanted.add(stream(event.source(), event.aggregateId()));
            JsonNode member = body.path("memberId");
            if (member.isString()) {
                wanted.add(stream(MEMBERS, member.asString()));
            }
        }
        Map<String, List<String>> known = known(wanted);
        Map<String, List<String>> changed = new LinkedHashMap<>();
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (PublishedEvent event : fresh.values()) {
            String stream = stream(event.source(), event.aggregateId());
            JsonNode body = data.get(event.eventId());
            List<String> named = named(body);
            List<String> units;
            if (!named.isEmpty()) {
                units = named;
                if (!named.equals(known.get(stream))) {
                    known.put(stream, named);
                    changed.put(stream, named);
                }
            } else {
                units = new ArrayList<>(known.getOrDefault(stream, List.of()));
            }
            JsonNode member = body.path("memberId");
            if (member.isString() && !stream.equals(stream(MEMBERS, member.asString()))) {
                List<String> branches = known.getOrDefault(stream(MEMBERS, member.asString()), List.of());
                if (!branches.isEmpty()) {
                    Set<String> all = new LinkedHashSet<>(units);
                    all.addAll(branches);
                    units = List.copyOf(all);
                }
            }
            Document entry = new Document("_id", position++).append("eventId", event.eventId()).append("type", event.type())
                    .append("source", event.source()).append("subject", event.aggregateId()).append("aggregateType", event.aggregateType())
                    .append("sequence", event.sequence()).append("occurredAt", Date.from(event.occurredAt()))
                    .append("recordedAt", Date.from(event.recordedAt())).append("actorId", event.actor().id())
                    .append("actorRole", event.actor().role()).append("actorOrg", event.actor().organisation())
                    .append("correlationId", event.correlationId()).append("causationId", event.causationId())
                    .append("prevHash", event.prevHash()).append("hash", event.hash()).append("data", event.data()).append("units", units)
                    .append("journaledAt", now);
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", entry.getLong("_id")), entry, new ReplaceOptions().upsert(true)));
        }
        journal.bulkWrite(writes);
        if (!changed.isEmpty()) {
            List<WriteModel<Document>> streamWrites = new ArrayList<>();
            changed.forEach((stream, units) -> streamWrites.add(new ReplaceOneModel<>(Filters.eq("_id", stream),
                    new Document("_id", stream).append("units", units), new ReplaceOptions().upsert(true))));
            streams.bulkWrite(streamWrites);
        }
    }

    private static String stream(String source, String aggregateId) {
        return source + " " + aggregateId;
    }

    /** The units the journal knew for these streams before (one read). */
    private Map<String, List<String>> known(Set<String> ids) {
        Map<String, List<String>> known = new HashMap<>();
        for (Document stream : streams.find(Filters.in("_id", ids))) {
            known.put(stream.getString("_id"), stream.getList("units", String.class));
        }
        return known;
    }

    private static JsonNode parse(String data) {
        try {
            return JSON.readTree(data);
        } catch (RuntimeException e) {
            return JSON.createObjectNode();
        }
    }

    /** The units an event names in its data. */
    private static List<String> named(JsonNode data) {
        Set<String> units = new LinkedHashSet<>();
        for (String field : UNIT_FIELDS) {
            JsonNode value = data.path(field);
            if (value.isString() && !value.asString().isBlank()) {
                units.add(value.asString());
            }
        }
        return List.copyOf(units);
    }

    /** The next position the journal will give (what a grant without the history starts from). */
    public long nextPosition() {
        Document counter = counters.find(Filters.eq("_id", "position")).first();
        return counter == null ? 1 : counter.get("value", Number.class).longValue() + 1;
    }

    /** Up to {@code limit} entries after {@code position}, in order. */
    public List<Document> after(long position, int limit) {
        return journal.find(Filters.gt("_id", position)).sort(Sorts.ascending("_id")).limit(limit).into(new ArrayList<>());
    }

    public Optional<Document> entry(long position) {
        return Optional.ofNullable(journal.find(Filters.eq("_id", position)).first());
    }
}
