package org.dangjian.runtime.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

class KeyFilterTest {

    /** What mongo-java-server needs to serve a compare-and-set by its unique (_id, field) index: exactly those keys. */
    @Test
    void aCompareAndSetFilterIsOneFlatDocumentNamingExactlyTheIndexedFields() {
        BsonDocument rendered = KeyFilter.idAnd("d1", "sequence", 3L).toBsonDocument(BsonDocument.class,
                MongoClientSettings.getDefaultCodecRegistry());
        assertThat(rendered.toJson()).isEqualTo("{\"_id\": \"d1\", \"sequence\": 3}");
        assertThat(KeyFilter.idAnd("d1", "sequence", null).toBsonDocument(BsonDocument.class,
                MongoClientSettings.getDefaultCodecRegistry()).keySet()).containsExactly("_id", "sequence");
    }
}
