package org.dangjian.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.dangjian.contracts.members.DecidingBody;
import org.dangjian.contracts.members.Gender;
import org.dangjian.contracts.members.MemberAdmittedAsProbationary;
import org.dangjian.contracts.members.MemberConfirmedAsFullMember;
import org.dangjian.contracts.members.MemberDesignatedActivist;
import org.dangjian.contracts.members.MemberDesignatedDevelopmentObject;
import org.dangjian.contracts.members.MemberPoliticalReviewConcluded;
import org.dangjian.contracts.members.MemberProbationCancelled;
import org.dangjian.contracts.activities.ActivitiesEvents;
import org.dangjian.contracts.activities.ActivityKind;
import org.dangjian.contracts.activities.Attendance;
import org.dangjian.contracts.activities.AttendanceRecorded;
import org.dangjian.contracts.activities.VolunteerServiceKind;
import org.dangjian.contracts.activities.VolunteerServiceRecorded;
import org.dangjian.contracts.discipline.DisciplineEvents;
import org.dangjian.contracts.discipline.Sanction;
import org.dangjian.contracts.discipline.SanctionEnded;
import org.dangjian.contracts.discipline.SanctionTookEffect;
import org.dangjian.contracts.members.CadreAssessmentResult;
import org.dangjian.contracts.members.CadrePoliticalAssessmentConcluded;
import org.dangjian.contracts.members.CadrePoliticalAssessmentOpened;
import org.dangjian.contracts.members.CadrePoliticalAssessmentVetoed;
import org.dangjian.contracts.members.MemberDuesBaseSet;
import org.dangjian.contracts.members.MemberDuesPaid;
import org.dangjian.contracts.members.AssessmentType;
import org.dangjian.contracts.members.CareKind;
import org.dangjian.contracts.members.MemberAssessmentConcluded;
import org.dangjian.contracts.members.MemberAssessmentCorrected;
import org.dangjian.contracts.members.MemberAssessmentOpened;
import org.dangjian.contracts.members.MemberAssessmentScored;
import org.dangjian.contracts.members.CareReason;
import org.dangjian.contracts.members.MemberCareRecorded;
import org.dangjian.contracts.members.MemberPointsRecorded;
import org.dangjian.contracts.members.MemberTrainingRecorded;
import org.dangjian.contracts.members.PartyAffairsCadreQualified;
import org.dangjian.contracts.members.MemberSanctionRecorded;
import org.dangjian.contracts.members.MemberProbationExtended;
import org.dangjian.contracts.members.MemberTransferCancelled;
import org.dangjian.contracts.members.MemberTransferConfirmed;
import org.dangjian.contracts.members.MemberTransferInitiated;
import org.dangjian.contracts.members.MemberTransferReceived;
import org.dangjian.contracts.members.TransferCancellation;
import org.dangjian.contracts.members.MembersEvents;
import org.dangjian.contracts.members.MembershipApplicationReceived;
import org.dangjian.contracts.members.PoliticalReviewConclusion;
import org.dangjian.contracts.organisation.AssessmentArea;
import org.dangjian.contracts.organisation.AssessmentCriteriaPublished;
import org.dangjian.contracts.organisation.AssessmentGrade;
import org.dangjian.contracts.organisation.BranchElectionApproved;
import org.dangjian.contracts.organisation.BranchElectionCalled;
import org.dangjian.contracts.organisation.BranchElectionHeld;
import org.dangjian.contracts.organisation.BranchTermRecorded;
import org.dangjian.contracts.organisation.CommitteeMember;
import org.dangjian.contracts.organisation.CommitteePosition;
import org.dangjian.contracts.organisation.ComplianceFact;
import org.dangjian.contracts.organisation.ElectionCandidate;
import org.dangjian.contracts.organisation.PlanItem;
import org.dangjian.contracts.organisation.PlanSection;
import org.dangjian.contracts.organisation.ReportRating;
import org.dangjian.contracts.organisation.ResponsibilityEntryAdded;
import org.dangjian.contracts.organisation.ResponsibilityListDrawn;
import org.dangjian.contracts.organisation.ResponsibilityListKind;
import org.dangjian.contracts.organisation.SecretaryReportConcluded;
import org.dangjian.contracts.organisation.SecretaryReportEvaluated;
import org.dangjian.contracts.organisation.SecretaryReportSubmitted;
import org.dangjian.contracts.organisation.UnitAssessmentConcluded;
import org.dangjian.contracts.organisation.UnitAssessmentCorrected;
import org.dangjian.contracts.organisation.UnitAssessmentOpened;
import org.dangjian.contracts.organisation.UnitAssessmentScored;
import org.dangjian.contracts.organisation.WorkPlanImported;
import org.dangjian.contracts.organisation.WorkTaskAssigned;
import org.dangjian.contracts.organisation.WorkTaskProgressReported;
import org.dangjian.contracts.organisation.WorkTaskReviewed;
import org.dangjian.contracts.organisation.MassOrganisationType;
import org.dangjian.contracts.organisation.OrganisationEvents;
import org.dangjian.contracts.organisation.OrganisationUnitDissolved;
import org.dangjian.contracts.organisation.OrganisationUnitEstablished;
import org.dangjian.contracts.organisation.OrganisationUnitKind;
import org.dangjian.contracts.organisation.OrganisationUnitRenamed;
import org.dangjian.contracts.organisation.OrganisationUnitSubordinateAttached;
import org.dangjian.contracts.organisation.OrganisationUnitSubordinateDetached;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every published event serialises to JSON that its schema accepts, and the schemas refuse what the records' rules
 * refuse: a department reading our topics with nothing but the schemas gets the same contract as our own code.
 */
class PublishedEventSchemasTest {

    private static final String UNIT = "7a1e8c3e-2f43-4b7e-9d0f-5d3f4e8a9b10";
    private static final String PARENT = "00000000-0000-4000-8000-000000000001";

    /** Examples of every published event, including every optional field present and absent. */
    private static final Map<Class<? extends Record>, List<Record>> ORGANISATION_EXAMPLES = Map.of(
            OrganisationUnitEstablished.class, List.of(
                    new OrganisationUnitEstablished(PARENT, OrganisationUnitKind.COMMITTEE, null, "中心党委", null, null),
                    new OrganisationUnitEstablished(UNIT, OrganisationUnitKind.BRANCH, null, "第一党支部", PARENT, "党委会议决定 2022-03"),
                    new OrganisationUnitEstablished(UNIT, OrganisationUnitKind.MASS_ORGANISATION, MassOrganisationType.TRADE_UNION,
                            "中心工会", PARENT, null)),
            OrganisationUnitRenamed.class, List.of(
                    new OrganisationUnitRenamed(UNIT, "第一党支部", "综合服务党支部", "机构调整"),
                    new OrganisationUnitRenamed(UNIT, "第一党支部", "综合服务党支部", null)),
            OrganisationUnitDissolved.class, List.of(
                    new OrganisationUnitDissolved(UNIT, "并入第二党支部"),
                    new OrganisationUnitDissolved(UNIT, null)),
            OrganisationUnitSubordinateAttached.class, List.of(
                    new OrganisationUnitSubordinateAttached(PARENT, UNIT, OrganisationUnitKind.BRANCH)),
            OrganisationUnitSubordinateDetached.class, List.of(
                    new OrganisationUnitSubordinateDetached(PARENT, UNIT)));

