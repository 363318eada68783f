package org.dangjian.activities.query;

import java.math.BigDecimal;
import java.util.List;

/**
 * A member's participation (参加组织生活情况): the activities whose attendance names him (newest first) with the
 * counts of present, on leave and absent, his volunteer service with its hours, and the learning and practice records
 * he took part in (学习教育, "我为群众办实事", 调研报告, 群众性活动) with their hours; of one year or all.
 */
public record ParticipationView(String memberId, String name, String branchId, Integer year, int present, int onLeave, int absent,
                                BigDecimal volunteerHours, List<ActivityEntry> activities, List<ServiceEntry> services,
                                BigDecimal engagementHours, List<EngagementEntry> engagements) {

    /** His attendance at one activity. */
    public record ActivityEntry(String activityId, String kind, String branchId, String topic, String date, String attendance, String reason,
                                boolean corrected) {
    }

    /** One record of his volunteer service. */
    public record ServiceEntry(String serviceId, String kind, BigDecimal hours, String date) {
    }

    /** A learning and practice record he took part in: its hours per participant (none for a report without), whether he wrote it. */
    public record EngagementEntry(String engagementId, String kind, String branchId, String title, String date, BigDecimal hours, String state,
                                  boolean author) {
    }
}
