package org.dangjian.subscriptions.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
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
import org.dangjian.runtime.platform.MemberDirectoryReadModel;
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
 * is in it) and keeps each event with the organisation units it concerns (a unit or branch it names, a member's branch
 * at the time, else the units its stream named before), for the subtree filters.
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
    /** The data fields that name an organisation unit, in the order they are looked at. */
    private static final List<String> UNIT_FIELDS = List.of("unitId", "branchId", "parentId", "subordinateId", "toBranchId", "fromBranchId",
            "ownerUnitId", "organisationUnitId");

    private final MongoCollection<Document> journal;
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> streams;
    private final Catalogue catalogue;
    private final MemberDirectoryReadModel members;
    private final Clock clock;

    public DeliveryJournal(MongoDatabase serviceDatabase, Catalogue catalogue, MemberDirectoryReadModel members, Clock clock) {
        this.journal = serviceDatabase.getCollection(JOURNAL);
        this.counters = serviceDatabase.getCollection(COUNTERS);
        this.streams = serviceDatabase.getCollection(STREAMS);
        this.catalogue = catalogue;
        this.members = members;
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
        Map<String, List<String>> streamUnits = streamUnits(fresh.values());
        List<WriteModel<Document>> writes = new ArrayList<>();
        List<WriteModel<Document>> streamWrites = new ArrayList<>();
        for (PublishedEvent event : fresh.values()) {
            String stream = event.source() + " " + event.aggregateId();
            List<String> units = units(event);
            if (units.isEmpty()) {
                units = streamUnits.getOrDefault(stream, List.of());
            } else {
                streamUnits.put(stream, units);
                streamWrites.add(new ReplaceOneModel<>(Filters.eq("_id", stream), new Document("_id", stream).append("units", units),
                        new ReplaceOptions().upsert(true)));
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
        if (!streamWrites.isEmpty()) {
            streams.bulkWrite(streamWrites);
        }
    }

    /** The units the journal knew for these events' streams before. */
    private Map<String, List<String>> streamUnits(Iterable<PublishedEvent> events) {
        Set<String> ids = new HashSet<>();
        events.forEach(event -> ids.add(event.source() + " " + event.aggregateId()));
        Map<String, List<String>> known = new LinkedHashMap<>();
        for (Document stream : streams.find(Filters.in("_id", ids))) {
            known.put(stream.getString("_id"), stream.getList("units", String.class));
        }
        return known;
    }

    /** The units an event names in its data, and the branch of a member it names (as the directory has it now). */
    private List<String> units(PublishedEvent event) {
        Set<String> units = new LinkedHashSet<>();
        JsonNode data;
        try {
            data = JSON.readTree(event.data());
        } catch (RuntimeException e) {
            return List.of();
        }
        for (String field : UNIT_FIELDS) {
            JsonNode value = data.path(field);
            if (value.isString() && !value.asString().isBlank()) {
                units.add(value.asString());
            }
        }
        JsonNode member = data.path("memberId");
        if (member.isString()) {
            members.member(member.asString()).map(MemberDirectoryReadModel.Member::branchId).filter(b -> b != null).ifPresent(units::add);
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
