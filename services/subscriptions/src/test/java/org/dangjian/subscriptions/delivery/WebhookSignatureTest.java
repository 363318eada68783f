package org.dangjian.subscriptions.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.dangjian.contracts.PersonalData;
import org.dangjian.contracts.members.MembershipApplicationReceived;
import org.dangjian.contracts.organisation.BranchTermRecorded;
import org.junit.jupiter.api.Test;

/**
 * What docs/subscribing.md promises a webhook receiver, checked against the code: the worked signature example, the
 * retry schedule, and which fields of the published records are personal data.
 */
class WebhookSignatureTest {

    @Test
    void theDocumentedWorkedExampleIsWhatTheSignerComputes() {
        String body = "{\"specversion\":\"1.0\",\"id\":\"6f1c1a52-3c8e-4a0e-9a43-2f7d1f0b9c11\"}";
        assertThat(WebhookSigner.sign("q3Vx0bJ9sZ2cG7HnK4mP1tR8wY5eA6dF0iL3oU9yT2c", 1764412800L, body.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("4764e5bcaa57d6e02731514c0291de88912707753a21ff80122bd2838f540286");
    }

    @Test
    void aFailedPostWaitsOneSecondThenTwiceAsLongEachTimeAtMostFiveMinutes() {
        DeliverySettings settings = new DeliverySettings(Duration.ofMillis(250), Duration.ofSeconds(15), Duration.ofSeconds(5), 5, Duration.ofSeconds(1),
                Duration.ofMinutes(5), Duration.ofSeconds(10), 200, Duration.ofSeconds(10));
        assertThat(IntStream.rangeClosed(1, 10).mapToObj(settings::backoff).toList()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(32), Duration.ofSeconds(64),
                Duration.ofSeconds(128), Duration.ofSeconds(256), Duration.ofMinutes(5));
    }

    @Test
    void thePersonalFieldsAreTheOnesThePublishedRecordsMark() {
        assertThat(Masking.personalFields(MembershipApplicationReceived.class)).isEqualTo(Map.of("name", PersonalData.Kind.NAME, "gender",
                PersonalData.Kind.GENDER, "birthDate", PersonalData.Kind.BIRTH_DATE, "idCardNumber", PersonalData.Kind.ID_CARD_NUMBER, "phone",
                PersonalData.Kind.PHONE, "address", PersonalData.Kind.ADDRESS, "username", PersonalData.Kind.LOGIN_NAME));
        // nested: the names of a branch committee's members
        assertThat(Masking.personalFields(BranchTermRecorded.class)).isEqualTo(Map.of("committee[].name", PersonalData.Kind.NAME));
        tools.jackson.databind.node.ObjectNode term = (tools.jackson.databind.node.ObjectNode) tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree("{\"termId\":\"t\",\"committee\":[{\"memberId\":\"m1\",\"name\":\"张丽\",\"position\":\"SECRETARY\"},{\"memberId\":\"m2\"}]}");
        assertThat(Masking.mask(BranchTermRecorded.class, term, java.util.Set.of())).isEqualTo(List.of("committee[].name"));
        assertThat(term.toString()).doesNotContain("张丽").contains("m1", "SECRETARY");
    }
}
