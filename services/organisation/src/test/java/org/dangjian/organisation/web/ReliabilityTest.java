package org.dangjian.organisation.web;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.dangjian.organisation.web.OrganisationServiceTest.MEMBER;
import static org.dangjian.organisation.web.OrganisationServiceTest.STAFF;
import static org.dangjian.organisation.web.OrganisationServiceTest.eventually;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.dangjian.organisation.query.OrganisationQueries;
import org.dangjian.runtime.eventstore.EventDocuments;
import org.dangjian.runtime.eventstore.EventStoreReader;
import org.dangjian.runtime.publication.Outbox;
import org.dangjian.runtime.publication.PublicationRelay;
import org.dangjian.runtime.consumer.ConsumerRunner;
import org.dangjian.runtime.consumer.ConsumerRunners;
import org.dangjian.testsupport.TestTokens;
import org.dangjian.testsupport.UsePlatformInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What the store and the publication promise: every stored event reaches Kafka even across a crash, an event
 * published twice changes nothing, read models rebuild from the topic to the same result, and a changed or removed
 * stored event is named by the verifier.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsePlatformInfrastructure
class ReliabilityTest {

    @LocalServerPort
    int port;
    @Autowired
    PublicationRelay relay;
    @Autowired
    MongoDatabase serviceDatabase;
    @Autowired
    Outbox outbox;
    @Autowired
    EventStoreReader store;
    @Autowired
    ConsumerRunners runners;
    @Autowired
    OrganisationQueries queries;
    @Autowired
    MeterRegistry meters;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api("http://localhost:" + port);
    }

    String establish(String kind, String name, String parentId) {
        return api.established(STAFF, kind, name, parentId);
    }

    @Test
    void anEventStoredButNotYetPublishedIsPublishedAfterTheRelayRestarts() throws Exception {
        relay.stop(); // the service dies after storing, before publishing
        String unit;
        try {
            unit = establish("COMMITTEE", "待发布党委", null);
            Document stored = serviceDatabase.getCollection(EventDocuments.COLLECTION).find(eq("_id", EventDocuments.documentId(unit, 0))).first();
            assertThat(stored.getBoolean("published")).isFalse();
            assertThat(outbox.pending(1000)).extracting(Outbox.Entry::aggregateId).contains(unit);
            Thread.sleep(700);
            assertThat(api.get("/units/" + unit, MEMBER).status()).as("nothing published, nothing in the read model").isEqualTo(404);
        } finally {
            relay.start(); // and comes back
        }
        assertThat(api.get("/units/" + unit + "?minSequence=0", MEMBER).status()).isEqualTo(200);
        eventually(() -> assertThat(serviceDatabase.getCollection(EventDocuments.COLLECTION)
                .find(eq("_id", EventDocuments.documentId(unit, 0))).first().getBoolean("published")).isTrue());
        eventually(() -> assertThat(outbox.pending(1000)).extracting(Outbox.Entry::aggregateId).doesNotContain(unit));
    }

    @Test
    void aStoredEventWhoseOutboxEntryIsLostIsFoundWhenTheRelayTakesTheLeaseAgain() {
        relay.stop();
        String unit;
        try {
            unit = establish("COMMITTEE", "遗漏党委", null);
            outbox.remove(List.of(Outbox.key(store.read(unit, 0).orElseThrow()))); // as if the entry never made it
        } finally {
            relay.start();
        }
        assertThat(api.get("/units/" + unit + "?minSequence=0", MEMBER).status()).isEqualTo(200);
    }

    @Test
    void aParentCannotBeDissolvedWhileItsNewSubordinateIsNotYetInTheReadModel() {
        String committee = establish("COMMITTEE", "先撤党委", null);
        api.get("/units/" + committee + "?minSequence=0", MEMBER);
        relay.stop(); // nothing reaches the read models
        try {
            String branch = establish("BRANCH", "新建支部", committee);
            Api.Response dissolve = api.post("/units/" + committee + "/dissolve", STAFF, Map.of(), Map.of());
            assertThat(dissolve.status()).isEqualTo(409);
            assertThat(dissolve.code()).isEqualTo("UNIT_HAS_ACTIVE_SUBORDINATES");
            api.post("/units/" + branch + "/dissolve", STAFF, Map.of(), Map.of());
            assertThat(api.post("/units/" + committee + "/dissolve", STAFF, Map.of(), Map.of()).status())
                    .as("once its subordinate is dissolved, at once, without waiting for the read model").isEqualTo(200);
        } finally {
            relay.start();
        }
    }

    @Test
    void entriesWaitingForTheirWritersDoNotHoldUpOtherAggregates() {
        // 250 outbox entries (more than a batch) whose events are not stored yet, sorted before any real unit id
        List<org.dangjian.runtime.eventstore.StoredEvent> inFlight = new java.util.ArrayList<>();
        for (int i = 0; i < 250; i++) {
            String aggregate = String.format("00000000-0000-0000-0000-%012d", i);
            inFlight.add(new org.dangjian.runtime.eventstore.StoredEvent("e" + i, aggregate, "OrganisationUnit", 0, "t", "{}",
                    java.time.Instant.now(), java.time.Instant.now(), new org.dangjian.runtime.metadata.Actor("system", "SYSTEM", null), null, null, null, "", "", false));
        }
        outbox.register(inFlight, java.time.Instant.now());
        try {
            String unit = establish("COMMITTEE", "不受阻党委", null);
            assertThat(api.get("/units/" + unit + "?minSequence=0", MEMBER).status()).isEqualTo(200);
        } finally {
            outbox.remove(inFlight.stream().map(Outbox::key).toList());
        }
    }

    @Test
    void anEventPublishedTwiceChangesNoReadModel() {
        String unit = establish("COMMITTEE", "重复党委", null);
        api.post("/units/" + unit + "/rename", STAFF, Map.of("name", "重复发布党委"), Map.of());
        JsonNode before = api.get("/units/" + unit + "/timeline?minSequence=1", MEMBER).body();
        JsonNode unitBefore = api.get("/units/" + unit + "?minSequence=1", MEMBER).body();
        double duplicatesBefore = duplicates();

        outbox.register(store.readStream(unit, 0), java.time.Instant.now());
        relay.signal();

        eventually(() -> assertThat(duplicates() - duplicatesBefore).isGreaterThanOrEqualTo(4)); // 2 events x 2 read models
        assertThat(api.get("/units/" + unit + "/timeline", MEMBER).body()).isEqualTo(before);
        assertThat(api.get("/units/" + unit, MEMBER).body()).isEqualTo(unitBefore);
    }

    @Test
    void aGapInTheTopicIsRepairedFromTheStoreAndTheMissingEventIsPublishedAgain() {
        relay.stop();
        String unit;
        try {
            unit = establish("COMMITTEE", "缺口党委", null);
            api.post("/units/" + unit + "/rename", STAFF, Map.of("name", "缺口党委（一）"), Map.of());
            // event 1 is lost on its way: no outbox entry, and marked as if published
            outbox.remove(List.of(Outbox.key(store.read(unit, 1).orElseThrow())));
            serviceDatabase.getCollection(EventDocuments.COLLECTION)
                    .updateOne(eq("_id", EventDocuments.documentId(unit, 1)), set(EventDocuments.PUBLISHED, true));
        } finally {
            relay.start();
        }
        api.get("/units/" + unit + "?minSequence=0", MEMBER);
        double gapsBefore = meters.find("dangjian.readmodel.gaps").counters().stream().mapToDouble(c -> c.count()).sum();

        api.post("/units/" + unit + "/rename", STAFF, Map.of("name", "缺口党委（二）"), Map.of());

        JsonNode entries = api.get("/units/" + unit + "/timeline?minSequence=2", MEMBER).body().get("entries");
        assertThat(entries).hasSize(3);
        assertThat(entries.get(1).at("/data/name").asString()).isEqualTo("缺口党委（一）");
        assertThat(meters.find("dangjian.readmodel.gaps").counters().stream().mapToDouble(c -> c.count()).sum()).isGreaterThan(gapsBefore);
        assertThat(api.get("/units/" + unit, MEMBER).body().get("name").asString()).isEqualTo("缺口党委（二）");
    }

    @Test
    void droppedReadModelsRebuiltFromTheTopicEqualTheLiveOnes() throws Exception {
        String committee = establish("COMMITTEE", "重建党委", null);
        String branch = establish("BRANCH", "重建第一支部", committee);
        String group = establish("PARTY_GROUP", "重建第一小组", branch);
        String union = api.post("/units", STAFF, Map.of("kind", "MASS_ORGANISATION", "massOrganisationType", "TRADE_UNION",
                "name", "重建工会", "parentId", committee), Map.of()).body().get("id").asString();
        api.post("/units/" + branch + "/rename", STAFF, Map.of("name", "重建综合支部"), Map.of());
        api.post("/units/" + group + "/dissolve", STAFF, Map.of(), Map.of());
        api.get("/units/" + group + "?minSequence=1", MEMBER);
        api.get("/units/" + group + "/timeline?minSequence=1", MEMBER);
        api.get("/units/" + branch + "/timeline?minSequence=1", MEMBER);
        // the live models caught up with the whole topic (this test's union, other tests' units stored while a relay was
        // down) before they are compared with their rebuild
        String operator = TestTokens.forUser("yunwei", "PLATFORM_OPERATOR", null);
        eventually(() -> api.get("/actuator/readmodels", operator).body().properties()
                .forEach(model -> assertThat(model.getValue().path("lag").asLong()).as(model.getKey()).isZero()));
        List<Object> live = everything();

        serviceDatabase.getCollection("organisation_units").drop();
        serviceDatabase.getCollection("organisation_subordinates").drop();
        serviceDatabase.getCollection("organisation_unit_timelines").drop();
        assertThat(queries.tree(true)).isEmpty();

        assertThat(api.get("/actuator/readmodels", operator).body().has("organisation-units")).isTrue();
        assertThat(api.post("/actuator/readmodels/no-such-model", operator, Map.of(), Map.of()).status()).isEqualTo(404);
        for (ConsumerRunner runner : runners.all()) {
            assertThat(api.post("/actuator/readmodels/" + runner.name(), operator, Map.of(), Map.of()).status()).isEqualTo(202);
        }
        eventually(() -> assertThat(everything()).isEqualTo(live));
        assertThat(live.toString()).contains(union, "重建综合支部", "DISSOLVED");
    }

    @Test
    void aChangedStoredEventIsNamedByTheVerifier() {
        String unit = establish("COMMITTEE", "校验党委", null);
        api.post("/units/" + unit + "/rename", STAFF, Map.of("name", "校验党委（新）"), Map.of());
        api.post("/units/" + unit + "/rename", STAFF, Map.of("name", "校验党委（再新）"), Map.of());
        assertThat(api.get("/units/" + unit + "/verification", MEMBER).body().get("intact").asBoolean()).isTrue();

        serviceDatabase.getCollection(EventDocuments.COLLECTION)
                .updateOne(eq("_id", EventDocuments.documentId(unit, 1)),
                        set("data", store.read(unit, 1).orElseThrow().data().replace("校验党委（新）", "篡改后的名称")));

        JsonNode verification = api.get("/units/" + unit + "/verification", MEMBER).body();
        assertThat(verification.get("intact").asBoolean()).isFalse();
        assertThat(verification.get("brokenAtSequence").asLong()).isEqualTo(1);
        assertThat(verification.get("problem").asString()).isEqualTo("HASH_MISMATCH");
        assertThat(verification.get("brokenEventId").asString()).isEqualTo(store.read(unit, 1).orElseThrow().eventId());
    }

    @Test
    void aRemovedStoredEventIsNamedByTheVerifier() {
        String unit = establish("COMMITTEE", "删除党委", null);
        api.post("/units/" + unit + "/rename", STAFF, Map.of("name", "删除党委（新）"), Map.of());
        api.post("/units/" + unit + "/rename", STAFF, Map.of("name", "删除党委（再新）"), Map.of());
        serviceDatabase.getCollection(EventDocuments.COLLECTION).deleteOne(eq("_id", EventDocuments.documentId(unit, 1)));

        JsonNode verification = api.get("/units/" + unit + "/verification", MEMBER).body();
        assertThat(verification.get("intact").asBoolean()).isFalse();
        assertThat(verification.get("brokenAtSequence").asLong()).isEqualTo(2);
        assertThat(verification.get("problem").asString()).isEqualTo("SEQUENCE_GAP");
    }

    private double duplicates() {
        return meters.find("dangjian.readmodel.events.duplicates").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private List<Object> everything() {
        List<Object> all = new ArrayList<>();
        all.add(queries.tree(true));
        collectIds(queries.tree(true), all);
        return all;
    }

    private void collectIds(List<org.dangjian.organisation.query.TreeNode> nodes, List<Object> all) {
        for (var node : nodes) {
            all.add(queries.unit(node.id()).orElse(null)); // mid-rebuild it may not be back yet
            all.add(queries.timeline(node.id(), 0, 500).map(page -> page.entries()).orElse(null));
            collectIds(node.subordinates(), all);
        }
    }
}
