package org.dangjian.activities.command;

import static org.dangjian.activities.command.ActivityTest.code;

import java.io.InputStream;
import java.util.List;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dangjian.contracts.activities.ActivityKind;
import org.dangjian.contracts.activities.ComplianceConcluded;
import org.dangjian.runtime.domain.RuleViolation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A compliance record (三会一课落实情况): concluded once for an ended period by the version of the rules in effect on
 * its first day, with the held activities (each once, sorted); a second attempt on the same record records nothing; and
 * each refusal by its code. Today is 2026-11-28 in Shanghai.
 */
class ComplianceTest {

    static final String BRANCH = ActivityTest.BRANCH;
    static final String A1 = "00000000-0000-4000-8000-0000000000a1";
    static final String A2 = "00000000-0000-4000-8000-0000000000a2";
    static ComplianceRules rules;

    private FixtureConfiguration<Compliance> fixture;

    @BeforeAll
    static void readRules() throws Exception {
        try (InputStream in = ComplianceTest.class.getResourceAsStream("/compliance-rules.json")) {
            rules = ComplianceRules.read(in);
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Compliance.class);
        fixture.registerAnnotatedCommandHandler(new ComplianceCommandHandlers(fixture.getRepository(), rules, ActivityTest.RULES));
    }

    private static String id(ActivityKind kind, String period) {
        return ComplianceRules.recordId(BRANCH, kind, CompliancePeriod.parse(period));
    }

    private static ConcludeComplianceCommand conclude(ActivityKind kind, String period, List<String> held) {
        return new ConcludeComplianceCommand(id(kind, period), BRANCH, kind, period, held);
    }

    @Test
    void anEndedMonthIsConcludedByTheRulesInEffectWithTheHeldActivitiesOnceEachAndSorted() {
        fixture.givenNoPriorActivity()
                .when(conclude(ActivityKind.BRANCH_COMMITTEE_MEETING, "2026-10", List.of(A2, A1, A2.toUpperCase())))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ComplianceConcluded(id(ActivityKind.BRANCH_COMMITTEE_MEETING, "2026-10"), BRANCH,
                        ActivityKind.BRANCH_COMMITTEE_MEETING, "2026-10", "2022.1", 1, 2, true, List.of(A1, A2)));
    }

    @Test
    void aPeriodWithoutEnoughHeldIsConcludedNotMet() {
        fixture.givenNoPriorActivity()
                .when(conclude(ActivityKind.PARTY_LESSON, "2026-Q3", List.of()))
                .expectEvents(new ComplianceConcluded(id(ActivityKind.PARTY_LESSON, "2026-Q3"), BRANCH, ActivityKind.PARTY_LESSON, "2026-Q3",
                        "2022.1", 1, 0, false, List.of()));
        fixture.givenNoPriorActivity()
                .when(conclude(ActivityKind.ORGANISATIONAL_LIFE_MEETING, "2025", null))
                .expectEvents(new ComplianceConcluded(id(ActivityKind.ORGANISATIONAL_LIFE_MEETING, "2025"), BRANCH,
                        ActivityKind.ORGANISATIONAL_LIFE_MEETING, "2025", "2022.1", 1, 0, false, List.of()));
    }

    @Test
    void aSecondAttemptOnAConcludedRecordRecordsNothing() {
        ConcludeComplianceCommand command = conclude(ActivityKind.THEME_PARTY_DAY, "2026-10", List.of(A1));
        fixture.given(new ComplianceConcluded(command.complianceId(), BRANCH, ActivityKind.THEME_PARTY_DAY, "2026-10", "2022.1", 1, 1, true,
                        List.of(A1)))
                .when(conclude(ActivityKind.THEME_PARTY_DAY, "2026-10", List.of(A1, A2)))
                .expectException(EventStoreException.class)
                .expectNoEvents();
    }

    @Test
    void aPeriodThatHasNotEndedInShanghaiIsNotConcluded() {
        fixture.givenNoPriorActivity()
                .when(conclude(ActivityKind.BRANCH_COMMITTEE_MEETING, "2026-11", List.of()))
                .expectException(code("PERIOD_NOT_ENDED"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(conclude(ActivityKind.PARTY_LESSON, "2026-Q4", List.of()))
                .expectException(code("PERIOD_NOT_ENDED"));
        fixture.givenNoPriorActivity()
                .when(conclude(ActivityKind.ORGANISATIONAL_LIFE_MEETING, "2026", List.of()))
                .expectException(code("PERIOD_NOT_ENDED"));
    }

    @Test
    void theRecordMustBeOfAKindThePeriodsVersionRequiresPerSuchAPeriod() {
        fixture.givenNoPriorActivity()
                .when(conclude(ActivityKind.BRANCH_COMMITTEE_MEETING, "2026-Q3", List.of()))
                .expectException(code("KIND_NOT_REQUIRED"));
        fixture.givenNoPriorActivity()
                .when(conclude(ActivityKind.DEMOCRATIC_LIFE_MEETING, "2025", List.of()))
                .expectException(code("KIND_NOT_REQUIRED"));
        fixture.givenNoPriorActivity()
                .when(conclude(ActivityKind.BRANCH_COMMITTEE_MEETING, "2021-12", List.of()))
                .expectException(code("NO_COMPLIANCE_RULES"));
    }

    @Test
    void theIdIsDerivedFromBranchKindAndPeriodAndThePeriodIsOne() {
        fixture.givenNoPriorActivity()
                .when(new ConcludeComplianceCommand(id(ActivityKind.PARTY_LESSON, "2026-Q2"), BRANCH, ActivityKind.PARTY_LESSON, "2026-Q1",
                        List.of()))
                .expectException(code("COMPLIANCE_ID_MISMATCH"));
        fixture.givenNoPriorActivity()
                .when(new ConcludeComplianceCommand(id(ActivityKind.PARTY_LESSON, "2026-Q2"), BRANCH, ActivityKind.PARTY_LESSON, "2026-Q5",
                        List.of()))
                .expectException(code("INVALID_PERIOD"));
        fixture.givenNoPriorActivity()
                .when(conclude(ActivityKind.PARTY_LESSON, "2026-Q2", List.of("not-an-id")))
                .expectException(RuleViolation.class)
                .expectException(code("INVALID_ID"));
    }
}
