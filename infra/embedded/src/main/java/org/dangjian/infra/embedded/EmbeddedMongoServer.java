package org.dangjian.infra.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server in-process ({@code mongo-java-server}): the H2 file backend for the embedded default
 * (data survives restarts), the memory backend for tests.
 *
 * <p>It is not MongoDB: no transactions, no {@code $text}, no change streams without its oplog, and only {@code _id},
 * exact matches on every key of a unique index and (on the H2 file backend, {@link EmbeddedH2Backend}) string equality
 * on the leading keys of a non-unique index are served by an index (anything else scans the collection). The
 * platform's Mongo code is written for that; see docs/event-store.md.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final MongoServer server;
    private final MongoBackend backend;
    private final InetSocketAddress address;

    private EmbeddedMongoServer(MongoServer server, MongoBackend backend, InetSocketAddress address) {
        this.server = server;
        this.backend = backend;
        this.address = address;
    }

    /** A server keeping its data in an H2 MVStore file under {@code dataDir} (indexes in key order: {@link EmbeddedH2Backend}). */
    public static EmbeddedMongoServer onDisk(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the Mongo data directory " + dataDir, e);
        }
        Path file = dataDir.resolve("mongo.mv.db");
        return start(new EmbeddedH2Backend(file.toString()), port, "H2 file " + file);
    }

    /** A server keeping its data in memory only. */
    public static EmbeddedMongoServer inMemory(int port) {
        return start(new MemoryBackend(), port, "memory");
    }

    private static EmbeddedMongoServer start(MongoBackend backend, int port, String storage) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        log.info("Embedded Mongo server ({}) listening on {}", storage, address);
        return new EmbeddedMongoServer(server, backend, address);
    }

    /** A {@code mongodb://} connection string without a database name. */
    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
        backend.close();
        log.info("Embedded Mongo server stopped");
    }
}