    private static final String MEMBER = "5b0c7a2e-8d1f-4c3a-9e6b-2f4d8a1c0e37";
    private static final LocalDate DAY = LocalDate.of(2024, 3, 1);

    private static final Map<Class<? extends Record>, List<Record>> MEMBER_EXAMPLES = Map.of(
            MembershipApplicationReceived.class, List.of(
                    new MembershipApplicationReceived(MEMBER, "林晓雯", Gender.FEMALE, LocalDate.of(1995, 6, 14), "110105199506140021",
                            "13800135678", "北京市朝阳区示例路 1 号", UNIT, DAY, "linxiaowen", "入党申请书"),
                    new MembershipApplicationReceived(MEMBER, "周建国", Gender.MALE, LocalDate.of(1990, 1, 1), "110105199001010010",
                            null, null, UNIT, DAY, null, null)),
            MemberDesignatedActivist.class, List.of(
                    new MemberDesignatedActivist(MEMBER, DAY, DecidingBody.BRANCH_COMMITTEE, "支部委员会会议纪要"),
                    new MemberDesignatedActivist(MEMBER, DAY, DecidingBody.BRANCH_COMMITTEE, null)),
            MemberDesignatedDevelopmentObject.class, List.of(
                    new MemberDesignatedDevelopmentObject(MEMBER, DAY, DecidingBody.BRANCH_COMMITTEE, "听取党小组、培养联系人意见")),
            MemberPoliticalReviewConcluded.class, List.of(
                    new MemberPoliticalReviewConcluded(MEMBER, DAY, PoliticalReviewConclusion.PASSED, DecidingBody.PARTY_COMMITTEE, "政审报告"),
                    new MemberPoliticalReviewConcluded(MEMBER, DAY, PoliticalReviewConclusion.NOT_PASSED, DecidingBody.PARTY_COMMITTEE, null)),
            MemberAdmittedAsProbationary.class, List.of(
                    new MemberAdmittedAsProbationary(MEMBER, DAY, DAY.plusDays(20), DAY.plusYears(1), "支部党员大会决议")),
            MemberConfirmedAsFullMember.class, List.of(
                    new MemberConfirmedAsFullMember(MEMBER, DAY, DAY.plusDays(10), null)),
            MemberProbationExtended.class, List.of(
                    new MemberProbationExtended(MEMBER, DAY, 6, DAY.plusMonths(18), DecidingBody.PARTY_COMMITTEE, "党委会议决定")),
            MemberProbationCancelled.class, List.of(
                    new MemberProbationCancelled(MEMBER, DAY, DecidingBody.PARTY_COMMITTEE, "党委会议决定")));

    private static final Map<Class<? extends Record>, List<Record>> TRANSFER_EXAMPLES = Map.of(
            MemberTransferInitiated.class, List.of(
                    new MemberTransferInitiated(MEMBER, 1, UNIT, PARENT, null, DAY, "介绍信 2024-017"),
                    new MemberTransferInitiated(MEMBER, 2, UNIT, null, "某区税务局机关党委", DAY, null)),
            MemberTransferReceived.class, List.of(
                    new MemberTransferReceived(MEMBER, 1, UNIT, PARENT, DAY, null)),
            MemberTransferConfirmed.class, List.of(
                    new MemberTransferConfirmed(MEMBER, 1, UNIT, PARENT, null, DAY, "回执"),
                    new MemberTransferConfirmed(MEMBER, 2, UNIT, null, "某区税务局机关党委", DAY, null)),
            MemberTransferCancelled.class, List.of(
                    new MemberTransferCancelled(MEMBER, 1, UNIT, PARENT, null, TransferCancellation.RETURNED, DAY, "介绍信信息有误")));

    /** Also the source of each new type's stored samples (VersionsAndUpcastersTest). */
    static final Map<Class<? extends Record>, List<Record>> EXAMPLES = new HashMap<>();

