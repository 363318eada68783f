package org.dangjian.runtime.metadata;

import java.util.Objects;

/**
 * Who did it: the user (or client) id, the role they acted in and the organisation unit they belong to, taken from
 * the access token, never from a request body.
 *
 * @param id           the token's subject ({@code sub})
 * @param role         the role they acted in (the first of the token's {@code roles})
 * @param organisation the token's {@code org} claim, when it has one
 */
public record Actor(String id, String role, String organisation) {

    /** The platform itself (start-up data, repairs), not a person. */
    public static final Actor SYSTEM = new Actor("system", "SYSTEM", null);

    public Actor {
        Objects.requireNonNull(id, "actor id");
        Objects.requireNonNull(role, "actor role");
    }
}
