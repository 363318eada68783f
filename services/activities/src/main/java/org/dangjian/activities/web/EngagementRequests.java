package org.dangjian.activities.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dangjian.contracts.activities.EngagementKind;
import org.dangjian.contracts.activities.LearningForm;
import org.dangjian.runtime.text.FreeText;
import org.dangjian.runtime.text.Name;
import org.dangjian.runtime.web.AggregateIds;

/**
 * The request bodies of the learning and practice records (学习教育, "我为群众办实事", 调研报告, 群众性活动). Examples are
 * valid values (the conformance kit builds its valid bodies from them). Dates are ISO days in the service's time zone.
 */
final class EngagementRequests {

    static final String UUID = AggregateIds.UUID_PATTERN;
    private static final String DAY = "2024-03-01";
    private static final String BRANCH = "00000000-0000-4000-8000-000000000011";
    private static final String MEMBER = "00000000-0000-4000-8001-000000000001";
    static final int MAX_PARTICIPANTS = 500;
    static final int MAX_EVIDENCE = 20;

    private EngagementRequests() {
    }

    /** 登记: a record of a kind, with what every kind has and what its kind adds. */
    record RecordEngagement(
            @Schema(description = "A new record id chosen by the client (UUID); the service chooses one when absent")
            @Pattern(regexp = UUID, message = "must be a UUID") String id,
            @Schema(description = "LEARNING 学习教育, DEED 我为群众办实事 (its commitment), RESEARCH_REPORT 调研报告, MASS_ACTIVITY 群众性活动")
            @NotNull EngagementKind kind,
            @Schema(description = "The branch (党支部) it belongs to", example = BRANCH)
            @NotNull @Pattern(regexp = UUID, message = "must be a UUID") String branchId,
            @Schema(description = "A mass activity's organising unit when other than the branch: a branch or a mass organisation "
                    + "(工会, 团支部, 妇委会) the organisation service published")
            @Pattern(regexp = UUID, message = "must be a UUID") String organiserId,
            @Schema(description = "标题 (a deed: what is committed)", example = "党史学习教育专题读书班") @NotNull @Name(max = 200) String title,
            @Schema(description = "the day (a deed: committed); not in the future", example = DAY) @NotNull LocalDate date,
            @Schema(description = "hours per participant, 0.5 to 24 in steps of 0.5 (a report may have none)", example = "2")
            @DecimalMin("0.5") @DecimalMax("24") @Digits(integer = 2, fraction = 1) BigDecimal hours,
            @Schema(description = "the members who took part (member ids), each once", example = "[\"" + MEMBER + "\"]")
            @NotNull @Size(min = 1, max = MAX_PARTICIPANTS) List<@NotNull @Pattern(regexp = UUID, message = "must be a UUID") String> participants,
            @Schema(description = "evidence references: 文件编号, 照片编号 or a URL", example = "[\"照片编号 2024-017\"]")
            @Size(max = MAX_EVIDENCE) List<@NotNull @Name(max = 300) String> evidence,
            @Schema(description = "说明") @FreeText(max = 2000) String description,
            @Schema(description = "learning only: 集中学习, 专题研讨, 线上学习, 读书班") LearningForm learningForm,
            @Schema(description = "a report's authors (member ids, among the participants)", example = "[\"" + MEMBER + "\"]")
            @Size(min = 1, max = MAX_PARTICIPANTS) List<@NotNull @Pattern(regexp = UUID, message = "must be a UUID") String> authors,
            @Schema(description = "a report's summary (摘要)") @FreeText(max = 2000) String summary) {
    }

    /** 办结: a deed completed on a day, with its result. */
    record CompleteDeed(@Schema(description = "the day it was completed; not before it was committed, not in the future", example = DAY)
                      @NotNull LocalDate date,
                      @Schema(description = "办结情况", example = "修缮了小区路灯，居民满意") @NotNull @FreeText(max = 2000) String result) {
    }

    /** 更正: the reason, and only the fields that change (a list given replaces the whole list). */
    record CorrectEngagement(
            @Schema(description = "更正原因", example = "漏登一名参加人员") @NotNull @FreeText(max = 1000) String reason,
            @Name(max = 200) String title,
            @Schema(example = DAY) LocalDate date,
            @Schema(example = "2") @DecimalMin("0.5") @DecimalMax("24") @Digits(integer = 2, fraction = 1) BigDecimal hours,
            @Schema(example = "[\"" + MEMBER + "\"]")
            @Size(min = 1, max = MAX_PARTICIPANTS) List<@NotNull @Pattern(regexp = UUID, message = "must be a UUID") String> participants,
            @Schema(description = "all evidence references from now on; [] for none", example = "[\"文件编号 党发〔2024〕3号\"]")
            @Size(max = MAX_EVIDENCE) List<@NotNull @Name(max = 300) String> evidence,
            @FreeText(max = 2000) String description,
            LearningForm learningForm,
            @Schema(example = "[\"" + MEMBER + "\"]")
            @Size(min = 1, max = MAX_PARTICIPANTS) List<@NotNull @Pattern(regexp = UUID, message = "must be a UUID") String> authors,
            @FreeText(max = 2000) String summary,
            @Pattern(regexp = UUID, message = "must be a UUID") String organiserId,
            @Schema(description = "a completed deed's day of completion", example = DAY) LocalDate completedOn,
            @Schema(description = "a completed deed's result") @FreeText(max = 2000) String result) {
    }
}
