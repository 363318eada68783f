package org.dangjian.organisation.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PastOrPresent;
import org.dangjian.contracts.organisation.MassOrganisationType;
import org.dangjian.contracts.organisation.OrganisationUnitKind;
import org.dangjian.runtime.text.FreeText;
import org.dangjian.runtime.text.Name;
import org.dangjian.runtime.web.AggregateIds;

/** The bodies of the organisation commands: names and reasons follow the platform's text rule (docs/api.md, "Text"). */
final class OrganisationRequests {

    static final String UUID = AggregateIds.UUID_PATTERN;

    private OrganisationRequests() {
    }

    /** 成立组织. */
    record EstablishUnit(
            @Schema(description = "A new unit id chosen by the client (UUID); the service chooses one when absent")
            @Pattern(regexp = UUID, message = "must be a UUID") String id,
            @NotNull OrganisationUnitKind kind,
            @Schema(description = "Only for kind MASS_ORGANISATION") MassOrganisationType massOrganisationType,
            @NotNull @Name(max = 100) String name,
            @Schema(description = "The superior unit; absent only for a top-level committee")
            @Pattern(regexp = UUID, message = "must be a UUID") String parentId,
            @FreeText(max = 1000) String reason,
            @Schema(description = "When it happened (business time); now when absent") @PastOrPresent Instant occurredAt) {
    }

    /** 组织更名. */
    record RenameUnit(@NotNull @Name(max = 100) String name, @FreeText(max = 1000) String reason, @PastOrPresent Instant occurredAt) {
    }

    /** 撤销组织. */
    record DissolveUnit(@FreeText(max = 1000) String reason, @PastOrPresent Instant occurredAt) {
    }
}
