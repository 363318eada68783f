package org.dangjian.runtime.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

import org.dangjian.runtime.metadata.Actor;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;

/**
 * The hash chain's definition, as docs/event-store.md gives it to auditors and other departments: both worked
 * examples there are computed here, so the document cannot drift from the code.
 */
class CanonicalEventTest {

    static final CanonicalEvent FIRST = new CanonicalEvent(
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

    static final String FIRST_CANONICAL = "{\"actor\":{\"id\":\"dangwei\",\"organisation\":\"00000000-0000-4000-8000-000000000001\","
            + "\"role\":\"COMMITTEE_STAFF\"},\"aggregatetype\":\"OrganisationUnit\",\"causationid\":\"d1ce0000-0000-4000-8000-000000000002\","
            + "\"correlationid\":\"c0ffee00-0000-4000-8000-000000000001\",\"data\":{\"kind\":\"BRANCH\",\"name\":\"机关第一党支部\","
            + "\"parentId\":\"00000000-0000-4000-8000-000000000001\",\"reason\":\"党委会议决定\",\"unitId\":\"00000000-0000-4000-8000-000000000011\"},"
            + "\"id\":\"5f0c6a3e-9b1d-4c2a-8e7f-1a2b3c4d5e6f\",\"prevhash\":\"0000000000000000000000000000000000000000000000000000000000000000\","
            + "\"recordedtime\":\"2022-03-01T09:30:05.123Z\",\"sequence\":0,\"subject\":\"00000000-0000-4000-8000-000000000011\","
            + "\"time\":\"2022-03-01T09:30:00.000Z\",\"type\":\"org.dangjian.organisation.OrganisationUnitEstablished.v1\"}";

    /** The second event of the same unit: published {@code ce_time} is {@code 2022-03-05T14:00:00Z}, no organisation, no causation. */
    static CanonicalEvent second(String prevHash) {
        return new CanonicalEvent(
                "8a1f2b3c-4d5e-4f60-8172-8394a5b6c7d8",
                "org.dangjian.organisation.OrganisationUnitRenamed.v1",
                "00000000-0000-4000-8000-000000000011",
                "OrganisationUnit",
                1,
                OffsetDateTime.parse("2022-03-05T14:00:00Z").toInstant(),
                Instant.parse("2022-03-05T14:00:00.400Z"),
                new Actor("dangwei", "COMMITTEE_STAFF", null),
                "c0ffee00-0000-4000-8000-000000000009",
                null,
                "{\"unitId\":\"00000000-0000-4000-8000-000000000011\",\"previousName\":\"机关第一党支部\",\"name\":\"综合服务党支部\"}",
                prevHash);
    }

    @Test
    void bothWorkedExamplesOfTheDocumentationHoldForTheCode() throws IOException {
        String doc = Files.readString(Path.of("../../docs/event-store.md"), StandardCharsets.UTF_8);
        assertThat(FIRST.canonicalJson()).isEqualTo(FIRST_CANONICAL);
        String firstHash = FIRST.hash();
        assertThat(doc).contains(FIRST_CANONICAL).contains(firstHash);

        CanonicalEvent second = second(firstHash);
        assertThat(second.canonicalJson()).contains("\"time\":\"2022-03-05T14:00:00.000Z\"").doesNotContain("causationid")
                .doesNotContain("\"organisation\"");
        assertThat(doc).contains(second.canonicalJson()).contains(second.hash());
    }

    @Test
    void numbersAreCanonicalisedAsDoublesTheWayTheDocumentationShows() throws IOException {
        String doc = Files.readString(Path.of("../../docs/event-store.md"), StandardCharsets.UTF_8);
        Map<String, String> forms = Map.of("1.50", "1.5", "1e2", "100", "-0", "0", "0.000001", "0.000001", "1E-7", "1e-7",
                "123456789012345680000", "123456789012345680000", "1e21", "1e+21", "9007199254740992", "9007199254740992");
        forms.forEach((written, canonical) -> {
            assertThat(canonicalNumber(written)).as(written).isEqualTo(canonical);
            assertThat(doc).as("the table in docs/event-store.md shows %s -> %s", written, canonical)
                    .contains("| `" + written + "` | `" + canonical + "` |");
        });
    }

    private static String canonicalNumber(String number) {
        try {
            String canonical = new JsonCanonicalizer("{\"n\":" + number + "}").getEncodedString();
            return canonical.substring("{\"n\":".length(), canonical.length() - 1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
