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

    /** What the service publishes, in prose: the AsyncAPI document's description of the service. */
    public static final String DESCRIPTION = """
            The members service (党员): a member's record from application to full membership (aggregate type Member, keyed by
            member id), transfers, dues, care, trainings, points and the cadres' political assessment on the member's stream;
            member assessments (党员综合管理考核, 民主评议党员, 公务员日常考核) each a stream of their own (aggregate type
            MemberAssessment). `ce_time` is the step's day at 00:00 in the service's time zone (Asia/Shanghai by default).

            Personal data: MembershipApplicationReceived carries the ID-card number (身份证号), phone and address, and is the only
            event that does. A consumer that shows them masks them for anyone but the party committee's staff, the member's own
            branch secretary and the member (e.g. 110***********1234, 138****5678), and never logs them.
            """;

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
