package org.dangjian.identity.token;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dangjian.identity.users.PlatformUser;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;

/**
 * The claims the platform reads from a token besides {@code sub}: the contract any OIDC provider that
 * replaces this one must keep (see {@code docs/identity.md}).
 */
public final class PlatformClaims {

    /** JSON array of role names ({@link org.dangjian.identity.users.PlatformRole}). */
    public static final String ROLES = "roles";
    /** The organisation unit id (UUID as a string); users only. */
    public static final String ORG = "org";
    /** Display name: a person's name or a department's name. */
    public static final String NAME = StandardClaimNames.NAME;
    /** The login name. */
    public static final String PREFERRED_USERNAME = StandardClaimNames.PREFERRED_USERNAME;

    private PlatformClaims() {
    }

    /** The claims that describe a user, in the order they appear in tokens and in the userinfo answer. */
    public static Map<String, Object> of(PlatformUser user) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(PREFERRED_USERNAME, user.username());
        claims.put(NAME, user.name());
        claims.put(ROLES, user.roleNames());
        claims.put(ORG, user.organisation().toString());
        return claims;
    }

    /** The claims copied into the userinfo answer, when the ID token has them. */
    public static List<String> userInfoClaims() {
        return List.of(StandardClaimNames.SUB, PREFERRED_USERNAME, NAME, ROLES, ORG);
    }
}
