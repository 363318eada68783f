package org.dangjian.launcher;

import static org.dangjian.launcher.StandInAnswers.answer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

/**
 * The demo organisational life keeps the activities service's rules whatever day the platform first starts (nothing
 * held in the future, attendance only of held meetings, a correction only of what was recorded), shows two branches
 * behind on "三会一课", and resumes an interrupted load without sending a stored step again.
 */
class DemoActivitiesTest {

    static final List<LocalDate> DAYS = List.of(LocalDate.of(2026, 11, 28), LocalDate.of(2027, 1, 1), LocalDate.of(2028, 2, 29));

    @Test
    void nothingIsHeldOnOrAfterTodayAndEachActivitysStepsComeInTheServicesOrder() {
        for (LocalDate today : DAYS) {
            List<DemoActivities.Activity> activities = new DemoActivities("http://activities.invalid", today).activities();
            assertThat(activities.stream().map(DemoActivities.Activity::id).distinct()).hasSize(activities.size());
            for (DemoActivities.Activity activity : activities) {
                List<String> steps = activity.steps().stream().map(step -> step.path().replaceFirst("^/activities/[^/]+", "")).toList();
                assertThat(steps.get(0)).isEqualTo("/activities");
                if (!activity.date().isBefore(today)) {
                    assertThat(steps).as("%s %s on %s", activity.branchId(), activity.kind(), activity.date()).hasSize(1);
                    continue;
                }
                assertThat(steps.get(1)).isIn("/holding", "/cancellation");
                if (steps.get(1).equals("/holding")) {
                    assertThat(activity.steps().get(1).body().get("date")).isEqualTo(activity.date().toString());
                    assertThat(steps.subList(2, steps.size())).isSubsetOf("/attendance", "/attendance-corrections");
                    if (steps.contains("/attendance-corrections")) {
                        assertThat(steps.indexOf("/attendance")).isLessThan(steps.indexOf("/attendance-corrections"));
                    }
                } else {
                    assertThat(steps).hasSize(2);
                }
                int attending = activity.steps().stream().filter(step -> step.path().endsWith("/attendance")).mapToInt(DemoActivities.Step::events).sum();
                long cadres = new DemoActivities("http://activities.invalid", today).dualLives().stream()
                        .filter(d -> d.branchId().equals(activity.branchId()) && d.covers(activity.date())
                                && DemoActivities.DUAL_LIFE_KINDS.contains(activity.kind())).count();
                assertThat(attending).isIn(0, DemoActivities.partyMembers(activity.branchId()).size() + (int) cadres);
            }
            assertThat(new DemoActivities("http://activities.invalid", today).volunteers())
                    .allMatch(v -> LocalDate.parse((String) v.body().get("date")).isBefore(today));
        }
    }

