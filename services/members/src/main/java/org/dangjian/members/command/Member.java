package org.dangjian.members.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dangjian.contracts.discipline.Sanction;
import org.dangjian.contracts.members.CadrePoliticalAssessmentConcluded;
import org.dangjian.contracts.members.CadrePoliticalAssessmentOpened;
import org.dangjian.contracts.members.CadrePoliticalAssessmentVetoed;
import org.dangjian.contracts.members.DecidingBody;
import org.dangjian.contracts.members.MemberAdmittedAsProbationary;
import org.dangjian.contracts.members.MemberCareRecorded;
import org.dangjian.contracts.members.MemberConfirmedAsFullMember;
import org.dangjian.contracts.members.MemberTrainingRecorded;
import org.dangjian.contracts.members.PartyAffairsCadreQualified;
import org.dangjian.contracts.members.MemberDuesBaseSet;
import org.dangjian.contracts.members.MemberDuesPaid;
import org.dangjian.contracts.members.MemberPointsRecorded;
import org.dangjian.contracts.members.MemberDesignatedActivist;
import org.dangjian.contracts.members.MemberDesignatedDevelopmentObject;
import org.dangjian.contracts.members.MemberPoliticalReviewConcluded;
import org.dangjian.contracts.members.MemberProbationCancelled;
import org.dangjian.contracts.members.MemberProbationExtended;
import org.dangjian.contracts.members.MemberSanctionRecorded;
import org.dangjian.contracts.members.MemberTransferCancelled;
import org.dangjian.contracts.members.MemberTransferConfirmed;
import org.dangjian.contracts.members.MemberTransferInitiated;
import org.dangjian.contracts.members.MemberTransferReceived;
import org.dangjian.contracts.members.MemberAccountLinked;
import org.dangjian.contracts.members.MemberAccountUnlinked;
import org.dangjian.contracts.members.MembershipApplicationReceived;
import org.dangjian.contracts.members.TransferCancellation;
import org.dangjian.contracts.members.PoliticalReviewConclusion;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.security.BranchScope;

