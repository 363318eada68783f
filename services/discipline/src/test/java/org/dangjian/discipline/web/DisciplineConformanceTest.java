package org.dangjian.discipline.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dangjian.conformance.ConformanceSample;
import org.dangjian.conformance.ServiceConformanceTest;

/** The discipline service keeps what every service promises (see {@link ServiceConformanceTest}), on its inspections. */
class DisciplineConformanceTest extends ServiceConformanceTest {

    @Override
    protected ConformanceSample sample() {
        return new ConformanceSample("/inspections",
                Map.of("target", "WINDOW", "targetName", "不动产登记窗口", "mode", "UNANNOUNCED", "plannedDate", "2024-03-01",
                        "inspectors", List.of("赵纪检", "钱纪检"), "focus", "在岗、着装与服务态度"),
                Map.of("target", "SECTION", "targetName", "综合科", "mode", "OPEN", "plannedDate", "2024-04-01", "inspectors", List.of("孙纪检")),
                Map.of("target", "WINDOW", "targetName", Map.of("not", "a name"), "mode", "OPEN", "plannedDate", "2024-03-01",
                        "inspectors", List.of("赵纪检")),
                "DISCIPLINE_INSPECTOR", "COMMITTEE_STAFF",
                "/inspections/{id}", "/inspections/{id}/verification", UUID.randomUUID().toString());
    }
}
