package org.dangjian.discipline.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dangjian.contracts.discipline.AccountabilityMeasure;
import org.dangjian.contracts.discipline.CaseType;
import org.dangjian.contracts.discipline.FindingSeverity;
import org.dangjian.contracts.discipline.InspectionMode;
import org.dangjian.contracts.discipline.InspectionTarget;
import org.dangjian.contracts.discipline.Sanction;
import org.dangjian.contracts.discipline.SelectionStage;
import org.dangjian.contracts.discipline.TalkKind;
import org.dangjian.runtime.text.FreeText;
import org.dangjian.runtime.text.Name;
import org.dangjian.runtime.web.AggregateIds;

/**
 * The discipline service's request bodies. Examples are valid values (the conformance kit builds its valid bodies from
 * them). Dates are ISO days in the service's time zone.
 */
final class DisciplineRequests {

    static final String UUID = AggregateIds.UUID_PATTERN;
    private static final String DAY = "2024-03-01";
    private static final String BRANCH = "00000000-0000-4000-8000-000000000021";
    private static final String MEMBER = "00000000-0000-4000-8001-000000000001";
    static final int MAX_LIST = 20;

    private DisciplineRequests() {
    }

    /** 计划检查. */
    record PlanInspection(
            @Schema(description = "A new inspection id chosen by the client (UUID); the service chooses one when absent")
            @Pattern(regexp = UUID, message = "must be a UUID") String id,
            @Schema(description = "WINDOW 窗口 or SECTION 科室") @NotNull InspectionTarget target,
            @Schema(description = "the window or section", example = "不动产登记窗口") @NotNull @Name(max = 200) String targetName,
            @Schema(description = "the party branch (党支部) of the inspected unit, when it has one", example = BRANCH)
            @Pattern(regexp = UUID, message = "must be a UUID") String branchId,
            @Schema(description = "OPEN 明查 or UNANNOUNCED 暗访") @NotNull InspectionMode mode,
            @Schema(example = DAY) @NotNull LocalDate plannedDate,
            @Schema(description = "who inspects (names), 1 to 20", example = "[\"赵纪检\", \"钱纪检\"]")
            @NotNull @Size(min = 1, max = MAX_LIST) List<@NotNull @Name(max = 100) String> inspectors,
            @Schema(description = "what it looks at", example = "窗口工作人员在岗、着装与服务态度") @FreeText(max = 2000) String focus) {
    }

    /** 实施检查. */
    record CarryOut(@Schema(example = DAY) @NotNull LocalDate date,
                    @Schema(description = "how it went", example = "上午 9 时暗访，窗口 6 人在岗。") @NotNull @FreeText(max = 4000) String summary) {
    }

    /** 发现问题. */
    record Finding(@Schema(example = "一名工作人员上班时间玩手机") @NotNull @FreeText(max = 2000) String description,
                   @Schema(description = "MINOR 轻微, GENERAL 一般, SERIOUS 严重") @NotNull FindingSeverity severity,
                   @Schema(description = "evidence references, 0 to 20", example = "[\"照片编号 2024-031\"]")
                   @Size(max = MAX_LIST) List<@NotNull @Name(max = 300) String> evidence) {
    }

    /** 责令整改. */
    record RequireRectification(@Schema(example = "加强窗口纪律管理，落实首问负责制") @NotNull @FreeText(max = 2000) String requirement,
                                @Schema(example = DAY) @NotNull LocalDate deadline,
                                @Schema(description = "who answers for it", example = "不动产登记窗口负责人") @NotNull @Name(max = 200) String responsible) {
    }

    /** 整改报告. */
    record ReportRectification(@Schema(example = DAY) @NotNull LocalDate date,
                               @Schema(example = "已约谈当事人，修订窗口管理制度并公示") @NotNull @FreeText(max = 4000) String report,
                               @Schema(description = "evidence references, 0 to 20", example = "[\"整改报告编号 2024-05\"]")
                               @Size(max = MAX_LIST) List<@NotNull @Name(max = 300) String> evidence) {
    }

    /** 整改验收. */
    record VerifyRectification(@Schema(example = DAY) @NotNull LocalDate date,
                               @Schema(description = "true: accepted (验收通过); false: sent back (退回重改)") @NotNull Boolean accepted,
                               @Schema(example = "整改到位，予以验收") @NotNull @FreeText(max = 2000) String opinion) {
    }

    /** 办结. */
    record Close(@Schema(example = DAY) @NotNull LocalDate date,
                 @Schema(example = "问题已整改到位，予以办结") @NotNull @FreeText(max = 2000) String conclusion) {
    }

    /** 谈话. */
    record HoldTalk(
            @Schema(description = "A new record id chosen by the client (UUID); the service chooses one when absent")
            @Pattern(regexp = UUID, message = "must be a UUID") String id,
            @Schema(description = "INTEGRITY_TALK 廉政谈话, INTERVIEW 约谈, ADMONISHMENT_TALK 诫勉谈话, REMINDER 红脸出汗 (a written inquiry is issued, "
                    + "not held)") @NotNull TalkKind kind,
            @Schema(example = MEMBER) @NotNull @Pattern(regexp = UUID, message = "must be a UUID") String memberId,
            @Schema(example = DAY) @NotNull LocalDate date,
            @Schema(description = "who talked with him (names), 1 to 20", example = "[\"赵纪检\"]")
            @NotNull @Size(min = 1, max = MAX_LIST) List<@NotNull @Name(max = 100) String> talkers,
            @Schema(description = "谈话内容", example = "提醒严守廉洁纪律，本人表示接受") @NotNull @FreeText(max = 4000) String content,
            @Schema(description = "依据", example = "年度廉政谈话安排") @NotNull @FreeText(max = 500) String basis) {
    }

