package org.dangjian.activities.query;

import java.math.BigDecimal;

/**
 * A learning and practice record in a list: its kind, branch (and organising unit), title, day, hours per participant,
 * how many took part, the form of learning, its state ({@code RECORDED}; a deed {@code COMMITTED} or {@code COMPLETED})
 * and how often it was corrected.
 */
public record EngagementListItem(String id, String kind, String branchId, String branchName, String organiserId, String organiserName,
                                 String title, String date, BigDecimal hours, int participants, String learningForm, String state,
                                 String completedOn, int corrections, long sequence) {
}
