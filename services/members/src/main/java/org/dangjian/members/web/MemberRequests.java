package org.dangjian.members.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.dangjian.contracts.members.Gender;
import org.dangjian.contracts.members.PoliticalReviewConclusion;
import org.dangjian.contracts.members.TransferCancellation;
import org.dangjian.runtime.text.FreeText;
import org.dangjian.runtime.text.Name;
import org.dangjian.runtime.web.AggregateIds;

/**
 * The members service's request bodies. Examples are valid values (the conformance kit builds its valid bodies from
 * them). Dates are ISO days in the service's time zone.
 */
final class MemberRequests {

    static final String UUID = AggregateIds.UUID_PATTERN;
    static final String ID_CARD = "^[0-9]{17}[0-9X]$";
    static final String PHONE = "^[0-9][0-9-]{5,18}[0-9]$";
    static final String USERNAME = "^[A-Za-z0-9._@-]{1,100}$";
    private static final String DAY = "2024-03-01";

    private MemberRequests() {
    }

    /** 入党申请. */
    record Apply(
            @Schema(description = "A new member id chosen by the client (UUID); the service chooses one when absent")
            @Pattern(regexp = UUID, message = "must be a UUID") String id,
            @Schema(example = "林晓雯") @NotNull @Name(max = 50) String name,
            @NotNull Gender gender,
            @Schema(example = "1995-06-14") @NotNull LocalDate birthDate,
            @Schema(description = "身份证号: 17 digits and a check digit (0-9 or X) holding the birth date", example = "110105199506140021")
            @NotNull @Pattern(regexp = ID_CARD, message = "must be 17 digits and a check digit (0-9 or X)") String idCardNumber,
            @Schema(example = "13800135678") @Pattern(regexp = PHONE, message = "must be 7 to 20 digits and hyphens") String phone,
            @Name(max = 200) String address,
            @Schema(description = "The branch (党支部) the application was made to", example = "00000000-0000-4000-8000-000000000011")
            @NotNull @Pattern(regexp = UUID, message = "must be a UUID") String branchId,
            @Schema(example = DAY) @NotNull LocalDate applicationDate,
            @Schema(description = "The person's login name, linking the record to him") @Pattern(regexp = USERNAME,
                    message = "must be 1 to 100 of A-Z a-z 0-9 . _ @ -") String username,
            @FreeText(max = 1000) String basis) {
    }

    /** 确定为入党积极分子, 确定为发展对象, 取消预备党员资格: a date and a basis. */
    record Step(@Schema(example = DAY) @NotNull LocalDate date, @FreeText(max = 1000) String basis) {
    }

    /** 政治审查. */
    record PoliticalReview(@Schema(example = DAY) @NotNull LocalDate date, @NotNull PoliticalReviewConclusion conclusion,
                           @FreeText(max = 1000) String basis) {
    }

    /** 接收为预备党员, 转为正式党员: the branch general meeting's day and the committee's approval day. */
    record MeetingAndApproval(@Schema(example = DAY) @NotNull LocalDate branchMeetingDate,
                              @Schema(example = DAY) @NotNull LocalDate committeeApprovalDate,
                              @FreeText(max = 1000) String basis) {
    }

    /** 延长预备期. */
    record Extension(@Schema(example = DAY) @NotNull LocalDate date,
                     @Schema(description = "6 to 12", example = "6") @NotNull Integer months,
                     @FreeText(max = 1000) String basis) {
    }

    /** 组织关系转出: to a branch on the platform or an organisation outside it, exactly one of the two. */
    record Transfer(
            @Schema(description = "The receiving branch (党支部) on the platform", example = "00000000-0000-4000-8000-000000000012")
            @Pattern(regexp = UUID, message = "must be a UUID") String toBranchId,
            @Schema(description = "The receiving party organisation outside the platform, by name") @Name(max = 100) String toOrganisation,
            @Schema(example = DAY) @NotNull LocalDate date,
            @Schema(description = "e.g. the letter's number (介绍信编号)") @FreeText(max = 1000) String basis) {
    }

