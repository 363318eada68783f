package org.dangjian.organisation.config;

import org.dangjian.contracts.organisation.OrganisationEvents;
import org.dangjian.runtime.config.PublishedEventTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrganisationConfiguration {

    /** The events this service stores and publishes (see contracts). */
    @Bean
    PublishedEventTypes organisationEvents() {
        return new PublishedEventTypes(OrganisationEvents.ALL);
    }
}
