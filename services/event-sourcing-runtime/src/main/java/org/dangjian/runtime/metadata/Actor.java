package org.dangjian.runtime.metadata;

import java.util.Objects;

/**
 * Who did it: the user (or client) id, the role they acted in and the organisation unit they belong to, taken from
 * the access token, never from a request body; or, for a command a service sends in reaction to another service's
 * event, that service itself ({@link #service(String)}).
 *
 * @param id           the token's subject ({@code sub}), or {@code service:<name>}
 * @param role         the role they acted in: the one the operation requires (a token may hold several)
 * @param organisation the token's {@code org} claim, when it has one
 */
public record Actor(String id, String role, String organisation) {

    /** The role of a service acting on its own (a reaction to another service's event). */
    public static final String SERVICE_ROLE = "SERVICE";

    public Actor {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("An actor needs an id");
        }
        Objects.requireNonNull(role, "actor role");
        if (role.isBlank()) {
            throw new IllegalArgumentException("An actor needs a role");
        }
    }

    /** A service acting on its own behalf: id {@code service:<name>}, role {@value #SERVICE_ROLE}. */
    public static Actor service(String serviceName) {
        return new Actor("service:" + serviceName, SERVICE_ROLE, null);
    }
}