    /** 撤回 / 退回 a transfer in transit. */
    record TransferCancellationRequest(@NotNull TransferCancellation cancellation, @Schema(example = DAY) @NotNull LocalDate date,
                                       @Schema(example = "调动取消") @NotNull @FreeText(max = 1000) String reason) {
    }

    /** 积分记录 by a person: a rule, the points chosen for a range rule or the hours for a per-hour rule, the day, the reason. */
    record Points(
            @Schema(description = "A rule of the version in effect on the date, e.g. MERIT", example = "MERIT")
            @NotNull @Pattern(regexp = "^[A-Z][A-Z0-9_]{0,63}$", message = "must be a rule's name in upper case") String rule,
            @Schema(description = "The points, for a rule with a range (MERIT 1..20, DEMERIT -20..-1)", example = "5")
            @jakarta.validation.constraints.Min(-1000) @jakarta.validation.constraints.Max(1000) Integer points,
            @Schema(description = "The hours, for a rule with points per hour (steps of 0.5)", example = "1.5")
            @jakarta.validation.constraints.DecimalMin(value = "0.5") @jakarta.validation.constraints.DecimalMax("24")
            @jakarta.validation.constraints.Digits(integer = 2, fraction = 1) java.math.BigDecimal hours,
            @Schema(example = DAY) @NotNull LocalDate date,
            @Schema(example = "带头完成窗口延时服务") @NotNull @FreeText(max = 1000) String reason) {
    }

    /** 政治建设考察: the year assessed, the day it is opened, the basis. */
    record CadreAssessment(@Schema(example = "2024") @NotNull @jakarta.validation.constraints.Min(2000) @jakarta.validation.constraints.Max(2999)
                           Integer year,
                           @Schema(example = DAY) @NotNull LocalDate date,
                           @FreeText(max = 1000) String basis) {
    }

    /** 政治建设考察结论. */
    record CadreAssessmentConclusion(@NotNull org.dangjian.contracts.members.CadreAssessmentResult result,
                                     @Schema(example = DAY) @NotNull LocalDate date,
                                     @FreeText(max = 1000) String basis) {
    }

    static final String MONTH = "^[0-9]{4}-(0[1-9]|1[0-2])$";

    /** 党费基数核定: from a month on, base × rate. */
    record DuesBase(@Schema(description = "The first month it applies to (yyyy-MM)", example = "2024-01")
                    @NotNull @Pattern(regexp = MONTH, message = "must be a month, yyyy-MM") String fromMonth,
                    @Schema(description = "The monthly base in yuan", example = "6500.00")
                    @NotNull @jakarta.validation.constraints.DecimalMin("0") @jakarta.validation.constraints.Digits(integer = 7, fraction = 2)
                    java.math.BigDecimal base,
                    @Schema(description = "The rate, a fraction (0.005 = 0.5 %)", example = "0.015")
                    @NotNull @jakarta.validation.constraints.DecimalMin(value = "0", inclusive = false)
                    @jakarta.validation.constraints.DecimalMax("0.05") @jakarta.validation.constraints.Digits(integer = 1, fraction = 4)
                    java.math.BigDecimal rate,
                    @FreeText(max = 1000) String basis) {
    }

    /** 党费交纳: the months paid (1 to 24), the day, the receipt. */
    record DuesPayment(@Schema(description = "The months paid for (yyyy-MM)", example = "[\"2024-03\"]")
                       @NotNull @jakarta.validation.constraints.Size(min = 1, max = 24)
                       java.util.List<@NotNull @Pattern(regexp = MONTH, message = "must be a month, yyyy-MM") String> months,
                       @Schema(example = DAY) @NotNull LocalDate paidOn,
                       @Schema(description = "The receipt's reference") @Name(max = 100) String receipt) {
    }

