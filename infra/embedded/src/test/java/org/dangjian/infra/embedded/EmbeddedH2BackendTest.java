package org.dangjian.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedH2BackendTest {

    @Test
    void keysCompareByValueAndAreEqualOnlyWhenEqual() {
        EmbeddedH2Backend.KeyValueType type = new EmbeddedH2Backend.KeyValueType();
        assertThat(type.compare(new KeyValue(2.0), new KeyValue(10.0))).isNegative();
        assertThat(type.compare(new KeyValue("unit-b"), new KeyValue("unit-a"))).isPositive();
        assertThat(type.compare(new KeyValue("u", 3.0), new KeyValue("u", 3.0))).isZero();
        assertThat(type.compare(new KeyValue("u", 3.0), new KeyValue("u", 4.0))).isNegative();
        assertThat(type.compare(new KeyValue("u", (Object) null), new KeyValue("u", 0.0))).isNotZero();
        assertThat(type.compare(new KeyValue(new de.bwaldvogel.mongo.bson.Document("a", 1.0)), new KeyValue(new de.bwaldvogel.mongo.bson.Document("a", 2.0)))).isNotZero();
    }

    @Test
    void indexKeysAreWrittenAsBsonAndReadBackEqual() {
        EmbeddedH2Backend.KeyValueType type = new EmbeddedH2Backend.KeyValueType();
        KeyValue key = new KeyValue("d1:0000000003", 3.0, 9_007_199_254_740_993L, null, "党支部");
        org.h2.mvstore.WriteBuffer buffer = new org.h2.mvstore.WriteBuffer();
        type.write(buffer, key);
        type.write(buffer, "a plain string, as the stock type writes it");
        java.nio.ByteBuffer written = buffer.getBuffer().flip();
        assertThat(type.read(written)).isEqualTo(key);
        assertThat(type.read(written)).isEqualTo("a plain string, as the stock type writes it");
    }

    @Test
    void anUpdateNeverChangesTheDocumentTheStoreHoldsWhichACommitMayBeWritingAtThatMoment(@TempDir Path dir) {
        EmbeddedH2Backend backend = new EmbeddedH2Backend(dir.resolve("mongo.mv").toString());
        MongoServer server = new MongoServer(backend);
        java.net.InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> findings = client.getDatabase("audit").getCollection("ledger_findings");
            findings.insertOne(new Document("_id", "GAP|s|2").append("status", "OPEN").append("detail", "sequence 2 missing"));
            MVStore store = backend.getMvStore();
            org.h2.mvstore.MVMap<Object, de.bwaldvogel.mongo.bson.Document> data = store.openMap("databases.audit.ledger_findings",
                    new org.h2.mvstore.MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().valueType(new EmbeddedH2Backend.DocumentValueType()));
            de.bwaldvogel.mongo.bson.Document held = data.get("GAP|s|2");
            assertThat(held).as("the document the data map holds").isNotNull();

            findings.updateMany(Filters.eq("status", "OPEN"), Updates.combine(Updates.set("status", "RESOLVED"), Updates.unset("detail")));
            findings.findOneAndUpdate(Filters.eq("_id", "GAP|s|2"), Updates.set("resolution", "arrived"));

            assertThat(held).as("the instance a commit may be writing is left as it was").containsEntry("status", "OPEN")
                    .containsEntry("detail", "sequence 2 missing").doesNotContainKey("resolution");
            assertThat(findings.find(Filters.eq("_id", "GAP|s|2")).first()).containsEntry("status", "RESOLVED")
                    .containsEntry("resolution", "arrived").doesNotContainKey("detail");
        } finally {
            server.shutdown();
        }
    }

    /**
     * mongo-java-server accepts non-unique indexes and ignores them; here they are kept and serve equality on their
     * leading string fields, with the same answers as a scan, through inserts, updates of indexed fields, array
     * elements, deletes, a restart and an index made over existing documents.
     */
    @Test
    void secondaryIndexesServeEqualityQueriesWithTheAnswersOfAScan(@TempDir Path dir) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk(dir, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("audit").getCollection("ledger_events");
            events.createIndex(Indexes.ascending("stream", "sequence"));
            events.createIndex(Indexes.ascending("members"));
            for (int i = 0; i < 300; i++) {
                events.insertOne(new Document("_id", "s" + (i % 30) + "|" + (i / 30)).append("stream", "s" + (i % 30)).append("sequence", (long) (i / 30))
                        .append("members", java.util.List.of("m" + (i % 7), "m" + (i % 11))));
            }
            events.insertOne(new Document("_id", "no-stream").append("sequence", 0L)); // the indexed fields missing

            long scansBefore = ScanLog.scans();
            assertThat(ids(events.find(Filters.eq("stream", "s3")))).hasSize(10).allMatch(id -> id.startsWith("s3|"));
            assertThat(ids(events.find(Filters.and(Filters.eq("stream", "s3"), Filters.gt("sequence", 6L))))).containsExactlyInAnyOrder("s3|7", "s3|8",
                    "s3|9");
            assertThat(ids(events.find(Filters.eq("members", "m5")))).containsExactlyInAnyOrderElementsOf(expected(300, i -> i % 7 == 5 || i % 11 == 5));
            assertThat(events.find(Filters.eq("stream", "nobody")).first()).isNull();
            assertThat(ScanLog.scans()).as("no query above read the whole collection").isEqualTo(scansBefore);
            assertThat(events.countDocuments(Filters.eq("stream", "s3"))).isEqualTo(10);

            events.updateOne(Filters.eq("_id", "s3|4"), Updates.set("stream", "moved"));
            events.updateMany(Filters.eq("stream", "s4"), Updates.set("members", java.util.List.of("m-new")));
            events.deleteOne(Filters.eq("_id", "s3|5"));
            assertThat(ids(events.find(Filters.eq("stream", "s3")))).hasSize(8).doesNotContain("s3|4", "s3|5");
            assertThat(ids(events.find(Filters.eq("stream", "moved")))).containsExactly("s3|4");
            assertThat(ids(events.find(Filters.eq("members", "m-new")))).hasSize(10).allMatch(id -> id.startsWith("s4|"));
            assertThat(ids(events.find(Filters.eq("members", "m5")))).noneMatch(id -> id.startsWith("s4|"));
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk(dir, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("audit").getCollection("ledger_events");
            assertThat(ids(events.find(Filters.eq("stream", "s3")))).as("after a restart").hasSize(8);
            events.createIndex(Indexes.ascending("sequence", "stream")); // over the existing documents; a number leads: not served
            long scansBefore = ScanLog.scans();
            assertThat(events.countDocuments(Filters.eq("sequence", 9L))).isEqualTo(30); // a number: the scan answers, correctly
            assertThat(ScanLog.scans()).isGreaterThan(scansBefore);
            events.drop();
            events.createIndex(Indexes.ascending("stream"));
            events.insertOne(new Document("_id", "again").append("stream", "s3"));
            assertThat(ids(events.find(Filters.eq("stream", "s3")))).as("a dropped collection's index starts empty").containsExactly("again");
        }
    }

    private static java.util.List<String> ids(Iterable<Document> found) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        found.forEach(doc -> ids.add(doc.getString("_id")));
        return ids;
    }

    private static java.util.List<String> expected(int count, java.util.function.IntPredicate match) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (match.test(i)) {
                ids.add("s" + (i % 30) + "|" + (i / 30));
            }
        }
        return ids;
    }

    @Test
    void uniqueIndexesServeLookupsAndRefuseDuplicatesAcrossARestart(@TempDir Path dir) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk(dir, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> units = client.getDatabase("organisation").getCollection("units");
            units.createIndex(Indexes.ascending("_id", "sequence"), new IndexOptions().unique(true).name("version"));
            for (int i = 0; i < 500; i++) {
                units.insertOne(new Document("_id", "unit-" + i).append("sequence", (long) i));
            }
            assertDuplicateRefused(units, "unit-7");
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk(dir, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> units = client.getDatabase("organisation").getCollection("units");
            assertThat(units.find(Filters.eq("_id", "unit-321")).first()).containsEntry("sequence", 321L);
            // a compare-and-set on (_id, sequence), as read models do
            assertThat(units.updateOne(Filters.and(Filters.eq("_id", "unit-321"), Filters.eq("sequence", 321L)),
                    Updates.set("sequence", 322L)).getModifiedCount()).isEqualTo(1);
            assertThat(units.updateOne(Filters.and(Filters.eq("_id", "unit-321"), Filters.eq("sequence", 321L)),
                    Updates.set("sequence", 323L)).getModifiedCount()).isZero();
            assertDuplicateRefused(units, "unit-499");
            assertThat(units.countDocuments()).isEqualTo(500);
        }
    }

    @Test
    void aDataDirectoryOfTheStockBackendIsConvertedOnItsFirstStart(@TempDir Path dir) {
        Path file = dir.resolve("mongo.mv.db");
        MongoServer stock = new MongoServer(new H2Backend(file.toString()));
        stock.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + stock.getLocalAddress().getPort())) {
            MongoCollection<Document> events = client.getDatabase("organisation").getCollection("events");
            events.createIndex(Indexes.ascending("_id", "commit"), new IndexOptions().unique(true).name("commit"));
            for (int i = 0; i < 200; i++) {
                events.insertOne(new Document("_id", "unit-1:" + String.format("%010d", i)).append("commit", null));
            }
        } finally {
            stock.shutdownNow();
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk(dir, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("organisation").getCollection("events");
            assertThat(events.find(Filters.eq("_id", "unit-1:0000000150")).first()).isNotNull();
            assertThat(events.countDocuments()).isEqualTo(200);
            assertDuplicateRefused(events, "unit-1:0000000000");
            events.updateOne(Filters.eq("_id", "unit-1:0000000007"), Updates.set("published", true)); // rewritten as BSON
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk(dir, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("organisation").getCollection("events");
            assertThat(events.find(Filters.eq("_id", "unit-1:0000000007")).first()).containsEntry("published", true);
            assertThat(events.find(Filters.eq("_id", "unit-1:0000000008")).first()).as("still as the stock backend stored it")
                    .containsEntry("commit", null);
        }
        try (MVStore store = MVStore.open(file.toString())) {
            assertThat(store.getMapNames()).noneMatch(name -> name.contains("._index_")).anyMatch(name -> name.contains("._keyindex_"));
        }
    }

    @Test
    void documentsOfEveryKindTheServicesStoreComeBackFromTheFileAsTheyWere(@TempDir Path dir) {
        Document stored = new Document("_id", "d1:0000000000")
                .append("text", "党支部 \"一\" 😀")
                .append("long", 9_007_199_254_740_993L)
                .append("double", 0.1)
                .append("flag", true)
                .append("nothing", null)
                .append("at", java.util.Date.from(java.time.Instant.parse("2026-07-01T08:00:00.123Z")))
                .append("nested", new Document("actor", new Document("id", "dangwei").append("role", "COMMITTEE_STAFF")))
                .append("list", java.util.List.of("a", 1, new Document("b", 2L)))
                .append("oid", new org.bson.types.ObjectId("64b7f0c2a1b2c3d4e5f60718"))
                .append("bytes", new org.bson.types.Binary(new byte[] {1, 2, 3}));
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk(dir, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("organisation").getCollection("events").insertOne(stored);
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk(dir, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(client.getDatabase("organisation").getCollection("events").find().first()).isEqualTo(stored);
        }
    }

    /** Found by the platform benchmark: writes acknowledged in the last second before a kill -9 were gone. */
    @Test
    void everyAcknowledgedWriteSurvivesTheServersProcessBeingKilled(@TempDir Path dir) throws Exception {
        int port = FreePorts.pick(1).pop();
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), MongoServerProcess.class.getName(), dir.toString(), Integer.toString(port))
                .redirectErrorStream(true).start();
        try (var output = new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream()))) {
            String line;
            while ((line = output.readLine()) != null && !line.startsWith("listening on")) {
                // the server's log, until it listens
            }
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                MongoCollection<Document> events = client.getDatabase("organisation").getCollection("events");
                for (int i = 0; i < 300; i++) {
                    events.insertOne(new Document("_id", "unit-1:" + i).append("sequence", (long) i));
                }
                events.updateOne(Filters.eq("_id", "unit-1:299"), Updates.set("published", true));
            }
            server.destroyForcibly().waitFor(); // SIGKILL, right after the last answer
        } finally {
            server.destroyForcibly();
        }

        try (EmbeddedMongoServer reopened = EmbeddedMongoServer.onDisk(dir, 0);
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("organisation").getCollection("events");
            assertThat(events.countDocuments()).isEqualTo(300);
            assertThat(events.find(Filters.eq("_id", "unit-1:299")).first()).containsEntry("published", true);
        }
    }

    private static void assertDuplicateRefused(MongoCollection<Document> collection, String id) {
        assertThatThrownBy(() -> collection.insertOne(new Document("_id", id)))
                .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }
}
