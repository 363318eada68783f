package org.dangjian.activities.command;

import static org.dangjian.activities.command.ActivityTest.HELD;
import static org.dangjian.activities.command.ActivityTest.MEMBER;
import static org.dangjian.activities.command.ActivityTest.RULES;
import static org.dangjian.activities.command.ActivityTest.code;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.dangjian.contracts.activities.VolunteerServiceKind;
import org.dangjian.contracts.activities.VolunteerServiceRecorded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Volunteer service (志愿服务): a record of its own per member and day, its hours in steps of half an hour, never in the future. */
class VolunteerServiceTest {

    static final String SERVICE = "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f";

    private FixtureConfiguration<VolunteerService> services;

    @BeforeEach
    void setUp() {
        services = new AggregateTestFixture<>(VolunteerService.class);
        services.registerAnnotatedCommandHandler(new ActivityCommandHandlers(null, services.getRepository(), RULES));
    }

    @Test
    void hoursAreRecordedInStepsOfHalfAnHour() {
        services.givenNoPriorActivity()
                .when(new RecordVolunteerServiceCommand(SERVICE, MEMBER, VolunteerServiceKind.EXTENDED_HOURS, new BigDecimal("2.50"), HELD))
                .expectEvents(new VolunteerServiceRecorded(SERVICE, VolunteerServiceKind.EXTENDED_HOURS, MEMBER, new BigDecimal("2.5"), HELD));
        services.givenNoPriorActivity()
                .when(new RecordVolunteerServiceCommand(SERVICE, MEMBER, VolunteerServiceKind.HOME_VISIT, new BigDecimal("10.0"), HELD))
                .expectEvents(new VolunteerServiceRecorded(SERVICE, VolunteerServiceKind.HOME_VISIT, MEMBER, new BigDecimal("10"), HELD));
    }

    @Test
    void hoursOutOfRangeOrStepAndDaysInTheFutureAreRefused() {
        for (String hours : List.of("0", "-1", "24.5", "1.25")) {
            services.givenNoPriorActivity()
                    .when(new RecordVolunteerServiceCommand(SERVICE, MEMBER, VolunteerServiceKind.ERRAND, new BigDecimal(hours), HELD))
                    .expectException(code("INVALID_HOURS"));
        }
        services.givenNoPriorActivity()
                .when(new RecordVolunteerServiceCommand(SERVICE, MEMBER, VolunteerServiceKind.ERRAND, BigDecimal.ONE, LocalDate.of(2026, 11, 29)))
                .expectException(code("DATE_IN_FUTURE"));
        services.givenNoPriorActivity()
                .when(new RecordVolunteerServiceCommand(SERVICE, MEMBER, null, BigDecimal.ONE, HELD)).expectException(code("INVALID_REQUEST"));
    }
}
