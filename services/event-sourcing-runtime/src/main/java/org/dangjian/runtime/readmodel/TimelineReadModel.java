package org.dangjian.runtime.readmodel;

import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.dangjian.runtime.consumer.Subscription;
import org.dangjian.runtime.messaging.PublishedEvent;

/**
 * An aggregate's timeline as a read model: every event of the subscription recorded in a {@link TimelineStore}
 * (a document per event, with actor, business and recorded time, correlation, causation and hash chain link), a
 * poll's events in one write. A service's timeline is a bean extending it with its name, collection and events.
 */
public class TimelineReadModel implements ReadModel {

    private final String name;
    private final String collection;
    private final Subscription subscription;
    private final TimelineStore timelines;

    protected TimelineReadModel(String name, MongoDatabase serviceDatabase, String collection, Subscription subscription) {
        this.name = name;
        this.collection = collection;
        this.subscription = subscription;
        this.timelines = new TimelineStore(serviceDatabase, collection);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Subscription subscription() {
        return subscription;
    }

    @Override
    public List<String> collections() {
        return List.of(collection);
    }

    @Override
    public void apply(PublishedEvent event) {
        timelines.record(event);
    }

    @Override
    public void applyAll(List<PublishedEvent> events) {
        timelines.recordAll(events);
    }
}
