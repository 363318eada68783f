package org.dangjian.discipline.config;

import java.time.Clock;
import java.time.ZoneId;

import com.mongodb.client.MongoDatabase;
import org.dangjian.contracts.discipline.DisciplineEvents;
import org.dangjian.discipline.command.DisciplineRules;
import org.dangjian.runtime.config.PublishedEventTypes;
import org.dangjian.runtime.platform.MemberDirectoryReadModel;
import org.dangjian.runtime.platform.OrganisationUnitsReadModel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DisciplineConfiguration {

    /** The events this service stores and publishes (see contracts): the case content restricted, a sanction's effect open. */
    @Bean
    PublishedEventTypes disciplineEvents() {
        return new PublishedEventTypes(DisciplineEvents.ALL);
    }

    /** The calendar of the records: the service's zone ({@code dangjian.discipline.zone}, Asia/Shanghai by default). */
    @Bean
    DisciplineRules disciplineRules(Clock clock, @Value("${dangjian.discipline.zone:Asia/Shanghai}") ZoneId zone) {
        return new DisciplineRules(zone, clock);
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