    /** 党内关怀: kind, reason, day, visitors, value (optional), notes. */
    record Care(@NotNull org.dangjian.contracts.members.CareKind kind, @NotNull org.dangjian.contracts.members.CareReason reason,
                @Schema(example = DAY) @NotNull LocalDate date,
                @Schema(description = "Who visited or gave it", example = "王建华、李明") @NotNull @Name(max = 200) String visitors,
                @Schema(description = "The support's value in yuan", example = "500.00") @jakarta.validation.constraints.DecimalMin("0")
                @jakarta.validation.constraints.DecimalMax("1000000") @jakarta.validation.constraints.Digits(integer = 7, fraction = 2)
                java.math.BigDecimal amount,
                @FreeText(max = 1000) String notes) {
    }

    /** 培训记录. */
    record Training(@Schema(example = "党务干部能力提升培训班") @NotNull @Name(max = 100) String course,
                    @Schema(example = "区委组织部") @NotNull @Name(max = 100) String organiser,
                    @Schema(example = DAY) @NotNull LocalDate endedOn,
                    @Schema(description = "学时, steps of 0.5", example = "16.5") @NotNull
                    @jakarta.validation.constraints.DecimalMin(value = "0", inclusive = false) @jakarta.validation.constraints.DecimalMax("1000")
                    java.math.BigDecimal hours) {
    }

    /** 党务干部任前资格认证. */
    record Qualification(@Schema(example = DAY) @NotNull LocalDate date, @FreeText(max = 1000) String basis) {
    }

    /** 关联登录账号. */
    record AccountLink(@Schema(description = "The person's login name (the identity provider's preferred_username)", example = "dangyuan")
                       @NotNull @Pattern(regexp = USERNAME, message = "must be 1 to 100 of A-Z a-z 0-9 . _ @ -") String username,
                       @FreeText(max = 1000) String basis) {
    }

    /** 解除账号关联. */
    record AccountUnlink(@Schema(example = "账号停用") @NotNull @FreeText(max = 1000) String reason) {
    }

    /** 考核开始. */
    record OpenAssessment(@Schema(description = "The assessment's id, which follows from member, type and period (docs/api.md); when given, it must be that one")
                          @Pattern(regexp = UUID, message = "must be a UUID") String id,
                          @Schema(example = "00000000-0000-4000-8001-000000000001") @NotNull @Pattern(regexp = UUID, message = "must be a UUID")
                          String memberId,
                          @NotNull org.dangjian.contracts.members.AssessmentType type,
                          @Schema(description = "yyyy, or yyyy-Qn for CIVIL_SERVANT_DAILY", example = "2024")
                          @NotNull @Pattern(regexp = "^[0-9]{4}(-Q[1-4])?$", message = "must be yyyy or yyyy-Qn") String period,
                          @Schema(example = DAY) @NotNull LocalDate date) {
    }

    /** 考核评分: a score per criterion of the assessment's criteria set. */
    record Scores(@Schema(example = "{\"POLITICS\": 28, \"DUTY\": 27, \"CONDUCT\": 18, \"MASSES\": 19}") @NotNull
                  java.util.Map<@Pattern(regexp = "^[A-Z][A-Z0-9_]{0,63}$") String, @NotNull @jakarta.validation.constraints.Min(0)
                  @jakarta.validation.constraints.Max(1000) Integer> scores) {
    }

    /** 考核结论. */
    record AssessmentConclusion(@Schema(description = "the grade; for a comprehensive assessment it follows from the total and may be left out",
                                        example = "QUALIFIED") @Pattern(regexp = "^[A-Z_]{1,30}$") String result,
                                @Schema(description = "democratic evaluation only: the votes per grade")
                                java.util.Map<@Pattern(regexp = "^[A-Z_]{1,30}$") String, @NotNull @jakarta.validation.constraints.Min(0)
                                @jakarta.validation.constraints.Max(100000) Integer> votes,
                                @Schema(example = DAY) @NotNull LocalDate date,
                                @FreeText(max = 1000) String basis) {
    }

    /** 考核更正. */
    record AssessmentCorrection(@Schema(example = "EXCELLENT") @NotNull @Pattern(regexp = "^[A-Z_]{1,30}$") String result,
                                @Schema(example = DAY) @NotNull LocalDate date,
                                @Schema(example = "计分有误") @NotNull @FreeText(max = 1000) String reason) {
    }
}
