package org.dangjian.activities.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.dangjian.contracts.activities.DeedCompleted;
import org.dangjian.contracts.activities.EngagementCorrected;
import org.dangjian.contracts.activities.EngagementKind;
import org.dangjian.contracts.activities.EngagementRecorded;
import org.dangjian.contracts.activities.LearningForm;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.security.BranchScope;

/**
 * A learning and practice record (学习与实践记录) of a branch, a stream of its own: learning and education (学习教育,
 * in a form: 集中学习, 专题研讨, 线上学习, 读书班), a "我为群众办实事" deed (committed 承诺, then completed 办结 with its
 * result), a research report (调研报告: authors and summary) or a mass activity (群众性活动, organised by the branch or a
 * mass organisation: 工会, 团支部, 妇委会). Every kind has its title, day, hours per participant (a report may have
 * none), participants and evidence references (文件编号, 照片编号, a URL). Nothing is edited: a correction (更正) is a
 * new event naming its reason and only the fields that change. A caller's scope is checked against its branch.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
class Engagement {

    static final int TITLE = 200;
    static final int EVIDENCE_TEXT = 300;
    static final int MAX_EVIDENCE = 20;
    static final int MAX_PARTICIPANTS = 500;
    static final int TEXT = 2000;
    static final int REASON = 1000;
    private static final BigDecimal MAX_HOURS = new BigDecimal("24");
    private static final BigDecimal STEP = new BigDecimal("0.5");

    @AggregateIdentifier
    private String engagementId;
    private EngagementKind kind;
    private String branchId;
    private String organiserId;
    private String title;
    private LocalDate date;
    private BigDecimal hours;
    private List<String> participants = List.of();
    private List<String> evidence = List.of();
    private String description;
    private LearningForm learningForm;
    private List<String> authors;
    private String summary;
    private boolean completed;
    private LocalDate completedOn;
    private String result;

    protected Engagement() {
        // for Axon
    }

    /** Recorded by a caller whose scope covers the branch (the handler checked it). */
    Engagement(RecordEngagementCommand command, ActivityRules rules) {
        EngagementKind what = command.kind();
        if (what == null || command.branchId() == null || command.date() == null) {
            throw RuleViolation.invalid("INVALID_REQUEST", "The following fields are not valid: {0}", "kind, branchId, date");
        }
        String checkedTitle = ActivityTexts.line("title", command.title(), TITLE);
        LocalDate day = rules.past(command.date());
        BigDecimal checkedHours = command.hours() == null ? null : hours(command.hours());
        if (checkedHours == null && what != EngagementKind.RESEARCH_REPORT) {
            throw RuleViolation.invalid("HOURS_REQUIRED", "A record of kind {0} needs its hours per participant", what.name());
        }
        onlyFor(what, EngagementKind.LEARNING, "learningForm", command.learningForm());
        onlyFor(what, EngagementKind.RESEARCH_REPORT, "authors", command.authors());
        onlyFor(what, EngagementKind.RESEARCH_REPORT, "summary", ActivityTexts.optional(command.summary()));
        onlyFor(what, EngagementKind.MASS_ACTIVITY, "organiserId", command.organiserId());
        if (what == EngagementKind.LEARNING && command.learningForm() == null) {
            throw RuleViolation.invalid("LEARNING_FORM_REQUIRED", "Learning and education names its form (集中学习, 专题研讨, 线上学习, 读书班)");
        }
        List<String> checkedAuthors = null;
        String checkedSummary = null;
        if (what == EngagementKind.RESEARCH_REPORT) {
            if (command.authors() == null || command.authors().isEmpty()) {
                throw RuleViolation.invalid("AUTHORS_REQUIRED", "A research report names its authors");
            }
            checkedAuthors = members(command.authors(), "DUPLICATE_AUTHOR");
            if (ActivityTexts.optional(command.summary()) == null) {
                throw RuleViolation.invalid("SUMMARY_REQUIRED", "A research report has its summary");
            }
            checkedSummary = ActivityTexts.free("summary", command.summary(), TEXT);
        }
        List<String> given = command.participants();
        if ((given == null || given.isEmpty()) && checkedAuthors != null) {
            given = checkedAuthors; // a report's participants are its authors unless named
        }
        List<String> checkedParticipants = members(given, "DUPLICATE_PARTICIPANT");
        authorsTookPart(checkedAuthors, checkedParticipants);
        apply(new EngagementRecorded(command.engagementId(), what, command.branchId(),
                what == EngagementKind.MASS_ACTIVITY && command.organiserId() != null && !command.organiserId().equals(command.branchId())
                        ? command.organiserId() : null,
                checkedTitle, day, checkedHours, checkedParticipants, evidence(command.evidence()),
                ActivityTexts.optionalFree("description", command.description(), TEXT), command.learningForm(), checkedAuthors, checkedSummary));
    }

    /** 办结: once, a deed only, on a day not before its commitment. */
    void complete(CompleteDeedCommand command, ActivityRules rules) {
        inScope(command.scope());
        if (kind != EngagementKind.DEED) {
            throw RuleViolation.conflict("NOT_A_DEED", "Record {0} is not a \"我为群众办实事\" deed: only a deed is completed", engagementId);
        }
        if (completed) {
            throw RuleViolation.conflict("DEED_ALREADY_COMPLETED", "Deed {0} was completed on {1}", engagementId, String.valueOf(completedOn));
        }
        LocalDate day = rules.past(command.date());
        notBeforeCommitment(date, day);
        apply(new DeedCompleted(engagementId, branchId, day, ActivityTexts.free("result", command.result(), TEXT)));
    }

    /** 更正: only the fields that change, with the reason; a correction that changes nothing is refused. */
    void correct(CorrectEngagementCommand command, ActivityRules rules) {
        inScope(command.scope());
        String why = ActivityTexts.free("reason", command.reason(), REASON);
        onlyFor(kind, EngagementKind.LEARNING, "learningForm", command.learningForm());
        onlyFor(kind, EngagementKind.RESEARCH_REPORT, "authors", command.authors());
        onlyFor(kind, EngagementKind.RESEARCH_REPORT, "summary", ActivityTexts.optional(command.summary()));
        onlyFor(kind, EngagementKind.MASS_ACTIVITY, "organiserId", command.organiserId());
        onlyFor(kind, EngagementKind.DEED, "completedOn", command.completedOn());
        onlyFor(kind, EngagementKind.DEED, "result", ActivityTexts.optional(command.result()));
        if (!completed && (command.completedOn() != null || ActivityTexts.optional(command.result()) != null)) {
            throw RuleViolation.conflict("DEED_NOT_COMPLETED", "Deed {0} is not completed yet: complete it instead", engagementId);
        }
        String newTitle = command.title() == null ? null : changed(title, ActivityTexts.line("title", command.title(), TITLE));
        LocalDate newDate = command.date() == null ? null : changed(date, rules.past(command.date()));
        BigDecimal newHours = null;
        if (command.hours() != null) {
            BigDecimal checked = hours(command.hours());
            newHours = hours != null && hours.compareTo(checked) == 0 ? null : checked;
        }
        List<String> newParticipants = null;
        if (command.participants() != null) {
            List<String> checked = members(command.participants(), "DUPLICATE_PARTICIPANT");
            newParticipants = new HashSet<>(checked).equals(new HashSet<>(participants)) ? null : checked;
        }
        List<String> newEvidence = command.evidence() == null ? null : changed(evidence, evidence(command.evidence()));
        String newDescription = ActivityTexts.optional(command.description()) == null ? null
                : changed(description, ActivityTexts.free("description", command.description(), TEXT));
        LearningForm newForm = command.learningForm() == null ? null : changed(learningForm, command.learningForm());
        List<String> newAuthors = null;
        if (command.authors() != null) {
            if (command.authors().isEmpty()) {
                throw RuleViolation.invalid("AUTHORS_REQUIRED", "A research report names its authors");
            }
            List<String> checked = members(command.authors(), "DUPLICATE_AUTHOR");
            newAuthors = new HashSet<>(checked).equals(new HashSet<>(authors == null ? List.of() : authors)) ? null : checked;
        }
        String newSummary = ActivityTexts.optional(command.summary()) == null ? null
                : changed(summary, ActivityTexts.free("summary", command.summary(), TEXT));
        String newOrganiser = command.organiserId() == null ? null
                : changed(organiserId == null ? branchId : organiserId, command.organiserId());
        LocalDate newCompletedOn = command.completedOn() == null ? null : changed(completedOn, rules.past(command.completedOn()));
        String newResult = ActivityTexts.optional(command.result()) == null ? null
                : changed(result, ActivityTexts.free("result", command.result(), TEXT));
        authorsTookPart(newAuthors != null ? newAuthors : authors, newParticipants != null ? newParticipants : participants);
        if (completed) {
            notBeforeCommitment(newDate != null ? newDate : date, newCompletedOn != null ? newCompletedOn : completedOn);
        }
        if (newTitle == null && newDate == null && newHours == null && newParticipants == null && newEvidence == null && newDescription == null
                && newForm == null && newAuthors == null && newSummary == null && newOrganiser == null && newCompletedOn == null
                && newResult == null) {
            throw RuleViolation.conflict("ENGAGEMENT_UNCHANGED", "The correction changes nothing of record {0}", engagementId);
        }
        apply(new EngagementCorrected(engagementId, kind, branchId, why, newTitle, newDate, newHours, newParticipants, newEvidence, newDescription,
                newForm, newAuthors, newSummary, newOrganiser, newCompletedOn, newResult));
    }

    /** Hours per participant: more than 0, at most 24, in steps of 0.5; written without trailing zeros. */
    static BigDecimal hours(BigDecimal hours) {
        if (hours == null || hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0 || hours.remainder(STEP).signum() != 0) {
            throw RuleViolation.invalid("INVALID_HOURS", "Hours per participant are more than 0 and at most 24, in steps of 0.5");
        }
        BigDecimal stripped = hours.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Member ids, 1 to 500, each once. */
    static List<String> members(List<String> given, String duplicateCode) {
        if (given == null || given.isEmpty()) {
            throw RuleViolation.invalid("NO_PARTICIPANTS", "Name at least one participant");
        }
        if (given.size() > MAX_PARTICIPANTS) {
            throw RuleViolation.invalid("TOO_MANY_PARTICIPANTS", "At most {0} members at a time", MAX_PARTICIPANTS);
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String member : given) {
            if (member == null || member.isBlank()) {
                throw RuleViolation.invalid("INVALID_REQUEST", "The following fields are not valid: {0}", "participants");
            }
            if (!seen.add(member)) {
                throw RuleViolation.invalid(duplicateCode, "Member {0} is named twice", member);
            }
        }
        return List.copyOf(seen);
    }

    /** Evidence references: 0 to 20 short texts on one line, each once. */
    static List<String> evidence(List<String> given) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_EVIDENCE) {
            throw RuleViolation.invalid("TOO_MANY_EVIDENCE", "At most {0} evidence references", MAX_EVIDENCE);
        }
        List<String> checked = new ArrayList<>();
        for (String reference : given) {
            String text = ActivityTexts.line("evidence", reference, EVIDENCE_TEXT);
            if (checked.contains(text)) {
                throw RuleViolation.invalid("DUPLICATE_EVIDENCE", "Evidence reference {0} is named twice", text);
            }
            checked.add(text);
        }
        return List.copyOf(checked);
    }

    /** A report's authors are among its participants (so that each sees it among his records). */
    private static void authorsTookPart(List<String> authors, List<String> participants) {
        if (authors != null) {
            for (String author : authors) {
                if (!participants.contains(author)) {
                    throw RuleViolation.invalid("AUTHOR_NOT_PARTICIPANT", "Author {0} is not among the participants", author);
                }
            }
        }
    }

    private static void onlyFor(EngagementKind kind, EngagementKind owner, String field, Object value) {
        if (value != null && kind != owner) {
            throw RuleViolation.invalid("FIELD_NOT_FOR_KIND", "{0} belongs to a record of kind {1}, not {2}", field, owner.name(), kind.name());
        }
    }

    private void notBeforeCommitment(LocalDate committed, LocalDate done) {
        if (committed != null && done != null && done.isBefore(committed)) {
            throw RuleViolation.conflict("COMPLETION_BEFORE_COMMITMENT", "Deed {0} cannot be completed on {1}, before it was committed on {2}",
                    engagementId, done.toString(), committed.toString());
        }
    }

    /** The new value when it differs from the current one, else null (unchanged). */
    private static <T> T changed(T current, T value) {
        return Objects.equals(current, value) ? null : value;
    }

    private void inScope(BranchScope scope) {
        if (scope == null || !scope.covers(branchId)) {
            throw notFound(engagementId);
        }
    }

    static RuleViolation notFound(String id) {
        return RuleViolation.notFound("ENGAGEMENT_NOT_FOUND", "There is no learning and practice record {0}", id);
    }

    @EventSourcingHandler
    void on(EngagementRecorded event) {
        engagementId = event.engagementId();
        kind = event.kind();
        branchId = event.branchId();
        organiserId = event.organiserId();
        title = event.title();
        date = event.date();
        hours = event.hours();
        participants = event.participants() == null ? List.of() : event.participants();
        evidence = event.evidence() == null ? List.of() : event.evidence();
        description = event.description();
        learningForm = event.learningForm();
        authors = event.authors();
        summary = event.summary();
    }

    @EventSourcingHandler
    void on(DeedCompleted event) {
        completed = true;
        completedOn = event.date();
        result = event.result();
    }

    @EventSourcingHandler
    void on(EngagementCorrected event) {
        title = event.title() != null ? event.title() : title;
        date = event.date() != null ? event.date() : date;
        hours = event.hours() != null ? event.hours() : hours;
        participants = event.participants() != null ? event.participants() : participants;
        evidence = event.evidence() != null ? event.evidence() : evidence;
        description = event.description() != null ? event.description() : description;
        learningForm = event.learningForm() != null ? event.learningForm() : learningForm;
        authors = event.authors() != null ? event.authors() : authors;
        summary = event.summary() != null ? event.summary() : summary;
        if (event.organiserId() != null) {
            organiserId = event.organiserId().equals(branchId) ? null : event.organiserId();
        }
        completedOn = event.completedOn() != null ? event.completedOn() : completedOn;
        result = event.result() != null ? event.result() : result;
    }
}
