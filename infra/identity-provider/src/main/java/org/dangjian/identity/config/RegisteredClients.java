package org.dangjian.identity.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.dangjian.identity.token.PlatformClaimsCustomizer;
import org.dangjian.identity.users.PlatformRole;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The OAuth clients (客户端) of the platform. Their ids are a contract with the gateway, the scripts and the
 * tests: see {@code docs/identity.md}.
 */
public final class RegisteredClients {

    /** The gateway: browser login (OIDC) and token relay to the services. */
    public static final String WEB_CLIENT_ID = "dangjian-web";
    /** Scripts and tests: a public client that logs in like a browser, with PKCE. */
    public static final String CLI_CLIENT_ID = "dangjian-cli";
    /** Nothing listens there: the script and the tests read the code from the redirect's Location header. */
    public static final String CLI_REDIRECT_URI = "http://127.0.0.1:8765/callback";

    static final Duration ACCESS_TOKEN_TTL = Duration.ofMinutes(30);
    static final Duration REFRESH_TOKEN_TTL = Duration.ofHours(8);

    private RegisteredClients() {
    }

    public static RegisteredClientRepository repository(IdentityProperties properties, PasswordEncoder passwordEncoder) {
        List<RegisteredClient> clients = new ArrayList<>();
        clients.add(web(properties, passwordEncoder));
        clients.add(cli());
        // outside demo mode the demo clients (demo-data-loader) do not exist: their secrets are documented
        properties.registeredMachineClients().forEach(machine -> clients.add(machine(machine, passwordEncoder)));
        return new InMemoryRegisteredClientRepository(clients);
    }

    private static RegisteredClient web(IdentityProperties properties, PasswordEncoder passwordEncoder) {
        return RegisteredClient.withId(WEB_CLIENT_ID)
                .clientId(WEB_CLIENT_ID)
                .clientName("智慧党建平台 / dangjian web")
                .clientSecret(passwordEncoder.encode(properties.webClientSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> properties.webRedirectUris().stream().map(URI::toString).forEach(uris::add))
                .postLogoutRedirectUris(uris -> properties.webPostLogoutRedirectUris().stream().map(URI::toString).forEach(uris::add))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                // PKCE is Spring Authorization Server 7's default, and Spring Security 7's client sends it by default
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(userTokens())
                .build();
    }

    /**
     * A public client: Spring Authorization Server issues no refresh token to public clients, so it has
     * only the authorization code grant.
     */
    private static RegisteredClient cli() {
        return RegisteredClient.withId(CLI_CLIENT_ID)
                .clientId(CLI_CLIENT_ID)
                .clientName("智慧党建平台 / dangjian scripts and tests")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(CLI_REDIRECT_URI)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(userTokens())
                .build();
    }

    private static RegisteredClient machine(IdentityProperties.MachineClient machine, PasswordEncoder passwordEncoder) {
        return RegisteredClient.withId(machine.clientId())
                .clientId(machine.clientId())
                .clientName(machine.name())
                .clientSecret(passwordEncoder.encode(machine.secret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientSettings(ClientSettings.builder()
                        .requireAuthorizationConsent(false)
                        .setting(PlatformClaimsCustomizer.CLIENT_ROLES_SETTING, machine.roles())
                        .setting(PlatformClaimsCustomizer.CLIENT_NAME_SETTING, machine.name())
                        .build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ACCESS_TOKEN_TTL).build())
                .build();
    }

    private static TokenSettings userTokens() {
        return TokenSettings.builder()
                .accessTokenTimeToLive(ACCESS_TOKEN_TTL)
                .refreshTokenTimeToLive(REFRESH_TOKEN_TTL)
                .build();
    }
}
