package org.dangjian.gateway.config;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a bearer token must say to pass the gateway, besides its issuer ({@link IdentityProperties#issuer()}).
 *
 * @param audiences a token's {@code aud} must name at least one of them; the platform's audience is {@code dangjian},
 *                  which the identity provider adds to every access token it issues. The same key as the services'
 *                  ({@code dangjian.security.audiences}, env {@code DANGJIAN_SECURITY_AUDIENCES}), so one setting
 *                  serves both; {@code application.yml} also reads {@code DANGJIAN_AUDIENCE}.
 */
@ConfigurationProperties("dangjian.security")
public record AccessTokenProperties(@DefaultValue("dangjian") List<String> audiences) {

    public AccessTokenProperties {
        audiences = audiences == null ? List.of()
                : audiences.stream().map(String::strip).filter(audience -> !audience.isEmpty()).distinct().toList();
        if (audiences.isEmpty()) {
            throw new IllegalArgumentException(
                    "dangjian.security.audiences must name at least one audience (the platform's is dangjian)");
        }
    }
}
