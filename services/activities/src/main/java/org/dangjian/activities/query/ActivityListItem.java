package org.dangjian.activities.query;

/**
 * An activity in a calendar: its day ({@code date}: held on, or planned for until then), state and attendance counts.
 */
public record ActivityListItem(String id, String branchId, String branchName, String kind, String topic, ActivityState state, String date,
                               String plannedDate, String heldOn, String place, int present, int onLeave, int absent, long sequence) {
}