    static {
        EXAMPLES.putAll(ORGANISATION_EXAMPLES);
        EXAMPLES.putAll(MEMBER_EXAMPLES);
        EXAMPLES.putAll(TRANSFER_EXAMPLES);
        EXAMPLES.put(MemberPointsRecorded.class, List.of(
                new MemberPointsRecorded(MEMBER, 2024, 2, "ATTENDANCE_PRESENT", "2022.1", DAY, "出席支部党员大会", "5f0e6c9a-1111-4c3a-9e6b-2f4d8a1c0e37",
                        "org.dangjian.activities.AttendanceRecorded.v1"),
                new MemberPointsRecorded(MEMBER, 2024, -3, "ABSENT_WITHOUT_LEAVE", "2022.1", DAY, "无故缺席党课", null, null)));
        EXAMPLES.put(SanctionTookEffect.class, List.of(new SanctionTookEffect(PARENT, MEMBER, Sanction.SERIOUS_WARNING, DAY, DAY.plusMonths(18)),
                new SanctionTookEffect(PARENT, MEMBER, Sanction.WARNING, DAY, null)));
        EXAMPLES.put(SanctionEnded.class, List.of(new SanctionEnded(PARENT, MEMBER, DAY.plusYears(1))));
        EXAMPLES.put(MemberSanctionRecorded.class, List.of(new MemberSanctionRecorded(MEMBER, PARENT, Sanction.WARNING, DAY, null, "e-1"),
                new MemberSanctionRecorded(MEMBER, PARENT, Sanction.WARNING, DAY, DAY.plusYears(1), "e-2")));
        EXAMPLES.put(CadrePoliticalAssessmentOpened.class, List.of(new CadrePoliticalAssessmentOpened(MEMBER, 1, 2024, DAY, "党委通知"),
                new CadrePoliticalAssessmentOpened(MEMBER, 2, 2025, DAY, null)));
        EXAMPLES.put(CadrePoliticalAssessmentConcluded.class, List.of(new CadrePoliticalAssessmentConcluded(MEMBER, 1, CadreAssessmentResult.GOOD,
                DAY, "考察报告")));
        EXAMPLES.put(CadrePoliticalAssessmentVetoed.class, List.of(new CadrePoliticalAssessmentVetoed(MEMBER, 1, PARENT, Sanction.WARNING,
                "5f0e6c9a-1111-4c3a-9e6b-2f4d8a1c0e37", DAY)));
        EXAMPLES.put(MemberDuesBaseSet.class, List.of(new MemberDuesBaseSet(MEMBER, "2024-01", new java.math.BigDecimal("6500.00"),
                new java.math.BigDecimal("0.015"), new java.math.BigDecimal("97.50"), "2024 年工资表"),
                new MemberDuesBaseSet(MEMBER, "2024-07", new java.math.BigDecimal("3000"), new java.math.BigDecimal("0.005"),
                        new java.math.BigDecimal("15.00"), null)));
        EXAMPLES.put(MemberDuesPaid.class, List.of(new MemberDuesPaid(MEMBER, "2024-03", new java.math.BigDecimal("97.50"), DAY, "收据 0017"),
                new MemberDuesPaid(MEMBER, "2024-04", new java.math.BigDecimal("0.20"), DAY, null)));
        EXAMPLES.put(MemberCareRecorded.class, List.of(new MemberCareRecorded(MEMBER, 1, CareKind.FESTIVAL_GREETING, CareReason.ELDERLY, DAY,
                "王建华、李明", new java.math.BigDecimal("500.00"), "春节走访，身体健康"),
                new MemberCareRecorded(MEMBER, 2, CareKind.SICK_VISIT, CareReason.SICK, DAY, "李明", null, null)));
        EXAMPLES.put(MemberTrainingRecorded.class, List.of(new MemberTrainingRecorded(MEMBER, 1, "党务干部能力提升培训班", "区委组织部", DAY,
                new java.math.BigDecimal("16.5"))));
        EXAMPLES.put(PartyAffairsCadreQualified.class, List.of(new PartyAffairsCadreQualified(MEMBER, DAY, DAY.plusYears(3),
                new java.math.BigDecimal("32"), "党委会议"), new PartyAffairsCadreQualified(MEMBER, DAY, DAY.plusYears(3), new java.math.BigDecimal("40.5"), null)));
        EXAMPLES.put(MemberAssessmentOpened.class, List.of(new MemberAssessmentOpened(PARENT, MEMBER, UNIT, AssessmentType.COMPREHENSIVE, "2025",
                "2022.1", DAY), new MemberAssessmentOpened(PARENT, MEMBER, UNIT, AssessmentType.CIVIL_SERVANT_DAILY, "2025-Q3", null, DAY)));
        EXAMPLES.put(MemberAssessmentScored.class, List.of(new MemberAssessmentScored(PARENT, Map.of("POLITICS", 28, "DUTY", 27), 55)));
        EXAMPLES.put(MemberAssessmentConcluded.class, List.of(new MemberAssessmentConcluded(PARENT, "EXCELLENT", null, DAY, "支部委员会"),
                new MemberAssessmentConcluded(PARENT, "QUALIFIED", Map.of("EXCELLENT", 3, "QUALIFIED", 20, "BASICALLY_QUALIFIED", 1, "UNQUALIFIED", 0),
                        DAY, null)));
        EXAMPLES.put(MemberAssessmentCorrected.class, List.of(new MemberAssessmentCorrected(PARENT, "QUALIFIED", "EXCELLENT", DAY, "计分有误")));
        EXAMPLES.put(org.dangjian.contracts.members.MemberAccountLinked.class, List.of(
                new org.dangjian.contracts.members.MemberAccountLinked(MEMBER, "zhang.li@centre", "本人申请"),
                new org.dangjian.contracts.members.MemberAccountLinked(MEMBER, "dangyuan", null)));
        EXAMPLES.put(org.dangjian.contracts.members.MemberAccountUnlinked.class, List.of(
                new org.dangjian.contracts.members.MemberAccountUnlinked(MEMBER, "dangyuan", "关联有误")));
        EXAMPLES.put(org.dangjian.contracts.members.LoginNameClaimed.class, List.of(
                new org.dangjian.contracts.members.LoginNameClaimed(PARENT, "dangyuan", MEMBER)));
        EXAMPLES.put(org.dangjian.contracts.members.LoginNameReleased.class, List.of(
                new org.dangjian.contracts.members.LoginNameReleased(PARENT, "dangyuan", MEMBER)));
        EXAMPLES.put(AttendanceRecorded.class, List.of(
                new AttendanceRecorded(PARENT, ActivityKind.PARTY_LESSON, UNIT, MEMBER, Attendance.ON_LEAVE, DAY, "出差"),
                new AttendanceRecorded(PARENT, ActivityKind.BRANCH_GENERAL_MEETING, UNIT, MEMBER, Attendance.PRESENT, DAY, null)));
        EXAMPLES.put(org.dangjian.contracts.activities.ActivityScheduled.class, List.of(
                new org.dangjian.contracts.activities.ActivityScheduled(PARENT, UNIT, ActivityKind.PARTY_LESSON, "学习贯彻党的二十大精神", DAY, "党员活动室"),
                new org.dangjian.contracts.activities.ActivityScheduled(PARENT, UNIT, ActivityKind.HEART_TO_HEART_TALK, "谈心谈话", DAY, null)));
        EXAMPLES.put(org.dangjian.contracts.activities.ActivityHeld.class, List.of(
                new org.dangjian.contracts.activities.ActivityHeld(PARENT, UNIT, ActivityKind.PARTY_LESSON, DAY, "党员活动室", "学习贯彻党的二十大精神",
                        "一、书记讲党课；\n二、交流发言。", "王建华"),
                new org.dangjian.contracts.activities.ActivityHeld(PARENT, UNIT, ActivityKind.BRANCH_COMMITTEE_MEETING, DAY, "会议室", "研究发展党员",
                        "会议记录", null)));
        EXAMPLES.put(org.dangjian.contracts.activities.ActivityCancelled.class, List.of(
                new org.dangjian.contracts.activities.ActivityCancelled(PARENT, UNIT, ActivityKind.THEME_PARTY_DAY, DAY, "防汛值班")));
        EXAMPLES.put(org.dangjian.contracts.activities.AttendanceCorrected.class, List.of(
                new org.dangjian.contracts.activities.AttendanceCorrected(PARENT, ActivityKind.PARTY_LESSON, UNIT, MEMBER, Attendance.ABSENT,
                        Attendance.ON_LEAVE, DAY, "病假", "补交请假条"),
                new org.dangjian.contracts.activities.AttendanceCorrected(PARENT, ActivityKind.PARTY_LESSON, UNIT, MEMBER, Attendance.ON_LEAVE,
                        Attendance.PRESENT, DAY, null, "登记有误")));
        EXAMPLES.put(VolunteerServiceRecorded.class, List.of(
                new VolunteerServiceRecorded(PARENT, VolunteerServiceKind.EXTENDED_HOURS, MEMBER, new java.math.BigDecimal("1.5"), DAY)));
        EXAMPLES.put(org.dangjian.contracts.activities.ComplianceConcluded.class, List.of(
                new org.dangjian.contracts.activities.ComplianceConcluded("4c0e6f1a-3b2d-3e8f-9a1b-2c3d4e5f6a7b", UNIT,
                        ActivityKind.BRANCH_COMMITTEE_MEETING, "2024-03", "2022.1", 1, 2, true,
                        List.of("5f0e6c9a-1111-4c3a-9e6b-2f4d8a1c0e37", "6a1f7d0b-2222-4d4b-8f7c-3e5f9b2d1f48")),
                new org.dangjian.contracts.activities.ComplianceConcluded("5d1f7a2b-4c3e-3f9a-8b2c-3d4e5f6a7b8c", UNIT,
                        ActivityKind.PARTY_LESSON, "2024-Q1", "2022.1", 1, 0, false, List.of()),
                new org.dangjian.contracts.activities.ComplianceConcluded("6e2a8b3c-5d4f-3a0b-9c3d-4e5f6a7b8c9d", UNIT,
                        ActivityKind.ORGANISATIONAL_LIFE_MEETING, "2024", "2022.1", 1, 1, true, List.of(PARENT))));
        EXAMPLES.put(org.dangjian.contracts.activities.EngagementRecorded.class, List.of(
                new org.dangjian.contracts.activities.EngagementRecorded(PARENT, org.dangjian.contracts.activities.EngagementKind.LEARNING, UNIT,
                        null, "党史学习教育专题读书班", DAY, new java.math.BigDecimal("2.5"), List.of(MEMBER), List.of("照片编号 2024-017",
                        "https://example.org/news/1"), "学习《中国共产党简史》", org.dangjian.contracts.activities.LearningForm.READING_CLASS, null, null),
                new org.dangjian.contracts.activities.EngagementRecorded(PARENT, org.dangjian.contracts.activities.EngagementKind.RESEARCH_REPORT,
                        UNIT, null, "关于社区养老服务的调研报告", DAY, null, List.of(MEMBER), List.of(), null, null, List.of(MEMBER), "走访十户，提出三条建议"),
                new org.dangjian.contracts.activities.EngagementRecorded(PARENT, org.dangjian.contracts.activities.EngagementKind.MASS_ACTIVITY,
                        UNIT, PARENT, "健步行", DAY, java.math.BigDecimal.ONE, List.of(MEMBER, UNIT), List.of(), null, null, null, null)));
        EXAMPLES.put(org.dangjian.contracts.activities.DeedCompleted.class, List.of(
                new org.dangjian.contracts.activities.DeedCompleted(PARENT, UNIT, DAY, "修缮了小区照明，居民满意")));
        EXAMPLES.put(org.dangjian.contracts.activities.EngagementCorrected.class, List.of(
                new org.dangjian.contracts.activities.EngagementCorrected(PARENT, org.dangjian.contracts.activities.EngagementKind.DEED, UNIT,
                        "登记有误", null, null, new java.math.BigDecimal("3"), null, List.of(), null, null, null, null, null, DAY, "已办结"),
                new org.dangjian.contracts.activities.EngagementCorrected(PARENT, org.dangjian.contracts.activities.EngagementKind.LEARNING, UNIT,
                        "漏登一人", "党史学习", DAY, null, List.of(MEMBER, UNIT), null, "说明", org.dangjian.contracts.activities.LearningForm.ONLINE_LEARNING,
                        null, null, null, null, null)));
        EXAMPLES.put(org.dangjian.contracts.activities.DualLifeAssigned.class, List.of(
                new org.dangjian.contracts.activities.DualLifeAssigned(PARENT, MEMBER, UNIT, "中心主任", DAY, "党委关于领导干部双重组织生活的通知"),
                new org.dangjian.contracts.activities.DualLifeAssigned(PARENT, MEMBER, UNIT, null, DAY, "党委会议决定")));
        EXAMPLES.put(org.dangjian.contracts.activities.DualLifeEnded.class, List.of(
                new org.dangjian.contracts.activities.DualLifeEnded(PARENT, MEMBER, UNIT, DAY, DAY, "工作调整")));
        EXAMPLES.put(org.dangjian.contracts.discipline.InspectionPlanned.class, List.of(
                new org.dangjian.contracts.discipline.InspectionPlanned(PARENT, org.dangjian.contracts.discipline.InspectionTarget.WINDOW, "示例", UNIT, org.dangjian.contracts.discipline.InspectionMode.OPEN, DAY, List.of("照片编号 2024-017"), "示例"),
                new org.dangjian.contracts.discipline.InspectionPlanned(PARENT, org.dangjian.contracts.discipline.InspectionTarget.WINDOW, "示例", null, org.dangjian.contracts.discipline.InspectionMode.OPEN, DAY, List.of("照片编号 2024-017"), null)));
        EXAMPLES.put(org.dangjian.contracts.discipline.InspectionCarriedOut.class, List.of(
                new org.dangjian.contracts.discipline.InspectionCarriedOut(PARENT, DAY, "示例"),
                new org.dangjian.contracts.discipline.InspectionCarriedOut(PARENT, DAY, "示例")));
        EXAMPLES.put(org.dangjian.contracts.discipline.FindingRecorded.class, List.of(
                new org.dangjian.contracts.discipline.FindingRecorded(PARENT, 1, "示例", org.dangjian.contracts.discipline.FindingSeverity.MINOR, List.of("照片编号 2024-017")),
                new org.dangjian.contracts.discipline.FindingRecorded(PARENT, 1, "示例", org.dangjian.contracts.discipline.FindingSeverity.MINOR, null)));
        EXAMPLES.put(org.dangjian.contracts.discipline.RectificationRequired.class, List.of(
                new org.dangjian.contracts.discipline.RectificationRequired(PARENT, "示例", DAY, "示例"),
                new org.dangjian.contracts.discipline.RectificationRequired(PARENT, "示例", DAY, "示例")));
        EXAMPLES.put(org.dangjian.contracts.discipline.RectificationReported.class, List.of(
                new org.dangjian.contracts.discipline.RectificationReported(PARENT, DAY, "示例", List.of("照片编号 2024-017")),
                new org.dangjian.contracts.discipline.RectificationReported(PARENT, DAY, "示例", null)));
        EXAMPLES.put(org.dangjian.contracts.discipline.RectificationVerified.class, List.of(
                new org.dangjian.contracts.discipline.RectificationVerified(PARENT, DAY, true, "示例"),
                new org.dangjian.contracts.discipline.RectificationVerified(PARENT, DAY, true, "示例")));
        EXAMPLES.put(org.dangjian.contracts.discipline.InspectionClosed.class, List.of(
                new org.dangjian.contracts.discipline.InspectionClosed(PARENT, DAY, "示例"),
                new org.dangjian.contracts.discipline.InspectionClosed(PARENT, DAY, "示例")));
        EXAMPLES.put(org.dangjian.contracts.discipline.TalkHeld.class, List.of(
                new org.dangjian.contracts.discipline.TalkHeld(PARENT, org.dangjian.contracts.discipline.TalkKind.INTEGRITY_TALK, MEMBER, DAY, List.of("照片编号 2024-017"), "示例", "示例"),
                new org.dangjian.contracts.discipline.TalkHeld(PARENT, org.dangjian.contracts.discipline.TalkKind.INTEGRITY_TALK, MEMBER, DAY, List.of("照片编号 2024-017"), "示例", "示例")));
        EXAMPLES.put(org.dangjian.contracts.discipline.InquiryIssued.class, List.of(
                new org.dangjian.contracts.discipline.InquiryIssued(PARENT, MEMBER, DAY, "示例", DAY, "示例"),
                new org.dangjian.contracts.discipline.InquiryIssued(PARENT, MEMBER, DAY, "示例", DAY, "示例")));
        EXAMPLES.put(org.dangjian.contracts.discipline.InquiryAnswered.class, List.of(
                new org.dangjian.contracts.discipline.InquiryAnswered(PARENT, DAY, "示例"),
                new org.dangjian.contracts.discipline.InquiryAnswered(PARENT, DAY, "示例")));
        EXAMPLES.put(org.dangjian.contracts.discipline.TalkConcluded.class, List.of(
                new org.dangjian.contracts.discipline.TalkConcluded(PARENT, org.dangjian.contracts.discipline.TalkKind.INTEGRITY_TALK, DAY, "示例"),
                new org.dangjian.contracts.discipline.TalkConcluded(PARENT, org.dangjian.contracts.discipline.TalkKind.INTEGRITY_TALK, DAY, "示例")));
        EXAMPLES.put(org.dangjian.contracts.discipline.CaseOpened.class, List.of(
                new org.dangjian.contracts.discipline.CaseOpened(PARENT, org.dangjian.contracts.discipline.CaseType.ACCOUNTABILITY, MEMBER, "示例", "示例", DAY),
                new org.dangjian.contracts.discipline.CaseOpened(PARENT, org.dangjian.contracts.discipline.CaseType.ACCOUNTABILITY, MEMBER, "示例", "示例", DAY)));
        EXAMPLES.put(org.dangjian.contracts.discipline.MeasureProposed.class, List.of(
                new org.dangjian.contracts.discipline.MeasureProposed(PARENT, org.dangjian.contracts.discipline.Sanction.WARNING, org.dangjian.contracts.discipline.AccountabilityMeasure.NOTICE, "示例", DAY),
                new org.dangjian.contracts.discipline.MeasureProposed(PARENT, null, null, "示例", DAY)));
        EXAMPLES.put(org.dangjian.contracts.discipline.CaseDecided.class, List.of(
                new org.dangjian.contracts.discipline.CaseDecided(PARENT, org.dangjian.contracts.discipline.Sanction.WARNING, org.dangjian.contracts.discipline.AccountabilityMeasure.NOTICE, "示例", DAY, DAY, DAY, UNIT),
                new org.dangjian.contracts.discipline.CaseDecided(PARENT, null, null, "示例", DAY, DAY, null, null)));
        EXAMPLES.put(org.dangjian.contracts.discipline.CaseSanctionEnded.class, List.of(
                new org.dangjian.contracts.discipline.CaseSanctionEnded(PARENT, UNIT, DAY, "示例"),
                new org.dangjian.contracts.discipline.CaseSanctionEnded(PARENT, UNIT, DAY, "示例")));
        EXAMPLES.put(org.dangjian.contracts.discipline.SelectionSupervisionOpened.class, List.of(
                new org.dangjian.contracts.discipline.SelectionSupervisionOpened(PARENT, "示例", "示例", DAY, "示例"),
                new org.dangjian.contracts.discipline.SelectionSupervisionOpened(PARENT, "示例", "示例", DAY, null)));
        EXAMPLES.put(org.dangjian.contracts.discipline.SelectionStageChecked.class, List.of(
                new org.dangjian.contracts.discipline.SelectionStageChecked(PARENT, org.dangjian.contracts.discipline.SelectionStage.MOTION, DAY, true, "示例"),
                new org.dangjian.contracts.discipline.SelectionStageChecked(PARENT, org.dangjian.contracts.discipline.SelectionStage.MOTION, DAY, true, null)));
        EXAMPLES.put(org.dangjian.contracts.discipline.SelectionSupervisionConcluded.class, List.of(
                new org.dangjian.contracts.discipline.SelectionSupervisionConcluded(PARENT, DAY, true, "示例"),
                new org.dangjian.contracts.discipline.SelectionSupervisionConcluded(PARENT, DAY, true, "示例")));
        EXAMPLES.put(org.dangjian.contracts.discipline.RecordRead.class, List.of(
                new org.dangjian.contracts.discipline.RecordRead(PARENT, PARENT, org.dangjian.contracts.discipline.RecordKind.INSPECTION, org.dangjian.contracts.discipline.RecordView.DETAIL),
                new org.dangjian.contracts.discipline.RecordRead(PARENT, PARENT, org.dangjian.contracts.discipline.RecordKind.INSPECTION, org.dangjian.contracts.discipline.RecordView.DETAIL)));
    }

