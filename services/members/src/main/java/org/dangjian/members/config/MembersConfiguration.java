package org.dangjian.members.config;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Period;
import java.time.ZoneId;

import org.dangjian.contracts.members.MembersEvents;
import org.dangjian.members.command.AssessmentCriteria;
import org.dangjian.members.command.MembershipRules;
import org.dangjian.members.command.PointsRules;
import org.dangjian.members.command.QualificationRules;
import org.dangjian.runtime.config.PublishedEventTypes;
import org.dangjian.runtime.platform.OrganisationUnitsReadModel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
class MembersConfiguration {

    /** The events this service stores and publishes (see contracts). */
    @Bean
    PublishedEventTypes membersEvents() {
        return new PublishedEventTypes(MembersEvents.ALL);
    }

    /**
     * The periods of the way into the party ({@code dangjian.members.*}, environment {@code DANGJIAN_MEMBERS_*}). The
     * activist minimum defaults to the 6 months; the 2014 细则 asks for a year of an activist's training, which a
     * committee sets as {@code P12M}.
     */
    @Bean
    MembershipRules membershipRules(Clock clock,
                                    @Value("${dangjian.members.activist-minimum:P6M}") Period activistMinimum,
                                    @Value("${dangjian.members.probation:P1Y}") Period probation,
                                    @Value("${dangjian.members.extension-minimum-months:6}") int extensionMinimumMonths,
                                    @Value("${dangjian.members.extension-maximum-months:12}") int extensionMaximumMonths,
                                    @Value("${dangjian.members.zone:Asia/Shanghai}") ZoneId zone) {
        return new MembershipRules(activistMinimum, probation, extensionMinimumMonths, extensionMaximumMonths, zone, clock);
    }

    /**
     * The "五星十佳" points rules, versioned data: {@code points-rules.json} on the class path, or the resource
     * {@code dangjian.members.points-rules} names (e.g. {@code file:/etc/dangjian/points-rules.json}).
     */
    @Bean
    PointsRules pointsRules(ResourceLoader resources,
                            @Value("${dangjian.members.points-rules:classpath:points-rules.json}") String location) throws java.io.IOException {
        try (java.io.InputStream in = resources.getResource(location).getInputStream()) {
            return PointsRules.read(in);
        }
    }

    /** The certification of party-affairs cadres: training hours of the twelve months before, and validity. */
    @Bean
    QualificationRules qualificationRules(@Value("${dangjian.members.qualification-training-hours:32}") java.math.BigDecimal minimumHours,
                                          @Value("${dangjian.members.qualification-validity:P3Y}") Period validity) {
        return new QualificationRules(minimumHours, validity);
    }

    /** The comprehensive assessment's criteria, versioned data: {@code assessment-criteria.json}, or the resource named. */
    @Bean
    AssessmentCriteria assessmentCriteria(ResourceLoader resources,
                                          @Value("${dangjian.members.assessment-criteria:classpath:assessment-criteria.json}") String location)
            throws java.io.IOException {
        try (java.io.InputStream in = resources.getResource(location).getInputStream()) {
            return AssessmentCriteria.read(in);
        }
    }

    /** The organisation units, from the organisation service's topic (the kit's read model {@code branches}). */
    @Bean
    OrganisationUnitsReadModel organisationUnits(MongoDatabase serviceDatabase) {
        return new OrganisationUnitsReadModel(serviceDatabase);
    }
}
