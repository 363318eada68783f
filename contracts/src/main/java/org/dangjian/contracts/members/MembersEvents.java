package org.dangjian.contracts.members;

import java.util.List;

/** What the members service (党员) publishes, and where. */
public final class MembersEvents {

    /** The service's name, from which its topic and source follow ({@link org.dangjian.contracts.EventTypes}). */
    public static final String SERVICE = "members";

    /** The Kafka topic: every event of the service, keyed by member id, kept forever. */
    public static final String TOPIC = "dangjian." + SERVICE + ".events";

    /** The CloudEvents {@code source} of the service's events. */
    public static final String SOURCE = "/dangjian/" + SERVICE;

    /** Every event type the service publishes. */
    public static final List<Class<? extends Record>> ALL = List.of(
            MembershipApplicationReceived.class,
            MemberDesignatedActivist.class,
            MemberDesignatedDevelopmentObject.class,
            MemberPoliticalReviewConcluded.class,
            MemberAdmittedAsProbationary.class,
            MemberConfirmedAsFullMember.class,
            MemberProbationExtended.class,
            MemberProbationCancelled.class,
            MemberTransferInitiated.class,
            MemberTransferReceived.class,
            MemberTransferConfirmed.class,
            MemberTransferCancelled.class,
            MemberPointsRecorded.class,
            MemberSanctionRecorded.class,
            CadrePoliticalAssessmentOpened.class,
            CadrePoliticalAssessmentConcluded.class,
            CadrePoliticalAssessmentVetoed.class,
            MemberDuesBaseSet.class,
            MemberDuesPaid.class,
            MemberCareRecorded.class,
            MemberTrainingRecorded.class,
            PartyAffairsCadreQualified.class,
            MemberAssessmentOpened.class,
            MemberAssessmentScored.class,
            MemberAssessmentConcluded.class,
            MemberAssessmentCorrected.class,
            MemberAccountLinked.class,
            MemberAccountUnlinked.class,
            LoginNameClaimed.class,
            LoginNameReleased.class);

    private MembersEvents() {
    }
}
