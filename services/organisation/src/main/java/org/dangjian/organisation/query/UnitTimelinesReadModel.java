package org.dangjian.organisation.query;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;

import java.util.Date;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.readmodel.ReadModel;
import org.springframework.stereotype.Component;

/**
 * Each unit's timeline ({@code organisation_unit_timelines}, a document per unit): every event with its actor,
 * business and recorded time, correlation and causation, and hash chain link, keyed by its zero-padded sequence so
 * that applying an event twice writes the same field twice.
 */
@Component
public class UnitTimelinesReadModel implements ReadModel {

    public static final String NAME = "organisation-unit-timelines";
    static final String TIMELINES = "organisation_unit_timelines";

    private final MongoCollection<Document> timelines;

    public UnitTimelinesReadModel(MongoDatabase serviceDatabase) {
        this.timelines = serviceDatabase.getCollection(TIMELINES);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(PublishedEvent event) {
        Document actor = new Document("id", event.actor().id()).append("role", event.actor().role());
        if (event.actor().organisation() != null) {
            actor.append("organisation", event.actor().organisation());
        }
        Document entry = new Document("sequence", event.sequence())
                .append("eventId", event.eventId())
                .append("type", event.type())
                .append("occurredAt", Date.from(event.occurredAt()))
                .append("recordedAt", Date.from(event.recordedAt()))
                .append("actor", actor)
                .append("correlationId", event.correlationId())
                .append("causationId", event.causationId())
                .append("prevHash", event.prevHash())
                .append("hash", event.hash())
                .append("data", Document.parse(event.data()));
        timelines.updateOne(eq("_id", event.aggregateId()), set("entries." + String.format("%010d", event.sequence()), entry),
                new UpdateOptions().upsert(true));
    }

    @Override
    public void reset() {
        timelines.drop();
    }
}
