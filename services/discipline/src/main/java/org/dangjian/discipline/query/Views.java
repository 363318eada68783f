package org.dangjian.discipline.query;

import java.util.List;

/** The discipline records as the API answers them (case content: discipline inspectors and auditors only). */
public final class Views {

    private Views() {
    }

    /** A member named in a record, by id and (when the members service published him) name and branch. */
    public record MemberRef(String memberId, String name, String branchId, String branchName) {
    }

    /** An inspection (明察暗访) as it stands. */
    public record InspectionView(String id, String state, String target, String targetName, String branchId, String branchName, String mode,
                                 String plannedDate, List<String> inspectors, String focus, String carriedOutOn, String summary,
                                 List<Finding> findings, Rectification rectification, List<Round> rounds, String rectifiedOn, boolean overdue,
                                 String closedOn, String conclusion, long sequence) {
    }

    /** A finding, numbered in its inspection. */
    public record Finding(int no, String description, String severity, List<String> evidence) {
    }

    /** The rectification required: what, by when, by whom. */
    public record Rectification(String requirement, String deadline, String responsible) {
    }

    /** A step of the rectification: REPORTED (the report), ACCEPTED or SENT_BACK (the opinion). */
    public record Round(String step, String date, String text, List<String> evidence) {
    }

    /** A talk or written inquiry (谈话函询). */
    public record TalkView(String id, String state, String kind, MemberRef member, String date, List<String> talkers, String content,
                           String questions, String dueDate, boolean overdue, String answeredOn, String answer, String basis, String concludedOn,
                           String outcome, long sequence) {
    }

    /** A case (问责, 党纪处分) with its proposals and decision; {@code sanctionId} names its published effect. */
    public record CaseView(String id, String state, String type, MemberRef member, String date, String matter, String basis,
                           List<Proposal> proposals, Decision decision, String sanctionId, String endedOn, String endReason, long sequence) {
    }

    /** A proposed measure. */
    public record Proposal(String sanction, String measure, String reasons, String date) {
    }

    /** The decision. */
    public record Decision(String sanction, String measure, String basis, String date, String effectiveFrom, String effectiveUntil) {
    }

    /** Cadre selection supervision (选人用人监督): the checks in order, the latest per stage, the conclusion. */
    public record SelectionView(String id, String state, String position, String unitName, String date, String description, List<Check> checks,
                                List<Check> latestByStage, String concludedOn, Boolean compliant, String opinion, long sequence) {
    }

    /** A stage checked. */
    public record Check(String stage, String date, boolean compliant, String note) {
    }

    /** One read of a record (查阅记录): who (id, role, unit), when, what. */
    public record AccessEntry(String eventId, String recordId, String recordKind, String view, String readerId, String readerRole, String readerOrg,
                              String readAt) {
    }
}
