package org.dangjian.discipline.command;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.dangjian.runtime.domain.RuleViolation;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** What the discipline fixture tests share: a fixed today (2026-11-28 in Asia/Shanghai), ids, and a matcher of refusal codes. */
final class Fixtures {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T04:00:00Z"), ZoneOffset.UTC);
    static final DisciplineRules RULES = DisciplineRules.defaults(CLOCK);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    static final String ID = "5b7f1f8e-2a4b-4c1d-9e2f-3a4b5c6d7e8f";
    static final String MEMBER = "00000000-0000-4000-8001-000000000001";
    static final String BRANCH = "00000000-0000-4000-8000-000000000021";

    private Fixtures() {
    }

    static Matcher<RuleViolation> code(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return code.equals(violation.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal with code " + code);
            }
        };
    }
}
