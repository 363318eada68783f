package org.dangjian.discipline.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;

import org.dangjian.contracts.discipline.RecordKind;
import org.dangjian.contracts.discipline.RecordView;
import org.dangjian.discipline.command.AccessCommands;
import org.dangjian.discipline.command.DisciplineRules;
import org.dangjian.discipline.query.DisciplineQueries;
import org.dangjian.discipline.query.DisciplineRecordsReadModel;
import org.dangjian.discipline.query.DisciplineTimelinesReadModel;
import org.dangjian.runtime.command.CommandContext;
import org.dangjian.runtime.command.CommandDispatcher;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.eventstore.ChainVerification;
import org.dangjian.runtime.eventstore.ChainVerifier;
import org.dangjian.runtime.eventstore.EventStoreReader;
import org.dangjian.runtime.platform.MemberDirectoryReadModel;
import org.dangjian.runtime.readmodel.ReadYourWrites;
import org.dangjian.runtime.readmodel.TimelineStore;
import org.dangjian.runtime.security.Caller;
import org.dangjian.runtime.security.Roles;
import org.dangjian.runtime.web.AggregateIds;
import org.springframework.stereotype.Component;

/**
 * What every discipline record's endpoints share: the command's context (a discipline inspector's, business time the
 * day given), reading a record with read-your-writes, its timeline and verification, and the access log: every read
 * of a record's detail, timeline or verification is recorded (the reader is the event's actor) before it is answered,
 * so a read that cannot be logged is not answered.
 */
@Component
class RecordAccess {

    private final CommandDispatcher commands;
    private final ReadYourWrites readYourWrites;
    private final DisciplineQueries queries;
    private final ChainVerifier verifier;
    private final DisciplineRules rules;
    private final EventStoreReader store;
    private final MemberDirectoryReadModel directory;

    RecordAccess(CommandDispatcher commands, ReadYourWrites readYourWrites, DisciplineQueries queries, ChainVerifier verifier,
                 DisciplineRules rules, EventStoreReader store, MemberDirectoryReadModel directory) {
        this.directory = directory;
        this.commands = commands;
        this.readYourWrites = readYourWrites;
        this.queries = queries;
        this.verifier = verifier;
        this.rules = rules;
        this.store = store;
    }

    /** The aggregate type of each kind of record, as its events are stored. */
    private static final Map<RecordKind, String> AGGREGATE_TYPES = Map.of(RecordKind.INSPECTION, "Inspection", RecordKind.TALK, "Talk",
            RecordKind.CASE, "DisciplinaryCase", RecordKind.SELECTION_SUPERVISION, "SelectionSupervision");

    /** Whether the store holds a record of that kind with this id (the read models may not show it yet). */
    private boolean stored(String id, RecordKind kind) {
        return store.read(id, 0).filter(first -> AGGREGATE_TYPES.get(kind).equals(first.aggregateType())).isPresent();
    }

    LocalDate today() {
        return rules.today();
    }

    /** A member a record names: one the members service published (404 {@code MEMBER_NOT_FOUND} otherwise); his canonical id. */
    String requireMember(String given) {
        String memberId = AggregateIds.canonical("memberId", given);
        if (directory.member(memberId).isEmpty()) {
            throw RuleViolation.notFound("MEMBER_NOT_FOUND", "There is no member {0} (a member recorded a moment ago shows within seconds)", memberId);
        }
        return memberId;
    }

    /** A discipline inspector's command: business time the day at 00:00 in the service's zone, when given and not in the future. */
    CommandContext context(String idempotencyKey, String operation, Object request, LocalDate day) {
        Instant occurredAt = day == null ? null : day.atStartOfDay(rules.zone()).toInstant();
        if (occurredAt != null && occurredAt.isAfter(rules.clock().instant())) {
            occurredAt = null;
        }
        return CommandContext.of(idempotencyKey, operation, request, occurredAt).actingAs(Roles.DISCIPLINE_INSPECTOR);
    }

    /** The record of that kind as it stands, once its read model shows {@code minSequence}; its read logged. */
    <T> T read(String id, RecordKind kind, Long minSequence, Supplier<RuleViolation> notFound, java.util.function.Function<String, java.util.Optional<T>> view) {
        readYourWrites.await(DisciplineRecordsReadModel.NAME, id, minSequence, notFound);
        T found = queries.document(id, kind).flatMap(doc -> view.apply(id)).orElseThrow(notFound);
        log(id, kind, RecordView.DETAIL);
        return found;
    }

    /** A page of the record's timeline; its read logged. */
    Map<String, Object> timeline(String id, RecordKind kind, String idField, Long minSequence, long from, int limit,
                                 Supplier<RuleViolation> notFound) {
        readYourWrites.await(DisciplineTimelinesReadModel.NAME, id, minSequence, notFound);
        if (!stored(id, kind)) {
            throw notFound.get();
        }
        TimelineStore.Page page = queries.timeline(id, from, limit).orElseThrow(notFound);
        log(id, kind, RecordView.TIMELINE);
        return page.answer(idField, id);
    }

    /** The record's hash chain checked; its read logged. */
    ChainVerification verify(String id, RecordKind kind, Supplier<RuleViolation> notFound) {
        if (!stored(id, kind)) {
            throw notFound.get();
        }
        ChainVerification verification = verifier.verifyExisting(id, notFound);
        log(id, kind, RecordView.VERIFICATION);
        return verification;
    }

    /** Records one read by the caller (as an auditor when he is one, else as an inspector). */
    private void log(String recordId, RecordKind kind, RecordView view) {
        String role = Caller.current().has(Roles.AUDITOR) ? Roles.AUDITOR : Roles.DISCIPLINE_INSPECTOR;
        CommandContext context = CommandContext.of(null, "read " + kind + " " + recordId, Map.of("recordId", recordId, "view", view.name()), null)
                .actingAs(role);
        String logId = AccessCommands.logIdOf(recordId);
        try {
            commands.send(logId, id -> new AccessCommands.RecordReadCommand(id, recordId, kind, view), context);
        } catch (RuleViolation created) {
            if (!"ALREADY_EXISTS".equals(created.code()) && !"ACCESS_LOG_ALREADY_EXISTS".equals(created.code())) {
                throw created;
            }
            // another read created the record's log at the same moment: this read is its next event
            commands.send(logId, id -> new AccessCommands.RecordReadCommand(id, recordId, kind, view), context);
        }
    }
}
