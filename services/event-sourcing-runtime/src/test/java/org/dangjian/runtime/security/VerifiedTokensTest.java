package org.dangjian.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokensTest {

    private final AtomicInteger signatureChecks = new AtomicInteger();

    private Jwt token(String value, Instant expiresAt) {
        return Jwt.withTokenValue(value).header("alg", "RS256").subject("dangwei").issuedAt(expiresAt.minusSeconds(300)).expiresAt(expiresAt).build();
    }

    @Test
    void aTokenSeenBeforeIsNotCheckedAgainButAnExpiredOneIsRefused() {
        Instant[] expiry = {Instant.now().plusSeconds(300)};
        VerifiedTokens tokens = new VerifiedTokens(value -> {
            signatureChecks.incrementAndGet();
            if (!value.startsWith("signed")) {
                throw new BadJwtException("bad signature");
            }
            return token(value, expiry[0]);
        }, new JwtTimestampValidator(java.time.Duration.ZERO), 100);

        assertThat(tokens.decode("signed-1").getSubject()).isEqualTo("dangwei");
        assertThat(tokens.decode("signed-1").getSubject()).isEqualTo("dangwei");
        assertThat(signatureChecks).as("the signature once").hasValue(1);

        assertThatThrownBy(() -> tokens.decode("forged-1")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged-1")).as("a refused token is never kept").isInstanceOf(BadJwtException.class);
        assertThat(signatureChecks).hasValue(3);

        expiry[0] = Instant.now().minusSeconds(1);
        tokens.decode("signed-2"); // verified (the fake verifier does not check expiry), then it expires in the cache:
        assertThatThrownBy(() -> tokens.decode("signed-2")).as("claims are validated on every use")
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");
    }
}
