package org.dangjian.members.command;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.dangjian.contracts.discipline.Sanction;
import org.dangjian.contracts.members.CadreAssessmentResult;
import org.dangjian.contracts.members.CadrePoliticalAssessmentConcluded;
import org.dangjian.contracts.members.CadrePoliticalAssessmentOpened;
import org.dangjian.contracts.members.CadrePoliticalAssessmentVetoed;
import org.dangjian.contracts.members.DecidingBody;
import org.dangjian.contracts.members.MemberSanctionRecorded;
import org.dangjian.contracts.members.Gender;
import org.dangjian.contracts.members.MemberAdmittedAsProbationary;
import org.dangjian.contracts.members.MemberConfirmedAsFullMember;
import org.dangjian.contracts.members.MemberDesignatedActivist;
import org.dangjian.contracts.members.MemberDesignatedDevelopmentObject;
import org.dangjian.contracts.members.MemberPoliticalReviewConcluded;
import org.dangjian.contracts.members.MemberProbationCancelled;
import org.dangjian.contracts.members.CareKind;
import org.dangjian.contracts.members.CareReason;
import org.dangjian.contracts.members.MemberCareRecorded;
import org.dangjian.contracts.members.MemberDuesBaseSet;
import org.dangjian.contracts.members.MemberTrainingRecorded;
import org.dangjian.contracts.members.PartyAffairsCadreQualified;
import org.dangjian.contracts.members.MemberDuesPaid;
import org.dangjian.contracts.members.MemberPointsRecorded;
import org.dangjian.contracts.members.MemberProbationExtended;
import org.dangjian.contracts.members.MemberTransferCancelled;
import org.dangjian.contracts.members.MemberTransferConfirmed;
import org.dangjian.contracts.members.MemberTransferInitiated;
import org.dangjian.contracts.members.MemberTransferReceived;
import org.dangjian.contracts.members.MembershipApplicationReceived;
import org.dangjian.contracts.members.TransferCancellation;
import org.dangjian.contracts.members.PoliticalReviewConclusion;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.security.BranchScope;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every command handler of a member record: what it records, each rule it keeps, at each rule's boundary (exactly 18
 * years, exactly the activist period, the probation's last day), and its refusals. Today is 2026-11-28 (Asia/Shanghai).
 */
class MemberTest {

    static final String ID = "5b0c7a2e-8d1f-4c3a-9e6b-2f4d8a1c0e37";
    static final MemberId MEMBER = new MemberId(ID);
    static final String BRANCH = "00000000-0000-4000-8000-000000000011";
    static final String OTHER_BRANCH = "00000000-0000-4000-8000-000000000012";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T04:00:00Z"), ZoneOffset.UTC);
    static final BranchScope STAFF = BranchScope.ALL;
    static final BranchScope SECRETARY = BranchScope.branch(BRANCH);
    static final BranchScope OTHER_SECRETARY = BranchScope.branch(OTHER_BRANCH);

    static final LocalDate APPLIED = LocalDate.of(2024, 1, 10);
    static final LocalDate ACTIVIST = LocalDate.of(2024, 2, 1);
    static final LocalDate DEVELOPMENT = LocalDate.of(2024, 8, 1);
    static final LocalDate REVIEWED = LocalDate.of(2024, 9, 1);
    static final LocalDate MEETING = LocalDate.of(2024, 10, 8);
    static final LocalDate APPROVED = LocalDate.of(2024, 10, 15);
    static final LocalDate PROBATION_END = LocalDate.of(2025, 10, 8);

    private FixtureConfiguration<Member> fixture;

    /** The service's own rule set (points-rules.json), and a second version from 2026-07-01 that pays 3 for attendance. */
    static final PointsRules POINTS;

    static {
        try (java.io.InputStream in = MemberTest.class.getResourceAsStream("/points-rules.json")) {
            PointsRules shipped = PointsRules.read(in);
            PointsRules.Version first = shipped.versions().get(0);
            java.util.Map<String, PointsRules.Rule> raised = new java.util.LinkedHashMap<>(first.rules());
            raised.put("ATTENDANCE_PRESENT", new PointsRules.Rule("参加组织生活", "Attended", 3, null, null, null));
            POINTS = new PointsRules(java.util.List.of(first, new PointsRules.Version("2026.1", LocalDate.of(2026, 7, 1), raised, first.stars())));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void setUp() {
        fixture(MembershipRules.defaults(CLOCK));
    }

    private void fixture(MembershipRules rules) {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerAnnotatedCommandHandler(new MemberCommandHandlers(fixture.getRepository(), unclaimedNames(), rules, POINTS,
                QualificationRules.defaults()));
    }

    /** A refusal with this code. */
    static Matcher<RuleViolation> code(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return violation.code().equals(code);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolation " + code);
            }
        };
    }

    static RecordApplicationCommand application(LocalDate birthDate, String idCardNumber, LocalDate applied, BranchScope scope) {
        return new RecordApplicationCommand(MEMBER, "林晓雯", Gender.FEMALE, birthDate, idCardNumber, "13800135678", "北京市朝阳区示例路 1 号",
                BRANCH, applied, "linxiaowen", "入党申请书", scope);
    }

    static RecordApplicationCommand application(BranchScope scope) {
        return application(LocalDate.of(1995, 6, 14), "110105199506140021", APPLIED, scope);
    }

    static MembershipApplicationReceived applied() {
        return new MembershipApplicationReceived(ID, "林晓雯", Gender.FEMALE, LocalDate.of(1995, 6, 14), "110105199506140021", "13800135678",
                "北京市朝阳区示例路 1 号", BRANCH, APPLIED, "linxiaowen", "入党申请书");
    }

    static Object[] asActivist() {
        return new Object[] {applied(), new MemberDesignatedActivist(ID, ACTIVIST, DecidingBody.BRANCH_COMMITTEE, null)};
    }

    static Object[] asDevelopmentObject() {
        return new Object[] {applied(), new MemberDesignatedActivist(ID, ACTIVIST, DecidingBody.BRANCH_COMMITTEE, null),
                new MemberDesignatedDevelopmentObject(ID, DEVELOPMENT, DecidingBody.BRANCH_COMMITTEE, null)};
    }

    static Object[] reviewed(PoliticalReviewConclusion conclusion) {
        return new Object[] {applied(), new MemberDesignatedActivist(ID, ACTIVIST, DecidingBody.BRANCH_COMMITTEE, null),
                new MemberDesignatedDevelopmentObject(ID, DEVELOPMENT, DecidingBody.BRANCH_COMMITTEE, null),
                new MemberPoliticalReviewConcluded(ID, REVIEWED, conclusion, DecidingBody.PARTY_COMMITTEE, null)};
    }

    static Object[] probationary() {
        return new Object[] {applied(), new MemberDesignatedActivist(ID, ACTIVIST, DecidingBody.BRANCH_COMMITTEE, null),
                new MemberDesignatedDevelopmentObject(ID, DEVELOPMENT, DecidingBody.BRANCH_COMMITTEE, null),
                new MemberPoliticalReviewConcluded(ID, REVIEWED, PoliticalReviewConclusion.PASSED, DecidingBody.PARTY_COMMITTEE, null),
                new MemberAdmittedAsProbationary(ID, MEETING, APPROVED, PROBATION_END, null)};
    }

    private ResultValidator<Member> when(Object[] history, Object command) {
        return fixture.given(history).when(command);
    }

    /** Login names none of which is claimed yet (the claims' own rules: {@link LoginNameTest}). */
    @SuppressWarnings("unchecked")
    static org.axonframework.modelling.command.Repository<LoginName> unclaimedNames() {
        org.axonframework.modelling.command.Repository<LoginName> names = org.mockito.Mockito.mock(org.axonframework.modelling.command.Repository.class);
        org.mockito.Mockito.when(names.load(org.mockito.ArgumentMatchers.anyString()))
                .thenThrow(new org.axonframework.modelling.command.AggregateNotFoundException("login", "not claimed"));
        return names;
    }

    /** 关联登录账号, 解除账号关联. */
    @Nested
    class LinkingAnAccount {

