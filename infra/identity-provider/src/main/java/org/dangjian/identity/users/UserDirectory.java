package org.dangjian.identity.users;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users this provider knows, by username: the source of the claims put into their tokens. In the
 * embedded default these are the demo users of {@code application.yml}; outside demo mode the
 * directory is empty and nobody can sign in here (a real deployment uses its own OIDC provider).
 */
public final class UserDirectory {

    private final Map<String, PlatformUser> byUsername = new LinkedHashMap<>();

    public UserDirectory(List<PlatformUser> users) {
        for (PlatformUser user : users) {
            if (byUsername.putIfAbsent(user.username(), user) != null) {
                throw new IllegalArgumentException("username '" + user.username() + "' is listed twice");
            }
        }
    }

    public Optional<PlatformUser> find(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    /** All users in the order they were configured. */
    public List<PlatformUser> all() {
        return List.copyOf(byUsername.values());
    }
}
