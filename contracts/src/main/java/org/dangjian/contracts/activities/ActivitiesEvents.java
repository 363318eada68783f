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

    /** What the service publishes, in prose: the AsyncAPI document's description of the service. */
    public static final String DESCRIPTION = """
            The activities service ("三会一课", organisational life, volunteer service): an activity scheduled, held (with its
            minutes) or cancelled, attendance per member and its corrections (an activity's events share its stream, aggregate
            type Activity); volunteer hours (a stream per record, aggregate type VolunteerService). The members service turns
            attendance and volunteer hours into "五星十佳" points. Once a period has ended, the "三会一课" compliance of each branch
            and kind in it is concluded (ComplianceConcluded, aggregate type Compliance, its id the name-based UUID of
            compliance|<branchId>|<kind>|<period>; the organisation service's "五化" assessment reads it). A learning and practice
            record (学习教育, "我为群众办实事", 调研报告, 群众性活动) is a stream of its own (aggregate type Engagement):
            EngagementRecorded, then for a deed DeedCompleted, and any number of EngagementCorrected naming only the fields that
            change and the reason. A leading cadre's dual organisational life (双重组织生活) in a branch besides his own is a stream
            of its own (aggregate type DualLifeAssignment, its id the name-based UUID of dual-life|<memberId>|<branchId>):
            DualLifeAssigned, DualLifeEnded; his attendance at that branch's activities is published as anyone's and counts in both.
            """;

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
