package org.dangjian.identity.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.dangjian.identity.users.PlatformRole;
import org.dangjian.identity.users.PlatformUser;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dangjian.identity.*}: everything a deployment of the embedded identity provider may change.
 * The defaults live in {@code application.yml}.
 *
 * @param issuer                     the issuer URL put into every token and the discovery document; it must be
 *                                   the URL at which browsers and services reach this provider
 * @param keyFile                    the RSA signing key as a JWK (JSON) file, created on first start
 * @param webRedirectUris            redirect URIs of the {@code dangjian-web} client (the gateway)
 * @param webPostLogoutRedirectUris  where the gateway may send the browser after an OIDC logout
 * @param webClientSecret            the {@code dangjian-web} client's secret
 * @param machineClients             programs that fetch tokens with client credentials: other departments (其他部门), and the
 *                                   launcher's demo-data loader; each with its roles (default DEPARTMENT) — with client credentials
 * @param demoUsers                  the demo users (演示账号) of the embedded default
 */
@ConfigurationProperties("dangjian.identity")
public record IdentityProperties(
        URI issuer,
        Path keyFile,
        List<URI> webRedirectUris,
        @DefaultValue List<URI> webPostLogoutRedirectUris,
        String webClientSecret,
        @DefaultValue List<MachineClient> machineClients,
        @DefaultValue DemoUsers demoUsers) {

    public IdentityProperties {
        require(issuer != null, "dangjian.identity.issuer must be set (the URL browsers and services reach this provider at)");
        require(keyFile != null, "dangjian.identity.key-file must be set");
        require(webRedirectUris != null && !webRedirectUris.isEmpty(), "dangjian.identity.web-redirect-uris must name at least one URI");
        require(webClientSecret != null && !webClientSecret.isBlank(), "dangjian.identity.web-client-secret must be set");
    }

    /**
     * A department's machine client (client credentials grant).
     *
     * @param clientId the OAuth client id, e.g. {@code renshi-department}
     * @param name     the department's name (e.g. 人事部门), the token's {@code name}
     * @param secret   the client secret
     */
    public record MachineClient(String clientId, String name, String secret, List<String> roles) {
        public MachineClient {
            require(clientId != null && !clientId.isBlank(), "a machine client needs a client-id");
            require(name != null && !name.isBlank(), "machine client '" + clientId + "' needs a name");
            require(secret != null && !secret.isBlank(), "machine client '" + clientId + "' needs a secret");
            roles = roles == null || roles.isEmpty() ? List.of("DEPARTMENT") : List.copyOf(roles);
            for (String role : roles) {
                require(java.util.Arrays.stream(org.dangjian.identity.users.PlatformRole.values()).anyMatch(r -> r.name().equals(role)),
                        "machine client '" + clientId + "' has an unknown role " + role);
            }
        }
    }

    /**
     * @param enabled  whether the demo users exist (and are shown on the login page)
     * @param password the one password of every demo user
     * @param users    the demo users
     */
    public record DemoUsers(@DefaultValue("false") boolean enabled, String password, @DefaultValue List<DemoUser> users) {
        public DemoUsers {
            require(!enabled || (password != null && !password.isBlank()),
                    "dangjian.identity.demo-users.password must be set when demo users are enabled");
        }

        /** The demo users as platform users, or none when switched off. */
        public List<PlatformUser> platformUsers() {
            return enabled ? users.stream().map(DemoUser::toPlatformUser).toList() : List.of();
        }
    }

    /** One demo user as written in {@code application.yml}. */
    public record DemoUser(String username, String name, List<PlatformRole> roles, UUID org) {
        PlatformUser toPlatformUser() {
            return new PlatformUser(username, name, roles, org);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
