package org.dangjian.members.query;

import java.time.LocalDate;
import java.util.List;

import org.dangjian.contracts.members.DecidingBody;
import org.dangjian.contracts.members.Gender;
import org.dangjian.contracts.members.PoliticalReviewConclusion;
import org.dangjian.members.command.MemberStage;
import org.dangjian.members.command.MemberStep;

/**
 * A member's file (党员档案, {@code GET /members/{id}}).
 *
 * @param personalDataMasked whether {@code idCardNumber}, {@code phone} and {@code address} are masked for this caller
 * @param steps              each step reached, once, in the order of the way (the last political review)
 * @param branchId           the branch he belongs to; null once he was transferred out of the platform
 * @param leftPlatform       whether he was transferred out of the platform (the record is kept, read-only)
 * @param transfers          his transfers (组织关系转接), oldest first; the open one, if any, last
 * @param cadreAssessments   his cadre political assessments (政治建设考察), oldest first
 * @param sanctions          the disciplinary sanctions' effects noted on his record, in effect or ended (no case content)
 * @param care               the visits and support he was given (党内关怀), oldest first
 * @param trainings          his trainings, oldest first
 * @param qualification      his latest certification as a party-affairs cadre, or null
 * @param sequence           the member's last event this view reflects
 */
public record MemberView(String id, String name, Gender gender, LocalDate birthDate, String idCardNumber, String phone, String address,
                         boolean personalDataMasked, String branchId, String username, MemberStage stage, LocalDate stageSince,
                         LocalDate applicationDate, LocalDate probationEndsOn, boolean probationExtended, MemberStep nextStep,
                         LocalDate nextStepDueOn, List<StepView> steps, boolean leftPlatform, List<TransferView> transfers,
                         List<CadreAssessmentView> cadreAssessments, List<SanctionView> sanctions,
                         List<CareView> care, List<TrainingView> trainings, QualificationView qualification, long sequence) {

    /**
     * One step of the way.
     *
     * @param date                  the step's (last) day: for admission and full membership the committee's approval
     * @param decidingBody          null for the application
     * @param conclusion            political review only
     * @param months                extension only
     * @param branchMeetingDate     admission and full membership only
     * @param committeeApprovalDate admission and full membership only
     * @param probationEndsOn       admission and extension only
     */
    public record StepView(MemberStep step, LocalDate date, DecidingBody decidingBody, PoliticalReviewConclusion conclusion, Integer months,
                           LocalDate branchMeetingDate, LocalDate committeeApprovalDate, LocalDate probationEndsOn, String basis) {
    }
}
