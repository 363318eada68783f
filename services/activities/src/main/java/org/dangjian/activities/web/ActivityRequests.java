package org.dangjian.activities.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.dangjian.contracts.activities.ActivityKind;
import org.dangjian.contracts.activities.Attendance;
import org.dangjian.contracts.activities.VolunteerServiceKind;
import org.dangjian.runtime.text.FreeText;
import org.dangjian.runtime.text.Name;
import org.dangjian.runtime.web.AggregateIds;

/**
 * The activities service's request bodies. Examples are valid values (the conformance kit builds its valid bodies from
 * them). Dates are ISO days in the service's time zone.
 */
final class ActivityRequests {

    static final String UUID = AggregateIds.UUID_PATTERN;
    private static final String DAY = "2024-03-01";
    private static final String BRANCH = "00000000-0000-4000-8000-000000000011";
    private static final String MEMBER = "00000000-0000-4000-8001-000000000001";
    static final int MAX_ENTRIES = 500;

    private ActivityRequests() {
    }

    /** 安排活动. */
    record Schedule(
            @Schema(description = "A new activity id chosen by the client (UUID); the service chooses one when absent")
            @Pattern(regexp = UUID, message = "must be a UUID") String id,
            @Schema(description = "The branch (党支部) that holds it", example = BRANCH)
            @NotNull @Pattern(regexp = UUID, message = "must be a UUID") String branchId,
            @NotNull ActivityKind kind,
            @Schema(description = "主题", example = "学习贯彻党的二十大精神") @NotNull @Name(max = 200) String topic,
            @Schema(example = DAY) @NotNull LocalDate plannedDate,
            @Schema(example = "党员活动室") @Name(max = 200) String place) {
    }

    /** 召开: the day, the place and topic when other than planned, the minutes, the speaker. */
    record Hold(@Schema(example = DAY) @NotNull LocalDate date,
                @Schema(description = "where it was held; the planned place when absent", example = "党员活动室") @Name(max = 200) String place,
                @Schema(description = "the topic as held; the planned one when absent") @Name(max = 200) String topic,
                @Schema(description = "会议记录", example = "一、书记讲党课；二、交流发言。") @NotNull @FreeText(max = 20000) String minutes,
                @Schema(description = "主讲人 or 主持人", example = "王建华") @Name(max = 100) String speaker) {
    }

    /** 取消活动. */
    record Cancel(@Schema(example = "防汛值班，改期召开") @NotNull @FreeText(max = 1000) String reason) {
    }

    /** One member's attendance: present, on leave (with its reason) or absent. */
    record AttendanceLine(@Schema(example = MEMBER) @NotNull @Pattern(regexp = UUID, message = "must be a UUID") String memberId,
                          @NotNull Attendance attendance,
                          @Schema(description = "the reason of a leave (请假事由); only a leave has one") @FreeText(max = 1000) String reason) {
    }

    /** 登记出勤: members not recorded before. */
    record RecordAttendance(@Schema(example = "[{\"memberId\": \"" + MEMBER + "\", \"attendance\": \"PRESENT\"}]")
                            @NotNull @Size(min = 1, max = MAX_ENTRIES) List<@Valid @NotNull AttendanceLine> entries) {
    }

    /** 更正出勤: members recorded before, their attendance from now on, and why. */
    record CorrectAttendance(@Schema(example = "[{\"memberId\": \"" + MEMBER + "\", \"attendance\": \"ON_LEAVE\", \"reason\": \"病假\"}]")
                             @NotNull @Size(min = 1, max = MAX_ENTRIES) List<@Valid @NotNull AttendanceLine> entries,
                             @Schema(example = "补交请假条") @NotNull @FreeText(max = 1000) String reason) {
    }

    /** 志愿服务登记. */
    record VolunteerService(
            @Schema(description = "A new record id chosen by the client (UUID); the service chooses one when absent")
            @Pattern(regexp = UUID, message = "must be a UUID") String id,
            @Schema(example = MEMBER) @NotNull @Pattern(regexp = UUID, message = "must be a UUID") String memberId,
            @NotNull VolunteerServiceKind kind,
            @Schema(description = "hours, in steps of 0.5", example = "2.5") @NotNull @DecimalMin("0.5") @DecimalMax("24")
            @Digits(integer = 2, fraction = 1) BigDecimal hours,
            @Schema(example = DAY) @NotNull LocalDate date) {
    }

    /** 安排双重组织生活: a leading cadre takes part in a branch's organisational life besides his own, from a day on. */
    record AssignDualLife(
            @Schema(description = "the leading cadre (a member on the platform)", example = MEMBER)
            @NotNull @Pattern(regexp = UUID, message = "must be a UUID") String memberId,
            @Schema(description = "the branch (党支部) whose organisational life he joins, not his own", example = BRANCH)
            @NotNull @Pattern(regexp = UUID, message = "must be a UUID") String branchId,
            @Schema(description = "his leading post (职务)", example = "中心主任") @Name(max = 100) String position,
            @Schema(description = "the first day it applies", example = DAY) @NotNull LocalDate since,
            @Schema(description = "what it rests on (依据)", example = "党委关于落实领导干部双重组织生活制度的通知") @NotNull @FreeText(max = 500)
            String basis) {
    }

    /** 结束双重组织生活: the last day it applied (not in the future) and why it ends. */
    record EndDualLife(@Schema(description = "the last day it applied", example = DAY) @NotNull LocalDate until,
                       @Schema(example = "工作调整") @NotNull @FreeText(max = 500) String reason) {
    }
}
