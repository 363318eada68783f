package org.dangjian.runtime.eventstore;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.dangjian.runtime.testing.StoreKit.event;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.dangjian.runtime.testing.DrillEvents;
import org.dangjian.runtime.testing.DrillEvents.DrillCancelled;
import org.dangjian.runtime.testing.DrillEvents.DrillHeld;
import org.dangjian.runtime.testing.DrillEvents.DrillScheduled;
import org.dangjian.runtime.testing.StoreKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The verifier names the first stored event that does not match its chain, whatever was done to the store. */
class ChainVerifierTest {

    private StoreKit kit;
    private ChainVerifier verifier;
    private MongoCollection<Document> events;

    @BeforeEach
    void setUp() {
        kit = new StoreKit(DrillEvents.DRILLS);
        verifier = new ChainVerifier(kit.reader);
        events = kit.database.getCollection(EventDocuments.COLLECTION);
        kit.append(event("Drill", "d1", 0, new DrillScheduled("d1", "消防演练", "m1")));
        kit.append(event("Drill", "d1", 1, new DrillHeld("d1", "m1")));
        kit.append(event("Drill", "d1", 2, new DrillCancelled("d1")));
    }

    @AfterEach
    void tearDown() {
        kit.close();
    }

    @Test
    void anUntouchedChainIsIntactAndEndsAtItsLastHash() {
        ChainVerification verification = verifier.verify("d1");
        assertThat(verification.intact()).isTrue();
        assertThat(verification.eventsChecked()).isEqualTo(3);
        assertThat(verification.lastHash()).isEqualTo(kit.reader.read("d1", 2).orElseThrow().hash());
        assertThat(verification.brokenAtSequence()).isNull();
    }

    @Test
    void aChangedBodyIsAHashMismatchAtThatEvent() {
        events.updateOne(eq("_id", "d1:0000000001"), set("data", "{\"drillId\":\"d1\",\"memberId\":\"m2\"}"));
        ChainVerification verification = verifier.verify("d1");
        assertThat(verification.intact()).isFalse();
        assertThat(verification.brokenAtSequence()).isEqualTo(1);
        assertThat(verification.problem()).isEqualTo("HASH_MISMATCH");
        assertThat(verification.lastHash()).as("the last event that still matched").isEqualTo(kit.reader.read("d1", 0).orElseThrow().hash());
    }

    @Test
    void aChangedActorOrTimeIsAHashMismatchToo() {
        events.updateOne(eq("_id", "d1:0000000002"), set("actor.id", "someone-else"));
        assertThat(verifier.verify("d1").problem()).isEqualTo("HASH_MISMATCH");
    }

    @Test
    void aBodyThatNoLongerParsesIsAHashMismatchNotAnError() {
        events.updateOne(eq("_id", "d1:0000000000"), set("data", "{not json"));
        ChainVerification verification = verifier.verify("d1");
        assertThat(verification.brokenAtSequence()).isZero();
        assertThat(verification.problem()).isEqualTo("HASH_MISMATCH");
    }

    @Test
    void aRemovedEventIsASequenceGapAtTheNextOne() {
        events.deleteOne(eq("_id", "d1:0000000001"));
        ChainVerification verification = verifier.verify("d1");
        assertThat(verification.brokenAtSequence()).isEqualTo(2);
        assertThat(verification.problem()).isEqualTo("SEQUENCE_GAP");
    }

    @Test
    void anEventWhoseLinkWasRewrittenIsAPreviousHashMismatch() {
        events.updateOne(eq("_id", "d1:0000000002"), set("prevHash", CanonicalEvent.GENESIS));
        assertThat(verifier.verify("d1").problem()).isEqualTo("PREVIOUS_HASH_MISMATCH");
    }

    @Test
    void anUnknownAggregateHasNothingToCheck() {
        assertThat(verifier.verify("nobody").eventsChecked()).isZero();
    }
}
