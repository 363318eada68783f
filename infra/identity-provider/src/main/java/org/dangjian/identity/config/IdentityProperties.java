package org.dangjian.identity.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * @param audience                   the platform's audience, added to the {@code aud} of every access token besides
 *                                   the client id: the services and the gateway accept only tokens naming it
 * @param webRedirectUris            redirect URIs of the {@code dangjian-web} client (the gateway)
 * @param webPostLogoutRedirectUris  where the gateway may send the browser after an OIDC logout
 * @param webClientSecret            the {@code dangjian-web} client's secret
 * @param machineClients             programs that fetch tokens with client credentials, other departments (其他部门);
 *                                   each with its roles (default DEPARTMENT)
 * @param demo                       demo mode (演示模式): the demo users and the demo clients, and the documented demo
 *                                   secrets allowed; off unless switched on
 */
@ConfigurationProperties("dangjian.identity")
public record IdentityProperties(
        URI issuer,
        Path keyFile,
        @DefaultValue("dangjian") String audience,
        List<URI> webRedirectUris,
        @DefaultValue List<URI> webPostLogoutRedirectUris,
        String webClientSecret,
        @DefaultValue List<MachineClient> machineClients,
        @DefaultValue Demo demo) {

    public IdentityProperties {
        require(issuer != null, "dangjian.identity.issuer must be set (the URL browsers and services reach this provider at)");
        require(keyFile != null, "dangjian.identity.key-file must be set");
        require(audience != null && !audience.isBlank() && !audience.contains(","),
                "dangjian.identity.audience (DANGJIAN_AUDIENCE) must be one audience, the platform's: dangjian unless changed");
        require(webRedirectUris != null && !webRedirectUris.isEmpty(), "dangjian.identity.web-redirect-uris must name at least one URI");
        machineClients = List.copyOf(machineClients);
        ClientSecretPolicy.check(demo.enabled(), webClientSecret, machineClients, demo.activeMachineClients());
    }

    /** The machine clients to register: the configured ones, and in demo mode the demo clients too. */
    public List<MachineClient> registeredMachineClients() {
        List<MachineClient> clients = new ArrayList<>(machineClients);
        clients.addAll(demo.activeMachineClients());
        return List.copyOf(clients);
    }

    /**
     * A machine client (client credentials grant).
     *
     * @param clientId the OAuth client id, e.g. {@code renshi-department}
     * @param name     the department's name (e.g. 人事部门), the token's {@code name}
     * @param secret   the client secret; {@link ClientSecretPolicy} says which ones are accepted
     * @param roles    the roles its tokens carry, DEPARTMENT when none are given
     */
    public record MachineClient(String clientId, String name, String secret, List<String> roles) {
        public MachineClient {
            require(clientId != null && !clientId.isBlank(), "a machine client needs a client-id");
            require(name != null && !name.isBlank(), "machine client '" + clientId + "' needs a name");
            roles = roles == null || roles.isEmpty() ? List.of("DEPARTMENT") : List.copyOf(roles);
            for (String role : roles) {
                require(Arrays.stream(PlatformRole.values()).anyMatch(r -> r.name().equals(role)),
                        "machine client '" + clientId + "' has an unknown role " + role);
            }
        }
    }

    /**
     * Demo mode (演示模式), the embedded default's: the demo users sign in with one well-known password, the demo clients
     * fetch tokens with their documented secrets, and the other clients may keep theirs. Outside demo mode none of the
     * demo users and demo clients exists, and every secret must be the deployment's own.
     *
     * @param enabled        the one switch ({@code DANGJIAN_DEMO})
     * @param password       the one password of every demo user
     * @param users          the demo users (演示账号)
     * @param machineClients the demo clients, e.g. the launcher's {@code demo-data-loader}
     */
    public record Demo(@DefaultValue("false") boolean enabled, String password, @DefaultValue List<DemoUser> users,
                       @DefaultValue List<MachineClient> machineClients) {
        public Demo {
            require(!enabled || (password != null && !password.isBlank()),
                    "dangjian.identity.demo.password must be set when demo mode is on");
            users = List.copyOf(users);
            machineClients = List.copyOf(machineClients);
        }

        /** The demo users as platform users, or none outside demo mode. */
        public List<PlatformUser> platformUsers() {
            return enabled ? users.stream().map(DemoUser::toPlatformUser).toList() : List.of();
        }

        /** The demo clients, or none outside demo mode. */
        public List<MachineClient> activeMachineClients() {
            return enabled ? machineClients : List.of();
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
