package org.dangjian.members.command;

import java.util.Objects;
import java.util.UUID;

/** The id of a member record (党员编号): a UUID. */
public record MemberId(String value) {

    public MemberId {
        Objects.requireNonNull(value, "member id");
    }

    public static MemberId random() {
        return new MemberId(UUID.randomUUID().toString());
    }

    /** Axon routes commands by the target's {@code toString()}. */
    @Override
    public String toString() {
        return value;
    }
}
