package org.dangjian.contracts.discipline;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 发现问题: A finding of the inspection, numbered in its order, with severity and evidence references. Restricted:
 * published on the discipline service's restricted topic only (case content).
 *
 * @param inspectionId the inspection
 * @param findingNo    its number in the inspection, from 1
 * @param description  what was found
 * @param severity     轻微, 一般 or 严重
 * @param evidence     evidence references (照片编号, 记录编号, a URL), 0 to 20
 */
@EventType(name = "org.dangjian.discipline.FindingRecorded", version = 1, restricted = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FindingRecorded(
        String inspectionId,
        int findingNo,
        String description,
        FindingSeverity severity,
        List<String> evidence) {
}
