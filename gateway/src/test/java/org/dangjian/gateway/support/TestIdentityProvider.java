package org.dangjian.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Just enough of an OIDC provider for the gateway's tests, on the JDK's HTTP server: {@code /oauth2/jwks}
 * with a test RSA key, {@code /oauth2/token} for the authorization code a test hands out, and
 * {@code /userinfo}. Access tokens carry the platform's claims: aud (with {@code dangjian}), sub,
 * preferred_username, name, roles, org.
 * One per JVM, shared by every test context.
 */
public final class TestIdentityProvider {

    public static final String CLIENT_ID = "dangjian-web";
    public static final String CLIENT_SECRET = "test-web-secret";
    /** The platform's audience, which the identity provider puts into every access token's {@code aud}. */
    public static final String PLATFORM_AUDIENCE = "dangjian";

    /** A person or department as the tokens describe them. */
    public record User(String sub, String username, String name, List<String> roles, String org) {

        /** A user with a fresh subject, so that each test has a rate-limit bucket of its own. */
        public static User unique(String name, String... roles) {
            String id = UUID.randomUUID().toString().substring(0, 8);
            return new User("user-" + id, "u" + id, name, List.of(roles), "00000000-0000-4000-8000-000000000011");
        }
    }

    /** What the token endpoint was asked. */
    public record TokenRequest(String authorization, Map<String, String> form) {
    }

    private record PendingLogin(User user, String nonce) {
    }

    private static TestIdentityProvider instance;

    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey foreignKey;
    private final Map<String, PendingLogin> codes = new ConcurrentHashMap<>();
    private final Map<String, User> accessTokens = new ConcurrentHashMap<>();
    private volatile TokenRequest lastTokenRequest;

    private TestIdentityProvider() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID("test-key").generate();
        foreignKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth2/jwks", exchange -> json(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/oauth2/token", this::token);
        server.createContext("/userinfo", this::userInfo);
        server.start();
    }

    public static synchronized TestIdentityProvider get() {
        if (instance == null) {
            try {
                instance = new TestIdentityProvider();
            } catch (IOException | JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** An access token valid for an hour, for the platform's audience (and the web client's, as the provider issues it). */
    public String accessToken(User user) {
        return sign(key, accessClaims(user, issuer(), Duration.ofHours(1)).build());
    }

    public String expiredAccessToken(User user) {
        return sign(key, accessClaims(user, issuer(), Duration.ofMinutes(-5)).build());
    }

    /** Signed by another key that claims the same key id. */
    public String forgedAccessToken(User user) {
        return sign(foreignKey, accessClaims(user, issuer(), Duration.ofHours(1)).build());
    }

    public String accessTokenFromOtherIssuer(User user) {
        return sign(key, accessClaims(user, "https://elsewhere.invalid", Duration.ofHours(1)).build());
    }

    /** Right issuer, right key, but issued for other audiences only (say another application at the same provider). */
    public String accessTokenForAudiences(User user, String... audiences) {
        return sign(key, claims(user, issuer(), Duration.ofHours(1)).audience(List.of(audiences)).build());
    }

    /** Right issuer, right key, no {@code aud} at all. */
    public String accessTokenWithoutAudience(User user) {
        return sign(key, claims(user, issuer(), Duration.ofHours(1)).build());
    }

    /** Lets the next code exchange for {@code code} log {@code user} in, with the nonce of the authorization request. */
    public void expectLogin(String code, String nonce, User user) {
        codes.put(code, new PendingLogin(user, nonce));
    }

    public TokenRequest lastTokenRequest() {
        return lastTokenRequest;
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        lastTokenRequest = new TokenRequest(exchange.getRequestHeaders().getFirst("Authorization"), form);
        PendingLogin login = "authorization_code".equals(form.get("grant_type")) ? codes.remove(form.get("code")) : null;
        if (login == null) {
            json(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        String accessToken = accessToken(login.user());
        accessTokens.put(accessToken, login.user());
        JWTClaimsSet idToken = claims(login.user(), issuer(), Duration.ofHours(1))
                .audience(CLIENT_ID)
                .claim("azp", CLIENT_ID)
                .claim("nonce", login.nonce())
                .build();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", accessToken);
        answer.put("token_type", "Bearer");
        answer.put("expires_in", 1800);
        answer.put("refresh_token", UUID.randomUUID().toString());
        answer.put("scope", "openid profile");
        answer.put("id_token", sign(key, idToken));
        json(exchange, 200, JSONObjectUtils.toJSONString(answer));
    }

    private void userInfo(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        User user = authorization == null ? null : accessTokens.get(authorization.substring("Bearer ".length()));
        if (user == null) {
            json(exchange, 401, "{\"error\":\"invalid_token\"}");
            return;
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", user.sub());
        claims.put("preferred_username", user.username());
        claims.put("name", user.name());
        claims.put("roles", user.roles());
        claims.put("org", user.org());
        json(exchange, 200, JSONObjectUtils.toJSONString(claims));
    }

    /** An access token's claims: the platform's audience after the client's, as the identity provider writes them. */
    private static JWTClaimsSet.Builder accessClaims(User user, String issuer, Duration validFor) {
        return claims(user, issuer, validFor).audience(List.of(CLIENT_ID, PLATFORM_AUDIENCE));
    }

    private static JWTClaimsSet.Builder claims(User user, String issuer, Duration validFor) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(user.sub())
                .issueTime(Date.from(now.minusSeconds(600)))
                .notBeforeTime(Date.from(now.minusSeconds(600)))
                .expirationTime(Date.from(now.plus(validFor)))
                .claim("preferred_username", user.username())
                .claim("name", user.name())
                .claim("roles", user.roles())
                .claim("org", user.org());
    }

    private static String sign(RSAKey signingKey, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
