package org.dangjian.runtime.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dangjian.runtime.testing.StoreKit.event;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.dangjian.runtime.messaging.CloudEventCodec;
import org.dangjian.runtime.messaging.PublishedEvent;
import org.dangjian.runtime.testing.DrillEvents;
import org.dangjian.runtime.testing.DrillEvents.DrillCancelled;
import org.dangjian.runtime.testing.DrillEvents.DrillHeld;
import org.dangjian.runtime.testing.DrillEvents.DrillScheduled;
import org.dangjian.runtime.testing.StoreKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A read model's writes done per poll in bulk leave what the same writes done one event at a time leave. */
class BatchedWritesTest {

    private final StoreKit kit = new StoreKit(DrillEvents.DRILLS);

    @AfterEach
    void tearDown() {
        kit.close();
    }

    @Test
    void aBatchOfVersionedWritesEqualsTheWritesOneByOneAndIsSafeToRepeat() {
        VersionedDocuments single = new VersionedDocuments(kit.database, "single");
        VersionedDocuments batched = new VersionedDocuments(kit.database, "batched");
        single.apply("d1", 0, Updates.set("status", "SCHEDULED"));
        single.apply("d1", 1, Updates.set("status", "HELD"));
        single.apply("d2", 0, Updates.set("status", "SCHEDULED"));
        single.apply("d1", 2, Updates.set("status", "CANCELLED"));

        batched.batch().apply("d1", 0, Updates.set("status", "SCHEDULED")).flush();
        VersionedDocuments.Batch batch = batched.batch()
                .apply("d1", 0, Updates.set("status", "SCHEDULED")) // reflected already: skipped
                .apply("d1", 1, Updates.set("status", "HELD"))
                .apply("d2", 0, Updates.set("status", "SCHEDULED"))
                .apply("d1", 2, Updates.set("status", "CANCELLED"));
        batch.flush();

        assertThat(batched.find("d1")).isEqualTo(single.find("d1")).hasValueSatisfying(d -> {
            assertThat(d.getString("status")).isEqualTo("CANCELLED");
            assertThat(d.get("sequence", Number.class).longValue()).isEqualTo(2);
        });
        assertThat(batched.find("d2")).isEqualTo(single.find("d2"));

        batched.batch().apply("d1", 1, Updates.set("status", "HELD")).apply("d2", 0, Updates.set("status", "RESCHEDULED")).flush();
        assertThat(batched.find("d1").orElseThrow().getString("status")).as("an older event never rolls a document back").isEqualTo("CANCELLED");
        assertThat(batched.find("d2").orElseThrow().getString("status")).isEqualTo("SCHEDULED");
    }

    @Test
    void timelineEntriesRecordedTogetherEqualThoseRecordedOneByOne() {
        List<PublishedEvent> events = new ArrayList<>();
        CloudEventCodec codec = new CloudEventCodec("drills");
        kit.append(event("Drill", "d1", 0, new DrillScheduled("d1", "消防演练", "m1")));
        kit.append(event("Drill", "d1", 1, new DrillHeld("d1", "m1")));
        kit.append(event("Drill", "d2", 0, new DrillScheduled("d2", "应急演练", "m2")));
        kit.append(event("Drill", "d1", 2, new DrillCancelled("d1")));
        kit.appended.forEach(stored -> events.add(codec.fromStore(stored)));

        TimelineStore single = new TimelineStore(kit.database, "single_timelines");
        events.forEach(single::record);
        TimelineStore batched = new TimelineStore(kit.database, "batched_timelines");
        batched.recordAll(events.subList(0, 2));
        batched.recordAll(events); // the first two again: nothing changes

        assertThat(all("batched_timelines")).isEqualTo(all("single_timelines")).hasSize(6);
        assertThat(batched.page("d1", 0, 10)).hasValueSatisfying(page -> {
            assertThat(page.last()).isEqualTo(2);
            assertThat(page.entries()).extracting(TimelineEntry::sequence).containsExactly(0L, 1L, 2L);
        });
    }

    private List<Document> all(String collection) {
        return kit.database.getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }
}
