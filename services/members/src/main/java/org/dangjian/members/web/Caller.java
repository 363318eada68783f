package org.dangjian.members.web;

import java.util.List;

import org.dangjian.members.command.BranchScope;
import org.dangjian.members.query.ReadScope;
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

    /** Whose members his commands may touch: all for committee staff, else his branch (none without one). */
    BranchScope commandScope() {
        return has(Roles.COMMITTEE_STAFF) ? BranchScope.ALL : BranchScope.branch(org);
    }

    /** Whose members he reads, and whose personal data unmasked. */
    ReadScope readScope() {
        boolean staff = has(Roles.COMMITTEE_STAFF);
        boolean all = staff || has(Roles.AUDITOR) || has(Roles.DISCIPLINE_INSPECTOR);
        String branch = has(Roles.BRANCH_SECRETARY) && org != null ? org : null;
        String own = has(Roles.PARTY_MEMBER) && username != null && !username.isBlank() ? username : null;
        return new ReadScope(all, staff, branch, own);
    }
}
