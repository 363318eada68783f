package org.dangjian.activities.compliance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the compliance conclusions on start-up (after {@code dangjian.activities.compliance.job.initial-delay}, PT1M,
 * time for the read models to catch up) and then every {@code dangjian.activities.compliance.job.interval} (PT1H);
 * a run that waited because a read model had not caught up (a fresh platform loading its demo, a rebuild) is tried
 * again after {@code dangjian.activities.compliance.job.retry} (PT15S), not an interval later.
 * {@code dangjian.activities.compliance.job.enabled: false} switches it off (the service's own tests run it by hand).
 * Every instance runs it; the records' derived ids keep each period concluded once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "dangjian.activities.compliance.job.enabled", havingValue = "true", matchIfMissing = true)
class ComplianceSchedule {

    private static final Logger log = LoggerFactory.getLogger(ComplianceSchedule.class);

    private final ComplianceConclusions conclusions;
    private final Clock clock;
    private final Duration interval;
    private Instant lastRun;

    ComplianceSchedule(ComplianceConclusions conclusions, Clock clock,
                       @Value("${dangjian.activities.compliance.job.interval:PT1H}") Duration interval) {
        this.conclusions = conclusions;
        this.clock = clock;
        this.interval = interval;
    }

    @Scheduled(initialDelayString = "${dangjian.activities.compliance.job.initial-delay:PT1M}",
            fixedDelayString = "${dangjian.activities.compliance.job.retry:PT15S}")
    void concludeEndedPeriods() {
        if (lastRun != null && clock.instant().isBefore(lastRun.plus(interval))) {
            return;
        }
        try {
            if (conclusions.concludeEndedPeriods().ran()) {
                lastRun = clock.instant();
            }
        } catch (RuntimeException e) {
            log.warn("Compliance conclusions failed; the next run tries again", e);
        }
    }
}
