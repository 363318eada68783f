package org.dangjian.launcher;

import static org.dangjian.launcher.StandInAnswers.answer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
    void demoDuesStartNoEarlierThanTheMonthOfAdmissionAndCoverAYearForThoseAdmittedBefore() {
        for (LocalDate today : List.of(LocalDate.of(2026, 11, 28), LocalDate.of(2030, 12, 31))) {
            DemoMembers demo = new DemoMembers("http://members.invalid", today);
            for (DemoMembers.Person person : DemoMembers.PEOPLE) {
                List<DemoMembers.Step> steps = demo.steps(person);
                var admission = steps.stream().filter(s -> s.path().equals("/admission")).findFirst();
                var base = steps.stream().filter(s -> s.path().equals("/dues/base")).findFirst();
                assertThat(base.isPresent()).as(person.name()).isEqualTo(EnumSet.of(DemoMembers.Stage.PROBATIONARY, DemoMembers.Stage.EXTENDED,
                        DemoMembers.Stage.FULL_MEMBER).contains(person.stage()));
                if (base.isPresent()) {
                    java.time.YearMonth from = java.time.YearMonth.parse((String) base.get().body().get("fromMonth"));
                    java.time.YearMonth admitted = java.time.YearMonth.from(LocalDate.parse((String) admission.get().body().get("branchMeetingDate")));
                    assertThat(from).as(person.name()).isAfterOrEqualTo(admitted)
                            .isEqualTo(admitted.isAfter(java.time.YearMonth.from(today).minusMonths(12)) ? admitted
                                    : java.time.YearMonth.from(today).minusMonths(12));
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
            assertThat(number.charAt(17)).as("GB 11643 check digit of " + number).isEqualTo(mod11x2CheckDigit(number.substring(0, 17)));
            assertThat(number.substring(6, 14)).isEqualTo(person.birthDate().toString().replace("-", ""));
            assertThat((number.charAt(16) - '0') % 2 == 1).as("odd order code for a man").isEqualTo(person.male());
            assertThat(person.phone()).matches("1[0-9]{10}");
        }
        assertThat(DemoMembers.PEOPLE).filteredOn(p -> "dangyuan".equals(p.username())).singleElement()
                .matches(p -> p.branch().equals(DemoOrganisation.FIRST_BRANCH) && p.name().equals("张丽"));
    }

    /** ISO 7064 MOD 11-2, computed independently of the loader: each digit weighted 2^(17 - position) mod 11. */
    static char mod11x2CheckDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * (1 << (17 - i)) % 11;
        }
        int check = (12 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    @Test
    void anInterruptedLoadResumesAfterEachPersonsLastStoredStepAndARuleThatSaysNoLeavesThePersonShortOfHisStage() throws Exception {
        DemoMembers.Person full = DemoMembers.PEOPLE.stream().filter(p -> p.stage() == DemoMembers.Stage.FULL_MEMBER).findFirst().orElseThrow();
        DemoMembers.Person activist = DemoMembers.PEOPLE.stream().filter(p -> p.stage() == DemoMembers.Stage.DEVELOPMENT_OBJECT).findFirst().orElseThrow();
        List<String> posted = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("GET")) {
                // the full member stored his first two steps (sequence 1) on an earlier day; nobody else is there yet
                answer(exchange, path.endsWith(full.id()) ? 200 : 404, path.endsWith(full.id()) ? "{\"sequence\":1}" : "{}");
                return;
            }
            posted.add(path + " " + exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            boolean refused = path.equals("/members/" + activist.id() + "/development-object");
            answer(exchange, refused ? 409 : 200, refused ? "{\"code\":\"ACTIVIST_PERIOD_NOT_COMPLETED\"}" : "{\"sequence\":0}");
        });
        server.start();
        try {
            DemoMembers demo = new DemoMembers("http://127.0.0.1:" + server.getAddress().getPort(), LocalDate.of(2026, 11, 28));
            int added = demo.loadIfMissing("token");

            List<String> fullMembers = posted.stream().filter(p -> p.contains(full.id())).toList();
            assertThat(fullMembers).as("no step stored before is sent again").hasSize(demo.steps(full).size() - 2)
                    .first().asString().startsWith("/members/" + full.id() + "/development-object ")
                    .endsWith("-2-2026-11-28");
            assertThat(posted).noneMatch(p -> p.contains(activist.id() + "/political-review"));
            assertThat(demo.refusals()).containsExactly(activist.name() + " (/development-object): ACTIVIST_PERIOD_NOT_COMPLETED");
            assertThat(added).isEqualTo(DemoMembers.PEOPLE.size() - 1);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theDemoAssessmentsAreDatedOnOrBeforeTodayInOrderAndCoverEveryTypeAndStep() {
        for (LocalDate today : List.of(LocalDate.of(2026, 11, 28), LocalDate.of(2027, 1, 2), LocalDate.of(2027, 1, 15), LocalDate.of(2028, 3, 31))) {
            DemoMembers demo = new DemoMembers("http://members.invalid", today);
            List<DemoMembers.Assessment> assessments = demo.assessments();
            assertThat(assessments.stream().map(DemoMembers.Assessment::type).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder("COMPREHENSIVE", "DEMOCRATIC_EVALUATION", "CIVIL_SERVANT_DAILY");
            assertThat(assessments.stream().map(DemoMembers.Assessment::id).distinct()).hasSize(assessments.size());
            assertThat(assessments.stream().map(a -> a.steps().get(a.steps().size() - 1).path()).collect(Collectors.toSet()))
                    .as("some open, some scored, concluded and corrected").contains("", "/scores", "/conclusion", "/correction");
            for (DemoMembers.Assessment assessment : assessments) {
                assertThat(Integer.parseInt(assessment.period().substring(0, 4))).isLessThanOrEqualTo(today.getYear());
                if (assessment.type().equals("CIVIL_SERVANT_DAILY")) {
                    assertThat(assessment.period()).matches("[0-9]{4}-Q[1-4]");
                    int quarter = assessment.period().charAt(6) - '0';
                    LocalDate quarterEnds = LocalDate.of(Integer.parseInt(assessment.period().substring(0, 4)), quarter * 3, 1).plusMonths(1);
                    assertThat(quarterEnds).as("a closed quarter").isBeforeOrEqualTo(today);
                }
                LocalDate previous = LocalDate.MIN;
                for (DemoMembers.Step step : assessment.steps()) {
                    Object date = step.body().get("date");
                    if (date != null) {
                        LocalDate day = LocalDate.parse((String) date);
                        assertThat(day).as("%s %s %s", assessment.person().name(), assessment.type(), step.path()).isBeforeOrEqualTo(today)
                                .isAfterOrEqualTo(previous);
                        previous = day;
                    }
                }
            }
        }
    }

    @Test
    void demoAssessmentsResumeAfterTheirLastStoredStepSendingNothingTwice() throws Exception {
        DemoMembers probe = new DemoMembers("http://members.invalid", LocalDate.of(2026, 11, 28));
        DemoMembers.Assessment corrected = probe.assessments().stream().filter(a -> a.steps().size() == 4).findFirst().orElseThrow();
        List<String> posted = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("GET")) {
                // the corrected assessment was opened and scored before (sequence 1); no other assessment is there yet
                boolean stored = path.equals("/assessments/" + corrected.id());
                answer(exchange, stored ? 200 : 404, stored ? "{\"sequence\":1}" : "{}");
                return;
            }
            posted.add(path);
            answer(exchange, 200, "{\"sequence\":0}");
        });
        server.start();
        try {
            DemoMembers demo = new DemoMembers("http://127.0.0.1:" + server.getAddress().getPort(), LocalDate.of(2026, 11, 28));
            int added = demo.loadAssessmentsIfMissing("token");
            assertThat(posted.stream().filter(p -> p.contains(corrected.id())))
                    .containsExactly("/assessments/" + corrected.id() + "/conclusion", "/assessments/" + corrected.id() + "/correction");
            int requests = demo.assessments().stream().mapToInt(a -> a.steps().size()).sum();
            assertThat(posted).hasSize(requests - 2);
            assertThat(added).isEqualTo(demo.assessments().size());
        } finally {
            server.stop(0);
        }
    }

}