    static {
        String hash = "ab".repeat(32);
        java.time.Instant at = java.time.Instant.parse("2024-03-01T02:00:00Z");
        EXAMPLES.put(org.dangjian.contracts.audit.CheckpointSigned.class, List.of(
                new org.dangjian.contracts.audit.CheckpointSigned(1, at, 3, 12, hash, null, "dangjian-audit-checkpoint-v1\n", "c2ln", hash),
                new org.dangjian.contracts.audit.CheckpointSigned(2, at, 3, 14, hash, hash, "dangjian-audit-checkpoint-v1\n", "c2ln", hash)));
        EXAMPLES.put(org.dangjian.contracts.audit.VerificationCompleted.class, List.of(
                new org.dangjian.contracts.audit.VerificationCompleted(PARENT, null, null, at, 3, 12, 3, 0, 1L, List.of()),
                new org.dangjian.contracts.audit.VerificationCompleted(PARENT, "organisation", UNIT, at, 1, 4, 1, 0, null, List.of(
                        new org.dangjian.contracts.audit.IntegrityFinding("STORE_BEHIND", "organisation", UNIT, 3, "示例")))));
        EXAMPLES.put(org.dangjian.contracts.audit.ReplayStarted.class, List.of(
                new org.dangjian.contracts.audit.ReplayStarted(PARENT, null, null, 120),
                new org.dangjian.contracts.audit.ReplayStarted(PARENT, "organisation", UNIT, 120)));
        EXAMPLES.put(org.dangjian.contracts.audit.ReplayFinished.class, List.of(
                new org.dangjian.contracts.audit.ReplayFinished(PARENT, 120, 900, null, 30, true, 0, List.of()),
                new org.dangjian.contracts.audit.ReplayFinished(PARENT, 120, 900, 300L, 30, false, 1, List.of("示例"))));
    }

