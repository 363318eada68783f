package org.dangjian.discipline.query;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.dangjian.contracts.discipline.RecordRead;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.readmodel.ReadModel;
import org.dangjian.runtime.web.PageOf;
import org.springframework.stereotype.Component;

/**
 * Who read which discipline record (查阅记录), for auditors: a document per read ({@code access_log}, by the event's id,
 * so a repeat writes the same document) with the record, its kind, what of it was read, the reader (his id, role and
 * unit: the event's actor, from his token) and when (the event's recorded time). Listed newest first.
 */
@Component
public class AccessLogReadModel implements ReadModel {

    public static final String NAME = "access-log";
    static final String ACCESS_LOG = "access_log";
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> log;

    public AccessLogReadModel(MongoDatabase serviceDatabase) {
        this.log = serviceDatabase.getCollection(ACCESS_LOG);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Subscription subscription() {
        return Subscription.to(RecordRead.class);
    }

    @Override
    public List<String> collections() {
        return List.of(ACCESS_LOG);
    }

    @Override
    public void apply(PublishedEvent event) {
        applyAll(List.of(event));
    }

    @Override
    public void applyAll(List<PublishedEvent> events) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (PublishedEvent event : events) {
            if (event.payload() instanceof RecordRead read) {
                Document entry = new Document("_id", event.eventId()).append("recordId", read.recordId())
                        .append("recordKind", read.recordKind().name()).append("view", read.view().name())
                        .append("readerId", event.actor().id()).append("readerRole", event.actor().role())
                        .append("readerOrg", event.actor().organisation()).append("readAt", Date.from(event.recordedAt()));
                writes.add(new ReplaceOneModel<>(eq("_id", event.eventId()), entry, UPSERT));
            }
        }
        if (!writes.isEmpty()) {
            log.bulkWrite(writes);
        }
    }

    /** Which reads a list shows; a null condition does not filter. {@code from} and {@code to} are instants, to inclusive. */
    public record Filter(String recordId, String readerId, java.time.Instant from, java.time.Instant to) {
    }

    /** A page of the reads, newest first (then by event id). */
    public PageOf<Views.AccessEntry> reads(Filter filter, int page, int size) {
        List<Bson> conditions = new ArrayList<>();
        if (filter.recordId() != null) {
            conditions.add(eq("recordId", filter.recordId()));
        }
        if (filter.readerId() != null) {
            conditions.add(eq("readerId", filter.readerId()));
        }
        if (filter.from() != null) {
            conditions.add(Filters.gte("readAt", Date.from(filter.from())));
        }
        if (filter.to() != null) {
            conditions.add(Filters.lte("readAt", Date.from(filter.to())));
        }
        List<Document> found = log.find(conditions.isEmpty() ? new Document() : Filters.and(conditions)).into(new ArrayList<>());
        found.sort(Comparator.comparing((Document doc) -> doc.getDate("readAt")).reversed().thenComparing(doc -> doc.getString("_id")));
        return PageOf.of(found, page, size).map(docs -> docs.stream().map(doc -> new Views.AccessEntry(doc.getString("_id"),
                doc.getString("recordId"), doc.getString("recordKind"), doc.getString("view"), doc.getString("readerId"),
                doc.getString("readerRole"), doc.getString("readerOrg"), doc.getDate("readAt").toInstant().toString())).toList());
    }
}
