package org.dangjian.contracts.audit;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 重放完成: a replay read its topics to the end they had when it started and compared what it rebuilt with the live
 * record.
 *
 * @param replayId        its id
 * @param eventsReplayed  records read
 * @param millis          how long it took
 * @param rawMillis       how long reading the same records took without handling them (the raw consume rate's measure)
 * @param streamsCompared streams compared with the live record
 * @param identical       whether every one matched
 * @param differenceCount how many differences (the list holds at most the first 200)
 * @param differences     the differences, each in words
 */
@EventType(name = "org.dangjian.audit.ReplayFinished", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplayFinished(String replayId, long eventsReplayed, long millis, Long rawMillis, long streamsCompared, boolean identical, long differenceCount,
                             List<String> differences) {
}
