package org.dangjian.contracts.discipline;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 查阅记录: A discipline record was read: which record, what of it (the reader, his role and when are the event's actor
 * and time). Restricted: published on the discipline service's restricted topic only (case content).
 *
 * @param logId      the record's access log (name-based UUID of access|<recordId>)
 * @param recordId   the record read
 * @param recordKind which kind of record
 * @param view       its detail, timeline or verification
 */
@EventType(name = "org.dangjian.discipline.RecordRead", version = 1, restricted = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordRead(
        String logId,
        String recordId,
        RecordKind recordKind,
        RecordView view) {
}
