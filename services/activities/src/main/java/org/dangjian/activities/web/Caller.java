package org.dangjian.activities.web;

import java.util.List;

import org.dangjian.activities.command.BranchScope;
import org.dangjian.activities.query.ReadScope;
import org.dangjian.runtime.security.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller of a request, from his validated access token: his roles ({@code roles}), his organisation unit
 * ({@code org}: a branch secretary's branch) and his login name ({@code preferred_username}: a party member's link
 * to his record). What he may touch and read follows from them.
 */
record Caller(List<String> roles, String org, String username) {

    static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            List<String> roles = jwt.getClaimAsStringList("roles");
            return new Caller(roles == null ? List.of() : roles, jwt.getClaimAsString("org"), jwt.getClaimAsString("preferred_username"));
        }
        return new Caller(List.of(), null, null);
    }

    boolean has(String role) {
        return roles.contains(role);
    }

    /** Whose activities his commands may touch: every branch's for committee staff, else his branch's (none without one). */
    BranchScope commandScope() {
        return has(Roles.COMMITTEE_STAFF) ? BranchScope.ALL : BranchScope.branch(org);
    }

    /** What he reads. */
    ReadScope readScope() {
        boolean all = has(Roles.COMMITTEE_STAFF) || has(Roles.AUDITOR) || has(Roles.DISCIPLINE_INSPECTOR);
        String branch = has(Roles.BRANCH_SECRETARY) && org != null ? org : null;
        String own = has(Roles.PARTY_MEMBER) && username != null && !username.isBlank() ? username : null;
        return new ReadScope(all, branch, own);
    }
}
