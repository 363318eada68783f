package org.dangjian.identity.token;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;

/**
 * The userinfo answer: the platform's claims from the ID token. The default answer keeps only the
 * standard claims of the granted scopes and would drop {@code roles} and {@code org}, which an OIDC client
 * (the gateway) merges into the signed-in user when it calls userinfo.
 */
public final class PlatformUserInfo {

    private PlatformUserInfo() {
    }

    public static OidcUserInfo of(OidcUserInfoAuthenticationContext context) {
        OAuth2Authorization.Token<OidcIdToken> idToken = context.getAuthorization().getToken(OidcIdToken.class);
        Map<String, Object> claims = new LinkedHashMap<>();
        if (idToken != null) {
            Map<String, Object> idTokenClaims = idToken.getToken().getClaims();
            for (String claim : PlatformClaims.userInfoClaims()) {
                if (idTokenClaims.containsKey(claim)) {
                    claims.put(claim, idTokenClaims.get(claim));
                }
            }
        }
        if (claims.isEmpty()) {
            claims.put("sub", context.getAuthorization().getPrincipalName());
        }
        return new OidcUserInfo(claims);
    }
}
