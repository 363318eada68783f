package org.dangjian.gateway.config;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the identity provider (身份认证) is and how the gateway is registered there.
 *
 * @param issuer       the public URL: browsers are sent there, and tokens must name it as {@code iss}
 * @param internalUrl  where the gateway itself reaches the provider (token, JWKS and userinfo calls);
 *                     defaults to the issuer (in docker-compose it is {@code http://identity:9000})
 * @param clientId     the gateway's confidential client
 * @param clientSecret its secret
 */
@ConfigurationProperties("dangjian.identity")
public record IdentityProperties(
        URI issuer,
        URI internalUrl,
        @DefaultValue("dangjian-web") String clientId,
        String clientSecret) {

    /** The client registration id; it appears in {@code /oauth2/authorization/dangjian} and the redirect URI. */
    public static final String REGISTRATION_ID = "dangjian";

    public IdentityProperties {
        if (issuer == null) {
            throw new IllegalArgumentException("dangjian.identity.issuer must be set");
        }
        if (internalUrl == null) {
            internalUrl = issuer;
        }
    }

    /** A URL under the public issuer, for the browser. */
    public String publicEndpoint(String path) {
        return join(issuer, path);
    }

    /** A URL under the internal address, for the gateway's own back-channel calls. */
    public String internalEndpoint(String path) {
        return join(internalUrl, path);
    }

    /** The issuer exactly as it appears in the tokens' {@code iss} claim. */
    public String issuerValue() {
        String value = issuer.toString();
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static String join(URI base, String path) {
        String value = base.toString();
        return (value.endsWith("/") ? value.substring(0, value.length() - 1) : value) + path;
    }
}
