package org.dangjian.activities.query;

import java.math.BigDecimal;
import java.util.List;

/**
 * A member's participation (参加组织生活情况): the activities whose attendance names him (newest first) with the
 * counts of present, on leave and absent, and his volunteer service with its hours; of one year or all.
 */
public record ParticipationView(String memberId, String name, String branchId, Integer year, int present, int onLeave, int absent,
                                BigDecimal volunteerHours, List<ActivityEntry> activities, List<ServiceEntry> services) {

    /** His attendance at one activity. */
    public record ActivityEntry(String activityId, String kind, String branchId, String topic, String date, String attendance, String reason,
                                boolean corrected) {
    }

    /** One record of his volunteer service. */
    public record ServiceEntry(String serviceId, String kind, BigDecimal hours, String date) {
    }
}
