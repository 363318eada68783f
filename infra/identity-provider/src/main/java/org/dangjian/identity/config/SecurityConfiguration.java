package org.dangjian.identity.config;

import java.util.Set;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.dangjian.identity.keys.SigningKeyFile;
import org.dangjian.identity.token.PlatformClaimsCustomizer;
import org.dangjian.identity.token.PlatformUserInfo;
import org.dangjian.identity.users.PlatformUser;
import org.dangjian.identity.users.UserDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Spring Authorization Server with OIDC, the login form, the users, the clients and the signing key.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** The protocol endpoints: authorize, token, JWKS, discovery, userinfo, OIDC logout. */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(authorizationServer -> {
                    http.securityMatcher(authorizationServer.getEndpointsMatcher());
                    authorizationServer.oidc(oidc -> oidc.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(PlatformUserInfo::of)));
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // the userinfo endpoint takes the access token as a bearer token
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                // a browser that is not signed in yet goes to the login page
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), browserRequests()));
        return http.build();
    }

    /** The login page, the health and info endpoints, and the small page shown after a direct login. */
    @Bean
    @Order(2)
    SecurityFilterChain defaultSecurityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/error", "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll());
        return http.build();
    }

    private static MediaTypeRequestMatcher browserRequests() {
        MediaTypeRequestMatcher matcher = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        matcher.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return matcher;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDirectory userDirectory(IdentityProperties properties) {
        return new UserDirectory(properties.demo().platformUsers());
    }

    @Bean
    UserDetailsService userDetailsService(IdentityProperties properties, UserDirectory users, PasswordEncoder passwordEncoder) {
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
        if (properties.demo().enabled()) {
            String password = passwordEncoder.encode(properties.demo().password());
            for (PlatformUser user : users.all()) {
                manager.createUser(toUserDetails(user, password));
            }
        }
        return manager;
    }

    private static UserDetails toUserDetails(PlatformUser user, String encodedPassword) {
        return User.withUsername(user.username())
                .password(encodedPassword)
                .roles(user.roleNames().toArray(String[]::new))
                .build();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(IdentityProperties properties, PasswordEncoder passwordEncoder) {
        return RegisteredClients.repository(properties, passwordEncoder);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer().toString()).build();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(IdentityProperties properties) {
        RSAKey signingKey = SigningKeyFile.loadOrCreate(properties.keyFile());
        return new ImmutableJWKSet<>(new JWKSet(signingKey));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> platformClaimsCustomizer(IdentityProperties properties, UserDirectory users) {
        return new PlatformClaimsCustomizer(users, properties.audience());
    }
}
