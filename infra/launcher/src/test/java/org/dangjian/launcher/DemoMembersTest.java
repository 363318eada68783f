package org.dangjian.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The demo members keep the rules the members service enforces, whatever day the platform first starts: every step
 * dated on or before today, each applicant 18 or older, ID-card numbers well formed, and every stage present.
 */
class DemoMembersTest {

    @Test
    void everyStepOfEveryDemoMemberIsDatedOnOrBeforeTodayAndEveryApplicantIsAnAdult() {
        for (LocalDate today : List.of(LocalDate.of(2026, 11, 28), LocalDate.of(2028, 2, 29), LocalDate.of(2030, 12, 31))) {
            DemoMembers demo = new DemoMembers("http://members.invalid", today);
            for (DemoMembers.Person person : DemoMembers.PEOPLE) {
                List<DemoMembers.Step> steps = demo.steps(person);
                LocalDate applied = LocalDate.parse((String) steps.get(0).body().get("applicationDate"));
                assertThat(person.birthDate().plusYears(18)).as(person.name()).isBeforeOrEqualTo(applied);
                for (DemoMembers.Step step : steps) {
                    step.body().forEach((field, value) -> {
                        if (field.endsWith("Date") && !field.equals("birthDate") || field.equals("date")) {
                            assertThat(LocalDate.parse((String) value)).as("%s %s %s", person.name(), step.path(), field).isBeforeOrEqualTo(today);
                        }
                    });
                }
            }
        }
    }

    @Test
    void thereAreThirtyInventedPeopleAtEveryStageWithWellFormedIdCardNumbers() {
        assertThat(DemoMembers.PEOPLE).hasSize(30);
        assertThat(DemoMembers.PEOPLE.stream().map(DemoMembers.Person::stage).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(DemoMembers.Stage.class));
        Set<String> ids = DemoMembers.PEOPLE.stream().map(DemoMembers.Person::id).collect(Collectors.toSet());
        assertThat(ids).hasSize(30).allMatch(id -> id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
        for (DemoMembers.Person person : DemoMembers.PEOPLE) {
            String number = person.idCardNumber();
            assertThat(number).matches("[0-9]{17}[0-9X]");
            assertThat(number.charAt(17)).isEqualTo(DemoMembers.checkDigit(number.substring(0, 17)));
            assertThat(number.substring(6, 14)).isEqualTo(person.birthDate().toString().replace("-", ""));
            assertThat((number.charAt(16) - '0') % 2 == 1).as("odd order code for a man").isEqualTo(person.male());
            assertThat(person.phone()).matches("1[0-9]{10}");
        }
        assertThat(DemoMembers.PEOPLE).filteredOn(p -> "dangyuan".equals(p.username())).singleElement()
                .matches(p -> p.branch().equals(DemoOrganisation.FIRST_BRANCH) && p.name().equals("张丽"));
    }
}