    static {
        String second = "00000000-0000-4000-8000-000000000002";
        List<CommitteeMember> committee = List.of(new CommitteeMember(MEMBER, "王建华", CommitteePosition.SECRETARY),
                new CommitteeMember(PARENT, "李明", CommitteePosition.DEPUTY_SECRETARY),
                new CommitteeMember(second, "张丽", CommitteePosition.COMMITTEE_MEMBER));
        EXAMPLES.put(BranchTermRecorded.class, List.of(
                new BranchTermRecorded(PARENT, UNIT, DAY, 3, DAY.plusYears(3), committee, "党委批复 2021-12"),
                new BranchTermRecorded(PARENT, UNIT, DAY, 5, DAY.plusYears(5), committee, null)));
        EXAMPLES.put(BranchElectionCalled.class, List.of(
                new BranchElectionCalled(PARENT, UNIT, DAY, DAY.plusDays(30), 3, 5, "支部委员会决定"),
                new BranchElectionCalled(PARENT, UNIT, DAY, DAY.plusDays(30), 5, 3, null)));
        EXAMPLES.put(BranchElectionHeld.class, List.of(
                new BranchElectionHeld(PARENT, UNIT, DAY, 25, 23, List.of(new ElectionCandidate(MEMBER, "王建华", 22, true),
                        new ElectionCandidate(PARENT, "李明", 20, true), new ElectionCandidate(second, "张丽", 19, true),
                        new ElectionCandidate(UNIT, "周建国", 5, false)), committee)));
        EXAMPLES.put(BranchElectionApproved.class, List.of(
                new BranchElectionApproved(PARENT, UNIT, DAY.plusDays(7), "中心党委", DAY, DAY.plusYears(3), "党委批复 2024-05"),
                new BranchElectionApproved(PARENT, UNIT, DAY.plusDays(7), "中心党委", DAY, DAY.plusYears(3), null)));
        EXAMPLES.put(AssessmentCriteriaPublished.class, List.of(
                new AssessmentCriteriaPublished(PARENT, "wuhua", 1, "支部“五化”建设考评", List.of("BRANCH"),
                        List.of(new AssessmentArea("ORGANISATION_SETUP", "组织设置标准化", 20, "支部设置、班子配备", null),
                                new AssessmentArea("ORGANISATIONAL_LIFE", "组织生活正常化", 20, null, "activities.compliance")),
                        List.of(new AssessmentGrade("EXCELLENT", "优秀", 36), new AssessmentGrade("GOOD", "良好", 30),
                                new AssessmentGrade("QUALIFIED", "合格", 24), new AssessmentGrade("UNQUALIFIED", "不合格", 0)),
                        null),
                new AssessmentCriteriaPublished(PARENT, "wuhao-banzi", 2, "“五好”班子评选", List.of("COMMITTEE", "GENERAL_BRANCH", "BRANCH"),
                        List.of(new AssessmentArea("POLITICS", "政治素质好", 20, null, null)),
                        List.of(new AssessmentGrade("EXCELLENT", "五好班子", 18), new AssessmentGrade("NONE", "未评上", 0)),
                        "2024 年标准修订")));
        EXAMPLES.put(UnitAssessmentOpened.class, List.of(
                new UnitAssessmentOpened(second, UNIT, 2024, PARENT, "wuhua", 1, "支部“五化”建设考评",
                        List.of(new AssessmentArea("ORGANISATION_SETUP", "组织设置标准化", 20, "支部设置、班子配备", null),
                                new AssessmentArea("ORGANISATIONAL_LIFE", "组织生活正常化", 20, null, "activities.compliance")),
                        List.of(new AssessmentGrade("EXCELLENT", "优秀", 36), new AssessmentGrade("UNQUALIFIED", "不合格", 0)),
                        DAY, List.of("王建华", "李明")),
                new UnitAssessmentOpened(second, UNIT, 2024, PARENT, "wuhao-banzi", 2, "“五好”班子评选",
                        List.of(new AssessmentArea("POLITICS", "政治素质好", 20, null, null)),
                        List.of(new AssessmentGrade("EXCELLENT", "五好班子", 18)), DAY, List.of())));
        EXAMPLES.put(UnitAssessmentScored.class, List.of(
                new UnitAssessmentScored(second, "ORGANISATION_SETUP", 18, 20, DAY, List.of("照片编号 2024-017"), "班子配备齐全", null),
                new UnitAssessmentScored(second, "ORGANISATIONAL_LIFE", 15, 20, DAY, List.of(), null,
                        List.of(new ComplianceFact(MEMBER, "PARTY_LESSON", "2024-Q1", 1, 1, true),
                                new ComplianceFact(PARENT, "BRANCH_GENERAL_MEETING", "2024-Q2", 1, 0, false)))));
        EXAMPLES.put(UnitAssessmentCorrected.class, List.of(
                new UnitAssessmentCorrected(second, "ORGANISATION_SETUP", 18, 19, 1, DAY, "计分有误", List.of("记录编号 7"), null, null),
                new UnitAssessmentCorrected(second, "ORGANISATION_SETUP", 18, 19, 3, DAY, "计分有误", List.of(), 37, "EXCELLENT")));
        EXAMPLES.put(UnitAssessmentConcluded.class, List.of(
                new UnitAssessmentConcluded(second, UNIT, 2024, "wuhua", 1, DAY, 33, 40, "GOOD", "良好", "组织生活有待加强")));
        List<PlanSection> sections = List.of(
                new PlanSection(1, "一", "始终坚持政治引领，不断提升党组织引领力", "全年重点抓好以下工作。",
                        List.of(new PlanItem(1, "1", "深入学习贯彻党的二十大精神。", "深入学习贯彻党的二十大精神。制定学习计划，开展专题研讨。"))),
                new PlanSection(2, "二", "始终坚持强基固本，不断提升党组织凝聚力", null,
                        List.of(new PlanItem(2, "1", "做好换届选举。", "做好换届选举。"), new PlanItem(3, "1", "推进五化建设。", "推进五化建设。"))));
        EXAMPLES.put(WorkPlanImported.class, List.of(
                new WorkPlanImported(PARENT, UNIT, 2022, "2022年党建工作要点", "2022年3月1日", List.of("为深入贯彻……，现提出如下要点。"), sections, 3,
                        "0123456789abcdef".repeat(4)),
                new WorkPlanImported(PARENT, UNIT, 2022, null, null, List.of(), sections, 3, "0123456789abcdef".repeat(4))));
        EXAMPLES.put(WorkTaskAssigned.class, List.of(
                new WorkTaskAssigned(MEMBER, PARENT, 2, null, "做好换届选举", "按期完成到期支部换届", UNIT, "第一党支部", "王建华", DAY,
                        DAY.plusMonths(3)),
                new WorkTaskAssigned(MEMBER, null, null, second, "落实三会一课", null, UNIT, "第一党支部", null, DAY, DAY.plusMonths(12))));
        EXAMPLES.put(WorkTaskProgressReported.class, List.of(
                new WorkTaskProgressReported(MEMBER, DAY, 40, "已召开支部委员会研究换届工作", List.of("会议纪要 2024-03")),
                new WorkTaskProgressReported(MEMBER, DAY, 100, "已完成", List.of())));
        EXAMPLES.put(WorkTaskReviewed.class, List.of(
                new WorkTaskReviewed(MEMBER, DAY, true, "按期完成"),
                new WorkTaskReviewed(MEMBER, DAY, false, "缺少选举结果批复")));
        EXAMPLES.put(ResponsibilityListDrawn.class, List.of(
                new ResponsibilityListDrawn(second, ResponsibilityListKind.RESPONSIBILITY, UNIT, 2024, "支部书记 王建华", "支部书记党建工作责任清单"),
                new ResponsibilityListDrawn(second, ResponsibilityListKind.TASK, UNIT, 2024, null, "第一党支部党建工作任务清单")));
        EXAMPLES.put(ResponsibilityEntryAdded.class, List.of(
                new ResponsibilityEntryAdded(second, 1, "履行党建工作第一责任人职责", "党建工作责任制实施办法"),
                new ResponsibilityEntryAdded(second, 2, "每年至少讲一次党课", null)));
        EXAMPLES.put(SecretaryReportSubmitted.class, List.of(
                new SecretaryReportSubmitted(second, UNIT, 2024, MEMBER, "王建华", DAY, "述党建：……", "述业务：……"),
                new SecretaryReportSubmitted(second, UNIT, 2024, null, "王建华", DAY, "述党建：……", "述业务：……")));
        EXAMPLES.put(SecretaryReportEvaluated.class, List.of(
                new SecretaryReportEvaluated(second, "李明", "党委委员", ReportRating.EXCELLENT, ReportRating.GOOD, "成效明显", DAY),
                new SecretaryReportEvaluated(second, "张丽", null, ReportRating.FAIR, ReportRating.POOR, null, DAY)));
        EXAMPLES.put(SecretaryReportConcluded.class, List.of(
                new SecretaryReportConcluded(second, UNIT, 2024, DAY, 2, ReportRating.GOOD, ReportRating.FAIR, "较好")));
        String subscription = "6a1f3c2e-7b4d-4e8f-9a0b-1c2d3e4f5a6b";
        List<String> types = List.of("org.dangjian.members.MemberAdmittedAsProbationary.v1", "org.dangjian.members.MemberConfirmedAsFullMember.v1");
        EXAMPLES.put(org.dangjian.contracts.subscriptions.SubscriptionRequested.class, List.of(
                new org.dangjian.contracts.subscriptions.SubscriptionRequested(subscription, "renshi-department", "人事部门", types, UNIT,
                        List.of(org.dangjian.contracts.PersonalData.Kind.NAME), org.dangjian.contracts.subscriptions.DeliveryChannel.WEBHOOK,
                        "https://renshi.example.gov.cn/dangjian/events", "干部人事档案"),
                new org.dangjian.contracts.subscriptions.SubscriptionRequested(subscription, "renshi-department", null, types, null, List.of(),
                        org.dangjian.contracts.subscriptions.DeliveryChannel.SSE, null, "干部人事档案")));
        EXAMPLES.put(org.dangjian.contracts.subscriptions.SubscriptionGranted.class, List.of(
                new org.dangjian.contracts.subscriptions.SubscriptionGranted(subscription, types.subList(0, 1),
                        List.of(org.dangjian.contracts.PersonalData.Kind.NAME), false, 1234, "经党委会研究同意")));
        EXAMPLES.put(org.dangjian.contracts.subscriptions.SubscriptionRefused.class, List.of(
                new org.dangjian.contracts.subscriptions.SubscriptionRefused(subscription, "申请用途不明确")));
        EXAMPLES.put(org.dangjian.contracts.subscriptions.SubscriptionGrantChanged.class, List.of(
                new org.dangjian.contracts.subscriptions.SubscriptionGrantChanged(subscription, types, List.of(), "扩大至转正事件，不含个人信息")));
        EXAMPLES.put(org.dangjian.contracts.subscriptions.SubscriptionRevoked.class, List.of(
                new org.dangjian.contracts.subscriptions.SubscriptionRevoked(subscription, "停止共享")));
    }

