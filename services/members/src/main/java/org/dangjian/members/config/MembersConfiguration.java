package org.dangjian.members.config;

import java.time.Clock;
import java.time.Period;
import java.time.ZoneId;

import org.dangjian.contracts.members.MembersEvents;
import org.dangjian.members.command.MembershipRules;
import org.dangjian.runtime.config.PublishedEventTypes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
}