        @Test
        void committeeStaffLinkARecordToALoginNameReplacingTheOneBefore() {
            when(new Object[] {applied()}, new LinkAccountCommand(MEMBER, "lin.xiaowen", "本人申请", STAFF))
                    .expectEvents(new org.dangjian.contracts.members.MemberAccountLinked(ID, "lin.xiaowen", "本人申请"));
        }

        @Test
        void theSameNameTwiceAnInvalidNameAndAnotherBranchAreRefused() {
            when(new Object[] {applied()}, new LinkAccountCommand(MEMBER, "LinXiaowen", null, STAFF))
                    .expectException(code("ACCOUNT_ALREADY_LINKED")).expectNoEvents();
            when(new Object[] {applied()}, new LinkAccountCommand(MEMBER, "lin xiaowen", null, STAFF)).expectException(code("INVALID_USERNAME"));
            when(new Object[] {applied()}, new LinkAccountCommand(MEMBER, "lin.xiaowen", null, OTHER_SECRETARY))
                    .expectException(code("MEMBER_NOT_FOUND"));
        }

        @Test
        void anUnlinkNamesItsReasonAndNeedsALink() {
            when(new Object[] {applied()}, new UnlinkAccountCommand(MEMBER, "本人已调离", STAFF))
                    .expectEvents(new org.dangjian.contracts.members.MemberAccountUnlinked(ID, "linxiaowen", "本人已调离"));
            when(new Object[] {applied()}, new UnlinkAccountCommand(MEMBER, " ", STAFF)).expectException(code("REASON_REQUIRED"));
            Object[] unlinked = append(new Object[] {applied()}, new org.dangjian.contracts.members.MemberAccountUnlinked(ID, "linxiaowen", "调离"));
            when(unlinked, new UnlinkAccountCommand(MEMBER, "再次解除", STAFF)).expectException(code("NO_ACCOUNT_LINKED"));
            when(unlinked, new LinkAccountCommand(MEMBER, "linxiaowen", null, STAFF))
                    .expectEvents(new org.dangjian.contracts.members.MemberAccountLinked(ID, "linxiaowen", null));
        }
    }

    @Nested
    class Applying {

        @Test
        void anApplicationIsRecordedWithThePersonAndTheBranch() {
            fixture.givenNoPriorActivity().when(application(STAFF)).expectSuccessfulHandlerExecution().expectEvents(applied());
        }

        @Test
        void aBranchSecretaryRecordsApplicationsToHisOwnBranch() {
            fixture.givenNoPriorActivity().when(application(SECRETARY)).expectEvents(applied());
        }

        @Test
        void aBranchSecretaryOfAnotherBranchIsToldTheBranchIsNotFound() {
            fixture.givenNoPriorActivity().when(application(OTHER_SECRETARY)).expectException(code("BRANCH_NOT_FOUND")).expectNoEvents();
            fixture.givenNoPriorActivity().when(application(BranchScope.branch(null))).expectException(code("BRANCH_NOT_FOUND"));
        }

        @Test
        void anApplicantWhoTurns18OnTheApplicationDateIsAccepted() {
            fixture.givenNoPriorActivity().when(application(LocalDate.of(2006, 1, 10), "110105200601100015", APPLIED, STAFF))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void anApplicantOneDayShortOf18IsRefused() {
            fixture.givenNoPriorActivity().when(application(LocalDate.of(2006, 1, 11), "110105200601110010", APPLIED, STAFF))
                    .expectException(code("APPLICANT_UNDER_18")).expectNoEvents();
        }

        @Test
        void anIdCardNumberWithAWrongCheckDigitIsRefused() {
            fixture.givenNoPriorActivity().when(application(LocalDate.of(1995, 6, 14), "110105199506140022", APPLIED, STAFF))
                    .expectException(code("INVALID_ID_CARD_NUMBER"));
        }

        @Test
        void anIdCardNumberHoldingAnotherBirthDateIsRefused() {
            fixture.givenNoPriorActivity().when(application(LocalDate.of(1995, 6, 15), "110105199506140021", APPLIED, STAFF))
                    .expectException(code("INVALID_ID_CARD_NUMBER"));
        }

        @Test
        void anApplicationDatedTodayIsAcceptedButTomorrowIsRefused() {
            fixture.givenNoPriorActivity().when(application(LocalDate.of(1995, 6, 14), "110105199506140021", TODAY, STAFF))
                    .expectSuccessfulHandlerExecution();
            fixture.givenNoPriorActivity().when(application(LocalDate.of(1995, 6, 14), "110105199506140021", TODAY.plusDays(1), STAFF))
                    .expectException(code("DATE_IN_FUTURE"));
        }

        @Test
        void aNameThatBreaksTheTextRuleIsRefused() {
            fixture.givenNoPriorActivity().when(new RecordApplicationCommand(MEMBER, "林\u202E晓雯", Gender.FEMALE, LocalDate.of(1995, 6, 14),
                    "110105199506140021", null, null, BRANCH, APPLIED, null, null, STAFF)).expectException(code("INVALID_NAME"));
        }
    }

    @Nested
    class DesignatingAnActivist {

        @Test
        void theBranchCommitteeDesignatesAnApplicantAnActivist() {
            fixture.given(applied()).when(new DesignateActivistCommand(MEMBER, ACTIVIST, "支部委员会会议纪要", SECRETARY))
                    .expectEvents(new MemberDesignatedActivist(ID, ACTIVIST, DecidingBody.BRANCH_COMMITTEE, "支部委员会会议纪要"));
        }

        @Test
        void onTheApplicationDayItselfIsFineButNotBefore() {
            fixture.given(applied()).when(new DesignateActivistCommand(MEMBER, APPLIED, null, STAFF)).expectSuccessfulHandlerExecution();
            fixture.given(applied()).when(new DesignateActivistCommand(MEMBER, APPLIED.minusDays(1), null, STAFF))
                    .expectException(code("DATE_BEFORE_PREVIOUS_STEP"));
        }

        @Test
        void aDateInTheFutureIsRefused() {
            fixture.given(applied()).when(new DesignateActivistCommand(MEMBER, TODAY.plusDays(1), null, STAFF))
                    .expectException(code("DATE_IN_FUTURE"));
        }

        @Test
        void aSecretaryOfAnotherBranchDoesNotFindTheMember() {
            fixture.given(applied()).when(new DesignateActivistCommand(MEMBER, ACTIVIST, null, OTHER_SECRETARY))
                    .expectException(code("MEMBER_NOT_FOUND")).expectNoEvents();
        }

        @Test
        void anActivistIsNotDesignatedTwice() {
            when(asActivist(), new DesignateActivistCommand(MEMBER, ACTIVIST, null, STAFF)).expectException(code("STEP_OUT_OF_ORDER"));
        }
    }

    @Nested
    class DesignatingADevelopmentObject {

        @Test
        void exactlySixMonthsAfterTheActivistDateIsEnough() {
            when(asActivist(), new DesignateDevelopmentObjectCommand(MEMBER, ACTIVIST.plusMonths(6), "培养考察合格", STAFF))
                    .expectEvents(new MemberDesignatedDevelopmentObject(ID, ACTIVIST.plusMonths(6), DecidingBody.BRANCH_COMMITTEE, "培养考察合格"));
        }

        @Test
        void oneDayShortOfSixMonthsIsRefused() {
            when(asActivist(), new DesignateDevelopmentObjectCommand(MEMBER, ACTIVIST.plusMonths(6).minusDays(1), null, STAFF))
                    .expectException(code("ACTIVIST_PERIOD_NOT_COMPLETED")).expectNoEvents();
        }

        @Test
        void aCommitteeThatKeepsToTheOneYearOfThe2014RulesConfiguresIt() {
            fixture(new MembershipRules(Period.ofMonths(12), Period.ofYears(1), 6, 12, MembershipRules.DEFAULT_ZONE, CLOCK));
            when(asActivist(), new DesignateDevelopmentObjectCommand(MEMBER, ACTIVIST.plusMonths(6), null, STAFF))
                    .expectException(code("ACTIVIST_PERIOD_NOT_COMPLETED"));
            fixture(new MembershipRules(Period.ofMonths(12), Period.ofYears(1), 6, 12, MembershipRules.DEFAULT_ZONE, CLOCK));
            when(asActivist(), new DesignateDevelopmentObjectCommand(MEMBER, ACTIVIST.plusMonths(12), null, STAFF))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void anApplicantIsNotMadeADevelopmentObjectWithoutBeingAnActivist() {
            fixture.given(applied()).when(new DesignateDevelopmentObjectCommand(MEMBER, DEVELOPMENT, null, STAFF))
                    .expectException(code("STEP_OUT_OF_ORDER"));
        }

        @Test
        void aSecretaryOfAnotherBranchDoesNotFindTheMember() {
            when(asActivist(), new DesignateDevelopmentObjectCommand(MEMBER, DEVELOPMENT, null, OTHER_SECRETARY))
                    .expectException(code("MEMBER_NOT_FOUND"));
        }
    }

