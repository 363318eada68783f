package org.dangjian.runtime.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Checks each distinct access token's signature once: a web client sends the same token with every request for its
 * lifetime (minutes), and the RSA check was a tenth of a service's request time (platform benchmark). The token text,
 * signature included, is the key, so only the very token that passed is ever found; on every use its claims are
 * validated again (expiry, issuer, audience), so an expired token is refused as before. Bounded in number and kept
 * at most {@link #KEEP} after it was verified.
 */
public final class VerifiedTokens implements JwtDecoder {

    static final Duration KEEP = Duration.ofMinutes(5);

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    /**
     * @param verifier  checks signature and claims (and is what a token not seen before goes to)
     * @param validator the claims' checks, repeated on every use of a token seen before
     */
    public VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, long maxTokens) {
        this.verifier = verifier;
        this.validator = validator;
        this.verified = Caffeine.newBuilder().maximumSize(maxTokens).expireAfterWrite(KEEP).build();
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            Jwt jwt = verifier.decode(token);
            verified.put(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            String description = result.getErrors().iterator().next().getDescription();
            throw new JwtValidationException("An error occurred while attempting to decode the Jwt: " + description, result.getErrors());
        }
        return known;
    }
}
