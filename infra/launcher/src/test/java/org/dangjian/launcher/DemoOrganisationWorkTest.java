package org.dangjian.launcher;

import static org.dangjian.launcher.StandInAnswers.answer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo committee's year of work keeps the organisation service's rules (docs/organisation.md) whatever day the
 * platform first starts: nothing done in the future or on a weekend, no record's steps going back in time, committees
 * and candidates from the branch's party members, an election that reaches its quorum and elects its secretary and
 * deputy, tasks on the 2022 plan's items their words name; and an interrupted load resumes each record after its last
 * stored step, publishing only the criteria not yet published.
 */
class DemoOrganisationWorkTest {

    static final List<LocalDate> DAYS = List.of(LocalDate.of(2026, 11, 29), LocalDate.of(2027, 1, 2), LocalDate.of(2027, 1, 15),
            LocalDate.of(2028, 2, 29), LocalDate.of(2030, 12, 31));

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The built-in templates as docs/organisation.md describes them (the area codes are the test's own). */
    static final String TEMPLATES = """
            [{"code":"wuhua","title":"党支部\\"五化\\"建设考核","subjectKinds":["BRANCH"],
              "areas":[{"code":"ORGANISATION_SETUP","name":"组织设置标准化","maxScore":20},
                       {"code":"ORGANISATIONAL_LIFE","name":"组织生活正常化","maxScore":20,"factsSource":"activities.compliance"},
                       {"code":"MANAGEMENT","name":"管理服务精细化","maxScore":20},
                       {"code":"RULES","name":"工作制度体系化","maxScore":20},
                       {"code":"PREMISES","name":"阵地建设规范化","maxScore":20}],
              "grades":[{"grade":"EXCELLENT","label":"优秀","minScore":90},{"grade":"GOOD","label":"良好","minScore":80},
                        {"grade":"PASS","label":"合格","minScore":60},{"grade":"FAIL","label":"不合格","minScore":0}]},
             {"code":"wuli","title":"党支部\\"五力\\"提升","subjectKinds":["BRANCH"],
              "areas":[{"code":"POLITICS","name":"政治力","maxScore":20},{"code":"LEARNING","name":"学习力","maxScore":20},
                       {"code":"COHESION","name":"凝聚力","maxScore":20},{"code":"FIGHTING","name":"战斗力","maxScore":20},
                       {"code":"ORGANISING","name":"组织力","maxScore":20}],
              "grades":[{"grade":"GOOD","label":"好","minScore":80},{"grade":"FAIR","label":"一般","minScore":0}]},
             {"code":"wuhao-banzi","title":"五好班子","subjectKinds":["COMMITTEE","GENERAL_BRANCH","BRANCH"],
              "areas":[{"code":"POLITICAL_QUALITY","name":"政治素质好","maxScore":20},{"code":"PERFORMANCE","name":"工作业绩好","maxScore":20},
                       {"code":"UNITY","name":"团结协作好","maxScore":20},{"code":"CONDUCT","name":"作风形象好","maxScore":20},
                       {"code":"INTEGRITY","name":"廉洁自律好","maxScore":20}],
              "grades":[{"grade":"STANDARD","label":"达标","minScore":80},{"grade":"BELOW","label":"未达标","minScore":0}]},
             {"code":"wuhao-tuandui","title":"五好团队","subjectKinds":["COMMITTEE","GENERAL_BRANCH","BRANCH","PARTY_GROUP","MASS_ORGANISATION"],
              "areas":[{"code":"TEAMWORK","name":"团结协作好","maxScore":20}],"grades":[{"grade":"GOOD","label":"好","minScore":16}]}]""";

    static Map<String, JsonNode> criteria() {
        Map<String, JsonNode> criteria = new HashMap<>();
        JSON.readTree(TEMPLATES).forEach(template -> criteria.put(template.path("code").asString(), template));
        return criteria;
    }

    static List<DemoOrganisationWork.Record> everything(DemoOrganisationWork demo) {
        List<DemoOrganisationWork.Record> all = new ArrayList<>();
        demo.planTasks().forEach(task -> all.add(task.record()));
        all.addAll(demo.terms(DemoOrganisationWork.fullMembers(DemoMembers.FIRST_BRANCH)));
        all.addAll(demo.assessments(criteria()));
        all.addAll(demo.lists());
        all.addAll(demo.listTasks());
        all.addAll(demo.secretaryReports());
        return all;
    }

    static final Set<String> DONE_ON = Set.of("date", "startedOn", "calledOn", "electionDate", "heldOn", "approvedOn", "assignedOn", "openedOn",
            "submittedOn");

    @Test
    void everyStepIsOnAWorkingDayOnOrBeforeTodayAndNoRecordsStepsGoBackInTime() {
        for (LocalDate today : DAYS) {
            DemoOrganisationWork demo = new DemoOrganisationWork("http://organisation.invalid", today, null);
            List<DemoOrganisationWork.Record> records = everything(demo);
            assertThat(records.stream().map(DemoOrganisationWork.Record::id).distinct()).hasSize(records.size());
            for (DemoOrganisationWork.Record record : records) {
                LocalDate previous = LocalDate.MIN;
                for (DemoOrganisationWork.Step step : record.steps()) {
                    for (Map.Entry<String, Object> field : step.body().entrySet()) {
                        if (!DONE_ON.contains(field.getKey())) {
                            continue;
                        }
                        LocalDate day = LocalDate.parse((String) field.getValue());
                        assertThat(day).as("%s %s %s", record.what(), step.path(), field.getKey()).isBeforeOrEqualTo(today).isAfterOrEqualTo(previous);
                        if (!day.equals(today)) {
                            assertThat(day.getDayOfWeek()).as("%s %s %s", record.what(), step.path(), field.getKey())
                                    .isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
                        }
                        previous = day;
                    }
                    Object deadline = step.body().get("deadline");
                    if (deadline != null) {
                        assertThat(LocalDate.parse((String) deadline)).isAfterOrEqualTo(LocalDate.parse((String) step.body().get("assignedOn")));
                    }
                }
            }
        }
    }

    @Test
    void everyBranchHasATermFromItsFullMembersOneOverdueOneDueWithinNinetyDays() {
        for (LocalDate today : DAYS) {
            List<DemoOrganisationWork.Record> terms = new DemoOrganisationWork("http://organisation.invalid", today, null)
                    .terms(DemoOrganisationWork.fullMembers(DemoMembers.FIRST_BRANCH));
            List<DemoOrganisationWork.Step> recorded = terms.stream().map(t -> t.steps().get(0)).filter(s -> s.path().equals("/terms")).toList();
            assertThat(recorded.stream().map(s -> s.body().get("unitId"))).containsExactlyInAnyOrderElementsOf(DemoActivities.BRANCHES);
            Map<String, Long> daysLeft = new HashMap<>();
            for (DemoOrganisationWork.Step step : recorded) {
                String unit = (String) step.body().get("unitId");
                Set<String> fullMembers = DemoMembers.PEOPLE.stream().filter(p -> p.branch().equals(unit) && p.stage() == DemoMembers.Stage.FULL_MEMBER)
                        .map(DemoMembers.Person::id).collect(Collectors.toSet());
                List<Map<String, Object>> committee = committee(step);
                assertThat(committee).as(unit).isNotEmpty().allMatch(seat -> fullMembers.contains((String) seat.get("memberId")));
                assertThat(committee.stream().filter(seat -> seat.get("position").equals("SECRETARY"))).hasSize(1);
                assertThat(committee.size()).as("3 seats where the branch has three full members, else one each").isEqualTo(Math.min(3, fullMembers.size()));
                assertThat((int) step.body().get("termYears")).isIn(3, 5);
                LocalDate due = LocalDate.parse((String) step.body().get("startedOn")).plusYears((int) step.body().get("termYears"));
                daysLeft.put(unit, java.time.temporal.ChronoUnit.DAYS.between(today, due));
            }
            // 机关第一党支部's recorded term is superseded by its election; of the others, one overdue, one due soon, the rest fine
            daysLeft.remove(DemoMembers.FIRST_BRANCH);
            assertThat(daysLeft.get(DemoMembers.RETIRED_BRANCH)).isNegative();
            assertThat(daysLeft.get(DemoMembers.SECOND_BRANCH)).isBetween(0L, 90L);
            assertThat(daysLeft.values().stream().filter(d -> d > 90)).hasSize(2);
            assertThat(recorded.stream().filter(s -> s.body().get("unitId").equals(DemoMembers.RETIRED_BRANCH)).findFirst().orElseThrow()
                    .body().get("startedOn")).asString().startsWith("2019-");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> committee(DemoOrganisationWork.Step step) {
        return (List<Map<String, Object>>) step.body().get("committee");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theElectionReachesItsQuorumAndElectsItsSecretaryAndDeputy() {
        for (int voters = 1; voters <= 12; voters++) {
            LocalDate today = LocalDate.of(2026, 11, 29);
            DemoOrganisationWork.Record election = new DemoOrganisationWork("http://organisation.invalid", today, null).terms(voters).stream()
                    .filter(t -> t.steps().get(0).path().equals("/elections")).findFirst().orElseThrow();
            assertThat(election.steps()).extracting(DemoOrganisationWork.Step::path)
                    .containsExactly("/elections", "/terms/" + election.id() + "/result", "/terms/" + election.id() + "/approval");
            Map<String, Object> called = election.steps().get(0).body();
            Map<String, Object> result = election.steps().get(1).body();
            assertThat(result.get("heldOn")).isEqualTo(called.get("electionDate"));
            int eligible = (int) result.get("eligibleVoters");
            int cast = (int) result.get("votesCast");
            assertThat(eligible).isEqualTo(voters);
            assertThat(cast * 5).as("more than four fifths vote").isGreaterThan(eligible * 4);
            assertThat(cast).isLessThanOrEqualTo(eligible);
            List<Map<String, Object>> candidates = (List<Map<String, Object>>) result.get("candidates");
            assertThat(candidates).allMatch(c -> (int) c.get("votes") <= cast);
            int seats = (int) called.get("seats");
            assertThat(seats).isBetween(3, 9);
            List<Object> elected = candidates.stream().filter(c -> (int) c.get("votes") * 2 > cast)
                    .sorted((a, b) -> (int) b.get("votes") - (int) a.get("votes")).limit(seats).map(c -> c.get("memberId")).toList();
            assertThat(elected).contains(result.get("secretaryId"));
            List<Object> deputies = (List<Object>) result.get("deputyIds");
            assertThat(deputies).hasSizeLessThanOrEqualTo(2).doesNotContain(result.get("secretaryId"));
            assertThat(elected).containsAll(deputies);
            Set<String> fullMembers = DemoMembers.PEOPLE.stream().filter(p -> p.branch().equals(DemoMembers.FIRST_BRANCH)
                    && p.stage() == DemoMembers.Stage.FULL_MEMBER).map(DemoMembers.Person::id).collect(Collectors.toSet());
            assertThat(candidates).as("only full members stand").allMatch(c -> fullMembers.contains((String) c.get("memberId")));
        }
    }

    /** The checkout: the directory above the test's working directory holding mvnw and infra/. */
    static Path home() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("infra"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no checkout above " + Path.of("").toAbsolutePath());
    }

    /** The items of a plan's text, in reading order, found as the importer finds them (numbered lines under a section). */
    static List<String> items(String text) {
        return text.lines().map(String::strip).filter(line -> line.matches("^([0-9]+|[０-９]+)[、.．].*")).toList();
    }

    @Test
    void theWorkPlanIsFoundBesideTheCheckoutAndTheTasksPointAtTheItemsTheirWordsName() throws Exception {
        Optional<Path> file = DemoOrganisationWork.findWorkPlan(home(), Map.of());
        assertThat(file).as("../shared/domain/" + DemoOrganisationWork.PLAN_FILE + " beside the checkout (CI clones with ../shared beside it)")
                .isPresent();
        List<String> items = items(Files.readString(file.get(), StandardCharsets.UTF_8));
        assertThat(items).as("sixteen items numbered 1–15 (two 8s, a 6 after the first 8)").hasSize(16);

        DemoOrganisationWork demo = new DemoOrganisationWork("http://organisation.invalid", LocalDate.of(2026, 11, 29), file.get());
        List<DemoOrganisationWork.PlanTask> tasks = demo.planTasks();
        for (DemoOrganisationWork.PlanTask task : tasks) {
            assertThat(items.get(task.position() - 1)).as(task.record().what()).contains(task.itemTitle());
            assertThat(task.record().steps().get(0).body()).containsEntry("itemPosition", task.position())
                    .containsEntry("planId", DemoOrganisationWork.nameUuid("plan|" + DemoOrganisation.COMMITTEE + "|2022"));
            assertThat(task.record().steps().get(0).body().get("deadline")).asString().startsWith("2022-");
            assertThat(task.record().steps().get(0).body().get("ownerUnitId")).isIn(DemoActivities.BRANCHES.toArray());
        }
        long itemsWithTasks = tasks.stream().map(DemoOrganisationWork.PlanTask::position).distinct().count();
        assertThat(itemsWithTasks).as("about a third of the items").isBetween(5L, 7L);
        // the last review of each task: accepted, sent back, or none
        Map<String, Long> outcomes = tasks.stream().collect(Collectors.groupingBy(task -> {
            List<DemoOrganisationWork.Step> reviews = task.record().steps().stream().filter(s -> s.path().endsWith("/review")).toList();
            return reviews.isEmpty() ? "not reviewed" : (boolean) reviews.get(reviews.size() - 1).body().get("accepted") ? "accepted" : "sent back";
        }, Collectors.counting()));
        assertThat(outcomes.get("accepted")).isGreaterThanOrEqualTo(2);
        assertThat(outcomes.get("sent back")).isEqualTo(1);
        assertThat(outcomes.get("not reviewed")).as("overdue: deadline in 2022, not accepted").isGreaterThanOrEqualTo(2);
        // percent never less than before, and a review only of a task reported done
        for (DemoOrganisationWork.PlanTask task : tasks) {
            int percent = 0;
            for (DemoOrganisationWork.Step step : task.record().steps()) {
                if (step.path().endsWith("/progress")) {
                    assertThat((int) step.body().get("percent")).isGreaterThanOrEqualTo(percent);
                    percent = (int) step.body().get("percent");
                } else if (step.path().endsWith("/review")) {
                    assertThat(percent).as(task.record().what()).isEqualTo(100);
                }
            }
        }

        // a plan whose items the service placed otherwise: each task goes to the item its words name
        List<Map<String, Object>> shifted = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            shifted.add(Map.of("position", i + 2, "title", items.get(i)));
        }
        JsonNode board = JSON.valueToTree(Map.of("sections", List.of(Map.of("items", shifted))));
        assertThat(demo.planTasks(board)).allMatch(record -> {
            int position = (int) record.steps().get(0).body().get("itemPosition");
            return items.get(position - 2).contains(tasks.stream().filter(t -> t.record().id().equals(record.id())).findFirst().orElseThrow().itemTitle());
        });
        assertThat(demo.refusals()).isEmpty();
    }

    @Test
    void theWorkPlanVariableNamesTheFileFirst(@TempDir Path dir) throws Exception {
        Path named = Files.writeString(dir.resolve("plan.txt"), "一、x\n1、y\n");
        assertThat(DemoOrganisationWork.findWorkPlan(dir.resolve("checkout"), Map.of(DemoOrganisationWork.PLAN_VARIABLE, named.toString())))
                .contains(named.toAbsolutePath().normalize());
        Path beside = dir.resolve("shared/domain/" + DemoOrganisationWork.PLAN_FILE);
        Files.createDirectories(beside.getParent());
        Files.writeString(beside, "一、x\n1、y\n");
        assertThat(DemoOrganisationWork.findWorkPlan(dir.resolve("checkout"), Map.of())).contains(beside.toAbsolutePath().normalize());
    }

    @Test
    void theAssessmentsScoreEveryAreaCorrectOneAndConcludeOrStayOpen() {
        LocalDate today = LocalDate.of(2026, 11, 29);
        Map<String, DemoOrganisationWork.Record> assessments = new DemoOrganisationWork("http://organisation.invalid", today, null)
                .assessments(criteria()).stream().collect(Collectors.toMap(r -> (String) r.steps().get(0).body().get("criteriaCode"), r -> r));
        assertThat(assessments).containsOnlyKeys("wuhua", "wuli", "wuhao-banzi");
        assessments.forEach((code, record) -> {
            Map<String, Object> opened = record.steps().get(0).body();
            assertThat(opened).containsEntry("year", 2025);
            assertThat(record.id()).isEqualTo(DemoOrganisationWork.nameUuid("assessment|" + code + "|" + opened.get("unitId") + "|2025"));
            record.steps().stream().filter(s -> s.path().endsWith("/scores") || s.path().endsWith("/corrections"))
                    .forEach(s -> assertThat((List<?>) s.body().get("evidence")).isNotEmpty());
        });

        List<String> wuhua = paths(assessments.get("wuhua"));
        assertThat(wuhua).containsExactly("/assessments", "/scores", "/scores", "/scores", "/scores", "/scores", "/corrections", "/conclusion");
        DemoOrganisationWork.Record record = assessments.get("wuhua");
        assertThat(record.steps().get(0).body()).containsEntry("unitId", DemoMembers.FIRST_BRANCH);
        assertThat(record.steps().stream().filter(s -> s.path().endsWith("/scores")).map(s -> s.body().get("areaCode")))
                .containsExactlyInAnyOrder("ORGANISATION_SETUP", "ORGANISATIONAL_LIFE", "MANAGEMENT", "RULES", "PREMISES");
        DemoOrganisationWork.Step facts = record.steps().get(5);
        assertThat(facts.body()).containsEntry("areaCode", "ORGANISATIONAL_LIFE");
        assertThat(facts.complianceOf()).isEqualTo(DemoMembers.FIRST_BRANCH + "?year=2025");
        DemoOrganisationWork.Step correction = record.steps().get(6);
        Object scoredBefore = record.steps().stream().filter(s -> s.path().endsWith("/scores") && s.body().get("areaCode").equals(correction.body().get("areaCode")))
                .findFirst().orElseThrow().body().get("score");
        assertThat(correction.body().get("score")).isNotEqualTo(scoredBefore);
        assertThat(correction.body().get("reason")).asString().isNotBlank();

        assertThat(paths(assessments.get("wuli"))).containsExactly("/assessments", "/scores", "/scores");
        assertThat(paths(assessments.get("wuhao-banzi"))).containsExactly("/assessments", "/scores", "/scores", "/scores", "/scores", "/scores", "/conclusion");
        assertThat(assessments.get("wuhao-banzi").steps().get(0).body()).containsEntry("unitId", DemoOrganisationWork.GENERAL_BRANCH);
    }

    private static List<String> paths(DemoOrganisationWork.Record record) {
        return record.steps().stream().map(s -> s.path().replaceFirst("^/assessments/[^/]+", "")).toList();
    }

    @Test
    void twoSecretariesReportRatedByThreeOneRoundConcludedAndTheListsHaveTheirEntries() {
        LocalDate today = LocalDate.of(2026, 11, 29);
        DemoOrganisationWork demo = new DemoOrganisationWork("http://organisation.invalid", today, null);
        List<DemoOrganisationWork.Record> reports = demo.secretaryReports();
        assertThat(reports).hasSize(2);
        for (DemoOrganisationWork.Record report : reports) {
            Map<String, Object> submitted = report.steps().get(0).body();
            assertThat(report.id()).isEqualTo(DemoOrganisationWork.nameUuid("secretary-report|" + submitted.get("unitId") + "|2025"));
            assertThat(DemoActivities.partyMembers((String) submitted.get("unitId")).stream().map(DemoMembers.Person::id))
                    .contains((String) submitted.get("secretaryMemberId"));
            assertThat(report.steps().stream().filter(s -> s.path().endsWith("/evaluations")).map(s -> s.body().get("evaluator")).distinct()).hasSize(3);
            assertThat(report.steps().stream().filter(s -> s.path().endsWith("/evaluations")))
                    .allMatch(s -> Set.of("EXCELLENT", "GOOD", "FAIR", "POOR").containsAll(List.of(s.body().get("partyWorkRating"), s.body().get("businessWorkRating"))));
        }
        assertThat(reports.stream().filter(r -> r.steps().get(r.steps().size() - 1).path().endsWith("/conclusion"))).hasSize(1);

        List<DemoOrganisationWork.Record> lists = demo.lists();
        assertThat(lists.stream().map(l -> l.steps().get(0).body().get("kind"))).containsExactly("RESPONSIBILITY", "RESPONSIBILITY", "TASK");
        assertThat(lists.get(0).steps()).hasSizeBetween(5, 6);
        assertThat(lists.get(1).steps().get(0).body()).containsEntry("holder", "支部书记 李明");
        assertThat(lists.get(2).steps()).as("a task list's entries are tasks").hasSize(1);
        assertThat(demo.listTasks()).hasSize(2).allMatch(t -> t.steps().get(0).body().get("listId").equals(lists.get(2).id()));
    }

    @Test
    void anInterruptedLoadResumesEachRecordAfterItsLastStoredStepAndPublishesOnlyTheCriteriaNotPublished(@TempDir Path dir) throws Exception {
        LocalDate today = LocalDate.of(2026, 11, 29);
        DemoOrganisationWork probe = new DemoOrganisationWork("http://organisation.invalid", today, null);
        String election = probe.terms(4).stream().filter(t -> t.steps().get(0).path().equals("/elections")).findFirst().orElseThrow().id();
        String wuhua = DemoOrganisationWork.assessmentId("wuhua", DemoMembers.FIRST_BRANCH, 2025);
        String planTask = probe.planTasks().get(0).record().id();
        Map<String, Long> stored = new ConcurrentHashMap<>(Map.of(election, 0L, wuhua, 2L, planTask, 1L));
        Map<String, JsonNode> published = new ConcurrentHashMap<>(Map.of("wuli", criteria().get("wuli")));
        List<String> posted = Collections.synchronizedList(new ArrayList<>());
        JsonNode board = JSON.valueToTree(Map.of("sections", List.of(Map.of("items", probe.planTasks().stream()
                .map(t -> Map.of("position", t.position(), "title", t.itemTitle())).distinct().toList()))));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("GET")) {
                String[] parts = path.split("/");
                if (path.endsWith("/roster")) {
                    answer(exchange, 200, "{\"partyMembers\":4}");
                } else if (path.endsWith("/compliance")) {
                    answer(exchange, 200, "{\"items\":[{\"kind\":\"PARTY_LESSON\",\"period\":\"2025-Q4\",\"met\":true}]}");
                } else if (path.equals("/assessment-criteria/templates")) {
                    answer(exchange, 200, TEMPLATES);
                } else if (path.startsWith("/assessment-criteria/")) {
                    JsonNode set = published.get(parts[2]);
                    answer(exchange, set == null ? 404 : 200, set == null ? "{}" : set.toString());
                } else if (path.startsWith("/plans/")) {
                    answer(exchange, stored.containsKey(parts[2]) ? 200 : 404, stored.containsKey(parts[2]) ? board.toString() : "{}");
                } else {
                    Long sequence = stored.get(parts[parts.length - 1]);
                    answer(exchange, sequence == null ? 404 : 200, sequence == null ? "{}" : "{\"sequence\":" + sequence + "}");
                }
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            posted.add(path);
            if (path.equals("/assessment-criteria")) {
                published.put(body.path("code").asString(), body);
            } else if (path.equals("/plans")) {
                stored.put(DemoOrganisationWork.planId(), 0L);
            }
            answer(exchange, path.equals("/terms") && body.path("unitId").asString().equals(DemoMembers.REGISTRY_BRANCH) ? 422 : 201,
                    path.equals("/terms") && body.path("unitId").asString().equals(DemoMembers.REGISTRY_BRANCH) ? "{\"code\":\"SOME_RULE\"}"
                            : "{\"id\":\"x\",\"sequence\":0}");
        });
        server.start();
        try {
            Path plan = Files.writeString(dir.resolve("plan.txt"), "一、x\n1、y\n");
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            DemoOrganisationWork planLoad = new DemoOrganisationWork(url, today, plan);
            int plans = planLoad.loadPlanIfMissing("token");
            assertThat(posted.stream().filter(p -> p.equals("/plans"))).hasSize(1);
            assertThat(posted.stream().filter(p -> p.contains(planTask))).as("the stored task's reports after its first")
                    .hasSize(probe.planTasks().get(0).record().steps().size() - 2);
            int planRequests = probe.planTasks().stream().mapToInt(t -> t.record().steps().size()).sum();
            assertThat(posted).hasSize(1 + planRequests - 2);
            assertThat(plans).isEqualTo(1 + probe.planTasks().size());
            assertThat(planLoad.refusals()).isEmpty();
            assertThat(planLoad.deferrals()).isEmpty();

            posted.clear();
            DemoOrganisationWork work = new DemoOrganisationWork(url, today, null);
            work.loadIfMissing("token");
            assertThat(posted.stream().filter(p -> p.equals("/assessment-criteria"))).as("wuli was published before").hasSize(3);
            assertThat(posted.stream().filter(p -> p.contains(election)))
                    .containsExactly("/terms/" + election + "/result", "/terms/" + election + "/approval");
            assertThat(posted.stream().filter(p -> p.contains(wuhua))).as("after the opening and two scores")
                    .containsExactly("/assessments/" + wuhua + "/scores", "/assessments/" + wuhua + "/scores", "/assessments/" + wuhua + "/scores",
                            "/assessments/" + wuhua + "/corrections", "/assessments/" + wuhua + "/conclusion");
            List<DemoOrganisationWork.Record> records = new ArrayList<>(probe.terms(4));
            records.addAll(probe.assessments(criteria()));
            records.addAll(probe.lists());
            records.addAll(probe.listTasks());
            records.addAll(probe.secretaryReports());
            int requests = records.stream().mapToInt(r -> r.steps().size()).sum();
            assertThat(posted).hasSize(3 + requests - 1 - 3);
            assertThat(work.refusals()).singleElement().asString().contains("SOME_RULE");
            assertThat(work.deferrals()).isEmpty();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void withoutTheBranchsComplianceTheFactsAreaWaitsForALaterStart() throws Exception {
        LocalDate today = LocalDate.of(2026, 11, 29);
        List<String> posted = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("GET")) {
                if (path.endsWith("/compliance")) {
                    answer(exchange, 200, "{\"items\":[]}");
                } else if (path.equals("/assessment-criteria/templates")) {
                    answer(exchange, 200, TEMPLATES);
                } else if (path.startsWith("/assessment-criteria/")) {
                    JsonNode set = criteria().get(path.split("/")[2]);
                    answer(exchange, 200, set.toString());
                } else {
                    answer(exchange, 404, "{}");
                }
                return;
            }
            posted.add(path);
            answer(exchange, 201, "{\"sequence\":0}");
        });
        server.start();
        try {
            DemoOrganisationWork work = new DemoOrganisationWork("http://127.0.0.1:" + server.getAddress().getPort(), today, null)
                    .waitingAtMost(Duration.ofMillis(200));
            work.loadIfMissing("token");
            String wuhua = DemoOrganisationWork.assessmentId("wuhua", DemoMembers.FIRST_BRANCH, 2025);
            assertThat(posted.stream().filter(p -> p.contains(wuhua))).as("the four areas without facts").hasSize(4);
            assertThat(work.deferrals()).singleElement().asString().contains("三会一课");
            assertThat(work.refusals()).isEmpty();
        } finally {
            server.stop(0);
        }
    }

}