    @Nested
    class ConcludingThePoliticalReview {

        @Test
        void aPassedReviewIsRecorded() {
            when(asDevelopmentObject(), new ConcludePoliticalReviewCommand(MEMBER, REVIEWED, PoliticalReviewConclusion.PASSED, "政审报告", SECRETARY))
                    .expectEvents(new MemberPoliticalReviewConcluded(ID, REVIEWED, PoliticalReviewConclusion.PASSED, DecidingBody.PARTY_COMMITTEE,
                            "政审报告"));
        }

        @Test
        void aReviewNotPassedMayBeFollowedByAnother() {
            when(reviewed(PoliticalReviewConclusion.NOT_PASSED),
                    new ConcludePoliticalReviewCommand(MEMBER, REVIEWED.plusMonths(1), PoliticalReviewConclusion.PASSED, null, STAFF))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aPassedReviewIsNotConcludedAgain() {
            when(reviewed(PoliticalReviewConclusion.PASSED),
                    new ConcludePoliticalReviewCommand(MEMBER, REVIEWED, PoliticalReviewConclusion.PASSED, null, STAFF))
                    .expectException(code("STEP_OUT_OF_ORDER"));
        }

        @Test
        void anActivistIsNotReviewed() {
            when(asActivist(), new ConcludePoliticalReviewCommand(MEMBER, REVIEWED, PoliticalReviewConclusion.PASSED, null, STAFF))
                    .expectException(code("STEP_OUT_OF_ORDER"));
        }

        @Test
        void aReviewDatedBeforeTheDevelopmentObjectDateIsRefused() {
            when(asDevelopmentObject(), new ConcludePoliticalReviewCommand(MEMBER, DEVELOPMENT.minusDays(1), PoliticalReviewConclusion.PASSED,
                    null, STAFF)).expectException(code("DATE_BEFORE_PREVIOUS_STEP"));
        }
    }

    @Nested
    class Admitting {

        @Test
        void afterAPassedReviewTheMeetingAdmitsAndTheCommitteeApprovesAndTheProbationRunsAYearFromTheMeeting() {
            when(reviewed(PoliticalReviewConclusion.PASSED), new AdmitProbationaryMemberCommand(MEMBER, MEETING, APPROVED, "支部党员大会决议", STAFF))
                    .expectEvents(new MemberAdmittedAsProbationary(ID, MEETING, APPROVED, PROBATION_END, "支部党员大会决议"));
        }

        @Test
        void theCommitteeMayApproveOnTheMeetingsDayButNotBefore() {
            when(reviewed(PoliticalReviewConclusion.PASSED), new AdmitProbationaryMemberCommand(MEMBER, MEETING, MEETING, null, STAFF))
                    .expectSuccessfulHandlerExecution();
            when(reviewed(PoliticalReviewConclusion.PASSED), new AdmitProbationaryMemberCommand(MEMBER, MEETING, MEETING.minusDays(1), null, STAFF))
                    .expectException(code("APPROVAL_BEFORE_BRANCH_MEETING"));
        }

        @Test
        void withoutAPassedReviewNobodyIsAdmitted() {
            when(reviewed(PoliticalReviewConclusion.NOT_PASSED), new AdmitProbationaryMemberCommand(MEMBER, MEETING, APPROVED, null, STAFF))
                    .expectException(code("POLITICAL_REVIEW_NOT_PASSED"));
            when(asDevelopmentObject(), new AdmitProbationaryMemberCommand(MEMBER, MEETING, APPROVED, null, STAFF))
                    .expectException(code("POLITICAL_REVIEW_NOT_PASSED"));
        }

        @Test
        void anActivistIsNotAdmitted() {
            when(asActivist(), new AdmitProbationaryMemberCommand(MEMBER, MEETING, APPROVED, null, STAFF)).expectException(code("STEP_OUT_OF_ORDER"));
        }

        @Test
        void aMeetingBeforeTheReviewOrAnApprovalInTheFutureIsRefused() {
            when(reviewed(PoliticalReviewConclusion.PASSED), new AdmitProbationaryMemberCommand(MEMBER, REVIEWED.minusDays(1), APPROVED, null, STAFF))
                    .expectException(code("DATE_BEFORE_PREVIOUS_STEP"));
            when(reviewed(PoliticalReviewConclusion.PASSED), new AdmitProbationaryMemberCommand(MEMBER, MEETING, TODAY.plusDays(1), null, STAFF))
                    .expectException(code("DATE_IN_FUTURE"));
        }
    }

    @Nested
    class ConfirmingAFullMember {

        @Test
        void onTheProbationsLastDayTheMeetingMayConfirm() {
            when(probationary(), new ConfirmFullMemberCommand(MEMBER, PROBATION_END, PROBATION_END.plusDays(7), "转正决议", STAFF))
                    .expectEvents(new MemberConfirmedAsFullMember(ID, PROBATION_END, PROBATION_END.plusDays(7), "转正决议"));
        }

        @Test
        void aDayBeforeTheProbationEndsIsRefused() {
            when(probationary(), new ConfirmFullMemberCommand(MEMBER, PROBATION_END.minusDays(1), PROBATION_END, null, STAFF))
                    .expectException(code("PROBATION_NOT_ENDED"));
        }

        @Test
        void anExtendedProbationEndsLater() {
            Object[] history = append(probationary(), new MemberProbationExtended(ID, PROBATION_END, 6, PROBATION_END.plusMonths(6),
                    DecidingBody.PARTY_COMMITTEE, null));
            when(history, new ConfirmFullMemberCommand(MEMBER, PROBATION_END, PROBATION_END, null, STAFF)).expectException(code("PROBATION_NOT_ENDED"));
            when(history, new ConfirmFullMemberCommand(MEMBER, PROBATION_END.plusMonths(6), PROBATION_END.plusMonths(6), null, STAFF))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void theApprovalNotBeforeTheMeeting() {
            when(probationary(), new ConfirmFullMemberCommand(MEMBER, PROBATION_END.plusDays(2), PROBATION_END.plusDays(1), null, STAFF))
                    .expectException(code("APPROVAL_BEFORE_BRANCH_MEETING"));
        }

        @Test
        void aFullMemberIsNotConfirmedAgainNorADevelopmentObjectAtAll() {
            Object[] full = append(probationary(), new MemberConfirmedAsFullMember(ID, PROBATION_END, PROBATION_END, null));
            when(full, new ConfirmFullMemberCommand(MEMBER, PROBATION_END, PROBATION_END, null, STAFF)).expectException(code("STEP_OUT_OF_ORDER"));
            when(asDevelopmentObject(), new ConfirmFullMemberCommand(MEMBER, PROBATION_END, PROBATION_END, null, STAFF))
                    .expectException(code("STEP_OUT_OF_ORDER"));
        }
    }

    @Nested
    class ExtendingTheProbation {

        @Test
        void sixAndTwelveMonthsAreTheBounds() {
            when(probationary(), new ExtendProbationCommand(MEMBER, PROBATION_END, 6, "党委会议决定", STAFF))
                    .expectEvents(new MemberProbationExtended(ID, PROBATION_END, 6, PROBATION_END.plusMonths(6), DecidingBody.PARTY_COMMITTEE,
                            "党委会议决定"));
            when(probationary(), new ExtendProbationCommand(MEMBER, PROBATION_END, 12, null, STAFF))
                    .expectEvents(new MemberProbationExtended(ID, PROBATION_END, 12, PROBATION_END.plusMonths(12), DecidingBody.PARTY_COMMITTEE, null));
        }

