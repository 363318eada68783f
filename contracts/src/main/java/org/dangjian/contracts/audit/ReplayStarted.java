package org.dangjian.contracts.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 重放开始: an auditor had the record rebuilt from offset 0 of every topic, beside the live one, to compare them.
 *
 * @param replayId    its id (UUID)
 * @param service     only this service's streams, when given
 * @param aggregateId only this stream, when given (with {@code service})
 * @param eventsTotal the records on the topics when it started (what it will read)
 */
@EventType(name = "org.dangjian.audit.ReplayStarted", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplayStarted(String replayId, String service, String aggregateId, long eventsTotal) {
}