/**
 * A member record (党员档案) and its way into the party (发展党员): application, activist, development object, political
 * review, admission as a probationary member, full membership, or the probation extended or cancelled. Each step is
 * an event with its business date(s), the deciding body and the basis; the actor is recorded by the runtime. The
 * record decides every rule of the way from its own stream: the order of the steps, the dates, the periods.
 *
 * <p>The record also carries the member's organisational relationship (组织关系) and its transfers (组织关系转接): at most
 * one transfer is open at a time, so two transfers of one member that race are ordered by the record's stream and the
 * second is refused ({@code TRANSFER_IN_PROGRESS}); the member belongs to exactly one branch at every moment (the
 * sending one until the receiving one records the receipt), or, once a transfer out of the platform is confirmed, to
 * none on it. While a transfer is in transit the way into the party pauses.
 *
 * <p>A caller's {@link BranchScope} is checked first: a member outside it is not found, whatever its state (for a
 * transfer, the receiving branch's secretary may receive or return it).
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class Member {

    @AggregateIdentifier
    private String memberId;
    private String branchId;
    /** The login name linked to the record, or null. */
    private String username;
    private MemberStage stage;
    /** The (last) date of the latest step: no later step may be dated before it. */
    private LocalDate lastStepDate;
    private LocalDate activistDate;
    private LocalDate probationEndsOn;
    /** The month he became a probationary member (the branch meeting's), from which he pays dues; null before. */
    private java.time.YearMonth admittedMonth;
    private boolean probationExtended;
    /** How many transfers the record has had; the open one, if any, is the last. */
    private int transfers;
    /** The open transfer's state, null when none is open. */
    private TransferState transferState;
    private String transferTo;
    private String transferToOrganisation;
    /** The branch the open transfer leaves (after its receipt, no longer {@link #branchId}). */
    private String transferFrom;
    /** A transfer out of the platform was confirmed: the record is kept, read-only. */
    private boolean leftPlatform;
    /** The foreign events the ledger has recorded points for: each is recorded once. */
    private java.util.Set<String> pointsSources = new java.util.HashSet<>();
    /** The monthly dues (yuan) from each month a base was set for ({@code yyyy-MM}), and the months paid. */
    private java.util.TreeMap<String, java.math.BigDecimal> monthlyDues = new java.util.TreeMap<>();
    private java.util.Set<String> paidMonths = new java.util.HashSet<>();
    /** How many care records and trainings the record has; each training's last day and hours (for the certification). */
    private int careRecords;
    private java.util.TreeMap<Integer, String> trainingHours = new java.util.TreeMap<>();
    /** The sanctions in effect, by id, as the discipline service published them. */
    private java.util.Map<String, SanctionInEffect> sanctions = new java.util.LinkedHashMap<>();
    /** The sanctions noted as ended: noting them again changes nothing. */
    private java.util.Set<String> endedSanctions = new java.util.HashSet<>();
    /** The cadre political assessments by number: year, opening day and state. */
    private java.util.Map<Integer, CadreAssessment> assessments = new java.util.TreeMap<>();

    /** A sanction in effect: which, from when, and the event that published it (a plain class: snapshots hold it by its fields). */
    static final class SanctionInEffect {
        private Sanction sanction;
        private LocalDate effectiveFrom;
        private String causingEventId;

        SanctionInEffect() {
            // for snapshots
        }

        SanctionInEffect(Sanction sanction, LocalDate effectiveFrom, String causingEventId) {
            this.sanction = sanction;
            this.effectiveFrom = effectiveFrom;
            this.causingEventId = causingEventId;
        }

        Sanction sanction() {
            return sanction;
        }

        LocalDate effectiveFrom() {
            return effectiveFrom;
        }

        String causingEventId() {
            return causingEventId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SanctionInEffect that && sanction == that.sanction && java.util.Objects.equals(effectiveFrom, that.effectiveFrom)
                    && java.util.Objects.equals(causingEventId, that.causingEventId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(sanction, effectiveFrom, causingEventId);
        }
    }

    /** A cadre political assessment as the record decides with it: year, opening day, state (OPEN, CONCLUDED, VETOED). */
    static final class CadreAssessment {
        private int year;
        private LocalDate openedOn;
        private String state;

        CadreAssessment() {
            // for snapshots
        }

        CadreAssessment(int year, LocalDate openedOn, String state) {
            this.year = year;
            this.openedOn = openedOn;
            this.state = state;
        }

        int year() {
            return year;
        }

        LocalDate openedOn() {
            return openedOn;
        }

        String state() {
            return state;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof CadreAssessment that && year == that.year && java.util.Objects.equals(openedOn, that.openedOn)
                    && java.util.Objects.equals(state, that.state);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(year, openedOn, state);
        }
    }

    protected Member() {
        // for Axon
    }

    /** 入党申请: the applicant must be 18 on the application date; the ID-card number must hold the birth date. */
    Member(RecordApplicationCommand command, MembershipRules rules) {
        String name = MemberTexts.name(command.name());
        if (command.gender() == null || command.birthDate() == null || command.applicationDate() == null || command.branchId() == null) {
            throw RuleViolation.invalid("INVALID_REQUEST", "An application needs gender, birth date, application date and branch");
        }
        if (!IdCardNumbers.valid(command.idCardNumber(), command.birthDate())) {
            throw RuleViolation.invalid("INVALID_ID_CARD_NUMBER",
                    "The ID-card number is not valid: its check digit is wrong or its birth date is not the birth date given");
        }
        notInFuture(command.applicationDate(), rules);
        if (command.birthDate().plusYears(18).isAfter(command.applicationDate())) {
            throw RuleViolation.conflict("APPLICANT_UNDER_18", "An applicant must be 18 years old on the application date ({0})",
                    command.applicationDate().toString());
        }
        apply(new MembershipApplicationReceived(command.memberId().value(), name, command.gender(), command.birthDate(),
                command.idCardNumber(), MemberTexts.optional(command.phone()), MemberTexts.address(command.address()), command.branchId(),
                command.applicationDate(), MemberTexts.optional(command.username()), MemberTexts.basis(command.basis())));
    }

    /** 确定为入党积极分子. */
    void designateActivist(DesignateActivistCommand command, MembershipRules rules) {
        inScope(command.scope());
        expect(MemberStage.APPLICANT, MemberStep.ACTIVIST);
        dated(command.date(), rules);
        apply(new MemberDesignatedActivist(memberId, command.date(), DecidingBody.BRANCH_COMMITTEE, MemberTexts.basis(command.basis())));
    }

    /** 确定为发展对象: only once the activist period has passed (exactly the period is enough). */
    void designateDevelopmentObject(DesignateDevelopmentObjectCommand command, MembershipRules rules) {
        inScope(command.scope());
        expect(MemberStage.ACTIVIST, MemberStep.DEVELOPMENT_OBJECT);
        dated(command.date(), rules);
        LocalDate from = rules.developmentObjectFrom(activistDate);
        if (command.date().isBefore(from)) {
            throw RuleViolation.conflict("ACTIVIST_PERIOD_NOT_COMPLETED",
                    "An activist becomes a development object after {0} as an activist at the earliest: not before {1}",
                    MemberTexts.english(rules.activistMinimum()), from.toString(), MemberTexts.chinese(rules.activistMinimum()));
        }
        apply(new MemberDesignatedDevelopmentObject(memberId, command.date(), DecidingBody.BRANCH_COMMITTEE, MemberTexts.basis(command.basis())));
    }

    /** 政治审查: of a development object; a review not passed may be followed by another. */
    void concludePoliticalReview(ConcludePoliticalReviewCommand command, MembershipRules rules) {
        inScope(command.scope());
        expect(MemberStage.DEVELOPMENT_OBJECT, MemberStep.POLITICAL_REVIEW);
        if (command.conclusion() == null) {
            throw RuleViolation.invalid("INVALID_REQUEST", "A political review needs its conclusion");
        }
        dated(command.date(), rules);
        apply(new MemberPoliticalReviewConcluded(memberId, command.date(), command.conclusion(), DecidingBody.PARTY_COMMITTEE,
                MemberTexts.basis(command.basis())));
    }

    /** 接收为预备党员: after a passed political review; the committee's approval not before the branch meeting. */
    void admit(AdmitProbationaryMemberCommand command, MembershipRules rules) {
        inScope(command.scope());
        if (stage == MemberStage.DEVELOPMENT_OBJECT) {
            throw RuleViolation.conflict("POLITICAL_REVIEW_NOT_PASSED",
                    "A development object is admitted only after a political review has passed");
        }
        expect(MemberStage.POLITICALLY_REVIEWED, MemberStep.ADMISSION);
        approvedAfterMeeting(command.branchMeetingDate(), command.committeeApprovalDate(), rules);
        apply(new MemberAdmittedAsProbationary(memberId, command.branchMeetingDate(), command.committeeApprovalDate(),
                rules.probationEnd(command.branchMeetingDate()), MemberTexts.basis(command.basis())));
    }

    /** 转为正式党员: the branch meeting on or after the probation's end (with any extension). */
    void confirm(ConfirmFullMemberCommand command, MembershipRules rules) {
        inScope(command.scope());
        expect(MemberStage.PROBATIONARY, MemberStep.FULL_MEMBERSHIP);
        approvedAfterMeeting(command.branchMeetingDate(), command.committeeApprovalDate(), rules);
        if (command.branchMeetingDate().isBefore(probationEndsOn)) {
            throw RuleViolation.conflict("PROBATION_NOT_ENDED",
                    "The probation ends on {0}: the branch general meeting may confirm full membership from that day", probationEndsOn.toString());
        }
        apply(new MemberConfirmedAsFullMember(memberId, command.branchMeetingDate(), command.committeeApprovalDate(),
                MemberTexts.basis(command.basis())));
    }

    /** 延长预备期: once, by the configured months (6 to 12). */
    void extendProbation(ExtendProbationCommand command, MembershipRules rules) {
        inScope(command.scope());
        expect(MemberStage.PROBATIONARY, MemberStep.PROBATION_EXTENSION);
        if (probationExtended) {
            throw RuleViolation.conflict("PROBATION_ALREADY_EXTENDED", "A probation is extended once at most; it now ends on {0}",
                    probationEndsOn.toString());
        }
        if (command.months() < rules.extensionMinimumMonths() || command.months() > rules.extensionMaximumMonths()) {
            throw RuleViolation.conflict("EXTENSION_OUT_OF_RANGE", "A probation is extended by {0} to {1} months",
                    rules.extensionMinimumMonths(), rules.extensionMaximumMonths());
        }
        dated(command.date(), rules);
        apply(new MemberProbationExtended(memberId, command.date(), command.months(), probationEndsOn.plusMonths(command.months()),
                DecidingBody.PARTY_COMMITTEE, MemberTexts.basis(command.basis())));
    }

    /** 取消预备党员资格. */
    void cancelProbation(CancelProbationCommand command, MembershipRules rules) {
        inScope(command.scope());
        expect(MemberStage.PROBATIONARY, MemberStep.PROBATION_CANCELLATION);
        dated(command.date(), rules);
        apply(new MemberProbationCancelled(memberId, command.date(), DecidingBody.PARTY_COMMITTEE, MemberTexts.basis(command.basis())));
    }

    /** 组织关系转出: to another branch on the platform or an organisation outside it; one transfer at a time. */
    void initiateTransfer(InitiateTransferCommand command, MembershipRules rules) {
        inScope(command.scope());
        open();
        if (transferState != null) {
            throw RuleViolation.conflict("TRANSFER_IN_PROGRESS", "Member {0} has transfer {1} open already: it must be confirmed or "
                    + "withdrawn before another begins", memberId, transfers);
        }
        if (stage == MemberStage.PROBATION_CANCELLED) {
            throw RuleViolation.conflict("MEMBER_RECORD_CLOSED", "The probationary membership of {0} was cancelled: the record is closed", memberId);
        }
        String organisation = MemberTexts.organisation(command.toOrganisation());
        if ((command.toBranchId() == null) == (organisation == null)) {
            throw RuleViolation.invalid("TRANSFER_DESTINATION_REQUIRED",
                    "A transfer goes either to a branch on the platform (toBranchId) or to an organisation outside it (toOrganisation)");
        }
        if (branchId.equals(command.toBranchId())) {
            throw RuleViolation.conflict("TRANSFER_TO_OWN_BRANCH", "Member {0} belongs to branch {1} already", memberId, branchId);
        }
        dated(command.date(), rules);
        apply(new MemberTransferInitiated(memberId, transfers + 1, branchId, command.toBranchId(), organisation, command.date(),
                MemberTexts.basis(command.basis())));
    }

    /** 组织关系接收: by the receiving branch (or committee staff); the member belongs to it from now on. */
    void receiveTransfer(ReceiveTransferCommand command, MembershipRules rules) {
        openTransfer(command.transfer(), command.scope(), false);
        if (transferToOrganisation != null) {
            throw RuleViolation.conflict("TRANSFER_OUT_OF_PLATFORM", "Transfer {1} of member {0} goes to an organisation outside the "
                    + "platform: nobody on it receives him; confirm the receipt when it comes back", memberId, transfers);
        }
        if (transferState != TransferState.IN_TRANSIT) {
            throw RuleViolation.conflict("TRANSFER_ALREADY_RECEIVED", "Transfer {1} of member {0} was received already", memberId, transfers);
        }
        dated(command.date(), rules);
        apply(new MemberTransferReceived(memberId, transfers, transferFrom, transferTo, command.date(), MemberTexts.basis(command.basis())));
    }

    /** 回执确认: by the branch the member left (or committee staff), once received; out of the platform, the receipt closes it. */
    void confirmTransfer(ConfirmTransferCommand command, MembershipRules rules) {
        openTransfer(command.transfer(), command.scope(), true);
        if (transferToOrganisation == null && transferState != TransferState.RECEIVED) {
            throw RuleViolation.conflict("TRANSFER_NOT_RECEIVED", "Transfer {1} of member {0} has not been received by the receiving branch yet",
                    memberId, transfers);
        }
        dated(command.date(), rules);
        apply(new MemberTransferConfirmed(memberId, transfers, transferFrom, transferTo, transferToOrganisation, command.date(),
                MemberTexts.basis(command.basis())));
    }

    /** 撤回 (by the sending branch) or 退回 (by the receiving one), while in transit; the member stays where he is. */
    void cancelTransfer(CancelTransferCommand command, MembershipRules rules) {
        if (command.cancellation() == null) {
            throw RuleViolation.invalid("INVALID_REQUEST", "A cancellation says whether the transfer is withdrawn or returned");
        }
        openTransfer(command.transfer(), command.scope(), command.cancellation() == TransferCancellation.WITHDRAWN);
        if (transferState != TransferState.IN_TRANSIT) {
            throw RuleViolation.conflict("TRANSFER_ALREADY_RECEIVED", "Transfer {1} of member {0} was received already", memberId, transfers);
        }
        String reason = MemberTexts.basis(command.reason());
        if (reason == null) {
            throw RuleViolation.invalid("REASON_REQUIRED", "A withdrawn or returned transfer names its reason");
        }
        dated(command.date(), rules);
        apply(new MemberTransferCancelled(memberId, transfers, transferFrom, transferTo, transferToOrganisation, command.cancellation(),
                command.date(), reason));
    }

    /**
     * 积分记录: points by the rule of the version in effect on the day; refused when the rule gives 0 (a leave: the reaction
     * does not ask) or the source event was recorded already. A closed record (cancelled probation, transferred out) takes none.
     * Every command records an event or is refused: the runtime treats a command that records nothing as a failure.
     */
    void recordPoints(RecordPointsCommand command, MembershipRules rules, PointsRules points) {
        inScope(command.scope());
        String reason = pointsEntry(command.date(), command.reason(), command.sourceEventId(), rules);
        PointsRules.Version version = points.at(command.date());
        int given = points.points(version, command.rule(), command.points(), command.hours());
        if (given == 0) {
            throw RuleViolation.conflict("NO_POINTS", "Rule {0} of version {1} gives 0 points: there is nothing to record", command.rule(),
                    version.version());
        }
        apply(new MemberPointsRecorded(memberId, command.date().getYear(), given, command.rule(), version.version(), command.date(), reason,
                command.sourceEventId(), command.sourceType()));
    }

    /** 出勤更正的积分: the difference of the corrected attendance's rule and the earlier one's, as one entry. */
    void correctAttendancePoints(CorrectAttendancePointsCommand command, MembershipRules rules, PointsRules points) {
        String reason = pointsEntry(command.date(), command.reason(), command.sourceEventId(), rules);
        PointsRules.Version version = points.at(command.date());
        int given = points.points(version, command.rule(), null, null) - points.points(version, command.previousRule(), null, null);
        if (given == 0) {
            throw RuleViolation.conflict("NO_POINTS", "Rules {0} and {1} of version {2} give the same points: there is nothing to correct",
                    command.previousRule(), command.rule(), version.version());
        }
        apply(new MemberPointsRecorded(memberId, command.date().getYear(), given, command.rule(), version.version(), command.date(), reason,
                command.sourceEventId(), command.sourceType()));
    }

    /** The checks every points entry passes: an open record, its day, its reason, a source event not seen before. */
    private String pointsEntry(LocalDate date, String givenReason, String sourceEventId, MembershipRules rules) {
        open();
        if (stage == MemberStage.PROBATION_CANCELLED) {
            throw RuleViolation.conflict("MEMBER_RECORD_CLOSED", "The probationary membership of {0} was cancelled: the record is closed", memberId);
        }
        if (date == null) {
            throw RuleViolation.invalid("INVALID_REQUEST", "Points need the day of what earned them");
        }
        notInFuture(date, rules);
        String reason = MemberTexts.basis(givenReason);
        if (reason == null) {
            throw RuleViolation.invalid("REASON_REQUIRED", "Points name their reason");
        }
        if (sourceEventId != null && pointsSources.contains(sourceEventId)) {
            throw RuleViolation.conflict("POINTS_ALREADY_RECORDED", "The points of event {1} are recorded on member {0} already", memberId,
                    sourceEventId);
        }
        return reason;
    }

    /**
     * 处分记载: a sanction took effect (and vetoes every open cadre political assessment: 一票否决) or ended. Noting the
     * same fact again is refused (a refusal the reaction counts; the record is unchanged). The record takes it whatever its
     * state: it is a fact another service decided.
     */
    void recordSanction(RecordSanctionCommand command) {
        if (command.sanctionId() == null || command.sanction() == null && command.endedOn() == null) {
            throw RuleViolation.invalid("INVALID_REQUEST", "A sanction needs its id and kind");
        }
        if (command.endedOn() != null) {
            SanctionInEffect ended = sanctions.get(command.sanctionId());
            if (ended == null) {
                throw RuleViolation.conflict("SANCTION_NOT_IN_EFFECT", "Sanction {1} is not in effect on member {0}''s record", memberId,
                        command.sanctionId());
            }
            apply(new MemberSanctionRecorded(memberId, command.sanctionId(), ended.sanction(), ended.effectiveFrom(), command.endedOn(),
                    command.causingEventId()));
            return;
        }
        if (sanctions.containsKey(command.sanctionId()) || endedSanctions.contains(command.sanctionId())) {
            throw RuleViolation.conflict("SANCTION_ALREADY_RECORDED", "Sanction {1} is noted on member {0}''s record already", memberId,
                    command.sanctionId());
        }
        apply(new MemberSanctionRecorded(memberId, command.sanctionId(), command.sanction(), command.effectiveFrom(), null, command.causingEventId()));
        for (java.util.Map.Entry<Integer, CadreAssessment> open : java.util.List.copyOf(assessments.entrySet())) {
            if ("OPEN".equals(open.getValue().state())) {
                veto(open.getKey(), open.getValue(), command.sanctionId(), sanctions.get(command.sanctionId()));
            }
        }
    }

    /** 政治建设考察: of a full member, once per year; vetoed at once while a sanction is in effect. */
    void openCadreAssessment(OpenCadreAssessmentCommand command, MembershipRules rules) {
        inScope(command.scope());
        open();
        if (stage != MemberStage.FULL_MEMBER) {
            throw RuleViolation.conflict("NOT_A_FULL_MEMBER", "Member {0} is at stage {1}: this applies to full members only",
                    memberId, stage.name(), stage.chinese());
        }
        if (command.date() == null) {
            throw RuleViolation.invalid("INVALID_REQUEST", "An assessment needs the day it is opened");
        }
        notInFuture(command.date(), rules);
        if (command.year() < 2000 || command.year() > rules.today().getYear()) {
            throw RuleViolation.conflict("ASSESSMENT_YEAR_INVALID", "The year assessed ({0}) is not before {1}", String.valueOf(command.year()),
                    String.valueOf(rules.today().getYear() + 1));
        }
        for (java.util.Map.Entry<Integer, CadreAssessment> existing : assessments.entrySet()) {
            if (existing.getValue().year() == command.year()) {
                throw RuleViolation.conflict("ASSESSMENT_EXISTS", "Member {0} has assessment {1} for {2} already", memberId, existing.getKey(),
                        String.valueOf(command.year()));
            }
        }
        int number = assessments.size() + 1;
        apply(new CadrePoliticalAssessmentOpened(memberId, number, command.year(), command.date(), MemberTexts.basis(command.basis())));
        for (java.util.Map.Entry<String, SanctionInEffect> inEffect : sanctions.entrySet()) {
            veto(number, assessments.get(number), inEffect.getKey(), inEffect.getValue());
            break; // vetoed once, by the first sanction in effect
        }
    }

    /** 政治建设考察结论: an open assessment only; a vetoed one has no result. */
    void concludeCadreAssessment(ConcludeCadreAssessmentCommand command, MembershipRules rules) {
        inScope(command.scope());
        open();
        CadreAssessment assessment = assessments.get(command.assessment());
        if (assessment == null) {
            throw RuleViolation.notFound("ASSESSMENT_NOT_FOUND", "Member {0} has no assessment {1}", memberId, command.assessment());
        }
        if ("VETOED".equals(assessment.state())) {
            throw RuleViolation.conflict("ASSESSMENT_VETOED", "Assessment {1} of member {0} was vetoed by a sanction in effect (一票否决): it has "
                    + "no result", memberId, command.assessment());
        }
        if (!"OPEN".equals(assessment.state())) {
            throw RuleViolation.conflict("ASSESSMENT_CONCLUDED", "Assessment {1} of member {0} is concluded already", memberId,
                    command.assessment());
        }
        if (command.result() == null || command.date() == null) {
            throw RuleViolation.invalid("INVALID_REQUEST", "A conclusion needs its result and day");
        }
        notInFuture(command.date(), rules);
        if (command.date().isBefore(assessment.openedOn())) {
            throw RuleViolation.conflict("DATE_BEFORE_PREVIOUS_STEP", "The date {0} lies before the previous step''s date {1}",
                    command.date().toString(), assessment.openedOn().toString());
        }
        apply(new CadrePoliticalAssessmentConcluded(memberId, command.assessment(), command.result(), command.date(),
                MemberTexts.basis(command.basis())));
    }

    private void veto(int number, CadreAssessment assessment, String sanctionId, SanctionInEffect sanction) {
        LocalDate from = sanction.effectiveFrom();
        LocalDate day = from == null || from.isBefore(assessment.openedOn()) ? assessment.openedOn() : from;
        apply(new CadrePoliticalAssessmentVetoed(memberId, number, sanctionId, sanction.sanction(), sanction.causingEventId(), day));
    }

    /** The most months ahead a base is set for, or dues are paid for. */
    static final int DUES_MONTHS_AHEAD = 12;

    /**
     * 党费基数核定: of a party member (probationary or full); base × rate rounded half up to the fen. A base is not set
     * from a month whose dues are paid already (the amounts paid would no longer match): from the first unpaid one.
     */
    void setDuesBase(SetDuesBaseCommand command, MembershipRules rules) {
        inScope(command.scope());
        open();
        partyMember();
        if (command.fromMonth() == null || command.base() == null || command.rate() == null) {
            throw RuleViolation.invalid("INVALID_REQUEST", "A dues base needs its first month, base and rate");
        }
        if (command.base().signum() < 0 || command.base().stripTrailingZeros().scale() > 2) {
            throw RuleViolation.invalid("INVALID_DUES_BASE", "A dues base is 0 or more yuan, to the fen");
        }
        if (command.rate().signum() <= 0 || command.rate().compareTo(new java.math.BigDecimal("0.05")) > 0
                || command.rate().stripTrailingZeros().scale() > 4) {
            throw RuleViolation.invalid("INVALID_DUES_RATE", "A dues rate is a fraction above 0 and at most 0.05 (5 %), with at most 4 decimals");
        }
        monthsAhead(command.fromMonth(), rules);
        if (admittedMonth != null && command.fromMonth().isBefore(admittedMonth)) {
            throw RuleViolation.conflict("DUES_BEFORE_ADMISSION", "Member {0} pays dues from {1}, the month he became a probationary member",
                    memberId, admittedMonth.toString());
        }
        String from = command.fromMonth().toString();
        String paid = paidMonths.stream().filter(m -> m.compareTo(from) >= 0).sorted().findFirst().orElse(null);
        if (paid != null) {
            throw RuleViolation.conflict("DUES_MONTH_PAID", "The dues of {0} are paid already: a new base applies from a later, unpaid month",
                    paid);
        }
        java.math.BigDecimal dues = command.base().multiply(command.rate()).setScale(2, java.math.RoundingMode.HALF_UP);
        apply(new MemberDuesBaseSet(memberId, from, command.base().setScale(2, java.math.RoundingMode.UNNECESSARY),
                command.rate().stripTrailingZeros(), dues, MemberTexts.basis(command.basis())));
    }

    /** 党费交纳: each month once, at the amount of the base in effect for it. */
    void payDues(PayDuesCommand command, MembershipRules rules) {
        inScope(command.scope());
        open();
        if (command.months() == null || command.months().isEmpty() || command.months().size() > 24 || command.paidOn() == null) {
            throw RuleViolation.invalid("INVALID_REQUEST", "A payment names 1 to 24 months and the day it was paid");
        }
        notInFuture(command.paidOn(), rules);
        if (command.months().stream().anyMatch(java.util.Objects::isNull)) {
            throw RuleViolation.invalid("INVALID_REQUEST", "A payment names 1 to 24 months and the day it was paid");
        }
        java.util.List<java.time.YearMonth> months = command.months().stream().distinct().sorted().toList();
        for (java.time.YearMonth month : months) {
            monthsAhead(month, rules);
            String key = month.toString();
            if (monthlyDues.floorEntry(key) == null) {
                throw RuleViolation.conflict("NO_DUES_BASE", "Member {0} has no dues base for {1}: set one from that month first", memberId, key);
            }
            if (paidMonths.contains(key)) {
                throw RuleViolation.conflict("DUES_ALREADY_PAID", "The dues of {1} of member {0} are paid already", memberId, key);
            }
        }
        String receipt = MemberTexts.optional(command.receipt());
        if (receipt != null && org.dangjian.runtime.text.TextRules.length(receipt) > 100) {
            throw RuleViolation.invalid("INVALID_RECEIPT", "A receipt's reference has at most 100 characters");
        }
        for (java.time.YearMonth month : months) {
            String key = month.toString();
            apply(new MemberDuesPaid(memberId, key, monthlyDues.floorEntry(key).getValue(), command.paidOn(), receipt));
        }
    }

    private void monthsAhead(java.time.YearMonth month, MembershipRules rules) {
        java.time.YearMonth latest = java.time.YearMonth.from(rules.today()).plusMonths(DUES_MONTHS_AHEAD);
        if (month.isAfter(latest)) {
            throw RuleViolation.conflict("DUES_MONTH_TOO_FAR", "Dues are set and paid up to {0} at most", latest.toString());
        }
    }

    private void partyMember() {
        if (stage != MemberStage.PROBATIONARY && stage != MemberStage.FULL_MEMBER) {
            throw RuleViolation.conflict("NOT_A_PARTY_MEMBER", "Member {0} is at stage {1}: dues are paid by probationary and full members",
                    memberId, stage.name(), stage.chinese());
        }
    }

    /** 党内关怀: of a party member; by whom (names), of what value (yuan, optional), with notes. */
    void recordCare(RecordCareCommand command, MembershipRules rules) {
        inScope(command.scope());
        open();
        partyMember();
        if (command.kind() == null || command.reason() == null || command.date() == null) {
            throw RuleViolation.invalid("INVALID_REQUEST", "A care record needs its kind, reason and day");
        }
        notInFuture(command.date(), rules);
        String visitors = MemberTexts.line("visitors", command.visitors(), 200);
        if (command.amount() != null && (command.amount().signum() < 0 || command.amount().stripTrailingZeros().scale() > 2
                || command.amount().compareTo(new java.math.BigDecimal("1000000")) > 0)) {
            throw RuleViolation.invalid("INVALID_AMOUNT", "An amount is 0 to 1,000,000 yuan, to the fen");
        }
        apply(new MemberCareRecorded(memberId, careRecords + 1, command.kind(), command.reason(), command.date(), visitors,
                command.amount() == null ? null : command.amount().setScale(2, java.math.RoundingMode.UNNECESSARY), MemberTexts.basis(command.notes())));
    }

    /** 培训记录: a training with its course, organiser, last day and hours (steps of 0.5, at most 1,000). */
    void recordTraining(RecordTrainingCommand command, MembershipRules rules) {
        inScope(command.scope());
        open();
        if (command.endedOn() == null || command.hours() == null) {
            throw RuleViolation.invalid("INVALID_REQUEST", "A training needs its last day and hours");
        }
        notInFuture(command.endedOn(), rules);
        java.math.BigDecimal doubled = command.hours().multiply(java.math.BigDecimal.valueOf(2));
        if (command.hours().signum() <= 0 || command.hours().compareTo(java.math.BigDecimal.valueOf(1000)) > 0
                || doubled.stripTrailingZeros().scale() > 0) {
            throw RuleViolation.invalid("INVALID_HOURS", "Training hours are more than 0 and at most 1000, in steps of 0.5");
        }
        apply(new MemberTrainingRecorded(memberId, trainingHours.size() + 1, MemberTexts.line("course", command.course(), 100),
                MemberTexts.line("organiser", command.organiser(), 100), command.endedOn(), command.hours().stripTrailingZeros()));
    }

    /**
     * 党务干部任前资格认证: of a full member with no sanction in effect, on at least the minimum training hours of the
     * twelve months up to the day; valid for the configured period.
     */
    void qualify(QualifyPartyAffairsCadreCommand command, MembershipRules rules, QualificationRules qualification) {
        inScope(command.scope());
        open();
        if (stage != MemberStage.FULL_MEMBER) {
            throw RuleViolation.conflict("NOT_A_FULL_MEMBER", "Member {0} is at stage {1}: this applies to full members only",
                    memberId, stage.name(), stage.chinese());
        }
        if (command.date() == null) {
            throw RuleViolation.invalid("INVALID_REQUEST", "A certification needs its day");
        }
        notInFuture(command.date(), rules);
        if (!sanctions.isEmpty()) {
            throw RuleViolation.conflict("SANCTION_IN_EFFECT", "Member {0} has a disciplinary sanction in effect: he is not certified", memberId);
        }
        java.time.LocalDate from = command.date().minusMonths(12);
        java.math.BigDecimal hours = java.math.BigDecimal.ZERO;
        for (String training : trainingHours.values()) {
            String[] dayAndHours = training.split(" ");
            java.time.LocalDate ended = java.time.LocalDate.parse(dayAndHours[0]);
            if (ended.isAfter(from) && !ended.isAfter(command.date())) {
                hours = hours.add(new java.math.BigDecimal(dayAndHours[1]));
            }
        }
        if (hours.compareTo(qualification.minimumHours()) < 0) {
            throw RuleViolation.conflict("TRAINING_HOURS_INSUFFICIENT", "Member {0} has {1} training hours in the twelve months up to {3}: the "
                    + "certification needs {2}", memberId, hours.stripTrailingZeros().toPlainString(),
                    qualification.minimumHours().stripTrailingZeros().toPlainString(), command.date().toString());
        }
        apply(new PartyAffairsCadreQualified(memberId, command.date(), command.date().plus(qualification.validity()).minusDays(1),
                hours.stripTrailingZeros(), MemberTexts.basis(command.basis())));
    }

    /**
     * The transfer the command names must be the open one, and the caller's scope must cover the branch that takes
     * the step (the sending one, or the receiving one); a caller who sees the member but is not that branch is
     * refused (403), one who does not see him at all finds no member.
     */
    private void openTransfer(int transfer, BranchScope scope, boolean sending) {
        if (scope == null || !(scope.covers(branchId) || scope.covers(transferFrom) || scope.covers(transferTo))) {
            throw notFound(memberId);
        }
        if (transfer < 1 || transfer > transfers) {
            throw RuleViolation.notFound("TRANSFER_NOT_FOUND", "Member {0} has no transfer {1}", memberId, transfer);
        }
        if (transfer != transfers || transferState == null) {
            throw RuleViolation.conflict("TRANSFER_CLOSED", "Transfer {1} of member {0} is closed", memberId, transfer);
        }
        String side = sending ? transferFrom : transferTo;
        if (side == null ? scope.branchId() != null : !scope.covers(side)) {
            throw RuleViolation.forbidden("TRANSFER_NOT_YOURS", "Only the {2} branch (or the party committee''s staff) may take this step of "
                    + "transfer {1} of member {0}", memberId, transfer, sending ? "sending" : "receiving", sending ? "转出支部" : "接收支部");
        }
    }

    /** A record whose member has left the platform takes no more steps. */
    /**
     * 关联登录账号: links the record to a login name (the handler claims the name); answers the name it was linked to
     * before, whose claim the handler releases, or null.
     */
    String linkAccount(LinkAccountCommand command) {
        inScope(command.scope());
        open();
        if (command.username() == null || !command.username().matches("[A-Za-z0-9._@-]{1,100}")) {
            throw RuleViolation.invalid("INVALID_USERNAME", "A login name has 1 to 100 of A-Z a-z 0-9 . _ @ -");
        }
        if (command.username().equalsIgnoreCase(username)) {
            throw RuleViolation.conflict("ACCOUNT_ALREADY_LINKED", "Member {0} is linked to {1} already", memberId, username);
        }
        String before = username;
        apply(new MemberAccountLinked(memberId, command.username(), MemberTexts.basis(command.basis())));
        return before;
    }

    /** 解除账号关联: answers the name the handler releases. */
    String unlinkAccount(UnlinkAccountCommand command) {
        inScope(command.scope());
        String reason = MemberTexts.basis(command.reason());
        if (reason == null) {
            throw RuleViolation.invalid("REASON_REQUIRED", "An unlink names its reason");
        }
        if (username == null) {
            throw RuleViolation.conflict("NO_ACCOUNT_LINKED", "Member {0} is not linked to a login name", memberId);
        }
        String before = username;
        apply(new MemberAccountUnlinked(memberId, before, reason));
        return before;
    }

    /** The login name linked to the record, or null (the handler claims it when the record is created). */
    String username() {
        return username;
    }

    private void open() {
        if (leftPlatform) {
            throw RuleViolation.conflict("MEMBER_TRANSFERRED_OUT", "Member {0} was transferred out of the platform: the record is kept, "
                    + "read-only", memberId);
        }
    }

    private void inScope(BranchScope scope) {
        if (scope == null || !scope.covers(branchId)) {
            throw notFound(memberId);
        }
    }

    static RuleViolation notFound(String memberId) {
        return RuleViolation.notFound("MEMBER_NOT_FOUND", "There is no member {0}", memberId);
    }

    private void expect(MemberStage required, MemberStep step) {
        open();
        if (transferState == TransferState.IN_TRANSIT) {
            throw RuleViolation.conflict("TRANSFER_IN_PROGRESS", "Member {0} is being transferred (transfer {1}, in transit): the way into "
                    + "the party goes on once the receiving branch has received him, or the transfer is withdrawn", memberId, transfers);
        }
        if (stage != required) {
            throw RuleViolation.conflict("STEP_OUT_OF_ORDER", "Member {0} is at stage {1}; step {2} follows stage {3} only",
                    memberId, stage.name(), step.name(), required.name(), stage.chinese(), step.chinese(), required.chinese());
        }
    }

    /** A step's date: given, not in the future, not before the previous step's. */
    private void dated(LocalDate date, MembershipRules rules) {
        if (date == null) {
            throw RuleViolation.invalid("INVALID_REQUEST", "A step needs its date");
        }
        notInFuture(date, rules);
        if (date.isBefore(lastStepDate)) {
            throw RuleViolation.conflict("DATE_BEFORE_PREVIOUS_STEP", "The date {0} lies before the previous step''s date {1}",
                    date.toString(), lastStepDate.toString());
        }
    }

    private void approvedAfterMeeting(LocalDate meeting, LocalDate approval, MembershipRules rules) {
        dated(meeting, rules);
        dated(approval, rules);
        if (approval.isBefore(meeting)) {
            throw RuleViolation.conflict("APPROVAL_BEFORE_BRANCH_MEETING",
                    "The committee''s approval ({0}) cannot come before the branch general meeting ({1})", approval.toString(), meeting.toString());
        }
    }

    /** The same rule for another record of the member's (an assessment): a day not after today. */
    static void notInFutureDate(LocalDate date, MembershipRules rules) {
        if (date == null) {
            throw RuleViolation.invalid("INVALID_REQUEST", "A step needs its date");
        }
        notInFuture(date, rules);
    }

    /** 考核: a party member (probationary or full) of the caller's scope may be assessed; answers his branch. */
    String assessable(BranchScope scope) {
        inScope(scope);
        open();
        partyMember();
        return branchId;
    }

    private static void notInFuture(LocalDate date, MembershipRules rules) {
        LocalDate today = rules.today();
        if (date.isAfter(today)) {
            throw RuleViolation.conflict("DATE_IN_FUTURE", "The date {0} lies in the future (today is {1})", date.toString(), today.toString());
        }
    }

    @EventSourcingHandler
    void on(MembershipApplicationReceived event) {
        memberId = event.memberId();
        branchId = event.branchId();
        username = event.username();
        stage = MemberStage.APPLICANT;
        lastStepDate = event.applicationDate();
    }

    @EventSourcingHandler
    void on(MemberAccountLinked event) {
        username = event.username();
    }

    @EventSourcingHandler
    void on(MemberAccountUnlinked event) {
        username = null;
    }

    @EventSourcingHandler
    void on(MemberDesignatedActivist event) {
        stage = MemberStage.ACTIVIST;
        activistDate = event.date();
        lastStepDate = event.date();
    }

    @EventSourcingHandler
    void on(MemberDesignatedDevelopmentObject event) {
        stage = MemberStage.DEVELOPMENT_OBJECT;
        lastStepDate = event.date();
    }

    @EventSourcingHandler
    void on(MemberPoliticalReviewConcluded event) {
        stage = event.conclusion() == PoliticalReviewConclusion.PASSED ? MemberStage.POLITICALLY_REVIEWED : MemberStage.DEVELOPMENT_OBJECT;
        lastStepDate = event.date();
    }

    @EventSourcingHandler
    void on(MemberAdmittedAsProbationary event) {
        stage = MemberStage.PROBATIONARY;
        admittedMonth = java.time.YearMonth.from(event.branchMeetingDate());
        probationEndsOn = event.probationEndsOn();
        lastStepDate = event.committeeApprovalDate();
    }

    @EventSourcingHandler
    void on(MemberConfirmedAsFullMember event) {
        stage = MemberStage.FULL_MEMBER;
        lastStepDate = event.committeeApprovalDate();
    }

    @EventSourcingHandler
    void on(MemberProbationExtended event) {
        probationExtended = true;
        probationEndsOn = event.probationEndsOn();
        lastStepDate = event.date();
    }

    @EventSourcingHandler
    void on(MemberProbationCancelled event) {
        stage = MemberStage.PROBATION_CANCELLED;
        lastStepDate = event.date();
    }

    @EventSourcingHandler
    void on(MemberTransferInitiated event) {
        transfers = event.transfer();
        transferState = TransferState.IN_TRANSIT;
        transferFrom = event.fromBranchId();
        transferTo = event.toBranchId();
        transferToOrganisation = event.toOrganisation();
        lastStepDate = event.date();
    }

    @EventSourcingHandler
    void on(MemberTransferReceived event) {
        transferState = TransferState.RECEIVED;
        branchId = event.toBranchId();
        lastStepDate = event.date();
    }

    @EventSourcingHandler
    void on(MemberTransferConfirmed event) {
        if (event.toOrganisation() != null) {
            leftPlatform = true;
            branchId = null;
        }
        closeTransfer(event.date());
    }

    @EventSourcingHandler
    void on(MemberPointsRecorded event) {
        if (event.sourceEventId() != null) {
            pointsSources.add(event.sourceEventId());
        }
    }

    @EventSourcingHandler
    void on(MemberCareRecorded event) {
        careRecords = event.care();
    }

    @EventSourcingHandler
    void on(MemberTrainingRecorded event) {
        trainingHours.put(event.training(), event.endedOn() + " " + event.hours().toPlainString());
    }

    @EventSourcingHandler
    void on(PartyAffairsCadreQualified event) {
        // the certification is a fact on the record; it decides nothing later
    }

    @EventSourcingHandler
    void on(MemberDuesBaseSet event) {
        monthlyDues.put(event.fromMonth(), event.monthlyDues());
    }

    @EventSourcingHandler
    void on(MemberDuesPaid event) {
        paidMonths.add(event.month());
    }

    @EventSourcingHandler
    void on(MemberSanctionRecorded event) {
        if (event.endedOn() == null) {
            sanctions.put(event.sanctionId(), new SanctionInEffect(event.sanction(), event.effectiveFrom(), event.causingEventId()));
        } else {
            sanctions.remove(event.sanctionId());
            endedSanctions.add(event.sanctionId());
        }
    }

    @EventSourcingHandler
    void on(CadrePoliticalAssessmentOpened event) {
        assessments.put(event.assessment(), new CadreAssessment(event.year(), event.date(), "OPEN"));
    }

    @EventSourcingHandler
    void on(CadrePoliticalAssessmentConcluded event) {
        assessments.computeIfPresent(event.assessment(), (n, a) -> new CadreAssessment(a.year(), a.openedOn(), "CONCLUDED"));
    }

    @EventSourcingHandler
    void on(CadrePoliticalAssessmentVetoed event) {
        assessments.computeIfPresent(event.assessment(), (n, a) -> new CadreAssessment(a.year(), a.openedOn(), "VETOED"));
    }

    @EventSourcingHandler
    void on(MemberTransferCancelled event) {
        closeTransfer(event.date());
    }

    private void closeTransfer(LocalDate date) {
        transferState = null;
        transferFrom = null;
        transferTo = null;
        transferToOrganisation = null;
        lastStepDate = date;
    }
}
