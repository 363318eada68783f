package org.dangjian.infra.embedded;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mongo-java-server}'s H2 backend with unique indexes whose keys compare as values, not as serialised bytes,
 * documents stored as BSON, not Java-serialised, and writes answered only once committed to the file.
 *
 * <p>The stock backend keeps each unique index (the {@code _id} index of every collection among them) in an H2 map
 * keyed by {@link KeyValue}, which is not {@link Comparable}; H2's {@link ObjectDataType} then orders such keys by
 * Java-serialising both of them on every comparison of every binary search. Profiled under the benchmark's load
 * that was a sixth of all CPU of the platform (every lookup by {@code _id}, every insert's uniqueness check). Here
 * the index maps use a key type that compares the keys' values in MongoDB's order ({@link ValueComparator}) and
 * stores them exactly as before.
 *
 * <p>A different order needs different maps: these are named {@code <db>.<collection>._keyindex_<name>}. A data
 * directory written by the stock backend has {@code ._index_} maps in the serialised order; they are removed when
 * their index is opened, and the new map, being empty, is filled from the collection's documents by
 * {@code mongo-java-server} itself (as for any new index). So an existing data directory is converted on its first
 * start, once.
 */
final class EmbeddedH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedH2Backend.class);
    private static final String STOCK_INDEX_INFIX = "._index_";
    private static final String INDEX_INFIX = "._keyindex_";
    /** The stock backend's map names: a collection's documents, and its metadata. */
    private static final String DATA_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";
    /** The commands that change data: answered only once their change is in the file. */
    private static final Set<String> WRITES = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        WRITES.addAll(List.of("insert", "update", "delete", "findAndModify", "create", "createIndexes", "drop", "dropIndexes",
                "dropDatabase", "renameCollection"));
    }

    /**
     * H2's own defaults. Measured with {@code benchmarks/run.sh --mode=embedded-store} (a write mix like the platform's,
     * benchmarks/README.md): 4 KB pages leave a file a third smaller, but neither they nor a 64 MB cache changed the CPU
     * per write beyond the run-to-run noise (87-116 iterations a second either way), so the defaults stay.
     */
    static final int CACHE_MB = 16;
    static final int PAGE_SPLIT_SIZE = 16 * 1024;

    /** Write commands finished, and how many of them the last commit covered (group commit). */
    private final AtomicLong writesDone = new AtomicLong();
    private final Object commitLock = new Object();
    private long writesCommitted;

    EmbeddedH2Backend(String fileName) {
        super(openStore(fileName));
    }

    /**
     * The MVStore file, with a page cache of {@code dangjian.embedded.h2.cache-mb} (default {@value #CACHE_MB} MB) and
     * leaf pages split at {@code dangjian.embedded.h2.page-split-size} bytes (default {@value #PAGE_SPLIT_SIZE}).
     */
    private static MVStore openStore(String fileName) {
        int cacheMb = Integer.getInteger("dangjian.embedded.h2.cache-mb", CACHE_MB);
        int pageSplitSize = Integer.getInteger("dangjian.embedded.h2.page-split-size", PAGE_SPLIT_SIZE);
        log.info("Opening the MVStore {} (page cache {} MB, pages split at {} bytes)", fileName, cacheMb, pageSplitSize);
        return new MVStore.Builder().fileName(fileName).cacheSize(cacheMb).pageSplitSize(pageSplitSize).open();
    }

    /**
     * Answers a write only once it is committed to the file. The stock backend leaves that to H2's background
     * commit, about a second later: a process killed in that second lost writes it had acknowledged (found by the
     * platform benchmark's {@code kill -9}). Writers that finish while a commit runs are covered by the next one,
     * which all of them wait for (group commit), so the cost is one commit per burst, not one per write. Committed
     * means written to the operating system: it survives the process, not a power cut (H2 syncs the file only when
     * it is closed).
     */
    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document answer = super.handleCommand(channel, databaseName, command, query);
        if (WRITES.contains(command)) {
            commitWritesSoFar(writesDone.incrementAndGet());
        }
        return answer;
    }

    private void commitWritesSoFar(long mine) {
        synchronized (commitLock) {
            if (writesCommitted >= mine) {
                return; // a commit that began after this write finished covered it
            }
            long upTo = writesDone.get();
            commit();
            writesCommitted = upTo;
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new KeyOrderedDatabase(databaseName);
    }

    /**
     * An inner class on purpose: {@link H2Database}'s constructor already opens the existing indexes (calling
     * {@link #openOrCreateUniqueIndex}), before any field of a subclass is set; the enclosing backend, and so its
     * store, is reachable from the first moment.
     */
    private final class KeyOrderedDatabase extends H2Database {

        KeyOrderedDatabase(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            MVStore store = getMvStore();
            String stock = getFullCollectionNamespace(collectionName) + STOCK_INDEX_INFIX + indexName;
            if (store.hasMap(stock)) {
                log.info("Converting index {} of {} to key order (rebuilt from the collection's documents)", indexName,
                        getFullCollectionNamespace(collectionName));
                store.removeMap(stock);
            }
            MVMap<KeyValue, Object> map = store.openMap(mapName(collectionName, indexName),
                    new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType())); // one per map, as H2 does: it keeps statistics
            return new KeyOrderedUniqueIndex(map, indexName, keys, sparse);
        }

        /**
         * A secondary (non-unique) index, which the stock backend accepts and ignores (a query on its fields then reads
         * the whole collection): kept here in a key-ordered map like the unique ones ({@link KeyOrderedSecondaryIndex}).
         */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            MVMap<KeyValue, Object> map = getMvStore().openMap(mapName(collectionName, indexName),
                    new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType()));
            return new KeyOrderedSecondaryIndex(map, indexName, keys, sparse);
        }

        /** The stock collection on a data map whose documents are stored as BSON ({@link DocumentValueType}). */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> data = getMvStore().openMap(DATA_PREFIX + fullName,
                    new MVMap.Builder<Object, Document>().valueType(new DocumentValueType()));
            MVMap<String, Object> meta = getMvStore().openMap(META_PREFIX + fullName);
            return new CopyOnUpdateCollection(this, collectionName, options, data, meta, cursorRegistry);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            getMvStore().removeMap(mapName(collection.getCollectionName(), indexName));
        }

        private String mapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + INDEX_INFIX + indexName;
        }
    }

    /**
     * Index keys in MongoDB's value order, values of equal rank told apart by their serialised form (so that two keys
     * compare equal exactly when they are equal). Stored as BSON, like the documents (keys of the stock format, Java
     * serialised, are still read).
     */
    static final class KeyValueType extends ObjectDataType {

        private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();

        @Override
        public int compare(Object a, Object b) {
            if (a instanceof KeyValue left && b instanceof KeyValue right) {
                int sizes = Integer.compare(left.size(), right.size());
                if (sizes != 0) {
                    return sizes;
                }
                for (int i = 0; i < left.size(); i++) {
                    int order = compareValues(left.get(i), right.get(i));
                    if (order != 0) {
                        return order;
                    }
                }
                return 0;
            }
            return super.compare(a, b);
        }

        /** A key as a BSON document of its values ({@code {"0": …, "1": …}}), after a tag byte; see {@link DocumentValueType}. */
        @Override
        public void write(WriteBuffer buffer, Object value) {
            if (!(value instanceof KeyValue key)) {
                super.write(buffer, value);
                return;
            }
            Document values = new Document();
            for (int i = 0; i < key.size(); i++) {
                values.put(Integer.toString(i), key.get(i));
            }
            DocumentValueType.writeBson(buffer, KEY_TAG, values);
        }

        @Override
        public Object read(ByteBuffer buffer) {
            if (Byte.toUnsignedInt(buffer.get(buffer.position())) != KEY_TAG) {
                return super.read(buffer); // a key of the stock format
            }
            buffer.get();
            return new KeyValue(DocumentValueType.readBson(buffer).values());
        }

        @Override
        public int getMemory(Object value) {
            return value instanceof KeyValue key ? 48 + 32 * key.size() : super.getMemory(value);
        }

        private static final int KEY_TAG = 0xF1;

        int compareValues(Object a, Object b) {
            if (a instanceof String x && b instanceof String y) {
                return x.compareTo(y); // the usual key, an _id: what ValueComparator would answer, without its type checks
            }
            if (Objects.equals(a, b)) {
                return 0;
            }
            int order = VALUES.compare(a, b);
            return order != 0 ? order : super.compare(a, b); // equal rank, not equal: the stock (serialised) order decides
        }
    }

    /**
     * The stock collection, except that an update changes a copy of each document it changes, never the one the data
     * map holds. The stock update changes the stored document in place and then puts it back; meanwhile a commit on
     * another thread may be writing a page that still holds it, and H2 then fails the whole store with a
     * {@code ConcurrentModificationException} ("This store is closed"; seen when eight services wrote at once). A
     * document in the map is never changed after it was put there.
     */
    static final class CopyOnUpdateCollection extends H2Collection {

        /** Whether this thread is inside an update or a find-and-modify of a collection. */
        private static final ThreadLocal<Boolean> UPDATING = ThreadLocal.withInitial(() -> Boolean.FALSE);

        CopyOnUpdateCollection(de.bwaldvogel.mongo.MongoDatabase database, String collectionName, de.bwaldvogel.mongo.backend.CollectionOptions options,
                               MVMap<Object, Document> data, MVMap<String, Object> meta, de.bwaldvogel.mongo.backend.CursorRegistry cursors) {
            super(database, collectionName, options, data, meta, cursors);
        }

        @Override
        public synchronized Document findAndModify(Document query) {
            return updating(() -> super.findAndModify(query));
        }

        @Override
        public synchronized Document updateDocuments(Document selector, Document updateQuery, de.bwaldvogel.mongo.backend.ArrayFilters arrayFilters,
                                                     boolean isMulti, boolean isUpsert, de.bwaldvogel.mongo.oplog.Oplog oplog) {
            return updating(() -> super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog));
        }

        /** Within an update, the matched documents are copies: the update changes and puts back the copy. */
        @Override
        protected de.bwaldvogel.mongo.backend.QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                                                        int batchSize, Document fieldSelector) {
            de.bwaldvogel.mongo.backend.QueryResult result = super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            if (!UPDATING.get()) {
                return result;
            }
            List<Document> copies = new java.util.ArrayList<>();
            for (Document document : result) {
                copies.add(document.cloneDeeply());
            }
            return new de.bwaldvogel.mongo.backend.QueryResult(copies, result.getCursorId());
        }

        /**
         * The path of a query no index serves: every document of the collection is read and matched. Logged once per
         * collection and query shape when the collection holds {@link ScanLog#LARGE} documents or more (again each
         * time it has grown tenfold), so that a query the embedded server answers by scanning shows in the log.
         */
        @Override
        protected de.bwaldvogel.mongo.backend.QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                                                        int batchSize, Document fieldSelector) {
            ScanLog.scanning(getDatabaseName() + "." + getCollectionName(), query, orderBy, count());
            return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        private static Document updating(java.util.function.Supplier<Document> update) {
            boolean outer = !UPDATING.get();
            UPDATING.set(Boolean.TRUE);
            try {
                return update.get();
            } finally {
                if (outer) {
                    UPDATING.set(Boolean.FALSE);
                }
            }
        }
    }

    /**
     * A collection's documents as BSON (the encoding they came in on the wire) instead of H2's default, Java
     * serialisation, which cost most of the time of every commit. Anything else, and a document written by the stock
     * backend (a data directory of an earlier version), is read and written as {@link ObjectDataType} does: a stored
     * BSON document starts with a tag byte none of that type's tags uses, so both kinds can sit side by side and a
     * page is rewritten as BSON the next time it changes.
     */
    static final class DocumentValueType extends ObjectDataType {

        private static final int BSON_TAG = 0xF0; // ObjectDataType's own tags are all below 128
        /** Each thread's encoding buffer, reused for every document it writes (H2 writes pages on several threads). */
        private static final ThreadLocal<ByteBuf> SCRATCH = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

        @Override
        public void write(WriteBuffer buffer, Object value) {
            if (!(value instanceof Document document)) {
                super.write(buffer, value);
                return;
            }
            writeBson(buffer, BSON_TAG, document);
        }

        @Override
        public Object read(ByteBuffer buffer) {
            if (Byte.toUnsignedInt(buffer.get(buffer.position())) != BSON_TAG) {
                return super.read(buffer);
            }
            buffer.get();
            return readBson(buffer);
        }

        /** The tag, the document's length, the document as BSON. */
        static void writeBson(WriteBuffer buffer, int tag, Document document) {
            ByteBuf bson = SCRATCH.get().clear();
            BsonEncoder.encodeDocument(document, bson);
            buffer.put((byte) tag).putVarInt(bson.readableBytes()).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
        }

        /** A document written by {@link #writeBson}, the tag already read. */
        static Document readBson(ByteBuffer buffer) {
            int length = DataUtils.readVarInt(buffer);
            ByteBuffer bson = buffer.slice();
            bson.limit(length);
            buffer.position(buffer.position() + length);
            return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
        }

        @Override
        public int getMemory(Object value) {
            return value instanceof Document document ? estimate(document) : super.getMemory(value);
        }

        /** A rough size in memory, for H2's cache accounting (it samples, and needs no precision). */
        private static int estimate(Object value) {
            if (value instanceof Map<?, ?> map) {
                int size = 64;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    size += 32 + estimate(entry.getKey()) + estimate(entry.getValue());
                }
                return size;
            }
            if (value instanceof CharSequence text) {
                return 48 + 2 * text.length();
            }
            if (value instanceof Collection<?> list) {
                int size = 48;
                for (Object element : list) {
                    size += 8 + estimate(element);
                }
                return size;
            }
            return 24;
        }
    }

    /**
     * A secondary index: each document under every key its indexed fields give ({@link Index#getKeyValues}: one per
     * element of an indexed array), followed by the document's {@code _id}, so that equal keys of different documents
     * are different map keys. It serves a query that gives plain string values for its leading fields (one or more,
     * in the index's order, at the query's top level or in a top-level {@code $and}, as the driver's
     * {@code Filters.and} renders it), {@code {stream: "x"}} for an index on {@code (stream, sequence)} among them, by reading
     * the map's range of that prefix; the collection then matches the whole query on the documents found, as for any
     * index. Other queries (numbers, whose stored form is normalised; operators; arrays) are left to the scan.
     */
    static final class KeyOrderedSecondaryIndex extends Index<Object> {

        private static final KeyValueType ORDER = new KeyValueType();
        private final MVMap<KeyValue, Object> map;

        KeyOrderedSecondaryIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
        }

        @Override
        public Object getPosition(Document document) {
            return null; // not a key of the document: the _id index finds it
        }

        @Override
        public void checkAdd(Document document, MongoCollection<Object> collection) {
            // not unique: nothing to refuse
        }

        @Override
        public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
            for (KeyValue key : entries(document)) {
                map.put(key, Missing.ofNullable(position));
            }
        }

        @Override
        public synchronized Object remove(Document document) {
            Object position = null;
            for (KeyValue key : entries(document)) {
                Object removed = map.remove(key);
                if (removed != null) {
                    position = removed;
                }
            }
            return position;
        }

        @Override
        public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
            // not unique: nothing to refuse
        }

        @Override
        public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection) {
            List<KeyValue> before = entries(oldDocument);
            List<KeyValue> after = entries(newDocument);
            if (before.equals(after)) {
                return;
            }
            before.forEach(map::remove);
            after.forEach(key -> map.put(key, Missing.ofNullable(position)));
        }

        /** The document's map keys: each key its indexed fields give, then its _id; none for a sparse index's document without them. */
        private List<KeyValue> entries(Document document) {
            if (isSparse() && keys().stream().noneMatch(document::containsKey)) {
                return List.of();
            }
            Object id = document.get("_id");
            List<KeyValue> entries = new java.util.ArrayList<>();
            for (KeyValue values : getKeyValues(document)) {
                List<Object> key = new java.util.ArrayList<>(values.size() + 1);
                for (int i = 0; i < values.size(); i++) {
                    key.add(values.get(i));
                }
                key.add(id);
                entries.add(new KeyValue(key));
            }
            return entries;
        }

        /** Whether the query gives a plain string for the index's first field (then the longest such prefix is used). */
        @Override
        public boolean canHandle(Document query) {
            return equality(query, keys().get(0)) != null; // the prefix's first value, without building the prefix twice a query
        }

        private List<Object> prefix(Document query) {
            List<Object> prefix = new java.util.ArrayList<>();
            for (String key : keys()) {
                String value = equality(query, key);
                if (value == null) {
                    break;
                }
                prefix.add(value);
            }
            return prefix;
        }

        /** The string the query requires {@code key} to equal, at its top level or in a top-level {@code $and}; else null. */
        private static String equality(Document query, String key) {
            if (query.get(key) instanceof String value) {
                return value;
            }
            if (query.get("$and") instanceof List<?> all) {
                for (Object part : all) {
                    if (part instanceof Document condition && condition.get(key) instanceof String value) {
                        return value;
                    }
                }
            }
            return null;
        }

        @Override
        public synchronized Iterable<Object> getPositions(Document query) {
            List<Object> prefix = prefix(query);
            List<Object> lowest = new java.util.ArrayList<>(prefix);
            while (lowest.size() < keys().size() + 1) {
                lowest.add(de.bwaldvogel.mongo.bson.MinKey.getInstance());
            }
            java.util.Set<Object> positions = new java.util.LinkedHashSet<>();
            org.h2.mvstore.Cursor<KeyValue, Object> cursor = map.cursor(new KeyValue(lowest));
            while (cursor.hasNext()) {
                KeyValue key = cursor.next();
                for (int i = 0; i < prefix.size(); i++) {
                    if (ORDER.compareValues(key.get(i), prefix.get(i)) != 0) {
                        return positions;
                    }
                }
                positions.add(cursor.getValue());
            }
            return positions;
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }

        @Override
        public void drop() {
            map.clear();
        }
    }

    /** A unique index kept in a key-ordered H2 map (what {@code H2UniqueIndex} does, on that map). */
    private static final class KeyOrderedUniqueIndex extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> map;

        KeyOrderedUniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
        }

        @Override
        protected Object removeDocument(KeyValue keyValue) {
            return map.remove(keyValue);
        }

        @Override
        protected boolean putKeyPosition(KeyValue keyValue, Object position) {
            return map.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return map.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue keyValue) {
            return map.get(keyValue);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }
}
