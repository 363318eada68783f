package org.dangjian.runtime.mongo;

import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The filter of a compare-and-set: a document's {@code _id} and one more field, as one flat document
 * ({@code {_id: …, state: …}}), which a unique index on exactly those two fields serves by key.
 *
 * <p>Not {@code Filters.and(eq(…), eq(…))}: the driver renders that as {@code {$and: [{_id: …}, {state: …}]}}, which
 * MongoDB serves by {@code _id} all the same, but which {@code mongo-java-server} answers by scanning the whole
 * collection (it matches an index only on a filter naming exactly the index's fields). Every compare-and-set of the
 * platform (commits, idempotency claims, read-model versions, the relay's lease) scanned its collection that way
 * until the platform benchmark's profile showed it.
 */
public final class KeyFilter {

    private KeyFilter() {
    }

    /** {@code {_id: id, field: value}}; a null value matches a document whose field is null or missing. */
    public static Bson idAnd(Object id, String field, Object value) {
        return new Document("_id", id).append(field, value);
    }
}