        @Test
        void fiveOrThirteenMonthsAreRefused() {
            when(probationary(), new ExtendProbationCommand(MEMBER, PROBATION_END, 5, null, STAFF)).expectException(code("EXTENSION_OUT_OF_RANGE"));
            when(probationary(), new ExtendProbationCommand(MEMBER, PROBATION_END, 13, null, STAFF)).expectException(code("EXTENSION_OUT_OF_RANGE"));
        }

        @Test
        void aProbationIsExtendedOnceOnly() {
            Object[] history = append(probationary(), new MemberProbationExtended(ID, PROBATION_END, 6, PROBATION_END.plusMonths(6),
                    DecidingBody.PARTY_COMMITTEE, null));
            when(history, new ExtendProbationCommand(MEMBER, PROBATION_END, 6, null, STAFF)).expectException(code("PROBATION_ALREADY_EXTENDED"));
        }

        @Test
        void onlyAProbationIsExtended() {
            when(reviewed(PoliticalReviewConclusion.PASSED), new ExtendProbationCommand(MEMBER, REVIEWED, 6, null, STAFF))
                    .expectException(code("STEP_OUT_OF_ORDER"));
        }

        @Test
        void anExtensionDatedBeforeTheAdmissionsApprovalIsRefused() {
            when(probationary(), new ExtendProbationCommand(MEMBER, APPROVED.minusDays(1), 6, null, STAFF))
                    .expectException(code("DATE_BEFORE_PREVIOUS_STEP"));
        }
    }

    @Nested
    class CancellingTheProbation {

        @Test
        void theCommitteeCancelsAProbationAndTheRecordEndsThere() {
            when(probationary(), new CancelProbationCommand(MEMBER, TODAY, "党委会议决定", STAFF))
                    .expectEvents(new MemberProbationCancelled(ID, TODAY, DecidingBody.PARTY_COMMITTEE, "党委会议决定"));
            Object[] cancelled = append(probationary(), new MemberProbationCancelled(ID, TODAY, DecidingBody.PARTY_COMMITTEE, null));
            when(cancelled, new ConfirmFullMemberCommand(MEMBER, TODAY, TODAY, null, STAFF)).expectException(code("STEP_OUT_OF_ORDER"));
            when(cancelled, new ExtendProbationCommand(MEMBER, TODAY, 6, null, STAFF)).expectException(code("STEP_OUT_OF_ORDER"));
            when(cancelled, new CancelProbationCommand(MEMBER, TODAY, null, STAFF)).expectException(code("STEP_OUT_OF_ORDER"));
        }

        @Test
        void aFullMembersProbationIsNotCancelled() {
            Object[] full = append(probationary(), new MemberConfirmedAsFullMember(ID, PROBATION_END, PROBATION_END, null));
            when(full, new CancelProbationCommand(MEMBER, TODAY, null, STAFF)).expectException(code("STEP_OUT_OF_ORDER"));
        }

        @Test
        void aCancellationInTheFutureIsRefused() {
            when(probationary(), new CancelProbationCommand(MEMBER, TODAY.plusDays(1), null, STAFF)).expectException(code("DATE_IN_FUTURE"));
        }
    }

    /** 组织关系转接: out, in transit, received, confirmed; withdrawn or returned; one at a time; the branch that acts. */
    @Nested
    class Transferring {

        static final LocalDate OUT = LocalDate.of(2026, 3, 2);
        static final LocalDate IN = LocalDate.of(2026, 3, 9);
        static final String OUTSIDE = "某区税务局机关党委";
        static final BranchScope THIRD_SECRETARY = BranchScope.branch("00000000-0000-4000-8000-000000000013");

        Object[] full() {
            return append(probationary(), new MemberConfirmedAsFullMember(ID, PROBATION_END, PROBATION_END, null));
        }

        MemberTransferInitiated initiated() {
            return new MemberTransferInitiated(ID, 1, BRANCH, OTHER_BRANCH, null, OUT, "介绍信 017");
        }

        Object[] inTransit() {
            return append(full(), initiated());
        }

        Object[] received() {
            return append(inTransit(), new MemberTransferReceived(ID, 1, BRANCH, OTHER_BRANCH, IN, null));
        }

        Object[] outOfPlatform() {
            return append(full(), new MemberTransferInitiated(ID, 1, BRANCH, null, OUTSIDE, OUT, null));
        }

        @Test
        void theSendingBranchIssuesTheLetterAndTheTransferIsInTransit() {
            when(full(), new InitiateTransferCommand(MEMBER, OTHER_BRANCH, null, OUT, "介绍信 017", SECRETARY)).expectEvents(initiated());
            when(full(), new InitiateTransferCommand(MEMBER, null, " " + OUTSIDE + " ", OUT, null, STAFF))
                    .expectEvents(new MemberTransferInitiated(ID, 1, BRANCH, null, OUTSIDE, OUT, null));
        }

        @Test
        void aTransferGoesToExactlyOneDestinationOtherThanTheMembersOwnBranch() {
            when(full(), new InitiateTransferCommand(MEMBER, null, null, OUT, null, STAFF)).expectException(code("TRANSFER_DESTINATION_REQUIRED"));
            when(full(), new InitiateTransferCommand(MEMBER, OTHER_BRANCH, OUTSIDE, OUT, null, STAFF))
                    .expectException(code("TRANSFER_DESTINATION_REQUIRED"));
            when(full(), new InitiateTransferCommand(MEMBER, BRANCH, null, OUT, null, STAFF)).expectException(code("TRANSFER_TO_OWN_BRANCH"));
            when(full(), new InitiateTransferCommand(MEMBER, null, "机关\u202E党委", OUT, null, STAFF)).expectException(code("INVALID_ORGANISATION"));
        }

        @Test
        void onlyTheMembersOwnBranchSendsHim() {
            when(full(), new InitiateTransferCommand(MEMBER, OTHER_BRANCH, null, OUT, null, OTHER_SECRETARY))
                    .expectException(code("MEMBER_NOT_FOUND")).expectNoEvents();
        }

        @Test
        void aSecondTransferWhileOneIsOpenIsRefused() {
            when(inTransit(), new InitiateTransferCommand(MEMBER, THIRD_SECRETARY.branchId(), null, OUT, null, STAFF))
                    .expectException(code("TRANSFER_IN_PROGRESS")).expectNoEvents();
            when(received(), new InitiateTransferCommand(MEMBER, THIRD_SECRETARY.branchId(), null, IN, null, STAFF))
                    .expectException(code("TRANSFER_IN_PROGRESS"));
        }

        @Test
        void theReceivingBranchReceivesHimAndHeBelongsToItFromThen() {
            when(inTransit(), new ReceiveTransferCommand(MEMBER, 1, IN, null, OTHER_SECRETARY))
                    .expectEvents(new MemberTransferReceived(ID, 1, BRANCH, OTHER_BRANCH, IN, null));
            // the receiving secretary now acts for him, the sending one no longer
            when(received(), new ExtendProbationCommand(MEMBER, IN, 6, null, OTHER_SECRETARY)).expectException(code("STEP_OUT_OF_ORDER"));
            when(received(), new InitiateTransferCommand(MEMBER, BRANCH, null, IN, null, OTHER_SECRETARY)).expectException(code("TRANSFER_IN_PROGRESS"));
            when(received(), new InitiateTransferCommand(MEMBER, OTHER_BRANCH, null, IN, null, SECRETARY)).expectException(code("MEMBER_NOT_FOUND"));
        }

        @Test
        void theSendingBranchCannotReceiveAndAThirdBranchFindsNoMember() {
            when(inTransit(), new ReceiveTransferCommand(MEMBER, 1, IN, null, SECRETARY)).expectException(code("TRANSFER_NOT_YOURS"));
            when(inTransit(), new ReceiveTransferCommand(MEMBER, 1, IN, null, THIRD_SECRETARY)).expectException(code("MEMBER_NOT_FOUND"));
        }

        @Test
        void aTransferIsReceivedOnceAndNamedByItsNumber() {
            when(received(), new ReceiveTransferCommand(MEMBER, 1, IN, null, OTHER_SECRETARY)).expectException(code("TRANSFER_ALREADY_RECEIVED"));
            when(inTransit(), new ReceiveTransferCommand(MEMBER, 2, IN, null, OTHER_SECRETARY)).expectException(code("TRANSFER_NOT_FOUND"));
            when(inTransit(), new ReceiveTransferCommand(MEMBER, 0, IN, null, STAFF)).expectException(code("TRANSFER_NOT_FOUND"));
        }

