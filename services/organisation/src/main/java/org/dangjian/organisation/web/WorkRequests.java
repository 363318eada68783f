package org.dangjian.organisation.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dangjian.contracts.organisation.CommitteePosition;
import org.dangjian.contracts.organisation.OrganisationUnitKind;
import org.dangjian.contracts.organisation.ReportRating;
import org.dangjian.contracts.organisation.ResponsibilityListKind;
import org.dangjian.runtime.text.FreeText;
import org.dangjian.runtime.text.Name;
import org.dangjian.runtime.web.AggregateIds;

/**
 * The bodies of the commands of the committee's year of work (docs/organisation.md). Examples are valid values (the
 * conformance kit builds its valid bodies from them). Dates are ISO days in the centre's time zone.
 */
final class WorkRequests {

    static final String UUID = AggregateIds.UUID_PATTERN;
    private static final String DAY = "2024-03-01";
    private static final String UNIT = "00000000-0000-4000-8000-000000000021";
    private static final String MEMBER = "00000000-0000-4000-8001-000000000001";
    static final int MAX_LIST = 20;
    static final int MAX_TEXT = 200_000;

    private WorkRequests() {
    }

    /** A seat of a committee recorded as in office. */
    record Seat(@Schema(example = MEMBER) @NotNull @Pattern(regexp = UUID, message = "must be a UUID") String memberId,
                @Schema(description = "SECRETARY 书记, DEPUTY_SECRETARY 副书记, COMMITTEE_MEMBER 委员") @NotNull CommitteePosition position) {
    }

    /** 任期登记. */
    record RecordTerm(
            @Schema(description = "A new term id chosen by the client (UUID); the service chooses one when absent")
            @Pattern(regexp = UUID, message = "must be a UUID") String id,
            @Schema(example = UNIT) @NotNull @Pattern(regexp = UUID, message = "must be a UUID") String unitId,
            @Schema(description = "the day the term began (its election)", example = DAY) @NotNull LocalDate startedOn,
            @Schema(description = "3 or 5", example = "3") @NotNull Integer termYears,
            @Schema(description = "who holds the seats: one secretary, at most two deputies, 1 to 9 in all",
                    example = "[{\"memberId\": \"" + MEMBER + "\", \"position\": \"SECRETARY\"}]")
            @NotNull @Size(min = 1, max = 9) List<@NotNull @Valid Seat> committee,
            @Schema(example = "中心党委关于同意综合受理窗口党支部选举结果的批复") @FreeText(max = 500) String basis) {
    }

    /** 召开选举. */
    record CallElection(
            @Schema(description = "A new term id chosen by the client (UUID); the service chooses one when absent")
            @Pattern(regexp = UUID, message = "must be a UUID") String id,
            @Schema(example = UNIT) @NotNull @Pattern(regexp = UUID, message = "must be a UUID") String unitId,
            @Schema(example = DAY) @NotNull LocalDate calledOn,
            @Schema(example = "2024-03-20") @NotNull LocalDate electionDate,
            @Schema(description = "3 or 5", example = "3") @NotNull Integer termYears,
            @Schema(description = "the committee's seats, 3 to 9", example = "5") @NotNull Integer seats,
            @Schema(example = "支部委员会会议决定") @FreeText(max = 500) String basis) {
    }

    /** A candidate and his votes in favour. */
    record CandidateVotes(@Schema(example = MEMBER) @NotNull @Pattern(regexp = UUID, message = "must be a UUID") String memberId,
                          @Schema(example = "20") @NotNull @Min(0) @Max(100_000) Integer votes) {
    }

    /** 选举结果. */
    record ElectionResult(
            @Schema(example = "2024-03-20") @NotNull LocalDate heldOn,
            @Schema(description = "members with the right to vote (应到)", example = "23") @NotNull @Min(1) @Max(100_000) Integer eligibleVoters,
            @Schema(description = "members who voted (实到)", example = "21") @NotNull @Min(1) @Max(100_000) Integer votesCast,
            @Schema(description = "every candidate with his votes in favour", example = "[{\"memberId\": \"" + MEMBER + "\", \"votes\": 20}]")
            @NotNull @Size(min = 1, max = 30) List<@NotNull @Valid CandidateVotes> candidates,
            @Schema(example = MEMBER) @NotNull @Pattern(regexp = UUID, message = "must be a UUID") String secretaryId,
            @Schema(description = "0 to 2 deputy secretaries", example = "[]") @Size(max = 2) List<@NotNull @Pattern(regexp = UUID, message = "must be a UUID") String> deputyIds) {
    }

