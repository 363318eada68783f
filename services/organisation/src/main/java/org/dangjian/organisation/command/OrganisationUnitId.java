package org.dangjian.organisation.command;

import java.util.Objects;
import java.util.UUID;

/** The id of an organisation unit (组织编号): a UUID. */
public record OrganisationUnitId(String value) {

    public OrganisationUnitId {
        Objects.requireNonNull(value, "unit id");
    }

    public static OrganisationUnitId random() {
        return new OrganisationUnitId(UUID.randomUUID().toString());
    }

    /** Axon routes commands by the target's {@code toString()}. */
    @Override
    public String toString() {
        return value;
    }
}
