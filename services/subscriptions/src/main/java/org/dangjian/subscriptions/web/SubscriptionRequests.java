package org.dangjian.subscriptions.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dangjian.contracts.PersonalData;
import org.dangjian.contracts.subscriptions.DeliveryChannel;
import org.dangjian.runtime.text.FreeText;
import org.dangjian.runtime.web.AggregateIds;

/** The subscriptions service's request bodies. Examples are valid values (the conformance kit builds its valid bodies from them). */
final class SubscriptionRequests {

    static final String UUID = AggregateIds.UUID_PATTERN;
    static final String TYPE = "^org\\.dangjian\\.[a-z][a-z0-9-]*\\.[A-Z][A-Za-z0-9]*\\.v[1-9][0-9]{0,3}$";
    static final String TYPES_EXAMPLE = "[\"org.dangjian.members.MemberAdmittedAsProbationary.v1\", \"org.dangjian.members.MemberConfirmedAsFullMember.v1\"]";
    static final int MAX_TYPES = 200;

    private SubscriptionRequests() {
    }

    /** 订阅申请. */
    record RequestSubscription(
            @Schema(description = "A new subscription id chosen by the client (UUID); the service chooses one when absent")
            @Pattern(regexp = UUID, message = "must be a UUID") String id,
            @Schema(description = "the versioned event types asked for (GET /catalogue lists them), 1 to 200", example = TYPES_EXAMPLE)
            @NotNull @Size(min = 1, max = MAX_TYPES) List<@NotNull @Pattern(regexp = TYPE, message = "must be a versioned event type") String> eventTypes,
            @Schema(description = "the root of the organisation subtree asked for; absent: the whole organisation",
                    example = "00000000-0000-4000-8000-000000000001")
            @Pattern(regexp = UUID, message = "must be a UUID") String organisationUnitId,
            @Schema(description = "the kinds of personal data asked for; none: every personal field is left out")
            @Size(max = 7) List<PersonalData.@NotNull Kind> personalData,
            @Schema(description = "SSE 服务器推送, WEBHOOK 回调 or KAFKA Kafka 主题") @NotNull DeliveryChannel channel,
            @Schema(description = "where a webhook posts the events: an absolute http or https URL (WEBHOOK only)",
                    example = "https://renshi.example.gov.cn/dangjian/events")
            @Size(max = 500) String webhookUrl,
            @Schema(description = "what the department needs them for", example = "干部人事档案：党员发展与组织关系变动")
            @NotNull @FreeText(max = 500) String purpose) {
    }

    /** 授权. */
    record Grant(
            @Schema(description = "the event types granted: a subset of those asked for, at least one", example = TYPES_EXAMPLE)
            @NotNull @Size(min = 1, max = MAX_TYPES) List<@NotNull @Pattern(regexp = TYPE, message = "must be a versioned event type") String> eventTypes,
            @Schema(description = "the kinds of personal data granted: a subset of those asked for")
            @Size(max = 7) List<PersonalData.@NotNull Kind> personalData,
            @Schema(description = "deliver the events recorded before the grant too (from the journal's start)", example = "false")
            @NotNull Boolean deliverHistory,
            @Schema(description = "the committee's reasons", example = "经党委会研究，同意按申请范围共享") @NotNull @FreeText(max = 500) String reason) {
    }

    /** 变更授权. */
    record ChangeGrant(
            @Schema(description = "the event types granted from now on: a subset of those asked for", example = TYPES_EXAMPLE)
            @NotNull @Size(min = 1, max = MAX_TYPES) List<@NotNull @Pattern(regexp = TYPE, message = "must be a versioned event type") String> eventTypes,
            @Schema(description = "the kinds of personal data granted from now on") @Size(max = 7) List<PersonalData.@NotNull Kind> personalData,
            @Schema(description = "why", example = "收窄至党员发展事件") @NotNull @FreeText(max = 500) String reason) {
    }

    /** 拒绝 or 撤销. */
    record Reason(@Schema(description = "why", example = "申请用途不明确") @NotNull @FreeText(max = 500) String reason) {
    }
}
