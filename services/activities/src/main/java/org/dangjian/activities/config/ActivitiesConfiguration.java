package org.dangjian.activities.config;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.ZoneId;

import org.dangjian.activities.command.ActivityRules;
import org.dangjian.activities.command.ComplianceRules;
import org.dangjian.contracts.activities.ActivitiesEvents;
import org.dangjian.runtime.config.PublishedEventTypes;
import org.dangjian.runtime.platform.OrganisationUnitsReadModel;
import org.dangjian.runtime.platform.MemberDirectoryReadModel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

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

    /**
     * The "三会一课" compliance rules, versioned data: {@code compliance-rules.json} on the class path, or the resource
     * {@code dangjian.activities.compliance-rules} names (e.g. {@code file:/etc/dangjian/compliance-rules.json}).
     */
    @Bean
    ComplianceRules complianceRules(ResourceLoader resources,
                                    @Value("${dangjian.activities.compliance-rules:classpath:compliance-rules.json}") String location)
            throws java.io.IOException {
        try (java.io.InputStream in = resources.getResource(location).getInputStream()) {
            return ComplianceRules.read(in);
        }
    }

    /** The organisation units, from the organisation service's topic (the kit's read model {@code branches}). */
    @Bean
    OrganisationUnitsReadModel organisationUnits(MongoDatabase serviceDatabase) {
        return new OrganisationUnitsReadModel(serviceDatabase);
    }

    /** The members' names, branches and login names, from the members service's topic (the kit's read model {@code member-directory}). */
    @Bean
    MemberDirectoryReadModel memberDirectory(MongoDatabase serviceDatabase) {
        return new MemberDirectoryReadModel(serviceDatabase);
    }
}
