package org.dangjian.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The API gateway (网关) of the 智慧党建平台: the one public door. It logs browsers in, checks bearer
 * tokens, relays the caller's token to the services, limits rates and request sizes, and serves the web
 * client.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
