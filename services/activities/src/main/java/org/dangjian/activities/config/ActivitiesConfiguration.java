package org.dangjian.activities.config;

import java.time.Clock;
import java.time.ZoneId;

import org.dangjian.activities.command.ActivityRules;
import org.dangjian.contracts.activities.ActivitiesEvents;
import org.dangjian.runtime.config.PublishedEventTypes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ActivitiesConfiguration {

    /** The events this service stores and publishes (see contracts). */
    @Bean
    PublishedEventTypes activitiesEvents() {
        return new PublishedEventTypes(ActivitiesEvents.ALL);
    }

    /** The calendar of activities: the service's zone ({@code dangjian.activities.zone}, Asia/Shanghai by default). */
    @Bean
    ActivityRules activityRules(Clock clock, @Value("${dangjian.activities.zone:Asia/Shanghai}") ZoneId zone) {
        return new ActivityRules(zone, clock);
    }
}
