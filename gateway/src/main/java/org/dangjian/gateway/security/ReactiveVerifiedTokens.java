package org.dangjian.gateway.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Checks each distinct bearer token's signature once (the services do the same, {@code VerifiedTokens}): the token
 * text, signature included, is the key, so only the very token that passed is found; its claims (expiry, issuer,
 * audience) are validated again on every use. Bounded, and kept at most five minutes after it was verified.
 */
final class ReactiveVerifiedTokens implements ReactiveJwtDecoder {

    private static final Duration KEEP = Duration.ofMinutes(5);

    private final ReactiveJwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    ReactiveVerifiedTokens(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, long maxTokens) {
        this.verifier = verifier;
        this.validator = validator;
        this.verified = Caffeine.newBuilder().maximumSize(maxTokens).expireAfterWrite(KEEP).build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            return verifier.decode(token).doOnNext(jwt -> verified.put(token, jwt));
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            String description = result.getErrors().iterator().next().getDescription();
            return Mono.error(new JwtValidationException("An error occurred while attempting to decode the Jwt: " + description,
                    result.getErrors()));
        }
        return Mono.just(known);
    }
}
