package org.dangjian.audit.web;

import java.util.Map;
import java.util.UUID;

import org.dangjian.conformance.ConformanceSample;
import org.dangjian.conformance.ServiceConformanceTest;

/**
 * The audit service keeps what every service promises (see {@link ServiceConformanceTest}), on its verifications; its
 * ledger (a witness of every other topic) is rebuilt and compared with the live one like a read model.
 */
class AuditConformanceTest extends ServiceConformanceTest {

    @Override
    protected ConformanceSample sample() {
        return new ConformanceSample("/verifications",
                Map.of(),
                Map.of("service", "organisation", "aggregateId", UUID.randomUUID().toString()),
                Map.of("service", Map.of("not", "a name")),
                "AUDITOR", "COMMITTEE_STAFF",
                "/verifications/{id}", "/verifications/{id}/chain", UUID.randomUUID().toString());
    }

    /** The periodic checkpoint, and a replay's end (recorded when the replay finishes, after the request that started it). */
    @Override
    protected java.util.Set<String> typesRecordedAfterTheRequest() {
        return org.dangjian.contracts.audit.AuditEvents.RECORDED_BY_ITSELF.stream().map(org.dangjian.contracts.EventTypes::of)
                .collect(java.util.stream.Collectors.toSet());
    }
}
