package org.dangjian.contracts.organisation;

import java.util.List;

/** What the organisation service (组织) publishes, and where. */
public final class OrganisationEvents {

    /** The service's name, from which its topic and source follow ({@link org.dangjian.contracts.EventTypes}). */
    public static final String SERVICE = "organisation";

    /** The Kafka topic: every event of the service, keyed by its record's id (a unit, a term, an assessment, a plan, a task, a list, a report), kept forever. */
    public static final String TOPIC = "dangjian." + SERVICE + ".events";

    /** The CloudEvents {@code source} of the service's events. */
    public static final String SOURCE = "/dangjian/" + SERVICE;

    /** Every event type the service publishes. */
    public static final List<Class<? extends Record>> ALL = List.of(
            OrganisationUnitEstablished.class,
            OrganisationUnitRenamed.class,
            OrganisationUnitDissolved.class,
            OrganisationUnitSubordinateAttached.class,
            OrganisationUnitSubordinateDetached.class,
            BranchTermRecorded.class,
            BranchElectionCalled.class,
            BranchElectionHeld.class,
            BranchElectionApproved.class,
            AssessmentCriteriaPublished.class,
            UnitAssessmentOpened.class,
            UnitAssessmentScored.class,
            UnitAssessmentCorrected.class,
            UnitAssessmentConcluded.class,
            WorkPlanImported.class,
            WorkTaskAssigned.class,
            WorkTaskProgressReported.class,
            WorkTaskReviewed.class,
            ResponsibilityListDrawn.class,
            ResponsibilityEntryAdded.class,
            SecretaryReportSubmitted.class,
            SecretaryReportEvaluated.class,
            SecretaryReportConcluded.class);

    private OrganisationEvents() {
    }
}
