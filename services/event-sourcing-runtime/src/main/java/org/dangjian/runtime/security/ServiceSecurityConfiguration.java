package org.dangjian.runtime.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;

import org.dangjian.runtime.config.PlatformProperties;
import org.dangjian.runtime.web.ProblemWriter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service validates access tokens itself (the gateway has checked them too): stateless, bearer only.
 * Keys come from the identity provider's JWKS ({@code dangjian.security.jwk-set-uri}, fetched lazily, so a service
 * starts before the provider) or from a PEM public key ({@code dangjian.security.public-key-location}, tests); the
 * issuer is checked when {@code dangjian.security.issuer} is set, and the token must name the platform's audience
 * ({@code dangjian.security.audiences}, default {@code dangjian}). Roles come from the {@code roles} claim.
 * Anonymous: health, info, the OpenAPI document and the error page; every other actuator endpoint (metrics for
 * Prometheus included) needs the PLATFORM_OPERATOR role.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class ServiceSecurityConfiguration {

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain serviceSecurity(HttpSecurity http, ProblemWriter problems, Converter<Jwt, ? extends org.springframework.security.authentication.AbstractAuthenticationToken> tokens)
            throws Exception {
        ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(problems);
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/v3/api-docs", "/v3/api-docs/**", "/error").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Roles.PLATFORM_OPERATOR)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()); // no cookies, no sessions: bearer tokens only
        return http.build();
    }

    @Bean
    @ConditionalOnMissingBean
    JwtAuthenticationConverter platformJwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<GrantedAuthority> authorities = new ArrayList<>();
            List<String> roles = jwt.getClaimAsStringList("roles");
            if (roles != null) {
                roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
            }
            return authorities;
        });
        converter.setPrincipalClaimName("sub");
        return converter;
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder platformJwtDecoder(PlatformProperties properties) {
        PlatformProperties.Security security = properties.security();
        NimbusJwtDecoder decoder;
        if (security.publicKeyLocation() != null && !security.publicKeyLocation().isBlank()) {
            decoder = NimbusJwtDecoder.withPublicKey(readPublicKey(security.publicKeyLocation())).build();
        } else if (security.jwkSetUri() != null && !security.jwkSetUri().isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(security.jwkSetUri()).build();
        } else {
            throw new IllegalStateException("Set dangjian.security.jwk-set-uri (the identity provider's JWKS) or "
                    + "dangjian.security.public-key-location so that the service can check access tokens");
        }
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(security.issuer() == null || security.issuer().isBlank()
                ? JwtValidators.createDefault()
                : JwtValidators.createDefaultWithIssuer(security.issuer()));
        // only tokens issued for the platform: another application's token from the same provider is refused
        validators.add(new org.springframework.security.oauth2.jwt.JwtClaimValidator<List<String>>("aud",
                aud -> aud != null && aud.stream().anyMatch(security.audiences()::contains)));
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(validators);
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator, 10_000);
    }

    @Bean
    CurrentActor currentActor() {
        return new CurrentActor();
    }

    private static RSAPublicKey readPublicKey(String location) {
        Resource resource = new DefaultResourceLoader().getResource(location);
        try (InputStream in = resource.getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the public key at " + location, e);
        }
    }
}
