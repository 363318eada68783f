package org.dangjian.activities.compliance;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the compliance conclusions on start-up (after {@code dangjian.activities.compliance.job.initial-delay}, PT1M,
 * time for the read models to catch up) and then every {@code dangjian.activities.compliance.job.interval} (PT1H);
 * {@code dangjian.activities.compliance.job.enabled: false} switches it off (the service's own tests run it by hand).
 * Every instance runs it; the records' derived ids keep each period concluded once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "dangjian.activities.compliance.job.enabled", havingValue = "true", matchIfMissing = true)
class ComplianceSchedule {

    private static final Logger log = LoggerFactory.getLogger(ComplianceSchedule.class);

    private final ComplianceConclusions conclusions;

    ComplianceSchedule(ComplianceConclusions conclusions) {
        this.conclusions = conclusions;
    }

    @Scheduled(initialDelayString = "${dangjian.activities.compliance.job.initial-delay:PT1M}",
            fixedDelayString = "${dangjian.activities.compliance.job.interval:PT1H}")
    void concludeEndedPeriods() {
        try {
            conclusions.concludeEndedPeriods();
        } catch (RuntimeException e) {
            log.warn("Compliance conclusions failed; the next run tries again", e);
        }
    }
}
