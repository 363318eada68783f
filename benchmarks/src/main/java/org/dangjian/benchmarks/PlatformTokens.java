package org.dangjian.benchmarks;

import java.net.URI;
import java.util.List;

import org.dangjian.testsupport.DemoLogin;

/**
 * Tokens from the platform's identity provider, got as {@code infra/scripts/token.sh} gets them: the demo users sign
 * in at the login form through the {@code dangjian-cli} client (PKCE), a demo client with client credentials.
 * Demo mode has two subjects that may change the organisation tree (role {@code COMMITTEE_STAFF}): the user
 * {@code dangwei} and the launcher's client {@code demo-data-loader}. The gateway's rate limit keys on the subject,
 * so the clients take them in turn: two buckets. {@code yunwei} ({@code PLATFORM_OPERATOR}) reads the actuator.
 *
 * @param staff    one token per COMMITTEE_STAFF subject
 * @param operator a PLATFORM_OPERATOR token
 */
record PlatformTokens(List<Staff> staff, String operator) {

    /** A COMMITTEE_STAFF token and whose it is. */
    record Staff(String subject, String token) {
    }

    static PlatformTokens signIn(String issuer) {
        URI provider = URI.create(issuer);
        String loaderSecret = System.getenv().getOrDefault("DANGJIAN_DEMO_LOADER_SECRET", "demo-data-loader-secret");
        return new PlatformTokens(List.of(
                new Staff("dangwei", DemoLogin.accessToken(provider, "dangwei", DemoLogin.DEMO_PASSWORD)),
                new Staff("demo-data-loader", DemoLogin.clientCredentialsToken(provider, "demo-data-loader", loaderSecret))),
                DemoLogin.accessToken(provider, "yunwei", DemoLogin.DEMO_PASSWORD));
    }

    /** The token of the {@code client}-th benchmark client: the subjects in turn. */
    Staff forClient(int client) {
        return staff.get(client % staff.size());
    }
}
