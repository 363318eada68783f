package org.dangjian.activities.query;

import java.math.BigDecimal;
import java.time.Instant;

/** A volunteer service record (志愿服务): the member (named as the members service published him), kind, hours, day. */
public record VolunteerServiceView(String id, String memberId, String memberName, String branchId, String branchName, String kind,
                                   BigDecimal hours, String date, Instant recordedAt, long sequence) {
}
