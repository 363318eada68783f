package org.dangjian.organisation.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.dangjian.organisation.command.UnitFacts;
import org.dangjian.organisation.query.BranchRostersReadModel;
import org.dangjian.organisation.query.OrganisationQueries;
import org.dangjian.organisation.query.UnitTimelinesReadModel;
import org.dangjian.organisation.work.WorkRecordsReadModel;
import org.dangjian.runtime.command.CommandContext;
import org.dangjian.runtime.domain.BusinessCalendar;
import org.dangjian.runtime.domain.RuleViolation;
import org.dangjian.runtime.eventstore.ChainVerification;
import org.dangjian.runtime.eventstore.ChainVerifier;
import org.dangjian.runtime.eventstore.EventStoreReader;
import org.dangjian.runtime.readmodel.ReadYourWrites;
import org.dangjian.runtime.readmodel.TimelineStore;
import org.dangjian.runtime.security.Caller;
import org.dangjian.runtime.security.Roles;
import org.dangjian.runtime.web.AggregateIds;
import org.dangjian.runtime.eventstore.StoredEvent;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the endpoints of the committee's year of work share: the calendar, the units and rosters a command names (as
 * the read models show them: a unit established a moment ago shows within seconds), the command's context (business
 * time the day given), reading a record with read-your-writes, its timeline and its hash chain check.
 */
@Component
class WorkAccess {

    /** Who reads the records (双述双评 reports: not party members). */
    static final String READERS = "hasAnyRole('COMMITTEE_STAFF','BRANCH_SECRETARY','PARTY_MEMBER','DISCIPLINE_INSPECTOR','AUDITOR')";
    static final String REPORT_READERS = "hasAnyRole('COMMITTEE_STAFF','BRANCH_SECRETARY','DISCIPLINE_INSPECTOR','AUDITOR')";
    static final String STAFF = "hasRole('COMMITTEE_STAFF')";
    static final String STAFF_OR_SECRETARY = "hasAnyRole('COMMITTEE_STAFF','BRANCH_SECRETARY')";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_PAGE_SIZE = 200;

    /** The stored aggregate type of each kind of record. */
    private static final Map<WorkRecordsReadModel.Kind, String> AGGREGATE_TYPES = Map.of(WorkRecordsReadModel.Kind.TERM, "BranchTerm",
            WorkRecordsReadModel.Kind.CRITERIA, "AssessmentCriteria", WorkRecordsReadModel.Kind.ASSESSMENT, "UnitAssessment",
            WorkRecordsReadModel.Kind.PLAN, "WorkPlan", WorkRecordsReadModel.Kind.TASK, "WorkTask", WorkRecordsReadModel.Kind.LIST,
            "ResponsibilityList", WorkRecordsReadModel.Kind.REPORT, "SecretaryReport");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> PARTY_MEMBER_STAGES = Set.of("PROBATIONARY", "FULL_MEMBER");

    private final BusinessCalendar calendar;
    private final OrganisationQueries units;
    private final BranchRostersReadModel rosters;
    private final ReadYourWrites readYourWrites;
    private final ChainVerifier verifier;
    private final EventStoreReader store;

    WorkAccess(BusinessCalendar calendar, OrganisationQueries units, BranchRostersReadModel rosters, ReadYourWrites readYourWrites,
               ChainVerifier verifier, EventStoreReader store) {
        this.calendar = calendar;
        this.units = units;
        this.rosters = rosters;
        this.readYourWrites = readYourWrites;
        this.verifier = verifier;
        this.store = store;
    }

    LocalDate today() {
        return calendar.today();
    }

    /** The unit a command names, as the tree shows it ({@code UNIT_NOT_FOUND}). */
    UnitFacts unit(String field, String given) {
        String id = AggregateIds.canonical(field, given);
        return units.unit(id).map(u -> new UnitFacts(id, u.name(), u.kind(), !"DISSOLVED".equals(u.status())))
                .orElseThrow(() -> RuleViolation.notFound("UNIT_NOT_FOUND", "There is no unit {0} (a unit established a moment ago shows within seconds)",
                        id));
    }

