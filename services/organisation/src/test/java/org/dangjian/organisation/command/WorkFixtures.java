package org.dangjian.organisation.command;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.dangjian.contracts.organisation.OrganisationUnitKind;
import org.dangjian.runtime.domain.BusinessCalendar;
import org.dangjian.runtime.domain.RuleViolation;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;

/** What the fixture tests of the committee's year of work share: a fixed today (2026-11-28 in Asia/Shanghai), units, members. */
final class WorkFixtures {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T04:00:00Z"), ZoneOffset.UTC);
    static final BusinessCalendar CALENDAR = BusinessCalendar.defaults(CLOCK);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    static final String ID = "5b7f1f8e-2a4b-4c1d-9e2f-3a4b5c6d7e8f";
    static final String BRANCH_ID = "00000000-0000-4000-8000-000000000021";
    static final UnitFacts BRANCH = new UnitFacts(BRANCH_ID, "综合受理窗口党支部", OrganisationUnitKind.BRANCH, true);
    static final UnitFacts COMMITTEE = new UnitFacts("00000000-0000-4000-8000-000000000001", "中心党委", OrganisationUnitKind.COMMITTEE, true);
    static final UnitFacts GROUP = new UnitFacts("00000000-0000-4000-8000-000000000031", "第一党小组", OrganisationUnitKind.PARTY_GROUP, true);
    static final UnitFacts DISSOLVED = new UnitFacts("00000000-0000-4000-8000-000000000041", "已撤销党支部", OrganisationUnitKind.BRANCH, false);
    static final String A = "00000000-0000-4000-8001-00000000000a";
    static final String B = "00000000-0000-4000-8001-00000000000b";
    static final String C = "00000000-0000-4000-8001-00000000000c";
    static final String D = "00000000-0000-4000-8001-00000000000d";

    private WorkFixtures() {
    }

    /** A refusal with that code. */
    static Matcher<RuleViolation> code(String code) {
        return new FeatureMatcher<>(Matchers.equalTo(code), "a refusal with code", "code") {
            @Override
            protected String featureValueOf(RuleViolation violation) {
                return violation.code();
            }
        };
    }
}
