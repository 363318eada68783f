package org.dangjian.identity.users;

import java.util.List;
import java.util.UUID;

/**
 * A person who signs in (用户), with what the tokens say about them.
 *
 * @param username     login name; also the token's {@code sub} and {@code preferred_username}
 * @param name         display name (姓名), the token's {@code name}
 * @param roles        the token's {@code roles}
 * @param organisation the organisation unit (党组织) the user belongs to, the token's {@code org}
 */
public record PlatformUser(String username, String name, List<PlatformRole> roles, UUID organisation) {

    public PlatformUser {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("a user needs a username");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("user '" + username + "' needs a name");
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("user '" + username + "' needs at least one role");
        }
        if (organisation == null) {
            throw new IllegalArgumentException("user '" + username + "' needs an organisation (org)");
        }
        roles = List.copyOf(roles);
    }

    public List<String> roleNames() {
        return roles.stream().map(Enum::name).toList();
    }
}
