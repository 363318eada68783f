package org.dangjian.contracts.audit;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 核验完成: an auditor had one stream or all of them verified: each witnessed chain walked again, compared with the
 * latest signed checkpoint and with what the publishing service's store holds now.
 *
 * @param verificationId   its id (UUID)
 * @param service          the stream's service, when one stream was verified
 * @param aggregateId      the stream, when one stream was verified
 * @param startedAt        when it started
 * @param streamsChecked   streams walked
 * @param eventsChecked    events whose hash was computed again
 * @param storesCompared   streams compared with their service's store
 * @param storesUnreachable streams whose service did not answer (not compared)
 * @param checkpointNumber the checkpoint compared with; absent when there was none
 * @param findings         what it found (empty: all intact)
 */
@EventType(name = "org.dangjian.audit.VerificationCompleted", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationCompleted(
        String verificationId,
        String service,
        String aggregateId,
        Instant startedAt,
        long streamsChecked,
        long eventsChecked,
        long storesCompared,
        long storesUnreachable,
        Long checkpointNumber,
        List<IntegrityFinding> findings) {
}
