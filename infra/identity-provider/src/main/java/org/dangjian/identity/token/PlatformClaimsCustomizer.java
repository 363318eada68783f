package org.dangjian.identity.token;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.dangjian.identity.users.UserDirectory;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts the platform's claims into the JWTs: for a user, {@code preferred_username}, {@code name},
 * {@code roles} and {@code org} into both the access token and the ID token (also after a refresh); for a
 * machine client (client credentials), {@code roles} and {@code name} as registered in its client settings.
 * Every access token also names the platform's audience ({@code dangjian}) in {@code aud}, after the client id that
 * Spring Authorization Server puts there: the services and the gateway accept only tokens meant for the platform,
 * not any token the same provider issues for another application. ID tokens keep the client id alone, as OIDC has it.
 */
public final class PlatformClaimsCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    /** Client setting: the role names a client-credentials token carries (a {@code List<String>}). */
    public static final String CLIENT_ROLES_SETTING = "settings.client.dangjian.roles";
    /** Client setting: the name a client-credentials token carries. */
    public static final String CLIENT_NAME_SETTING = "settings.client.dangjian.name";

    private final UserDirectory users;
    private final String audience;

    /**
     * @param audience the platform's audience, added to every access token's {@code aud}
     */
    public PlatformClaimsCustomizer(UserDirectory users, String audience) {
        this.users = users;
        this.audience = audience;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        if (accessToken) {
            addPlatformAudience(context);
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            customizeForClient(context.getRegisteredClient(), context);
            return;
        }
        users.find(context.getPrincipal().getName())
                .ifPresent(user -> context.getClaims().claims(claims -> claims.putAll(PlatformClaims.of(user))));
    }

    private void addPlatformAudience(JwtEncodingContext context) {
        context.getClaims().claims(claims -> {
            List<String> audiences = new ArrayList<>();
            if (claims.get(JwtClaimNames.AUD) instanceof Collection<?> present) {
                present.forEach(aud -> audiences.add(String.valueOf(aud)));
            } else if (claims.get(JwtClaimNames.AUD) instanceof String present) {
                audiences.add(present);
            }
            if (!audiences.contains(audience)) {
                audiences.add(audience);
            }
            claims.put(JwtClaimNames.AUD, List.copyOf(audiences));
        });
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