    /** Every published type of every service (found by PublishedLanguage, so a new service's types are asked for here). */
    private static final List<Class<? extends Record>> ALL = PublishedLanguage.events();

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyPublishedEventSerialisesToJsonItsSchemaAccepts() {
        assertThat(EXAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(ALL);
        EXAMPLES.forEach((type, examples) -> {
            JsonSchema schema = schemaFor(type);
            for (Record example : examples) {
                Set<ValidationMessage> errors = schema.validate(json.writeValueAsString(example), InputFormat.JSON);
                assertThat(errors).as("%s as %s", example, EventTypes.of(type)).isEmpty();
            }
        });
    }

    @Test
    void absentOptionalFieldsAreLeftOutOfTheJsonRatherThanWrittenAsNull() {
        String written = json.writeValueAsString(new OrganisationUnitDissolved(UNIT, null));
        assertThat(written).isEqualTo("{\"unitId\":\"" + UNIT + "\"}");
    }

    @Test
    void schemasRefuseWhatTheContractForbids() {
        JsonSchema established = schemaFor(OrganisationUnitEstablished.class);
        assertThat(established.validate("{\"unitId\":\"" + UNIT + "\",\"kind\":\"MASS_ORGANISATION\",\"name\":\"工会\",\"parentId\":\""
                + PARENT + "\"}", InputFormat.JSON)).as("a mass organisation needs its type").isNotEmpty();
        assertThat(established.validate("{\"unitId\":\"" + UNIT + "\",\"kind\":\"BRANCH\",\"name\":\"第一党支部\"}", InputFormat.JSON))
                .as("a branch needs a parent").isNotEmpty();
        assertThat(established.validate("{\"unitId\":\"" + UNIT + "\",\"kind\":\"TEAM\",\"name\":\"x\",\"parentId\":\"" + PARENT + "\"}",
                InputFormat.JSON)).as("unknown kinds are refused").isNotEmpty();
        assertThat(schemaFor(OrganisationUnitRenamed.class).validate("{\"unitId\":\"" + UNIT + "\",\"name\":\"x\",\"extra\":1}",
                InputFormat.JSON)).as("unknown fields and missing required ones are refused").isNotEmpty();
        assertThat(schemaFor(OrganisationUnitSubordinateAttached.class).validate("{\"unitId\":\"" + PARENT + "\",\"subordinateId\":\""
                + UNIT + "\"}", InputFormat.JSON)).as("the subordinate's kind is required").isNotEmpty();
        String transfer = "{\"memberId\":\"" + MEMBER + "\",\"transfer\":1,\"fromBranchId\":\"" + UNIT + "\",\"date\":\"2024-03-01\"";
        assertThat(schemaFor(MemberTransferInitiated.class).validate(transfer + ",\"toBranchId\":\"" + PARENT
                + "\",\"toOrganisation\":\"某局机关党委\"}", InputFormat.JSON)).as("a transfer goes to a branch or outside, not both").isNotEmpty();
        assertThat(schemaFor(MemberTransferInitiated.class).validate(transfer + "}", InputFormat.JSON))
                .as("a transfer goes somewhere").isNotEmpty();
        assertThat(schemaFor(MemberTransferCancelled.class).validate(transfer + ",\"toBranchId\":\"" + PARENT
                + "\",\"cancellation\":\"WITHDRAWN\"}", InputFormat.JSON)).as("a cancellation names its reason").isNotEmpty();
    }

    @Test
    void typeNamesAreStableVersionedAndUniqueWithOneSchemaFileEach() throws IOException, URISyntaxException {
        Set<String> types = ALL.stream().map(EventTypes::of).collect(Collectors.toSet());
        assertThat(types).hasSize(ALL.size())
                .allMatch(t -> t.matches("org\\.dangjian\\.[a-z]+\\.[A-Z][A-Za-z]+\\.v[1-9][0-9]*"), "org.dangjian.<service>.<Event>.v<n>");
        Path dir = Path.of(getClass().getResource("/schemas").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            Set<String> schemaTypes = files.map(f -> f.getFileName().toString().replaceFirst("\\.json$", "")).collect(Collectors.toSet());
            assertThat(schemaTypes).containsExactlyInAnyOrderElementsOf(types);
        }
        for (Class<? extends Record> type : ALL) {
            assertThat(json.readTree(resource(type)).get("$id").asString()).isEqualTo("urn:dangjian:schema:" + EventTypes.of(type));
        }
    }

    @Test
    void pointsAndActivitySchemasRefuseWhatTheContractForbids() {
        String points = "{\"memberId\":\"" + MEMBER + "\",\"year\":2024,\"rule\":\"MERIT\",\"rulesVersion\":\"2022.1\","
                + "\"date\":\"2024-03-01\",\"reason\":\"x\",\"points\":";
        assertThat(schemaFor(MemberPointsRecorded.class).validate(points + "0}", InputFormat.JSON)).as("no entry of 0 points").isNotEmpty();
        assertThat(schemaFor(MemberPointsRecorded.class).validate(points + "5}", InputFormat.JSON)).isEmpty();
        assertThat(schemaFor(VolunteerServiceRecorded.class).validate("{\"serviceId\":\"" + UNIT + "\",\"kind\":\"ERRAND\",\"memberId\":\""
                + MEMBER + "\",\"hours\":1.25,\"date\":\"2024-03-01\"}", InputFormat.JSON)).as("hours in steps of 0.5").isNotEmpty();
        String compliance = "{\"complianceId\":\"" + PARENT + "\",\"branchId\":\"" + UNIT + "\",\"kind\":\"PARTY_LESSON\","
                + "\"rulesVersion\":\"2022.1\",\"required\":1,\"held\":0,\"met\":false,\"heldActivityIds\":[],\"period\":";
        JsonSchema concluded = schemaFor(org.dangjian.contracts.activities.ComplianceConcluded.class);
        assertThat(concluded.validate(compliance + "\"2024-Q1\"}", InputFormat.JSON)).isEmpty();
        assertThat(concluded.validate(compliance + "\"2024-13\"}", InputFormat.JSON)).as("a month is 01 to 12").isNotEmpty();
        assertThat(concluded.validate(compliance + "\"2024-Q5\"}", InputFormat.JSON)).as("a quarter is Q1 to Q4").isNotEmpty();
    }

    @Test
    void organisationRecordSchemasRefuseWhatTheContractForbids() {
        String called = "{\"termId\":\"" + PARENT + "\",\"unitId\":\"" + UNIT + "\",\"calledOn\":\"2024-03-01\","
                + "\"electionDate\":\"2024-04-01\",";
        JsonSchema election = schemaFor(BranchElectionCalled.class);
        assertThat(election.validate(called + "\"termYears\":3,\"seats\":5}", InputFormat.JSON)).isEmpty();
        assertThat(election.validate(called + "\"termYears\":4,\"seats\":5}", InputFormat.JSON)).as("a term is 3 or 5 years").isNotEmpty();
        assertThat(election.validate(called + "\"termYears\":3,\"seats\":10}", InputFormat.JSON)).as("3 to 9 seats").isNotEmpty();
        String progress = "{\"taskId\":\"" + MEMBER + "\",\"date\":\"2024-03-01\",\"report\":\"x\",\"evidence\":[],\"percent\":";
        assertThat(schemaFor(WorkTaskProgressReported.class).validate(progress + "101}", InputFormat.JSON)).as("0 to 100").isNotEmpty();
        String corrected = "{\"assessmentId\":\"" + PARENT + "\",\"areaCode\":\"ORGANISATIONAL_LIFE\",\"previousScore\":15,\"score\":16,"
                + "\"correctsSequence\":2,\"date\":\"2024-03-01\",\"reason\":\"x\",\"evidence\":[]";
        JsonSchema correction = schemaFor(UnitAssessmentCorrected.class);
        assertThat(correction.validate(corrected + ",\"total\":36,\"grade\":\"EXCELLENT\"}", InputFormat.JSON)).isEmpty();
        assertThat(correction.validate(corrected + ",\"total\":36}", InputFormat.JSON)).as("a new total comes with its grade").isNotEmpty();
        String task = "{\"taskId\":\"" + MEMBER + "\",\"title\":\"x\",\"ownerUnitId\":\"" + UNIT + "\",\"ownerUnitName\":\"x\","
                + "\"assignedOn\":\"2024-03-01\",\"deadline\":\"2024-06-30\",\"planId\":\"" + PARENT + "\"}";
        assertThat(schemaFor(WorkTaskAssigned.class).validate(task, InputFormat.JSON)).as("a plan's task names its item").isNotEmpty();
        String plan = "{\"planId\":\"" + PARENT + "\",\"unitId\":\"" + UNIT + "\",\"year\":2022,\"preamble\":[],\"sections\":[{\"position\":1,"
                + "\"no\":\"一\",\"title\":\"x\",\"items\":[]}],\"itemCount\":0,\"fingerprint\":\"";
        assertThat(schemaFor(WorkPlanImported.class).validate(plan + "ab".repeat(32) + "\"}", InputFormat.JSON)).isEmpty();
        assertThat(schemaFor(WorkPlanImported.class).validate(plan + "AB".repeat(32) + "\"}", InputFormat.JSON))
                .as("a fingerprint is 64 lower-case hex digits").isNotEmpty();
        String rating = "{\"reportId\":\"" + PARENT + "\",\"evaluator\":\"x\",\"date\":\"2024-03-01\",\"businessWorkRating\":\"GOOD\","
                + "\"partyWorkRating\":\"VERY_GOOD\"}";
        assertThat(schemaFor(SecretaryReportEvaluated.class).validate(rating, InputFormat.JSON)).as("unknown ratings").isNotEmpty();
    }

    @Test
    void memberSchemasRefuseWhatTheContractForbids() {
        JsonSchema applied = schemaFor(MembershipApplicationReceived.class);
        assertThat(applied.validate("{\"memberId\":\"" + MEMBER + "\",\"name\":\"x\",\"gender\":\"MALE\",\"birthDate\":\"1990-01-01\","
                + "\"idCardNumber\":\"12345\",\"branchId\":\"" + UNIT + "\",\"applicationDate\":\"2024-03-01\"}", InputFormat.JSON))
                .as("an ID-card number has 18 characters").isNotEmpty();
        assertThat(schemaFor(MemberPoliticalReviewConcluded.class).validate("{\"memberId\":\"" + MEMBER + "\",\"date\":\"2024-03-01\","
                + "\"conclusion\":\"MAYBE\",\"decidingBody\":\"PARTY_COMMITTEE\"}", InputFormat.JSON)).as("unknown conclusions").isNotEmpty();
        assertThat(schemaFor(MemberDesignatedActivist.class).validate("{\"memberId\":\"" + MEMBER + "\",\"date\":\"2024-02-30\","
                + "\"decidingBody\":\"BRANCH_COMMITTEE\"}", InputFormat.JSON)).as("a day that does not exist").isNotEmpty();
    }

    private static JsonSchema schemaFor(Class<?> type) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(resource(type), config);
    }

    private static InputStream resource(Class<?> type) {
        InputStream in = PublishedEventSchemasTest.class.getResourceAsStream("/schemas/" + EventTypes.of(type) + ".json");
        assertThat(in).as("schema of " + EventTypes.of(type)).isNotNull();
        return in;
    }
}
