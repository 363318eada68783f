package org.dangjian.members.web;

import java.util.Map;
import java.util.UUID;

import org.dangjian.conformance.ConformanceSample;
import org.dangjian.conformance.ServiceConformanceTest;

/** The members service keeps what every service promises (see {@link ServiceConformanceTest}). */
class MembersConformanceTest extends ServiceConformanceTest {

    private static final String BRANCH = "00000000-0000-4000-8000-000000000011";

    @Override
    protected ConformanceSample sample() {
        return new ConformanceSample("/members",
                Map.of("name", "一致性检查", "gender", "FEMALE", "birthDate", "1995-06-14", "idCardNumber", "110105199506140021",
                        "branchId", BRANCH, "applicationDate", "2024-03-01", "basis", "入党申请书"),
                Map.of("name", "另一位申请人", "gender", "MALE", "birthDate", "1990-01-01", "idCardNumber", "110105199001010010",
                        "branchId", BRANCH, "applicationDate", "2024-03-01"),
                Map.of("name", Map.of("not", "a name"), "gender", "FEMALE", "birthDate", "1995-06-14", "idCardNumber", "110105199506140021",
                        "branchId", BRANCH, "applicationDate", "2024-03-01"),
                "COMMITTEE_STAFF", "PARTY_MEMBER",
                "/members/{id}", "/members/{id}/verification", UUID.randomUUID().toString());
    }
}
