package org.dangjian.runtime.security;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller of a request, from his validated access token (never from the request): his roles ({@code roles}), his
 * organisation unit ({@code org}: a branch secretary's branch) and his login name ({@code preferred_username}: a party
 * member's link to his record). What he may touch and read follows from them; each service says what it reads from
 * {@link #readsEverything}, {@link #secretaryBranch()} and {@link #memberUsername()}.
 */
public record Caller(List<String> roles, String org, String username) {

    /** The caller of the current request; no roles when there is none. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            List<String> roles = jwt.getClaimAsStringList("roles");
            return new Caller(roles == null ? List.of() : roles, jwt.getClaimAsString("org"), jwt.getClaimAsString("preferred_username"));
        }
        return new Caller(List.of(), null, null);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Whether he holds any of these roles. */
    public boolean readsEverything(String... roles) {
        for (String role : roles) {
            if (has(role)) {
                return true;
            }
        }
        return false;
    }

    /** Whose records his commands may touch: every branch's for committee staff, else his branch's (none without one). */
    public BranchScope commandScope() {
        return has(Roles.COMMITTEE_STAFF) ? BranchScope.ALL : BranchScope.branch(org);
    }

    /** The branch he reads and runs as its secretary (his token's {@code org}), or null. */
    public String secretaryBranch() {
        return has(Roles.BRANCH_SECRETARY) && org != null ? org : null;
    }

    /** The login name whose own records he reads as a party member, or null. */
    public String memberUsername() {
        return has(Roles.PARTY_MEMBER) && username != null && !username.isBlank() ? username : null;
    }
}
