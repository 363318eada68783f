package org.dangjian.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.dangjian.infra.embedded.EmbeddedMongoServer;
import org.dangjian.infra.embedded.FileTrees;

/**
 * The embedded Mongo server's write path alone (mongo-java-server on its H2 file, {@code EmbeddedH2Backend}), with a
 * write mix like the platform's: 16 writers, each of their iterations an event inserted into one database and, in
 * each of five databases, a read model's upsert (a secondary-indexed field) and a consumer position's one-element bulk
 * upsert: eleven write commands, each answered after its commit. The collections start with {@code prefill} documents
 * each. Prints the rate, the process's CPU per iteration and the file's size, for comparing the backend's settings
 * ({@code -Ddangjian.embedded.h2.cache-mb}, {@code -Ddangjian.embedded.h2.page-split-size}):
 * <pre>benchmarks/run.sh --mode=embedded-store [--iterations=100] [--prefill=5000]</pre>
 */
final class EmbeddedStoreWrites {

    private static final int WRITERS = 16;
    private static final int DATABASES = 5;

    private EmbeddedStoreWrites() {
    }

    static void main(List<String> args) throws Exception {
        int iterations = 100;
        int prefill = 5000;
        for (String arg : args) {
            if (arg.startsWith("--iterations=")) {
                iterations = Integer.parseInt(arg.substring("--iterations=".length()));
            } else if (arg.startsWith("--prefill=")) {
                prefill = Integer.parseInt(arg.substring("--prefill=".length()));
            } else {
                throw new IllegalArgumentException("Unknown option " + arg + " (known: --iterations=N, --prefill=N)");
            }
        }
        Path dir = Files.createTempDirectory("dangjian-embedded-store");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk(dir, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            List<MongoDatabase> databases = new ArrayList<>();
            for (int d = 0; d < DATABASES; d++) {
                MongoDatabase database = client.getDatabase("service" + d);
                database.getCollection("readmodel").createIndex(Indexes.ascending("parent"));
                fill(database, prefill);
                databases.add(database);
            }
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = os.getProcessCpuTime();
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                int each = iterations;
                writers.add(pool.submit(() -> write(databases, writer, each)));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
            int total = WRITERS * iterations;
            System.out.printf("cache %s MB, pages split at %s bytes: %d iterations (11 write commands each) in %.1f s = %.0f a second,"
                            + " CPU %.1f s (%.2f ms per iteration), file %d MB%n",
                    System.getProperty("dangjian.embedded.h2.cache-mb", "default"), System.getProperty("dangjian.embedded.h2.page-split-size", "default"),
                    total, seconds, total / seconds, cpu, cpu * 1000 / total, Files.size(dir.resolve("mongo.mv.db")) / 1_000_000);
        } finally {
            FileTrees.deleteQuietly(dir);
        }
    }

    private static void fill(MongoDatabase database, int count) {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            documents.add(new Document("_id", "prefill-" + i).append("parent", "p" + (i % 100)).append("name", "单位" + i).append("version", 1L)
                    .append("payload", "x".repeat(200)));
            if (documents.size() == 1000 || i == count - 1) {
                database.getCollection("readmodel").insertMany(documents);
                database.getCollection("events").insertMany(documents);
                documents.clear();
            }
        }
    }

    private static Void write(List<MongoDatabase> databases, int writer, int iterations) {
        for (int i = 0; i < iterations; i++) {
            String id = "unit-" + writer + "-" + i;
            databases.get(0).getCollection("events").insertOne(new Document("_id", id).append("sequence", 0).append("payload", "y".repeat(400)));
            for (MongoDatabase database : databases) {
                database.getCollection("readmodel").updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("parent", "p" + writer),
                        Updates.set("name", "支部" + id), Updates.max("version", 0L)), new UpdateOptions().upsert(true));
                database.getCollection("positions").bulkWrite(List.of(new UpdateOneModel<>(Filters.eq("_id", "model|" + id),
                        Updates.max("sequence", 0L), new UpdateOptions().upsert(true))));
            }
        }
        return null;
    }
}