        @Test
        void aReceiptDatedBeforeTheLetterIsRefused() {
            when(inTransit(), new ReceiveTransferCommand(MEMBER, 1, OUT.minusDays(1), null, STAFF)).expectException(code("DATE_BEFORE_PREVIOUS_STEP"));
            when(inTransit(), new ReceiveTransferCommand(MEMBER, 1, OUT, null, STAFF)).expectSuccessfulHandlerExecution();
        }

        @Test
        void theSendingBranchConfirmsTheReceiptOnceReceivedAndTheTransferCloses() {
            when(inTransit(), new ConfirmTransferCommand(MEMBER, 1, IN, null, SECRETARY)).expectException(code("TRANSFER_NOT_RECEIVED"));
            when(received(), new ConfirmTransferCommand(MEMBER, 1, IN, null, OTHER_SECRETARY)).expectException(code("TRANSFER_NOT_YOURS"));
            when(received(), new ConfirmTransferCommand(MEMBER, 1, IN, "回执", SECRETARY))
                    .expectEvents(new MemberTransferConfirmed(ID, 1, BRANCH, OTHER_BRANCH, null, IN, "回执"));
            Object[] closed = append(received(), new MemberTransferConfirmed(ID, 1, BRANCH, OTHER_BRANCH, null, IN, null));
            when(closed, new ConfirmTransferCommand(MEMBER, 1, IN, null, STAFF)).expectException(code("TRANSFER_CLOSED"));
            // the next transfer is number 2, from his new branch
            when(closed, new InitiateTransferCommand(MEMBER, BRANCH, null, TODAY, null, OTHER_SECRETARY))
                    .expectEvents(new MemberTransferInitiated(ID, 2, OTHER_BRANCH, BRANCH, null, TODAY, null));
            when(closed, new InitiateTransferCommand(MEMBER, THIRD_SECRETARY.branchId(), null, TODAY, null, SECRETARY))
                    .expectException(code("MEMBER_NOT_FOUND"));
        }

        @Test
        void outOfThePlatformTheReceiptClosesTheRecord() {
            when(outOfPlatform(), new ReceiveTransferCommand(MEMBER, 1, IN, null, STAFF)).expectException(code("TRANSFER_OUT_OF_PLATFORM"));
            when(outOfPlatform(), new ConfirmTransferCommand(MEMBER, 1, IN, null, SECRETARY))
                    .expectEvents(new MemberTransferConfirmed(ID, 1, BRANCH, null, OUTSIDE, IN, null));
            Object[] left = append(outOfPlatform(), new MemberTransferConfirmed(ID, 1, BRANCH, null, OUTSIDE, IN, null));
            when(left, new InitiateTransferCommand(MEMBER, OTHER_BRANCH, null, TODAY, null, STAFF)).expectException(code("MEMBER_TRANSFERRED_OUT"));
            when(left, new InitiateTransferCommand(MEMBER, OTHER_BRANCH, null, TODAY, null, SECRETARY)).expectException(code("MEMBER_NOT_FOUND"));
        }

        @Test
        void theSenderWithdrawsAndTheReceiverReturnsWithAReasonAndTheMemberStays() {
            when(inTransit(), new CancelTransferCommand(MEMBER, 1, TransferCancellation.WITHDRAWN, IN, "调动取消", SECRETARY))
                    .expectEvents(new MemberTransferCancelled(ID, 1, BRANCH, OTHER_BRANCH, null, TransferCancellation.WITHDRAWN, IN, "调动取消"));
            when(inTransit(), new CancelTransferCommand(MEMBER, 1, TransferCancellation.RETURNED, IN, "介绍信信息有误", OTHER_SECRETARY))
                    .expectEvents(new MemberTransferCancelled(ID, 1, BRANCH, OTHER_BRANCH, null, TransferCancellation.RETURNED, IN, "介绍信信息有误"));
            when(inTransit(), new CancelTransferCommand(MEMBER, 1, TransferCancellation.RETURNED, IN, "x", SECRETARY))
                    .expectException(code("TRANSFER_NOT_YOURS"));
            when(inTransit(), new CancelTransferCommand(MEMBER, 1, TransferCancellation.WITHDRAWN, IN, " ", SECRETARY))
                    .expectException(code("REASON_REQUIRED"));
            when(received(), new CancelTransferCommand(MEMBER, 1, TransferCancellation.WITHDRAWN, IN, "x", SECRETARY))
                    .expectException(code("TRANSFER_ALREADY_RECEIVED"));
            Object[] withdrawn = append(inTransit(), new MemberTransferCancelled(ID, 1, BRANCH, OTHER_BRANCH, null,
                    TransferCancellation.WITHDRAWN, IN, "调动取消"));
            when(withdrawn, new ExtendProbationCommand(MEMBER, IN, 6, null, STAFF)).expectException(code("STEP_OUT_OF_ORDER"));
            when(withdrawn, new InitiateTransferCommand(MEMBER, OTHER_BRANCH, null, IN, null, SECRETARY))
                    .expectEvents(new MemberTransferInitiated(ID, 2, BRANCH, OTHER_BRANCH, null, IN, null));
        }

        @Test
        void theWayIntoThePartyPausesWhileInTransitAndGoesOnInTheNewBranch() {
            Object[] activist = append(asActivist(), new MemberTransferInitiated(ID, 1, BRANCH, OTHER_BRANCH, null, OUT, null));
            when(activist, new DesignateDevelopmentObjectCommand(MEMBER, IN, null, STAFF)).expectException(code("TRANSFER_IN_PROGRESS"));
            Object[] arrived = append(activist, new MemberTransferReceived(ID, 1, BRANCH, OTHER_BRANCH, IN, null));
            when(arrived, new DesignateDevelopmentObjectCommand(MEMBER, IN, null, OTHER_SECRETARY)).expectSuccessfulHandlerExecution();
            when(arrived, new DesignateDevelopmentObjectCommand(MEMBER, IN, null, SECRETARY)).expectException(code("MEMBER_NOT_FOUND"));
        }

        @Test
        void aCancelledProbationersRecordIsNotTransferred() {
            Object[] cancelled = append(probationary(), new MemberProbationCancelled(ID, TODAY, DecidingBody.PARTY_COMMITTEE, null));
            when(cancelled, new InitiateTransferCommand(MEMBER, OTHER_BRANCH, null, TODAY, null, STAFF)).expectException(code("MEMBER_RECORD_CLOSED"));
        }
    }

    /** 积分制管理: points by the version in effect on the day, each source event once, nothing for 0, ranges kept. */
    @Nested
    class RecordingPoints {

        static final String EVENT = "b1f6d7a0-0000-4000-8000-000000000001";
        static final String TYPE = "org.dangjian.activities.AttendanceRecorded.v1";

        Object[] full() {
            return append(probationary(), new MemberConfirmedAsFullMember(ID, PROBATION_END, PROBATION_END, null));
        }

        RecordPointsCommand attendance(LocalDate day, String source) {
            return new RecordPointsCommand(MEMBER, "ATTENDANCE_PRESENT", null, null, day, "出席党课", source, TYPE, STAFF);
        }

        @Test
        void attendanceEarnsTheFixedPointsOfTheVersionInEffectThatDay() {
            when(full(), attendance(LocalDate.of(2026, 6, 30), EVENT))
                    .expectEvents(new MemberPointsRecorded(ID, 2026, 2, "ATTENDANCE_PRESENT", "2022.1", LocalDate.of(2026, 6, 30), "出席党课", EVENT, TYPE));
            when(full(), attendance(LocalDate.of(2026, 7, 1), EVENT))
                    .expectEvents(new MemberPointsRecorded(ID, 2026, 3, "ATTENDANCE_PRESENT", "2026.1", LocalDate.of(2026, 7, 1), "出席党课", EVENT, TYPE));
        }

