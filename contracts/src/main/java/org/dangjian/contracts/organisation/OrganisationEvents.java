package org.dangjian.contracts.organisation;

import java.util.List;

/** What the organisation service (组织) publishes, and where. */
public final class OrganisationEvents {

    /** The service's name, from which its topic and source follow ({@link org.dangjian.contracts.EventTypes}). */
    public static final String SERVICE = "organisation";

    /** The Kafka topic: every event of the service, keyed by its record's id (a unit, a term, an assessment, a plan, a task, a list, a report), kept forever. */
    public static final String TOPIC = "dangjian." + SERVICE + ".events";

    /** The CloudEvents {@code source} of the service's events. */
    public static final String SOURCE = "/dangjian/" + SERVICE;

    /** What the service publishes, in prose: the AsyncAPI document's description of the service. */
    public static final String DESCRIPTION = """
            The organisation service (组织). Besides the tree of units (aggregate type OrganisationUnit: established, renamed,
            dissolved; a command that changes a unit and its superior unit, establishing or dissolving a subordinate, publishes
            both events, committed together), its topic holds:

            - terms and elections (换届选举), aggregate type BranchTerm, a stream per term of a party organisation's committee:
              BranchTermRecorded for a term elected before the platform recorded it; otherwise BranchElectionCalled,
              BranchElectionHeld (voters, each candidate's votes, the elected committee) and BranchElectionApproved (the higher
              committee's approval; the term is in office from the election day until dueOn, when the next is due);
            - assessment criteria, aggregate type AssessmentCriteria, a stream per criteria set ("五化", "五力", "五好班子",
              "五好团队" ...; its id the name-based UUID of criteria|<code>): each AssessmentCriteriaPublished is a new version of
              its areas, maxima and grades, and an assessment names the version it used;
            - unit assessments (五化, 五力, 五好班子/五好团队), aggregate type UnitAssessment, a stream per unit, set and year (its id
              the name-based UUID of assessment|<code>|<unitId>|<year>): UnitAssessmentOpened, UnitAssessmentScored per area (an
              area scored on the branch's 三会一课 compliance published by the activities service carries the facts),
              UnitAssessmentConcluded with the total and grade, and any number of UnitAssessmentCorrected, each pointing at the
              event it corrects (by its ce_sequence) and, after the conclusion, carrying the new total and grade;
            - the annual work plan (年度工作要点), aggregate type WorkPlan, a stream per unit and year (its id the name-based UUID of
              plan|<unitId>|<year>): WorkPlanImported with its sections and items as written and the text's fingerprint;
            - tasks, aggregate type WorkTask, a stream per task, from a plan's item or on a task list: WorkTaskAssigned,
              WorkTaskProgressReported (0 to 100, never less than before) and WorkTaskReviewed (accepted, or sent back);
            - responsibility and task lists (党建工作责任制: 责任清单, 任务清单), aggregate type ResponsibilityList, a stream per list:
              ResponsibilityListDrawn, then ResponsibilityEntryAdded per duty;
            - 双述双评, aggregate type SecretaryReport, a stream per branch and year (its id the name-based UUID of
              secretary-report|<unitId>|<year>): SecretaryReportSubmitted, SecretaryReportEvaluated once per evaluator and
              SecretaryReportConcluded with the overall ratings.

            A name-based UUID is version 3, of the text in UTF-8.
            """;

    /** Every event type the service publishes. */
    public static final List<Class<? extends Record>> ALL = List.of(
            OrganisationUnitEstablished.class,
            OrganisationUnitRenamed.class,
            OrganisationUnitDissolved.class,
            OrganisationUnitSubordinateAttached.class,
            OrganisationUnitSubordinateDetached.class,
            BranchTermRecorded.class,
            BranchElectionCalled.class,
            BranchElectionHeld.class,
            BranchElectionApproved.class,
            AssessmentCriteriaPublished.class,
            UnitAssessmentOpened.class,
            UnitAssessmentScored.class,
            UnitAssessmentCorrected.class,
            UnitAssessmentConcluded.class,
            WorkPlanImported.class,
            WorkTaskAssigned.class,
            WorkTaskProgressReported.class,
            WorkTaskReviewed.class,
            ResponsibilityListDrawn.class,
            ResponsibilityEntryAdded.class,
            SecretaryReportSubmitted.class,
            SecretaryReportEvaluated.class,
            SecretaryReportConcluded.class);

    private OrganisationEvents() {
    }
}
