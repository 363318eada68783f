package org.dangjian.infra.embedded;

import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queries that the embedded Mongo server answers by reading a whole large collection. {@code mongo-java-server}
 * serves a query by an index only on {@code _id} or on exactly the fields of a unique index; it accepts other
 * ("secondary") indexes and ignores them, so such a query reads every document, however large the collection grows.
 * Each such query shape is logged once per collection (and again whenever the collection has grown tenfold since), to
 * find the code that needs a key-shaped read on the embedded default (docs/event-store.md, "mongo-java-server").
 */
final class ScanLog {

    /** Below this many documents a scan is cheap and not logged ({@code -Ddangjian.embedded.scan-log-size=} to look closer). */
    static final int LARGE = Integer.getInteger("dangjian.embedded.scan-log-size", 1_000);
    private static final Logger log = LoggerFactory.getLogger(ScanLog.class);
    /** The collection size at which each collection and query shape was last logged. */
    private static final Map<String, Integer> LOGGED = new ConcurrentHashMap<>();
    /** Whole-collection reads so far, of any size (for tests and diagnosis). */
    private static final java.util.concurrent.atomic.AtomicLong SCANS = new java.util.concurrent.atomic.AtomicLong();

    private ScanLog() {
    }

    static void scanning(String collection, Document query, Document orderBy, int size) {
        SCANS.incrementAndGet();
        if (size < LARGE) {
            return;
        }
        String shape = collection + " " + shape(query) + (orderBy == null || orderBy.isEmpty() ? "" : " sorted by " + orderBy.keySet());
        Integer before = LOGGED.get(shape);
        if (before != null && size < before * 10L) {
            return;
        }
        if ((before == null ? LOGGED.putIfAbsent(shape, size) == null : LOGGED.replace(shape, before, size))) {
            log.info("A query no index serves read all {} documents of {} (query on {}): mongo-java-server uses only _id and unique indexes",
                    size, collection, shape.substring(collection.length() + 1));
        }
    }

    /** How many queries have read a whole collection since the server's class was loaded. */
    static long scans() {
        return SCANS.get();
    }

    /** The query's field names and operators, without its values ({@code {kind, unitId}}, {@code {_id: {$gte, $lt}}}). */
    static String shape(Object query) {
        if (!(query instanceof Document document)) {
            return "";
        }
        StringBuilder out = new StringBuilder("{");
        for (String key : new TreeSet<>(document.keySet())) {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append(key);
            Object value = document.get(key);
            if (value instanceof Document inner && inner.keySet().stream().anyMatch(k -> k.startsWith("$"))) {
                out.append(": ").append(shape(inner));
            } else if (value instanceof java.util.List<?> list && key.startsWith("$")) {
                out.append(": [").append(list.isEmpty() ? "" : shape(list.get(0))).append(list.size() > 1 ? ", …" : "").append("]");
            }
        }
        return out.append("}").toString();
    }
}
