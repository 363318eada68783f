package org.dangjian.organisation.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.dangjian.contracts.organisation.MassOrganisationType;
import org.dangjian.contracts.organisation.OrganisationUnitKind;

/** The bodies of the organisation commands. */
final class OrganisationRequests {

    static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private OrganisationRequests() {
    }

    /** 成立组织. */
    record EstablishUnit(
            @Schema(description = "A new unit id chosen by the client (UUID); the service chooses one when absent")
            @Pattern(regexp = UUID, message = "must be a UUID") String id,
            @NotNull OrganisationUnitKind kind,
            @Schema(description = "Only for kind MASS_ORGANISATION") MassOrganisationType massOrganisationType,
            @NotBlank @Size(max = 100) String name,
            @Schema(description = "The superior unit; absent only for a top-level committee")
            @Pattern(regexp = UUID, message = "must be a UUID") String parentId,
            @Size(max = 1000) String reason,
            @Schema(description = "When it happened (business time); now when absent") @PastOrPresent Instant occurredAt) {
    }

    /** 组织更名. */
    record RenameUnit(@NotBlank @Size(max = 100) String name, @Size(max = 1000) String reason, @PastOrPresent Instant occurredAt) {
    }

    /** 撤销组织. */
    record DissolveUnit(@Size(max = 1000) String reason, @PastOrPresent Instant occurredAt) {
    }
}