        @Test
        void theSameSourceEventIsRecordedOnce() {
            Object[] once = append(full(), new MemberPointsRecorded(ID, 2026, 2, "ATTENDANCE_PRESENT", "2022.1", LocalDate.of(2026, 6, 30), "出席党课",
                    EVENT, TYPE));
            when(once, attendance(LocalDate.of(2026, 6, 30), EVENT)).expectException(code("POINTS_ALREADY_RECORDED")).expectNoEvents();
            when(once, attendance(LocalDate.of(2026, 6, 30), "b1f6d7a0-0000-4000-8000-000000000002")).expectSuccessfulHandlerExecution();
        }

        @Test
        void aLeaveGivesNothingToRecordAndAnAbsenceDeducts() {
            when(full(), new RecordPointsCommand(MEMBER, "ATTENDANCE_ON_LEAVE", null, null, TODAY, "请假", EVENT, TYPE, STAFF))
                    .expectException(code("NO_POINTS")).expectNoEvents();
            when(full(), new RecordPointsCommand(MEMBER, "ABSENT_WITHOUT_LEAVE", null, null, LocalDate.of(2025, 3, 1), "无故缺席", null, null, STAFF))
                    .expectEvents(new MemberPointsRecorded(ID, 2025, -3, "ABSENT_WITHOUT_LEAVE", "2022.1", LocalDate.of(2025, 3, 1), "无故缺席", null, null));
        }

        @Test
        void volunteerHoursArePointsPerWholeHour() {
            when(full(), new RecordPointsCommand(MEMBER, "VOLUNTEER_HOUR", null, new java.math.BigDecimal("2.5"), TODAY, "延时服务", null, null, SECRETARY))
                    .expectEvents(new MemberPointsRecorded(ID, 2026, 2, "VOLUNTEER_HOUR", "2026.1", TODAY, "延时服务", null, null));
            when(full(), new RecordPointsCommand(MEMBER, "VOLUNTEER_HOUR", null, null, TODAY, "延时服务", null, null, STAFF))
                    .expectException(code("HOURS_REQUIRED"));
        }

        @Test
        void aChosenValueMustLieWithinTheRulesRangeBoundsIncluded() {
            when(full(), new RecordPointsCommand(MEMBER, "MERIT", 20, null, TODAY, "先锋模范", null, null, STAFF)).expectSuccessfulHandlerExecution();
            when(full(), new RecordPointsCommand(MEMBER, "MERIT", 21, null, TODAY, "先锋模范", null, null, STAFF)).expectException(code("POINTS_OUT_OF_RANGE"));
            when(full(), new RecordPointsCommand(MEMBER, "MERIT", 0, null, TODAY, "先锋模范", null, null, STAFF)).expectException(code("POINTS_OUT_OF_RANGE"));
            when(full(), new RecordPointsCommand(MEMBER, "DEMERIT", -20, null, TODAY, "违纪", null, null, STAFF)).expectSuccessfulHandlerExecution();
            when(full(), new RecordPointsCommand(MEMBER, "GOLD", 5, null, TODAY, "x", null, null, STAFF)).expectException(code("UNKNOWN_POINTS_RULE"));
        }

        @Test
        void pointsNeedAReasonADayNotInTheFutureAndRulesInEffectAndStayInScope() {
            when(full(), new RecordPointsCommand(MEMBER, "MERIT", 5, null, TODAY, " ", null, null, STAFF)).expectException(code("REASON_REQUIRED"));
            when(full(), new RecordPointsCommand(MEMBER, "MERIT", 5, null, TODAY.plusDays(1), "x", null, null, STAFF)).expectException(code("DATE_IN_FUTURE"));
            when(full(), new RecordPointsCommand(MEMBER, "MERIT", 5, null, LocalDate.of(2021, 12, 31), "x", null, null, STAFF))
                    .expectException(code("NO_POINTS_RULES"));
            when(full(), new RecordPointsCommand(MEMBER, "MERIT", 5, null, TODAY, "x", null, null, OTHER_SECRETARY)).expectException(code("MEMBER_NOT_FOUND"));
            Object[] cancelled = append(probationary(), new MemberProbationCancelled(ID, TODAY, DecidingBody.PARTY_COMMITTEE, null));
            when(cancelled, attendance(TODAY, EVENT)).expectException(code("MEMBER_RECORD_CLOSED"));
        }

        @Test
        void theRuleSetRefusesARuleWithTwoKindsOfPoints() {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PointsRules(java.util.List.of(new PointsRules.Version("x", TODAY,
                    java.util.Map.of("MERIT", new PointsRules.Rule("t", "t", 2, null, 1, 5)), java.util.List.of(20)))))
                    .isInstanceOf(IllegalArgumentException.class);
            org.assertj.core.api.Assertions.assertThat(POINTS.versions().get(0).starsFor(39)).isEqualTo(1);
            org.assertj.core.api.Assertions.assertThat(POINTS.versions().get(0).starsFor(100)).isEqualTo(5);
            org.assertj.core.api.Assertions.assertThat(POINTS.versions().get(0).starsFor(19)).isZero();
        }
    }

    /** 政治建设考察 with the one-vote veto (一票否决): a sanction in effect vetoes open assessments and new ones. */
    @Nested
    class VetoingCadreAssessments {

        static final String SANCTION = "7a0c7a2e-8d1f-4c3a-9e6b-2f4d8a1c0e37";
        static final String CAUSE = "cause-event-1";
        static final LocalDate OPENED = LocalDate.of(2026, 2, 1);

        Object[] full() {
            return append(probationary(), new MemberConfirmedAsFullMember(ID, PROBATION_END, PROBATION_END, null));
        }

        Object[] open() {
            return append(full(), new CadrePoliticalAssessmentOpened(ID, 1, 2025, OPENED, null));
        }

        MemberSanctionRecorded inEffect() {
            return new MemberSanctionRecorded(ID, SANCTION, Sanction.SERIOUS_WARNING, LocalDate.of(2026, 3, 1), null, CAUSE);
        }

        @Test
        void aSanctionTakingEffectVetoesTheOpenAssessmentNamingTheCausingEvent() {
            when(open(), new RecordSanctionCommand(MEMBER, SANCTION, Sanction.SERIOUS_WARNING, LocalDate.of(2026, 3, 1), null, CAUSE))
                    .expectEvents(inEffect(), new CadrePoliticalAssessmentVetoed(ID, 1, SANCTION, Sanction.SERIOUS_WARNING, CAUSE, LocalDate.of(2026, 3, 1)));
        }

        @Test
        void anAssessmentOpenedWhileASanctionIsInEffectIsVetoedAtOnceAndOneOpenedAfterItEndedIsNot() {
            Object[] sanctioned = append(full(), inEffect());
            when(sanctioned, new OpenCadreAssessmentCommand(MEMBER, 2025, OPENED, "党委通知", STAFF))
                    .expectEvents(new CadrePoliticalAssessmentOpened(ID, 1, 2025, OPENED, "党委通知"),
                            new CadrePoliticalAssessmentVetoed(ID, 1, SANCTION, Sanction.SERIOUS_WARNING, CAUSE, LocalDate.of(2026, 3, 1)));
            Object[] ended = append(sanctioned, new MemberSanctionRecorded(ID, SANCTION, Sanction.SERIOUS_WARNING, LocalDate.of(2026, 3, 1),
                    LocalDate.of(2026, 9, 1), "cause-event-2"));
            when(ended, new OpenCadreAssessmentCommand(MEMBER, 2025, OPENED, null, STAFF))
                    .expectEvents(new CadrePoliticalAssessmentOpened(ID, 1, 2025, OPENED, null));
        }