    /** 函询. */
    record IssueInquiry(
            @Schema(description = "A new record id chosen by the client (UUID); the service chooses one when absent")
            @Pattern(regexp = UUID, message = "must be a UUID") String id,
            @Schema(example = MEMBER) @NotNull @Pattern(regexp = UUID, message = "must be a UUID") String memberId,
            @Schema(example = DAY) @NotNull LocalDate date,
            @Schema(description = "what he is asked", example = "请就反映的有关问题作出书面说明") @NotNull @FreeText(max = 4000) String questions,
            @Schema(description = "answer by", example = DAY) @NotNull LocalDate dueDate,
            @Schema(description = "依据", example = "群众来信反映") @NotNull @FreeText(max = 500) String basis) {
    }

    /** 函询回复. */
    record AnswerInquiry(@Schema(example = DAY) @NotNull LocalDate date,
                         @Schema(example = "已按要求作出书面说明") @NotNull @FreeText(max = 8000) String answer) {
    }

    /** 了结. */
    record ConcludeTalk(@Schema(example = DAY) @NotNull LocalDate date,
                        @Schema(example = "了结澄清") @NotNull @FreeText(max = 2000) String outcome) {
    }

    /** 立案. */
    record OpenCase(
            @Schema(description = "A new case id chosen by the client (UUID); the service chooses one when absent")
            @Pattern(regexp = UUID, message = "must be a UUID") String id,
            @Schema(description = "ACCOUNTABILITY 问责 or SANCTION 党纪处分") @NotNull CaseType type,
            @Schema(example = MEMBER) @NotNull @Pattern(regexp = UUID, message = "must be a UUID") String memberId,
            @Schema(description = "the matter (问题线索, 事实)", example = "违规收受服务对象礼品") @NotNull @FreeText(max = 4000) String matter,
            @Schema(description = "what it rests on", example = "初步核实报告") @NotNull @FreeText(max = 500) String basis,
            @Schema(example = DAY) @NotNull LocalDate date) {
    }

    /** 处理意见. */
    record Propose(@Schema(description = "a sanction case: the sanction proposed") Sanction sanction,
                   @Schema(description = "an accountability case: the measure proposed") AccountabilityMeasure measure,
                   @Schema(example = "情节较轻，认错态度较好") @NotNull @FreeText(max = 4000) String reasons,
                   @Schema(example = DAY) @NotNull LocalDate date) {
    }

    /** 处理决定. */
    record Decide(@Schema(description = "a sanction case: the sanction decided") Sanction sanction,
                  @Schema(description = "an accountability case: the measure decided") AccountabilityMeasure measure,
                  @Schema(description = "依据", example = "《中国共产党纪律处分条例》第九十七条") @NotNull @FreeText(max = 2000) String basis,
                  @Schema(description = "the day decided", example = DAY) @NotNull LocalDate date,
                  @Schema(description = "in effect from (not before the decision, not in the future)", example = DAY) @NotNull LocalDate effectiveFrom,
                  @Schema(description = "a sanction's period of effect ends (影响期)", example = "2025-03-01") LocalDate effectiveUntil) {
    }

    /** 处分期满或撤销. */
    record EndSanction(@Schema(description = "the first day no longer in effect", example = DAY) @NotNull LocalDate endedOn,
                       @Schema(example = "影响期满") @NotNull @FreeText(max = 500) String reason) {
    }

    /** 开始选人用人监督. */
    record OpenSelection(
            @Schema(description = "A new record id chosen by the client (UUID); the service chooses one when absent")
            @Pattern(regexp = UUID, message = "must be a UUID") String id,
            @Schema(example = "综合科科长") @NotNull @Name(max = 200) String position,
            @Schema(example = "政务服务中心") @NotNull @Name(max = 200) String unitName,
            @Schema(description = "the day the procedure began", example = DAY) @NotNull LocalDate date,
            @Schema(example = "科级干部选拔任用全程纪实监督") @FreeText(max = 2000) String description) {
    }

    /** 环节检查. */
    record CheckStage(@Schema(description = "MOTION 动议, DEMOCRATIC_RECOMMENDATION 民主推荐, INSPECTION 考察, DISCUSSION_DECISION 讨论决定, "
            + "PUBLICITY 任前公示") @NotNull SelectionStage stage,
                      @Schema(example = DAY) @NotNull LocalDate date,
                      @NotNull Boolean compliant,
                      @Schema(example = "推荐范围、程序符合规定") @FreeText(max = 2000) String note) {
    }

    /** 监督结论. */
    record ConcludeSelection(@Schema(example = DAY) @NotNull LocalDate date,
                             @NotNull Boolean compliant,
                             @Schema(example = "选拔任用程序规范") @NotNull @FreeText(max = 2000) String opinion) {
    }
}
