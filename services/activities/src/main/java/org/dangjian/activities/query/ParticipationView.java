package org.dangjian.activities.query;

import java.math.BigDecimal;
import java.util.List;

/**
 * A member's participation (参加组织生活情况): the activities whose attendance names him (newest first) with the
 * counts of present, on leave and absent, his volunteer service with its hours, and the learning and practice records
 * he took part in (学习教育, "我为群众办实事", 调研报告, 群众性活动) with their hours; of one year or all. A leading
 * cadre's activities include those of the branches where he takes part in dual organisational life (双重组织生活,
 * {@code dualLife} on the entry); {@code dualLives} names those branches and periods.
 */
public record ParticipationView(String memberId, String name, String branchId, Integer year, int present, int onLeave, int absent,
                                BigDecimal volunteerHours, List<ActivityEntry> activities, List<ServiceEntry> services,
                                BigDecimal engagementHours, List<EngagementEntry> engagements, List<DualLifeEntry> dualLives) {

    /** His attendance at one activity; {@code dualLife} when he attended it in dual organisational life. */
    public record ActivityEntry(String activityId, String kind, String branchId, String topic, String date, String attendance, String reason,
                                boolean corrected, boolean dualLife) {
    }

    /** A branch where he takes (or took) part in dual organisational life, its current or last period. */
    public record DualLifeEntry(String assignmentId, String branchId, String branchName, boolean active, String since, String until,
                                String position) {
    }

    /** One record of his volunteer service. */
    public record ServiceEntry(String serviceId, String kind, BigDecimal hours, String date) {
    }

    /** A learning and practice record he took part in: its hours per participant (none for a report without), whether he wrote it. */
    public record EngagementEntry(String engagementId, String kind, String branchId, String title, String date, BigDecimal hours, String state,
                                  boolean author) {
    }
}
