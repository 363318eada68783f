package org.dangjian.contracts.activities;

import java.util.List;

/**
 * What the activities service (活动: "三会一课", theme party days, volunteer service, learning and
 * practice records) publishes, and where. The
 * members service turns attendance and volunteer hours into "五星十佳" points from these events; the organisation
 * service's branch "五化" assessment will read the "三会一课" compliance of ended periods ({@link ComplianceConcluded}).
 */
public final class ActivitiesEvents {

    /** The service's name, from which its topic and source follow ({@link org.dangjian.contracts.EventTypes}). */
    public static final String SERVICE = "activities";

    /** The Kafka topic: every event of the service, keyed by the activity's id, kept forever. */
    public static final String TOPIC = "dangjian." + SERVICE + ".events";

    /** The CloudEvents {@code source} of the service's events. */
    public static final String SOURCE = "/dangjian/" + SERVICE;

    /** Every event type the service publishes. */
    public static final List<Class<? extends Record>> ALL = List.of(
            ActivityScheduled.class,
            ActivityHeld.class,
            ActivityCancelled.class,
            AttendanceRecorded.class,
            AttendanceCorrected.class,
            VolunteerServiceRecorded.class,
            ComplianceConcluded.class,
            EngagementRecorded.class,
            DeedCompleted.class,
            EngagementCorrected.class,
            DualLifeAssigned.class,
            DualLifeEnded.class);

    private ActivitiesEvents() {
    }
}