    /** A party member (probationary or full) on the unit's roster ({@code NOT_ON_ROSTER}): his roster entry. */
    BranchRostersReadModel.RosterEntry partyMember(UnitFacts unit, String given) {
        String memberId = AggregateIds.canonical("memberId", given);
        return rosters.entry(unit.unitId(), memberId).filter(entry -> PARTY_MEMBER_STAGES.contains(entry.stage()))
                .orElseThrow(() -> RuleViolation.conflict("NOT_ON_ROSTER", "{0} is not a party member on the roster of {1}", memberId, unit.name()));
    }

    /**
     * A full member (正式党员) on the unit's roster, who may stand for and hold a committee seat: a probationary member
     * may neither vote nor stand ({@code NOT_FULL_MEMBER}).
     */
    BranchRostersReadModel.RosterEntry fullMember(UnitFacts unit, String given) {
        BranchRostersReadModel.RosterEntry entry = partyMember(unit, given);
        if (!"FULL_MEMBER".equals(entry.stage())) {
            throw RuleViolation.conflict("NOT_FULL_MEMBER", "{0} is a probationary member: he may neither vote nor stand for the committee",
                    entry.name());
        }
        return entry;
    }

    /** The branch a secretary acts for (his token's), or null for committee staff, who act for every unit. */
    static String actingBranch() {
        Caller caller = Caller.current();
        return caller.has(Roles.COMMITTEE_STAFF) ? null : caller.secretaryBranch() == null ? "-" : caller.secretaryBranch();
    }

    /** A command's context: business time the day at 00:00 in the centre's zone, when given and not in the future. */
    CommandContext context(String idempotencyKey, String operation, Object request, LocalDate day) {
        Instant occurredAt = day == null ? null : day.atStartOfDay(calendar.zone()).toInstant();
        if (occurredAt != null && occurredAt.isAfter(calendar.clock().instant())) {
            occurredAt = null;
        }
        String role = Caller.current().has(Roles.COMMITTEE_STAFF) ? Roles.COMMITTEE_STAFF : Roles.BRANCH_SECRETARY;
        return CommandContext.of(idempotencyKey, operation, request, occurredAt).actingAs(role);
    }

    /** The record's view once its read model shows {@code minSequence}. */
    <T> T read(String id, Long minSequence, Supplier<RuleViolation> notFound, Function<String, Optional<T>> view) {
        readYourWrites.await(WorkRecordsReadModel.NAME, id, minSequence, notFound);
        return view.apply(id).orElseThrow(notFound);
    }

    /** Whether the store holds a record of that kind with this id (the read models may not show it yet). */
    boolean stored(String id, WorkRecordsReadModel.Kind kind) {
        return store.read(id, 0).filter(first -> AGGREGATE_TYPES.get(kind).equals(first.aggregateType())).isPresent();
    }

    /** A page of the record's timeline. */
    Map<String, Object> timeline(String id, WorkRecordsReadModel.Kind kind, Long minSequence, long from, int limit, Supplier<RuleViolation> notFound) {
        readYourWrites.await(UnitTimelinesReadModel.NAME, id, minSequence, notFound);
        if (!stored(id, kind)) {
            throw notFound.get();
        }
        TimelineStore.Page page = units.timeline(id, from, limit).orElseThrow(notFound);
        return page.answer("id", id);
    }

    /** The record's hash chain checked. */
    ChainVerification verify(String id, WorkRecordsReadModel.Kind kind, Supplier<RuleViolation> notFound) {
        if (!stored(id, kind)) {
            throw notFound.get();
        }
        return verifier.verifyExisting(id, notFound);
    }

    /** A record's first event's body as stored (its unit, year, fingerprint), whatever the read models show yet. */
    JsonNode firstEvent(String id, WorkRecordsReadModel.Kind kind, Supplier<RuleViolation> notFound) {
        StoredEvent first = store.read(id, 0).filter(e -> AGGREGATE_TYPES.get(kind).equals(e.aggregateType())).orElseThrow(notFound);
        return JSON.readTree(first.data());
    }

    /** The highest stored sequence of a stream, if there is one. */
    Optional<Long> head(String id) {
        return store.lastStoredSequence(id);
    }
}