    @Test
    void twoCadresAttendAnotherBranchsMeetingsWhileTheirDualOrganisationalLifeApplies() {
        LocalDate today = LocalDate.of(2026, 11, 28);
        DemoActivities demo = new DemoActivities("http://activities.invalid", today);
        List<DemoActivities.DualLife> dualLives = demo.dualLives();
        assertThat(dualLives).hasSize(2).allMatch(d -> !d.branchId().equals(d.cadre().branch()))
                .allMatch(d -> d.cadre().stage() == DemoMembers.Stage.FULL_MEMBER);
        assertThat(dualLives.get(0).id()).isEqualTo(java.util.UUID.nameUUIDFromBytes(("dual-life|" + dualLives.get(0).cadre().id() + "|"
                + dualLives.get(0).branchId()).getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(dualLives).filteredOn(d -> d.until() != null).singleElement()
                .satisfies(d -> assertThat(d.until()).isBefore(today).isAfter(d.since()));
        for (DemoActivities.DualLife dualLife : dualLives) {
            List<DemoActivities.Activity> attended = demo.activities().stream().filter(a -> a.steps().stream()
                    .anyMatch(s -> s.path().endsWith("/attendance") && String.valueOf(s.body()).contains(dualLife.cadre().id()))).toList();
            assertThat(attended).isNotEmpty().allMatch(a -> a.branchId().equals(dualLife.branchId()) || a.branchId().equals(dualLife.cadre().branch()));
            assertThat(attended).filteredOn(a -> a.branchId().equals(dualLife.branchId()))
                    .isNotEmpty()
                    .allMatch(a -> dualLife.covers(a.date()) && DemoActivities.DUAL_LIFE_KINDS.contains(a.kind()));
        }
    }

    @Test
    void aMonthsActivityKeepsItsIdOnALaterStartAndTwoBranchesAreBehind() {
        LocalDate today = LocalDate.of(2026, 11, 28);
        List<DemoActivities.Activity> first = new DemoActivities("http://activities.invalid", today).activities();
        List<DemoActivities.Activity> later = new DemoActivities("http://activities.invalid", today.plusDays(40)).activities();
        // one id per branch, kind and month, whichever day computes it: a later start finds what an earlier one stored
        Map<String, String> firstIds = first.stream().collect(Collectors.toMap(a -> a.branchId() + a.kind() + YearMonth.from(a.date()),
                DemoActivities.Activity::id));
        List<DemoActivities.Activity> both = later.stream().filter(a -> firstIds.containsKey(a.branchId() + a.kind() + YearMonth.from(a.date()))).toList();
        assertThat(both).hasSizeGreaterThan(first.size() / 2)
                .allMatch(a -> a.id().equals(firstIds.get(a.branchId() + a.kind() + YearMonth.from(a.date()))));

        Map<String, Long> committeeMeetingsLastThreeMonths = first.stream()
                .filter(a -> a.kind().equals("BRANCH_COMMITTEE_MEETING"))
                .filter(a -> !YearMonth.from(a.date()).isBefore(YearMonth.from(today).minusMonths(3)) && YearMonth.from(a.date()).isBefore(YearMonth.from(today)))
                .collect(Collectors.groupingBy(DemoActivities.Activity::branchId, Collectors.counting()));
        assertThat(committeeMeetingsLastThreeMonths.get(DemoMembers.FIRST_BRANCH)).isEqualTo(3);
        assertThat(committeeMeetingsLastThreeMonths).doesNotContainKey(DemoMembers.REGISTRY_BRANCH);
        assertThat(committeeMeetingsLastThreeMonths.get(DemoMembers.RETIRED_BRANCH)).isLessThan(3);
        assertThat(first).anyMatch(a -> a.steps().stream().anyMatch(s -> s.path().endsWith("/cancellation")));
        assertThat(first).anyMatch(a -> a.steps().stream().anyMatch(s -> s.path().endsWith("/attendance-corrections")));
    }

    @Test
    void anInterruptedLoadResumesEachActivityAfterItsLastStoredStep() throws Exception {
        LocalDate today = LocalDate.of(2026, 11, 28);
        DemoActivities.Activity held = new DemoActivities("http://activities.invalid", today).activities().stream()
                .filter(a -> a.steps().size() == 3 && a.steps().get(1).path().endsWith("/holding")).findFirst().orElseThrow();
        List<String> posted = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("GET")) {
                // that activity was scheduled and held before (sequence 1); nothing else is there yet
                boolean stored = path.equals("/activities/" + held.id());
                answer(exchange, stored ? 200 : 404, stored ? "{\"sequence\":1}" : "{}");
                return;
            }
            posted.add(path);
            boolean again = path.equals("/volunteer-services");
            answer(exchange, again ? 409 : 200, again ? "{\"code\":\"VOLUNTEER_SERVICE_ALREADY_EXISTS\"}" : "{\"sequence\":0}");
        });
        server.start();
        try {
            DemoActivities demo = new DemoActivities("http://127.0.0.1:" + server.getAddress().getPort(), today);
            int loaded = demo.loadIfMissing("token");
            assertThat(posted.stream().filter(p -> p.contains(held.id()))).containsExactly("/activities/" + held.id() + "/attendance");
            // the dual organisational lives are not there: both assigned, the one that ended ended
            assertThat(posted.stream().filter(p -> p.startsWith("/dual-lives"))).hasSize(3);
            int requests = demo.activities().stream().mapToInt(a -> a.steps().size()).sum() + demo.volunteers().size() + 3;
            assertThat(posted).hasSize(requests - 2);
            assertThat(loaded).as("volunteer services stored before count for nothing")
                    .isEqualTo(demo.activities().size() + demo.dualLives().size());
            assertThat(demo.refusals()).isEmpty();
        } finally {
            server.stop(0);
        }
    }

}
