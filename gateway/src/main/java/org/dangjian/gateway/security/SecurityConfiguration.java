package org.dangjian.gateway.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dangjian.gateway.config.AccessTokenProperties;
import org.dangjian.gateway.config.GatewayLimitsProperties;
import org.dangjian.gateway.config.IdentityProperties;
import org.dangjian.gateway.problem.ProblemCode;
import org.dangjian.gateway.problem.ProblemResponses;
import org.dangjian.gateway.web.CorrelationIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.security.web.server.util.matcher.MediaTypeServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may pass the gateway.
 * <ul>
 * <li>Browsers log in with OIDC (registration {@code dangjian}) and keep a session cookie; routes relay their
 * access token ({@code TokenRelay}). Unsafe requests on a session need the CSRF token (cookie
 * {@code XSRF-TOKEN}, header {@code X-XSRF-TOKEN}).</li>
 * <li>API clients and departments send {@code Authorization: Bearer <jwt>}; the gateway checks it (signature,
 * issuer, expiry, and an {@code aud} naming the platform) and passes it on unchanged. Such requests need no
 * CSRF token: a browser never adds that header by itself.</li>
 * <li>{@code /api/**} without either: 401 problem+json. A page without a session: redirect to the login.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final RedirectServerAuthenticationFailureHandler LOGIN_FAILED = new RedirectServerAuthenticationFailureHandler("/?login=failed");

    static final String LOGIN_PATH = "/oauth2/authorization/" + IdentityProperties.REGISTRATION_ID;
    /** The start of the validation error's description for a token whose {@code aud} does not name the platform. */
    static final String WRONG_AUDIENCE = "The token's aud does not name this platform";

    /** The web client's start page and its built files (module {@code web}); its other addresses need a session. */
    private static final String[] PUBLIC_ASSETS = {"/", "/index.html", "/favicon.svg", "/assets/**"};
    private static final String[] PUBLIC_ACTUATOR = {"/actuator/health/**", "/actuator/info", "/actuator/prometheus"};
    private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ProblemResponses problems,
            ReactiveClientRegistrationRepository registrations, CorsConfigurationSource cors, JsonMapper json,
            @Value("${server.reactive.session.cookie.name:SESSION}") String sessionCookie) {
        ProblemAuthenticationEntryPoint apiEntryPoint = new ProblemAuthenticationEntryPoint(problems);
        WebSessionServerRequestCache requestCache = new WebSessionServerRequestCache();

        return http
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(PUBLIC_ASSETS).permitAll()
                        .pathMatchers(PUBLIC_ACTUATOR).permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/*/v3/api-docs", "/api/*/v3/api-docs/**").permitAll()
                        // a service's own actuator stays on its port (monitoring, probes); through the public door only
                        // the read-model endpoint, which the service itself keeps to PLATFORM_OPERATOR
                        .pathMatchers("/api/*/actuator/readmodels", "/api/*/actuator/readmodels/**").authenticated()
                        .pathMatchers("/api/*/actuator", "/api/*/actuator/**").denyAll()
                        .anyExchange().authenticated())
                .requestCache(cache -> cache.requestCache(requestCache))
                .oauth2Login(login -> login.authenticationFailureHandler(SecurityConfiguration::loginFailed))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationEntryPoint(apiEntryPoint)
                        .accessDeniedHandler(new ProblemAccessDeniedHandler(problems, ProblemCode.FORBIDDEN))
                        .jwt(jwt -> { }))
                .logout(logout -> logout
                        // besides clearing the security context: drop the session with the tokens in it
                        .logoutHandler(handlers -> handlers.add(new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(oidcLogout(registrations, json)))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        // the web client echoes the cookie's raw value; no per-response masking needed for a header
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(exchange -> needsCsrfProtection(exchange, sessionCookie))
                        .accessDeniedHandler(new ProblemAccessDeniedHandler(problems, ProblemCode.CSRF_TOKEN_INVALID)))
                .cors(spec -> spec.configurationSource(cors))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(entryPoint(apiEntryPoint, requestCache))
                        .accessDeniedHandler(new ProblemAccessDeniedHandler(problems, ProblemCode.FORBIDDEN)))
                .build();
    }

    /** A failed login (state mismatch, refused code, invalid ID token) is logged and shown on the start page. */
    private static Mono<Void> loginFailed(WebFilterExchange exchange, AuthenticationException failure) {
        log.warn("Login failed: {}", failure.getMessage());
        return LOGIN_FAILED.onAuthenticationFailure(exchange, failure);
    }

    /** API paths and non-browser callers get 401 problem+json; a browser asking for a page is sent to log in. */
    private static DelegatingServerAuthenticationEntryPoint entryPoint(ProblemAuthenticationEntryPoint api,
            WebSessionServerRequestCache requestCache) {
        RedirectServerAuthenticationEntryPoint login = new RedirectServerAuthenticationEntryPoint(LOGIN_PATH);
        login.setRequestCache(requestCache);
        MediaTypeServerWebExchangeMatcher html = new MediaTypeServerWebExchangeMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegateEntry(ServerWebExchangeMatchers.pathMatchers("/api/**"), api),
                new DelegateEntry(html, login));
        entryPoint.setDefaultEntryPoint(api);
        return entryPoint;
    }

    /**
     * Unsafe methods that ride on the session cookie. A request with a bearer token, or without the session cookie,
     * carries no ambient authority for a forged request to abuse (and an anonymous one gets its 401).
     */
    private static Mono<MatchResult> needsCsrfProtection(ServerWebExchange exchange, String sessionCookie) {
        boolean unsafe = !SAFE_METHODS.contains(exchange.getRequest().getMethod());
        boolean onSession = exchange.getRequest().getCookies().containsKey(sessionCookie);
        return unsafe && onSession && !hasBearerToken(exchange) ? MatchResult.match() : MatchResult.notMatch();
    }

    private static boolean hasBearerToken(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /** POST /logout ends the session here and at the identity provider, which then sends the browser to {@code /}. */
    private static OidcClientInitiatedServerLogoutSuccessHandler oidcLogout(ReactiveClientRegistrationRepository registrations,
            JsonMapper json) {
        OidcClientInitiatedServerLogoutSuccessHandler handler = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/");
        handler.setLogoutSuccessUrl(URI.create("/"));
        handler.setRedirectStrategy(new ScriptAwareRedirectStrategy(json));
        return handler;
    }

    /**
     * WebFlux creates the CSRF token lazily, so a page that only reads would never get the {@code XSRF-TOKEN}
     * cookie; subscribing to the token makes the repository issue it (not to bearer callers, who need none).
     */
    @Bean
    WebFilter csrfCookieWebFilter() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return token == null || hasBearerToken(exchange) ? chain.filter(exchange) : token.then(chain.filter(exchange));
        };
    }

    /**
     * The provider's endpoints are configured, not discovered, so the gateway starts without the provider
     * being up: browser redirects go to the public issuer, back-channel calls to the internal URL.
     */
    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(IdentityProperties identity) {
        ClientRegistration dangjian = ClientRegistration.withRegistrationId(IdentityProperties.REGISTRATION_ID)
                .clientName("智慧党建平台")
                .clientId(identity.clientId())
                .clientSecret(identity.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(OidcScopes.OPENID, OidcScopes.PROFILE)
                .issuerUri(identity.issuerValue())
                .authorizationUri(identity.publicEndpoint("/oauth2/authorize"))
                .tokenUri(identity.internalEndpoint("/oauth2/token"))
                .jwkSetUri(identity.internalEndpoint("/oauth2/jwks"))
                .userInfoUri(identity.internalEndpoint("/userinfo"))
                .userNameAttributeName(StandardClaimNames.PREFERRED_USERNAME)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", identity.publicEndpoint("/connect/logout")))
                .build();
        return new InMemoryReactiveClientRegistrationRepository(dangjian);
    }

    /** Authorized clients (the user's access and refresh tokens) live in the user's session, and end with it. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /**
     * Bearer tokens: signature from the provider's JWKS (fetched lazily, cached), {@code iss} = the public issuer,
     * and {@code aud} naming one of the platform's audiences ({@code dangjian.security.audiences}, default
     * {@code dangjian}): a token the same provider issued for another application, or without {@code aud}, is
     * refused (401). Each distinct token's signature is checked once ({@link ReactiveVerifiedTokens}).
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(IdentityProperties identity, AccessTokenProperties tokens) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withJwkSetUri(identity.internalEndpoint("/oauth2/jwks"))
                .build();
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(identity.issuerValue()), audienceValidator(tokens.audiences()));
        decoder.setJwtValidator(validator);
        return new ReactiveVerifiedTokens(decoder, validator, 10_000);
    }

    static OAuth2TokenValidator<Jwt> audienceValidator(List<String> audiences) {
        OAuth2Error wrongAudience = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                WRONG_AUDIENCE + " (" + String.join(", ", audiences) + ")", null);
        return jwt -> {
            List<String> named = jwt.getAudience();
            return named != null && named.stream().anyMatch(audiences::contains)
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(wrongAudience);
        };
    }

    /** What Spring Security's firewall refuses is answered as problem+json ({@code WebFilterChainProxy} takes this bean). */
    @Bean
    ServerExchangeRejectedHandler exchangeRejectedHandler(ProblemResponses problems) {
        return new FirewallRejectionHandler(problems);
    }

    /** Web clients served from other origins ({@code dangjian.gateway.cors.allowed-origins}); none by default. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(GatewayLimitsProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(List.copyOf(properties.cors().allowedOrigins()));
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "Idempotency-Key",
                CorrelationIdFilter.HEADER, "X-XSRF-TOKEN", HttpHeaders.ACCEPT_LANGUAGE));
        cors.setExposedHeaders(List.of(HttpHeaders.LOCATION, CorrelationIdFilter.HEADER, HttpHeaders.RETRY_AFTER,
                "X-RateLimit-Remaining"));
        cors.setAllowCredentials(true);
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