        @Test
        void aVetoedAssessmentHasNoResultAndAnOpenOneConcludesOnce() {
            Object[] vetoed = append(open(), new CadrePoliticalAssessmentVetoed(ID, 1, SANCTION, Sanction.WARNING, CAUSE, OPENED));
            when(vetoed, new ConcludeCadreAssessmentCommand(MEMBER, 1, CadreAssessmentResult.GOOD, TODAY, null, STAFF))
                    .expectException(code("ASSESSMENT_VETOED")).expectNoEvents();
            when(open(), new ConcludeCadreAssessmentCommand(MEMBER, 1, CadreAssessmentResult.GOOD, TODAY, "考察报告", STAFF))
                    .expectEvents(new CadrePoliticalAssessmentConcluded(ID, 1, CadreAssessmentResult.GOOD, TODAY, "考察报告"));
            Object[] concluded = append(open(), new CadrePoliticalAssessmentConcluded(ID, 1, CadreAssessmentResult.GOOD, TODAY, null));
            when(concluded, new ConcludeCadreAssessmentCommand(MEMBER, 1, CadreAssessmentResult.POOR, TODAY, null, STAFF))
                    .expectException(code("ASSESSMENT_CONCLUDED"));
            when(concluded, new RecordSanctionCommand(MEMBER, SANCTION, Sanction.WARNING, TODAY, null, CAUSE))
                    .expectEvents(new MemberSanctionRecorded(ID, SANCTION, Sanction.WARNING, TODAY, null, CAUSE));
            when(open(), new ConcludeCadreAssessmentCommand(MEMBER, 2, CadreAssessmentResult.GOOD, TODAY, null, STAFF))
                    .expectException(code("ASSESSMENT_NOT_FOUND"));
            when(open(), new ConcludeCadreAssessmentCommand(MEMBER, 1, CadreAssessmentResult.GOOD, OPENED.minusDays(1), null, STAFF))
                    .expectException(code("DATE_BEFORE_PREVIOUS_STEP"));
        }

        @Test
        void theSameSanctionNotedTwiceIsRefusedAndSoIsTheEndOfOneNotInEffect() {
            Object[] sanctioned = append(open(), inEffect());
            when(sanctioned, new RecordSanctionCommand(MEMBER, SANCTION, Sanction.SERIOUS_WARNING, LocalDate.of(2026, 3, 1), null, CAUSE))
                    .expectException(code("SANCTION_ALREADY_RECORDED")).expectNoEvents();
            when(full(), new RecordSanctionCommand(MEMBER, SANCTION, null, null, TODAY, "cause-event-2")).expectException(code("SANCTION_NOT_IN_EFFECT"));
        }

        @Test
        void onlyAFullMemberIsAssessedOncePerYearNotInTheFuture() {
            when(probationary(), new OpenCadreAssessmentCommand(MEMBER, 2025, OPENED, null, STAFF)).expectException(code("NOT_A_FULL_MEMBER"));
            when(open(), new OpenCadreAssessmentCommand(MEMBER, 2025, OPENED, null, STAFF)).expectException(code("ASSESSMENT_EXISTS"));
            when(full(), new OpenCadreAssessmentCommand(MEMBER, 2027, OPENED, null, STAFF)).expectException(code("ASSESSMENT_YEAR_INVALID"));
            when(full(), new OpenCadreAssessmentCommand(MEMBER, 2026, TODAY.plusDays(1), null, STAFF)).expectException(code("DATE_IN_FUTURE"));
            when(open(), new OpenCadreAssessmentCommand(MEMBER, 2026, TODAY, null, STAFF))
                    .expectEvents(new CadrePoliticalAssessmentOpened(ID, 2, 2026, TODAY, null));
        }

        @Test
        void aRecordWithSanctionsAssessmentsAndPointsSurvivesASnapshot() throws Exception {
            Member member = new Member();
            for (Object event : append(append(open(), inEffect()), new MemberPointsRecorded(ID, 2026, 2, "ATTENDANCE_PRESENT", "2022.1", TODAY,
                    "出席", "e-9", null))) {
                java.lang.reflect.Method on = Member.class.getDeclaredMethod("on", event.getClass());
                on.setAccessible(true);
                on.invoke(member, event);
            }
            org.axonframework.serialization.Serializer serializer = org.dangjian.runtime.eventstore.SnapshotSerializer.create();
            org.axonframework.serialization.SerializedObject<byte[]> stored = serializer.serialize(member, byte[].class);
            Member restored = serializer.deserialize(stored);
            String before = new String(stored.getData(), java.nio.charset.StandardCharsets.UTF_8);
            String after = new String(serializer.serialize(restored, byte[].class).getData(), java.nio.charset.StandardCharsets.UTF_8);
            org.assertj.core.api.Assertions.assertThat(after).isEqualTo(before).contains("SERIOUS_WARNING").contains("e-9").contains("OPEN");
        }
    }

    /** 党费: a base and rate from a month on, each month paid once at its base's amount. */
    /** 出勤更正的积分. */
    @Nested
    class CorrectingAttendancePoints {

        static final LocalDate DAY = LocalDate.of(2026, 4, 9);

        @Test
        void theDifferenceOfTheTwoRulesIsOneEntryNamingTheCorrection() {
            when(probationary(), new CorrectAttendancePointsCommand(MEMBER, "ABSENT_WITHOUT_LEAVE", "ATTENDANCE_ON_LEAVE", DAY, "出勤更正", "e-1", "t"))
                    .expectEvents(new MemberPointsRecorded(ID, 2026, 3, "ATTENDANCE_ON_LEAVE", "2022.1", DAY, "出勤更正", "e-1", "t"));
            when(probationary(), new CorrectAttendancePointsCommand(MEMBER, "ATTENDANCE_PRESENT", "ABSENT_WITHOUT_LEAVE", DAY, "出勤更正", "e-2", "t"))
                    .expectEvents(new MemberPointsRecorded(ID, 2026, -5, "ABSENT_WITHOUT_LEAVE", "2022.1", DAY, "出勤更正", "e-2", "t"));
        }

        @Test
        void theSameEventTwiceAndRulesWorthTheSameRecordNothing() {
            Object[] corrected = append(probationary(), new MemberPointsRecorded(ID, 2026, 3, "ATTENDANCE_ON_LEAVE", "2022.1", DAY, "出勤更正", "e-1", "t"));
            when(corrected, new CorrectAttendancePointsCommand(MEMBER, "ABSENT_WITHOUT_LEAVE", "ATTENDANCE_ON_LEAVE", DAY, "出勤更正", "e-1", "t"))
                    .expectException(code("POINTS_ALREADY_RECORDED")).expectNoEvents();
            when(probationary(), new CorrectAttendancePointsCommand(MEMBER, "ATTENDANCE_ON_LEAVE", "ATTENDANCE_ON_LEAVE", DAY, "出勤更正", "e-3", "t"))
                    .expectException(code("NO_POINTS"));
            when(probationary(), new CorrectAttendancePointsCommand(MEMBER, "MERIT", "ATTENDANCE_ON_LEAVE", DAY, "出勤更正", "e-4", "t"))
                    .expectException(code("POINTS_OUT_OF_RANGE"));
        }
    }

    @Nested
    class PayingDues {

        static final java.time.YearMonth JAN = java.time.YearMonth.of(2026, 1);

        Object[] full() {
            return append(probationary(), new MemberConfirmedAsFullMember(ID, PROBATION_END, PROBATION_END, null));
        }

        Object[] based() {
            return append(full(), new MemberDuesBaseSet(ID, "2026-01", new java.math.BigDecimal("6500.00"), new java.math.BigDecimal("0.015"),
                    new java.math.BigDecimal("97.50"), null));
        }

        @Test
        void theMonthlyDuesAreBaseTimesRateRoundedHalfUpToTheFen() {
            when(full(), new SetDuesBaseCommand(MEMBER, JAN, new java.math.BigDecimal("3333.33"), new java.math.BigDecimal("0.005"), "工资表",
                    SECRETARY)).expectEvents(new MemberDuesBaseSet(ID, "2026-01", new java.math.BigDecimal("3333.33"),
                    new java.math.BigDecimal("0.005"), new java.math.BigDecimal("16.67"), "工资表"));
            when(probationary(), new SetDuesBaseCommand(MEMBER, JAN, new java.math.BigDecimal("2000"), new java.math.BigDecimal("0.005"), null,
                    STAFF)).expectEvents(new MemberDuesBaseSet(ID, "2026-01", new java.math.BigDecimal("2000.00"), new java.math.BigDecimal("0.005"),
                    new java.math.BigDecimal("10.00"), null));
        }

