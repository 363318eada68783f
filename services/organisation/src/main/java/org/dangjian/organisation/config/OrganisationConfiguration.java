package org.dangjian.organisation.config;

import java.time.Clock;
import java.time.ZoneId;

import org.dangjian.contracts.organisation.OrganisationEvents;
import org.dangjian.runtime.domain.BusinessCalendar;
import org.dangjian.runtime.config.PublishedEventTypes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrganisationConfiguration {

    /** The events this service stores and publishes (see contracts). */
    @Bean
    PublishedEventTypes organisationEvents() {
        return new PublishedEventTypes(OrganisationEvents.ALL);
    }

    /** The calendar of the committee's records: the service's zone ({@code dangjian.organisation.zone}, Asia/Shanghai by default). */
    @Bean
    BusinessCalendar businessCalendar(Clock clock, @Value("${dangjian.organisation.zone:Asia/Shanghai}") ZoneId zone) {
        return new BusinessCalendar(zone, clock);
    }
}
