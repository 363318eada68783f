package org.dangjian.contracts.activities;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dangjian.contracts.EventType;

/**
 * 学习与实践登记: a branch recorded learning and education (学习教育), a "我为群众办实事" deed (its commitment, 承诺;
 * {@link DeedCompleted} follows when it is done), a research report (调研报告) or a mass activity (群众性活动), with its
 * participants, hours and evidence references; a record of its own (subject: the record's id, aggregate type
 * Engagement). Corrections follow as {@link EngagementCorrected}, never as an edit.
 *
 * @param engagementId the record's id (UUID)
 * @param kind         which kind of record
 * @param branchId     the branch (党支部) it belongs to
 * @param organiserId  a mass activity's organising unit (the branch itself or a mass organisation: 工会, 团支部, 妇委会),
 *                     when other than the branch; only a mass activity has one
 * @param title        the title (a deed: what was committed)
 * @param date         the day it took place (a deed: the day it was committed; a report: its day)
 * @param hours        hours per participant, in steps of 0.5 (a report may have none)
 * @param participants the members who took part (the members service's record ids), each once, 1 to 500
 * @param evidence     evidence references (文件编号, 照片编号, a URL), 0 to 20
 * @param description  what it was about
 * @param learningForm how learning was held (learning only)
 * @param authors      a report's authors (member ids; reports only)
 * @param summary      a report's summary (reports only)
 */
@EventType(name = "org.dangjian.activities.EngagementRecorded", version = 1)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EngagementRecorded(
        String engagementId,
        EngagementKind kind,
        String branchId,
        String organiserId,
        String title,
        LocalDate date,
        BigDecimal hours,
        List<String> participants,
        List<String> evidence,
        String description,
        LearningForm learningForm,
        List<String> authors,
        String summary) {
}
