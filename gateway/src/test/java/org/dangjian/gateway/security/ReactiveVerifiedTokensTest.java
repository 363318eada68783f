package org.dangjian.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import reactor.core.publisher.Mono;

class ReactiveVerifiedTokensTest {

    @Test
    void aTokenSeenBeforeIsNotCheckedAgainButItsClaimsAreOnEveryUse() {
        AtomicInteger signatureChecks = new AtomicInteger();
        Instant[] expiry = {Instant.now().plusSeconds(300)};
        ReactiveVerifiedTokens tokens = new ReactiveVerifiedTokens(value -> {
            signatureChecks.incrementAndGet();
            return value.startsWith("signed")
                    ? Mono.just(Jwt.withTokenValue(value).header("alg", "RS256").subject("dangwei").expiresAt(expiry[0])
                            .issuedAt(expiry[0].minusSeconds(300)).build())
                    : Mono.error(new BadJwtException("bad signature"));
        }, new JwtTimestampValidator(Duration.ZERO), 100);

        assertThat(tokens.decode("signed-1").block().getSubject()).isEqualTo("dangwei");
        assertThat(tokens.decode("signed-1").block().getSubject()).isEqualTo("dangwei");
        assertThat(signatureChecks).hasValue(1);
        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThat(signatureChecks).as("a refused token is never kept").hasValue(3);

        expiry[0] = Instant.now().minusSeconds(1);
        tokens.decode("signed-2").block();
        assertThatThrownBy(() -> tokens.decode("signed-2").block()).isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");
    }
}
