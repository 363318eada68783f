package org.dangjian.activities.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A learning and practice record (学习教育, "我为群众办实事", 调研报告, 群众性活动) as it stands after its corrections: the
 * participants and authors named as the member directory knows them, the evidence references, a deed's completion,
 * and each correction (reason, when, which fields).
 */
public record EngagementView(String id, String kind, String branchId, String branchName, String organiserId, String organiserName,
                             String title, String date, BigDecimal hours, List<Person> participants, List<String> evidence, String description,
                             String learningForm, List<Person> authors, String summary, String state, String completedOn, String result,
                             Instant recordedAt, List<Correction> corrections, long sequence) {

    /** A member, by id and (when the directory knows him) name. */
    public record Person(String memberId, String name) {
    }

    /** One correction: the event's sequence, its reason, when and which fields it changed. */
    public record Correction(long sequence, String reason, Instant correctedAt, List<String> fields) {
    }
}