        @Test
        void aBaseIsForPartyMembersWithinTheRateAndNotFarAhead() {
            when(asActivist(), new SetDuesBaseCommand(MEMBER, JAN, java.math.BigDecimal.TEN, new java.math.BigDecimal("0.005"), null, STAFF))
                    .expectException(code("NOT_A_PARTY_MEMBER"));
            when(full(), new SetDuesBaseCommand(MEMBER, JAN, java.math.BigDecimal.TEN, new java.math.BigDecimal("0.051"), null, STAFF))
                    .expectException(code("INVALID_DUES_RATE"));
            when(full(), new SetDuesBaseCommand(MEMBER, JAN, new java.math.BigDecimal("10.001"), new java.math.BigDecimal("0.01"), null, STAFF))
                    .expectException(code("INVALID_DUES_BASE"));
            when(full(), new SetDuesBaseCommand(MEMBER, java.time.YearMonth.of(2027, 12), java.math.BigDecimal.TEN, new java.math.BigDecimal("0.01"),
                    null, STAFF)).expectException(code("DUES_MONTH_TOO_FAR"));
            when(full(), new SetDuesBaseCommand(MEMBER, JAN, java.math.BigDecimal.TEN, new java.math.BigDecimal("0.01"), null, OTHER_SECRETARY))
                    .expectException(code("MEMBER_NOT_FOUND"));
        }

        @Test
        void duesArePaidFromTheMonthOfTheBranchMeetingThatAdmittedHim() {
            when(probationary(), new SetDuesBaseCommand(MEMBER, java.time.YearMonth.of(2024, 9), java.math.BigDecimal.TEN,
                    new java.math.BigDecimal("0.005"), null, STAFF)).expectException(code("DUES_BEFORE_ADMISSION")).expectNoEvents();
            when(probationary(), new SetDuesBaseCommand(MEMBER, java.time.YearMonth.from(MEETING), new java.math.BigDecimal("2000"),
                    new java.math.BigDecimal("0.005"), null, STAFF)).expectEvents(new MemberDuesBaseSet(ID, "2024-10",
                    new java.math.BigDecimal("2000.00"), new java.math.BigDecimal("0.005"), new java.math.BigDecimal("10.00"), null));
        }

        @Test
        void eachMonthIsPaidOnceAtItsBasesAmount() {
            when(based(), new PayDuesCommand(MEMBER, java.util.List.of(java.time.YearMonth.of(2026, 2), JAN, JAN), TODAY, "收据 17", SECRETARY))
                    .expectEvents(new MemberDuesPaid(ID, "2026-01", new java.math.BigDecimal("97.50"), TODAY, "收据 17"),
                            new MemberDuesPaid(ID, "2026-02", new java.math.BigDecimal("97.50"), TODAY, "收据 17"));
            Object[] paid = append(based(), new MemberDuesPaid(ID, "2026-01", new java.math.BigDecimal("97.50"), TODAY, null));
            when(paid, new PayDuesCommand(MEMBER, java.util.List.of(JAN), TODAY, null, STAFF)).expectException(code("DUES_ALREADY_PAID")).expectNoEvents();
            when(based(), new PayDuesCommand(MEMBER, java.util.List.of(java.time.YearMonth.of(2025, 12)), TODAY, null, STAFF))
                    .expectException(code("NO_DUES_BASE"));
            when(based(), new PayDuesCommand(MEMBER, java.util.List.of(JAN), TODAY.plusDays(1), null, STAFF)).expectException(code("DATE_IN_FUTURE"));
        }

        @Test
        void aNewBaseAppliesFromAnUnpaidMonthAndLaterMonthsPayItsAmount() {
            Object[] paid = append(based(), new MemberDuesPaid(ID, "2026-03", new java.math.BigDecimal("97.50"), TODAY, null));
            when(paid, new SetDuesBaseCommand(MEMBER, java.time.YearMonth.of(2026, 3), new java.math.BigDecimal("8000"), new java.math.BigDecimal("0.015"),
                    null, STAFF)).expectException(code("DUES_MONTH_PAID"));
            Object[] raised = append(paid, new MemberDuesBaseSet(ID, "2026-04", new java.math.BigDecimal("8000.00"), new java.math.BigDecimal("0.015"),
                    new java.math.BigDecimal("120.00"), null));
            when(raised, new PayDuesCommand(MEMBER, java.util.List.of(java.time.YearMonth.of(2026, 2), java.time.YearMonth.of(2026, 4)), TODAY, null, STAFF))
                    .expectEvents(new MemberDuesPaid(ID, "2026-02", new java.math.BigDecimal("97.50"), TODAY, null),
                            new MemberDuesPaid(ID, "2026-04", new java.math.BigDecimal("120.00"), TODAY, null));
        }
    }

    /** 党内关怀, 培训, 党务干部任前资格认证. */
    @Nested
    class CareTrainingAndQualification {

        Object[] full() {
            return append(probationary(), new MemberConfirmedAsFullMember(ID, PROBATION_END, PROBATION_END, null));
        }

        MemberTrainingRecorded training(int n, LocalDate ended, String hours) {
            return new MemberTrainingRecorded(ID, n, "党务干部培训班", "区委组织部", ended, new java.math.BigDecimal(hours));
        }

        @Test
        void careIsRecordedForAPartyMemberWithItsValueToTheFen() {
            when(full(), new RecordCareCommand(MEMBER, CareKind.FESTIVAL_GREETING, CareReason.ELDERLY, TODAY, " 王建华、李明 ",
                    new java.math.BigDecimal("500"), "春节走访", SECRETARY)).expectEvents(new MemberCareRecorded(ID, 1, CareKind.FESTIVAL_GREETING,
                    CareReason.ELDERLY, TODAY, "王建华、李明", new java.math.BigDecimal("500.00"), "春节走访"));
            when(full(), new RecordCareCommand(MEMBER, CareKind.VISIT, CareReason.SICK, TODAY, "李明", new java.math.BigDecimal("1.005"), null, STAFF))
                    .expectException(code("INVALID_AMOUNT"));
            when(full(), new RecordCareCommand(MEMBER, CareKind.VISIT, CareReason.SICK, TODAY, " ", null, null, STAFF)).expectException(code("INVALID_TEXT"));
            when(asActivist(), new RecordCareCommand(MEMBER, CareKind.VISIT, CareReason.SICK, TODAY, "李明", null, null, STAFF))
                    .expectException(code("NOT_A_PARTY_MEMBER"));
        }

        @Test
        void aTrainingHasItsHoursInStepsOfHalfAnHour() {
            when(full(), new RecordTrainingCommand(MEMBER, "党务干部培训班", "区委组织部", TODAY, new java.math.BigDecimal("16.50"), STAFF))
                    .expectEvents(training(1, TODAY, "16.5"));
            when(full(), new RecordTrainingCommand(MEMBER, "党务干部培训班", "区委组织部", TODAY, new java.math.BigDecimal("16.25"), STAFF))
                    .expectException(code("INVALID_HOURS"));
        }

        @Test
        void aCertificationNeedsTheHoursOfTheTwelveMonthsBeforeItsDayBoundariesIncluded() {
            Object[] trained = append(append(full(), training(1, TODAY.minusMonths(12), "20")), training(2, TODAY.minusMonths(12).plusDays(1), "20"));
            when(trained, new QualifyPartyAffairsCadreCommand(MEMBER, TODAY, null, STAFF)).expectException(code("TRAINING_HOURS_INSUFFICIENT"));
            Object[] enough = append(trained, training(3, TODAY, "12"));
            when(enough, new QualifyPartyAffairsCadreCommand(MEMBER, TODAY, "党委会议", STAFF))
                    .expectEvents(new PartyAffairsCadreQualified(ID, TODAY, TODAY.plusYears(3).minusDays(1), new java.math.BigDecimal("32"), "党委会议"));
            Object[] sanctioned = append(enough, new MemberSanctionRecorded(ID, "7a0c7a2e-8d1f-4c3a-9e6b-2f4d8a1c0e37", Sanction.WARNING, TODAY, null, "e"));
            when(sanctioned, new QualifyPartyAffairsCadreCommand(MEMBER, TODAY, null, STAFF)).expectException(code("SANCTION_IN_EFFECT"));
            when(probationary(), new QualifyPartyAffairsCadreCommand(MEMBER, TODAY, null, STAFF)).expectException(code("NOT_A_FULL_MEMBER"));
        }
    }

    static Object[] append(Object[] history, Object event) {
        Object[] result = java.util.Arrays.copyOf(history, history.length + 1);
        result[history.length] = event;
        return result;
    }
}
