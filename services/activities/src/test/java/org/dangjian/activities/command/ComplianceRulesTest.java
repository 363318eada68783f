package org.dangjian.activities.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.dangjian.contracts.activities.ActivityKind;
import org.dangjian.runtime.domain.RuleViolation;
import org.junit.jupiter.api.Test;

/**
 * The arithmetic of "三会一课" compliance: periods (months, quarters, years) and their boundaries as days in the
 * centre's time zone (Asia/Shanghai, 8 hours ahead of UTC), the states and the edge of the warning window, the rule
 * set's version in effect on a period's first day, and the records' derived ids.
 */
class ComplianceRulesTest {

    private static final String BRANCH = "00000000-0000-4000-8000-000000000011";

    private static ActivityRules at(String instant) {
        return ActivityRules.defaults(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private static ComplianceRules bundled() throws Exception {
        try (InputStream in = ComplianceRulesTest.class.getResourceAsStream("/compliance-rules.json")) {
            return ComplianceRules.read(in);
        }
    }

    @Test
    void periodsAreParsedAndNamedAsMonthsQuartersAndYears() {
        CompliancePeriod march = CompliancePeriod.parse("2026-03");
        assertThat(march.frequency()).isEqualTo(Frequency.MONTHLY);
        assertThat(march.start()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(march.lastDay()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(march.label()).isEqualTo("2026-03");
        CompliancePeriod q4 = CompliancePeriod.parse("2026-Q4");
        assertThat(q4.start()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(q4.lastDay()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(q4.label()).isEqualTo("2026-Q4");
        assertThat(q4.next().label()).isEqualTo("2027-Q1");
        assertThat(q4.previous().label()).isEqualTo("2026-Q3");
        CompliancePeriod year = CompliancePeriod.parse("2024");
        assertThat(year.lastDay()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(CompliancePeriod.parse("2024-02").lastDay()).as("a leap year's February").isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(CompliancePeriod.parse("2026-12").next().label()).isEqualTo("2027-01");
        for (String bad : new String[] {"2026-13", "2026-00", "2026-Q0", "2026-Q5", "26-03", "2026-3", "2026-03-01", "", "２０２６"}) {
            assertThatThrownBy(() -> CompliancePeriod.parse(bad)).as(bad).isInstanceOfSatisfying(RuleViolation.class,
                    v -> assertThat(v.code()).isEqualTo("INVALID_PERIOD"));
        }
        assertThat("2026-Q2".matches(CompliancePeriod.PATTERN)).isTrue();
        assertThat("1999".matches(CompliancePeriod.PATTERN)).as("the API takes years 2000 to 2999").isFalse();
    }

    @Test
    void theContainingPeriodOfEachFrequencyAndTheFirstStartingOnOrAfterADay() {
        LocalDate day = LocalDate.of(2026, 5, 17);
        assertThat(CompliancePeriod.containing(Frequency.MONTHLY, day).label()).isEqualTo("2026-05");
        assertThat(CompliancePeriod.containing(Frequency.QUARTERLY, day).label()).isEqualTo("2026-Q2");
        assertThat(CompliancePeriod.containing(Frequency.YEARLY, day).label()).isEqualTo("2026");
        assertThat(CompliancePeriod.startingOnOrAfter(Frequency.MONTHLY, day).label()).as("established on the 17th: next month first")
                .isEqualTo("2026-06");
        assertThat(CompliancePeriod.startingOnOrAfter(Frequency.QUARTERLY, day).label()).isEqualTo("2026-Q3");
        assertThat(CompliancePeriod.startingOnOrAfter(Frequency.YEARLY, day).label()).isEqualTo("2027");
        assertThat(CompliancePeriod.startingOnOrAfter(Frequency.MONTHLY, LocalDate.of(2026, 5, 1)).label()).as("on the first: that month")
                .isEqualTo("2026-05");
        assertThat(CompliancePeriod.startingOnOrAfter(Frequency.QUARTERLY, LocalDate.of(2026, 4, 1)).label()).isEqualTo("2026-Q2");
    }

    @Test
    void aPeriodEndsAtMidnightInShanghaiWhichIsFourPmUtcTheDayBefore() {
        CompliancePeriod march = CompliancePeriod.parse("2026-03");
        assertThat(march.endsAt(ActivityRules.DEFAULT_ZONE)).isEqualTo(Instant.parse("2026-03-31T16:00:00Z"));
        assertThat(CompliancePeriod.parse("2026-Q1").endsAt(ActivityRules.DEFAULT_ZONE)).isEqualTo(Instant.parse("2026-03-31T16:00:00Z"));
        assertThat(CompliancePeriod.parse("2026").endsAt(ActivityRules.DEFAULT_ZONE)).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));

        LocalDate lastSecond = at("2026-03-31T15:59:59Z").today();
        LocalDate firstSecond = at("2026-03-31T16:00:00Z").today();
        assertThat(lastSecond).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(firstSecond).as("already April in Shanghai, still March in UTC").isEqualTo(LocalDate.of(2026, 4, 1));
        for (String label : new String[] {"2026-03", "2026-Q1"}) {
            CompliancePeriod period = CompliancePeriod.parse(label);
            assertThat(period.endedBy(lastSecond)).as(label).isFalse();
            assertThat(ComplianceState.of(0, 1, period, lastSecond, 7)).as(label).isEqualTo(ComplianceState.CLOSING);
            assertThat(period.endedBy(firstSecond)).as(label).isTrue();
            assertThat(ComplianceState.of(0, 1, period, firstSecond, 7)).as(label).isEqualTo(ComplianceState.OVERDUE);
            assertThat(ComplianceState.of(1, 1, period, firstSecond, 7)).as(label).isEqualTo(ComplianceState.MET);
        }
        CompliancePeriod year = CompliancePeriod.parse("2026");
        assertThat(year.endedBy(at("2026-12-31T15:59:59Z").today())).isFalse();
        assertThat(year.endedBy(at("2026-12-31T16:00:00Z").today())).isTrue();
        assertThat(CompliancePeriod.parse("2026-04").contains(firstSecond)).isTrue();
    }

    @Test
    void anUnmetPeriodIsClosingFromWarnDaysBeforeItsEndTodayIncluded() {
        CompliancePeriod november = CompliancePeriod.parse("2026-11"); // 30 days, ends 2026-12-01
        assertThat(november.daysLeft(LocalDate.of(2026, 11, 30))).as("the last day").isEqualTo(1);
        assertThat(november.daysLeft(LocalDate.of(2026, 11, 23))).isEqualTo(8);
        assertThat(november.daysLeft(LocalDate.of(2026, 12, 1))).isZero();
        assertThat(ComplianceState.of(0, 1, november, LocalDate.of(2026, 11, 23), 7)).isEqualTo(ComplianceState.OPEN);
        assertThat(ComplianceState.of(0, 1, november, LocalDate.of(2026, 11, 24), 7)).as("7 days left").isEqualTo(ComplianceState.CLOSING);
        assertThat(ComplianceState.of(0, 1, november, LocalDate.of(2026, 11, 30), 7)).isEqualTo(ComplianceState.CLOSING);
        assertThat(ComplianceState.of(0, 1, november, LocalDate.of(2026, 12, 1), 7)).isEqualTo(ComplianceState.OVERDUE);
        assertThat(ComplianceState.of(1, 1, november, LocalDate.of(2026, 11, 24), 7)).isEqualTo(ComplianceState.MET);
        assertThat(ComplianceState.of(1, 2, november, LocalDate.of(2026, 11, 2), 7)).as("one of two").isEqualTo(ComplianceState.OPEN);
        assertThat(ComplianceState.of(0, 1, november, LocalDate.of(2026, 11, 30), 0)).as("no warning window").isEqualTo(ComplianceState.OPEN);
        assertThat(ComplianceState.of(0, 1, november, LocalDate.of(2026, 10, 5), 7)).as("not begun").isEqualTo(ComplianceState.OPEN);
    }

    @Test
    void theBundledRulesRequireTheSixKindsAsTheCentreDoes() throws Exception {
        ComplianceRules rules = bundled();
        ComplianceRules.Version version = rules.at(LocalDate.of(2026, 11, 28)).orElseThrow();
        assertThat(version.version()).isEqualTo("2022.1");
        assertThat(version.warnDaysBefore()).isEqualTo(7);
        assertThat(version.of(Frequency.MONTHLY)).containsOnlyKeys(ActivityKind.BRANCH_COMMITTEE_MEETING, ActivityKind.PARTY_GROUP_MEETING,
                ActivityKind.THEME_PARTY_DAY);
        assertThat(version.of(Frequency.QUARTERLY)).containsOnlyKeys(ActivityKind.BRANCH_GENERAL_MEETING, ActivityKind.PARTY_LESSON);
        assertThat(version.of(Frequency.YEARLY)).containsOnlyKeys(ActivityKind.ORGANISATIONAL_LIFE_MEETING);
        assertThat(version.requirements().values()).allMatch(requirement -> requirement.minimum() == 1);
        assertThat(version.requirements().get(ActivityKind.PARTY_LESSON).title()).isEqualTo("党课");
        assertThat(rules.at(LocalDate.of(2021, 12, 31))).as("before the first version").isEmpty();
    }

    @Test
    void aPeriodIsJudgedByTheVersionInEffectOnItsFirstDay() throws Exception {
        String json = """
                {"versions": [
                  {"version": "2024.1", "effectiveFrom": "2024-02-15", "warnDaysBefore": 5,
                   "requirements": {"PARTY_LESSON": {"frequency": "MONTHLY", "minimum": 2}}},
                  {"version": "2022.1", "effectiveFrom": "2022-01-01", "warnDaysBefore": 7,
                   "requirements": {"PARTY_LESSON": {"frequency": "QUARTERLY"}}}
                ]}""";
        ComplianceRules rules = ComplianceRules.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(rules.versions()).extracting(ComplianceRules.Version::version).as("kept in order").containsExactly("2022.1", "2024.1");
        assertThat(rules.of(CompliancePeriod.parse("2024-02")).orElseThrow().version()).as("February began under 2022.1").isEqualTo("2022.1");
        assertThat(rules.of(CompliancePeriod.parse("2024-03")).orElseThrow().version()).isEqualTo("2024.1");
        assertThat(rules.of(CompliancePeriod.parse("2024-Q1")).orElseThrow().version()).isEqualTo("2022.1");
        assertThat(rules.of(CompliancePeriod.parse("2024")).orElseThrow().version()).isEqualTo("2022.1");
        assertThat(rules.of(CompliancePeriod.parse("2025")).orElseThrow().version()).isEqualTo("2024.1");
        assertThat(rules.at(LocalDate.of(2024, 2, 15)).orElseThrow().version()).as("in effect on its first day").isEqualTo("2024.1");
        assertThat(rules.at(LocalDate.of(2024, 2, 14)).orElseThrow().version()).isEqualTo("2022.1");
        assertThat(rules.versions().get(0).requirements().get(ActivityKind.PARTY_LESSON).minimum()).as("1 when not given").isEqualTo(1);
        assertThat(rules.firstEffective()).isEqualTo(LocalDate.of(2022, 1, 1));
        assertThatThrownBy(() -> ComplianceRules.read(new ByteArrayInputStream("""
                {"versions": [{"version": "x", "effectiveFrom": "2022-01-01", "warnDaysBefore": 7,
                  "requirements": {"PARTY_LESSON": {"frequency": "MONTHLY", "minimum": 0}}}]}""".getBytes(StandardCharsets.UTF_8))))
                .as("a minimum of 0 is no rule").hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRecordsIdIsTheNameBasedUuidOfBranchKindAndPeriod() {
        String id = ComplianceRules.recordId(BRANCH, ActivityKind.PARTY_LESSON, CompliancePeriod.parse("2026-Q1"));
        assertThat(id).isEqualTo(UUID.nameUUIDFromBytes(("compliance|" + BRANCH + "|PARTY_LESSON|2026-Q1").getBytes(StandardCharsets.UTF_8))
                .toString());
        assertThat(UUID.fromString(id).version()).isEqualTo(3);
        assertThat(ComplianceRules.recordId(BRANCH, ActivityKind.PARTY_LESSON, CompliancePeriod.parse("2026-Q2"))).isNotEqualTo(id);
    }

    @Test
    void aBranchOwesThePeriodsFromItsEstablishmentToItsDissolution() {
        CompliancePeriod may = CompliancePeriod.parse("2026-05");
        assertThat(ComplianceRules.owes(null, null, may)).isTrue();
        assertThat(ComplianceRules.owes(LocalDate.of(2026, 5, 1), null, may)).isTrue();
        assertThat(ComplianceRules.owes(LocalDate.of(2026, 5, 2), null, may)).as("established during May").isFalse();
        assertThat(ComplianceRules.owes(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 31), may)).as("dissolved on its last day").isFalse();
        assertThat(ComplianceRules.owes(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 1), may)).isTrue();
    }
}
