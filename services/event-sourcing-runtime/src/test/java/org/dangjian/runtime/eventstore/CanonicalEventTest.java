package org.dangjian.runtime.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.dangjian.runtime.metadata.Actor;
import org.junit.jupiter.api.Test;

/**
 * The hash chain's definition, as docs/event-store.md gives it to auditors and other departments: the worked example
 * there is computed here, so the document cannot drift from the code.
 */
class CanonicalEventTest {

    static final CanonicalEvent EXAMPLE = new CanonicalEvent(
            "5f0c6a3e-9b1d-4c2a-8e7f-1a2b3c4d5e6f",
            "org.dangjian.organisation.OrganisationUnitEstablished.v1",
            "00000000-0000-4000-8000-000000000011",
            "OrganisationUnit",
            0,
            Instant.parse("2022-03-01T09:30:00Z"),
            Instant.parse("2022-03-01T09:30:05.123Z"),
            new Actor("dangwei", "COMMITTEE_STAFF", "00000000-0000-4000-8000-000000000001"),
            "c0ffee00-0000-4000-8000-000000000001",
            "d1ce0000-0000-4000-8000-000000000002",
            "{\"unitId\":\"00000000-0000-4000-8000-000000000011\",\"kind\":\"BRANCH\",\"name\":\"机关第一党支部\","
                    + "\"parentId\":\"00000000-0000-4000-8000-000000000001\",\"reason\":\"党委会议决定\"}",
            CanonicalEvent.GENESIS);

    static final String EXAMPLE_CANONICAL_JSON = "{\"actor\":{\"id\":\"dangwei\",\"organisation\":\"00000000-0000-4000-8000-000000000001\",\"role\":\"COMMITTEE_STAFF\"},"
            + "\"causationid\":\"d1ce0000-0000-4000-8000-000000000002\",\"correlationid\":\"c0ffee00-0000-4000-8000-000000000001\","
            + "\"data\":{\"kind\":\"BRANCH\",\"name\":\"机关第一党支部\",\"parentId\":\"00000000-0000-4000-8000-000000000001\",\"reason\":\"党委会议决定\","
            + "\"unitId\":\"00000000-0000-4000-8000-000000000011\"},\"id\":\"5f0c6a3e-9b1d-4c2a-8e7f-1a2b3c4d5e6f\","
            + "\"prevhash\":\"0000000000000000000000000000000000000000000000000000000000000000\",\"recordedtime\":\"2022-03-01T09:30:05.123Z\","
            + "\"sequence\":0,\"subject\":\"00000000-0000-4000-8000-000000000011\",\"time\":\"2022-03-01T09:30:00.000Z\","
            + "\"type\":\"org.dangjian.organisation.OrganisationUnitEstablished.v1\"}";
    static final String EXAMPLE_HASH = "4c75b0abfff0b68bede87543a5f039e292fa7ece5cd141b620745d55f0b97916";

    @Test
    void theWorkedExampleOfTheDocumentationHoldsForTheCode() throws IOException {
        assertThat(EXAMPLE.canonicalJson()).isEqualTo(EXAMPLE_CANONICAL_JSON);
        assertThat(EXAMPLE.hash()).isEqualTo(EXAMPLE_HASH);
        String doc = Files.readString(Path.of("../../docs/event-store.md"), StandardCharsets.UTF_8);
        assertThat(doc).contains(EXAMPLE_CANONICAL_JSON).contains(EXAMPLE_HASH);
    }
}
