package org.dangjian.identity.token;

import java.util.List;

import org.dangjian.identity.users.UserDirectory;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts the platform's claims into the JWTs: for a user, {@code preferred_username}, {@code name},
 * {@code roles} and {@code org} into both the access token and the ID token (also after a refresh); for a
 * machine client (client credentials), {@code roles} and {@code name} as registered in its client settings.
 */
public final class PlatformClaimsCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    /** Client setting: the role names a client-credentials token carries (a {@code List<String>}). */
    public static final String CLIENT_ROLES_SETTING = "settings.client.dangjian.roles";
    /** Client setting: the name a client-credentials token carries. */
    public static final String CLIENT_NAME_SETTING = "settings.client.dangjian.name";

    private final UserDirectory users;

    public PlatformClaimsCustomizer(UserDirectory users) {
        this.users = users;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            customizeForClient(context.getRegisteredClient(), context);
            return;
        }
        users.find(context.getPrincipal().getName())
                .ifPresent(user -> context.getClaims().claims(claims -> claims.putAll(PlatformClaims.of(user))));
    }

    private static void customizeForClient(RegisteredClient client, JwtEncodingContext context) {
        ClientSettings settings = client.getClientSettings();
        List<String> roles = settings.getSetting(CLIENT_ROLES_SETTING);
        String name = settings.getSetting(CLIENT_NAME_SETTING);
        if (roles != null) {
            context.getClaims().claim(PlatformClaims.ROLES, List.copyOf(roles));
        }
        if (name != null) {
            context.getClaims().claim(PlatformClaims.NAME, name);
        }
    }
}