    /** 选举批复. */
    record Approval(@Schema(example = "2024-03-25") @NotNull LocalDate approvedOn,
                    @Schema(example = "中心党委") @NotNull @Name(max = 100) String approvedBy,
                    @Schema(example = "党委〔2024〕5号") @FreeText(max = 500) String basis) {
    }

    /** An area of a criteria set. */
    record Area(@Schema(example = "ORGANISATIONAL_LIFE") @NotNull @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,39}$") String code,
                @Schema(example = "组织生活正常化") @NotNull @Name(max = 100) String name,
                @Schema(example = "20") @NotNull @Min(1) @Max(1000) Integer maxScore,
                @Schema(example = "三会一课按期召开") @FreeText(max = 1000) String description,
                @Schema(description = "activities.compliance for an area whose facts the platform supplies")
                @Pattern(regexp = "^activities\\.compliance$") String factsSource) {
    }

    /** A grade of a criteria set. */
    record Grade(@Schema(example = "EXCELLENT") @NotNull @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,39}$") String grade,
                 @Schema(example = "优秀") @NotNull @Name(max = 50) String label,
                 @Schema(example = "0") @NotNull @Min(0) @Max(20_000) Integer minScore) {
    }

    /** 发布考核标准. */
    record PublishCriteria(
            @Schema(description = "the set's code (the built-in sets: wuhua, wuli, wuhao-banzi, wuhao-tuandui)", example = "example-set")
            @NotNull @Pattern(regexp = "^[a-z][a-z0-9-]{1,39}$") String code,
            @Schema(example = "党建工作示例考核") @NotNull @Name(max = 100) String title,
            @Schema(example = "[\"BRANCH\"]") @NotNull @Size(min = 1, max = 6) List<@NotNull OrganisationUnitKind> subjectKinds,
            @Schema(example = "[{\"code\": \"ORGANISATIONAL_LIFE\", \"name\": \"组织生活正常化\", \"maxScore\": 100, "
                    + "\"factsSource\": \"activities.compliance\"}]")
            @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid Area> areas,
            @Schema(example = "[{\"grade\": \"GOOD\", \"label\": \"良好\", \"minScore\": 80}, {\"grade\": \"PASS\", \"label\": \"合格\", "
                    + "\"minScore\": 0}]")
            @NotNull @Size(min = 1, max = 10) List<@NotNull @Valid Grade> grades,
            @Schema(example = "按 2024 年考核办法修订") @FreeText(max = 500) String reason) {
    }

    /** 开始评定. */
    record OpenAssessment(
            @Schema(example = UNIT) @NotNull @Pattern(regexp = UUID, message = "must be a UUID") String unitId,
            @Schema(example = "2023") @NotNull @Min(1921) @Max(2100) Integer year,
            @Schema(example = "wuhua") @NotNull @Pattern(regexp = "^[a-z][a-z0-9-]{1,39}$") String criteriaCode,
            @Schema(example = DAY) @NotNull LocalDate openedOn,
            @Schema(example = "[\"王建国\", \"李红\"]") @NotNull @Size(min = 1, max = MAX_LIST) List<@NotNull @Name(max = 100) String> assessors) {
    }

    /** 评分. */
    record Score(@Schema(example = "ORGANISATIONAL_LIFE") @NotNull @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,39}$") String areaCode,
                 @Schema(example = "18") @NotNull @Min(0) @Max(1000) Integer score,
                 @Schema(example = DAY) @NotNull LocalDate date,
                 @Schema(example = "[\"2023 年支部会议记录\"]") @Size(max = MAX_LIST) List<@NotNull @Name(max = 200) String> evidence,
                 @Schema(example = "三会一课全部按期召开") @FreeText(max = 2000) String note) {
    }

    /** 更正评分. */
    record Correction(@Schema(example = "ORGANISATIONAL_LIFE") @NotNull @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,39}$") String areaCode,
                      @Schema(example = "16") @NotNull @Min(0) @Max(1000) Integer score,
                      @Schema(example = DAY) @NotNull LocalDate date,
                      @Schema(example = "复核发现第三季度党课未召开") @NotNull @FreeText(max = 2000) String reason,
                      @Schema(example = "[\"复核记录\"]") @Size(max = MAX_LIST) List<@NotNull @Name(max = 200) String> evidence) {
    }

    /** 结论. */
    record Conclusion(@Schema(example = DAY) @NotNull LocalDate date,
                      @Schema(example = "达到良好等次") @NotNull @FreeText(max = 4000) String conclusion) {
    }

    /** 导入工作要点. */
    record ImportPlan(@Schema(example = UNIT) @NotNull @Pattern(regexp = UUID, message = "must be a UUID") String unitId,
                      @Schema(example = "2022") @NotNull @Min(1921) @Max(2100) Integer year,
                      @Schema(description = "the plan's text as written", example = "一、加强政治建设\n1、学习贯彻党的二十大精神。")
                      @NotNull @Size(min = 1, max = MAX_TEXT) String text) {
    }

    /** 分解任务 / 任务清单. */
    record AssignTask(
            @Schema(description = "A new task id chosen by the client (UUID); the service chooses one when absent")
            @Pattern(regexp = UUID, message = "must be a UUID") String id,
            @Schema(description = "the plan, with itemPosition; or listId instead") @Pattern(regexp = UUID, message = "must be a UUID") String planId,
            @Schema(description = "the plan's item by its position", example = "8") @Min(1) @Max(10_000) Integer itemPosition,
            @Schema(description = "a task list, instead of a plan's item", example = UNIT) @Pattern(regexp = UUID, message = "must be a UUID") String listId,
            @Schema(example = "制定支部责任清单") @NotNull @Name(max = 200) String title,
            @Schema(example = "列出支部书记第一责任人职责") @FreeText(max = 4000) String description,
            @Schema(example = UNIT) @NotNull @Pattern(regexp = UUID, message = "must be a UUID") String ownerUnitId,
            @Schema(example = "支部书记 李明") @Name(max = 100) String ownerPerson,
            @Schema(example = DAY) @NotNull LocalDate assignedOn,
            @Schema(example = "2024-06-30") @NotNull LocalDate deadline) {
    }

    /** 进度报告. */
    record Progress(@Schema(example = DAY) @NotNull LocalDate date,
                    @Schema(example = "60") @NotNull @Min(0) @Max(100) Integer percent,
                    @Schema(example = "已完成初稿，正在征求意见") @NotNull @FreeText(max = 4000) String report,
                    @Schema(example = "[\"初稿\"]") @Size(max = MAX_LIST) List<@NotNull @Name(max = 200) String> evidence) {
    }

    /** 验收. */
    record Review(@Schema(example = DAY) @NotNull LocalDate date,
                  @Schema(example = "true") @NotNull Boolean accepted,
                  @Schema(example = "按期完成，同意验收") @NotNull @FreeText(max = 2000) String opinion) {
    }

    /** 制定清单. */
    record DrawList(
            @Schema(description = "A new list id chosen by the client (UUID); the service chooses one when absent")
            @Pattern(regexp = UUID, message = "must be a UUID") String id,
            @Schema(description = "RESPONSIBILITY 责任清单 or TASK 任务清单") @NotNull ResponsibilityListKind kind,
            @Schema(example = UNIT) @NotNull @Pattern(regexp = UUID, message = "must be a UUID") String unitId,
            @Schema(example = "2024") @NotNull @Min(1921) @Max(2100) Integer year,
            @Schema(description = "the person and post, for a person's list", example = "支部书记 李明") @Name(max = 100) String holder,
            @Schema(example = "2024 年党建工作责任清单") @NotNull @Name(max = 200) String title) {
    }

    /** 添加责任. */
    record Entry(@Schema(example = "履行党建工作第一责任人职责") @NotNull @FreeText(max = 2000) String text,
                 @Schema(example = "党建工作要点第 8 项") @FreeText(max = 500) String basis) {
    }

    /** 双述. */
    record SubmitReport(
            @Schema(example = UNIT) @NotNull @Pattern(regexp = UUID, message = "must be a UUID") String unitId,
            @Schema(example = "2023") @NotNull @Min(1921) @Max(2100) Integer year,
            @Schema(description = "the secretary, when on the roster", example = MEMBER) @Pattern(regexp = UUID, message = "must be a UUID")
            String secretaryMemberId,
            @Schema(example = "李明") @NotNull @Name(max = 100) String secretaryName,
            @Schema(example = DAY) @NotNull LocalDate submittedOn,
            @Schema(description = "述党建", example = "全年召开支部党员大会 4 次，党课 4 次。") @NotNull @FreeText(max = 20_000) String partyWorkReport,
            @Schema(description = "述业务", example = "窗口办件 1.2 万件，群众满意率 99%。") @NotNull @FreeText(max = 20_000) String businessWorkReport) {
    }

    /** 双评. */
    record Evaluation(@Schema(example = "王建国") @NotNull @Name(max = 100) String evaluator,
                      @Schema(example = "党委委员") @Name(max = 100) String evaluatorRole,
                      @Schema(description = "EXCELLENT 好, GOOD 较好, FAIR 一般, POOR 差") @NotNull ReportRating partyWorkRating,
                      @NotNull ReportRating businessWorkRating,
                      @Schema(example = "党建与业务融合较好") @FreeText(max = 2000) String comment,
                      @Schema(example = DAY) @NotNull LocalDate date) {
    }
}
