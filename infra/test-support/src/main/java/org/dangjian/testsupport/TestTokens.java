package org.dangjian.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Access tokens for tests that run a service without the identity provider: RS256 JWTs with the same claims the
 * identity provider issues ({@code aud} with the platform's audience, {@code sub}, {@code preferred_username}, {@code name}, {@code roles}, {@code org}),
 * signed with a key made once per JVM whose public half services under test are told to trust.
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.tests.dangjian.invalid";
    /** The platform's audience: every token the identity provider issues names it in {@code aud} (docs/identity.md). */
    public static final String PLATFORM_AUDIENCE = "dangjian";

    private static final KeyPair KEYS = generate();
    private static Path publicKeyFile;

    private TestTokens() {
    }

    /** A token for a user with the given role and organisation unit, valid for an hour. */
    public static String forUser(String username, String role, String org) {
        return issue(username, List.of(role), org, Duration.ofHours(1));
    }

    /** A token that expired a minute ago. */
    public static String expired(String username, String role, String org) {
        return issue(username, List.of(role), org, Duration.ofMinutes(-1));
    }

    public static String issue(String username, List<String> roles, String org, Duration validFor) {
        return issue(username, roles, org, validFor, List.of(PLATFORM_AUDIENCE));
    }

    /** A token issued for the given audiences ({@code aud}), e.g. for another platform than this one. */
    public static String issue(String username, List<String> roles, String org, Duration validFor, List<String> audiences) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(audiences)
                .subject(username)
                .issueTime(Date.from(now.minusSeconds(120)))
                .expirationTime(Date.from(now.plus(validFor)))
                .claim("preferred_username", username)
                .claim("name", username)
                .claim("roles", roles);
        if (org != null) {
            claims.claim("org", org);
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("tests").build(), claims.build());
            jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A {@code file:} location of the PEM-encoded public key, for {@code dangjian.security.public-key-location}. */
    public static synchronized String publicKeyLocation() {
        if (publicKeyFile == null) {
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(KEYS.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            try {
                publicKeyFile = Files.createTempFile("dangjian-test-key", ".pem");
                publicKeyFile.toFile().deleteOnExit();
                Files.writeString(publicKeyFile, pem, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile.toUri().toString();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
