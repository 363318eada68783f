package org.dangjian.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The embedded default's OIDC provider (身份认证): Spring Authorization Server with a demo user for every
 * role. A real deployment replaces it with any OIDC provider that issues the same claims
 * (see {@code docs/identity.md}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityProviderApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityProviderApplication.class, args);
    }
}
