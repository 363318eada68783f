package org.dangjian.infra.embedded;

import java.nio.file.Path;

/** An embedded Mongo server on disk in a process of its own, for tests that kill it: {@code <data dir> <port>}. */
public final class MongoServerProcess {

    private MongoServerProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedMongoServer server = EmbeddedMongoServer.onDisk(Path.of(args[0]), Integer.parseInt(args[1]));
        System.out.println("listening on " + server.port());
        System.out.flush();
        Thread.currentThread().join(); // until killed
    }
}
