package org.dangjian.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo committee's year of work (演示组织工作, docs/organisation.md), loaded through the organisation service's API as
 * the {@code demo-data-loader} client after the members, the organisational life and the discipline supervision, so
 * that the branch rosters and the published "三会一课" compliance exist. Two parts, each marked on its own
 * ({@link DemoMarker}):
 * <ul>
 * <li>{@value #PLAN_PART}: the 2022 work plan (2022年党建工作要点, the file {@value #PLAN_FILE} of the workplace's
 * {@code shared/domain}, its text exactly as written) imported as the centre committee's plan for 2022, and tasks of
 * six of its sixteen items owned by the demo branches, with 2022 deadlines: three accepted, one sent back, one done
 * and awaiting acceptance, one half way and one never started (the last four overdue);</li>
 * <li>{@value #WORK_PART}: a term of every demo branch (离退休干部党支部's overdue since 2022, 机关第二党支部's due within
 * 90 days, the window branches' in good time) and 机关第一党支部's whole election (its former term recorded, the
 * election called, held and approved); the built-in assessment criteria published; last year's "五化" assessment of
 * 机关第一党支部 concluded (one area corrected), its "五力" assessment of 机关第二党支部 open with two areas scored and the
 * "五好班子" assessment of 窗口党总支 concluded; this year's responsibility list of the committee, 李明's as branch
 * secretary and the task list of 综合受理窗口党支部 with two tasks; last year's 双述双评 of two branch secretaries, one
 * round concluded.</li>
 * </ul>
 * Ids follow from a name (or, where the service derives them, from the service's own name: plans, assessments,
 * 双述双评 reports, criteria); each record resumes after its last stored step (its {@code sequence}: one event per
 * step), so a load interrupted half way finishes without doubling anything; the idempotency keys name the day, as the
 * other demo loaders'. Business days are working days, counted back from today, never in the future.
 */
final class DemoOrganisationWork {

    static final String PLAN_PART = "organisation-plan";
    static final String WORK_PART = "organisation-work";
    /** The work plan's file, in the workplace's {@code shared/domain} beside the repository. */
    static final String PLAN_FILE = "2022-work-plan.zh.txt";
    /** Names the work plan's file when it is elsewhere. */
    static final String PLAN_VARIABLE = "DANGJIAN_DEMO_WORK_PLAN";
    static final int PLAN_YEAR = 2022;
    /** How long a request is tried again while the service has not yet seen what it names (a roster, a plan, a list). */
    static final Duration KNOWN_WITHIN = Duration.ofSeconds(60);
    /** Answers that mean "not yet seen": the roster follows the members service's topic, the rest the service's read models. */
    static final Set<String> NOT_YET = Set.of("NOT_ON_ROSTER", "PLAN_NOT_FOUND", "LIST_NOT_FOUND", "CRITERIA_NOT_FOUND");

    static final String COMMITTEE = DemoOrganisation.COMMITTEE;
    static final String GENERAL_BRANCH = "00000000-0000-4000-8000-000000000020";
    static final String FIRST_BRANCH = DemoMembers.FIRST_BRANCH;
    static final String SECOND_BRANCH = DemoMembers.SECOND_BRANCH;
    static final String WINDOW_BRANCH = DemoMembers.WINDOW_BRANCH;
    static final String REGISTRY_BRANCH = DemoMembers.REGISTRY_BRANCH;
    static final String RETIRED_BRANCH = DemoMembers.RETIRED_BRANCH;
    static final String COMMITTEE_NAME = "政务服务中心党委";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEMO = "（演示数据 demo data）";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String organisation;
    private final LocalDate today;
    private final Path planFile;
    private final List<String> refusals = Collections.synchronizedList(new ArrayList<>());
    private final List<String> deferrals = Collections.synchronizedList(new ArrayList<>());
    private Duration knownWithin = KNOWN_WITHIN;

    DemoOrganisationWork(LaunchSettings settings) {
        this(settings.serviceUrl("organisation"), LocalDate.now(ZoneId.of("Asia/Shanghai")),
                findWorkPlan(settings.home(), System.getenv()).orElse(null));
    }

    DemoOrganisationWork(String organisationUrl, LocalDate today, Path planFile) {
        this.organisation = organisationUrl;
        this.today = today;
        this.planFile = planFile;
    }

    /** The same loader, waiting at most {@code wait} for what the service has not seen yet (tests). */
    DemoOrganisationWork waitingAtMost(Duration wait) {
        this.knownWithin = wait;
        return this;
    }

    // ---------------------------------------------------------------- where the plan's text is

    /**
     * Where the 2022 work plan may be, in order: the file {@value #PLAN_VARIABLE} names; {@code shared/domain} beside the
     * checkout (the workplace keeps {@code shared/} next to the repositories; the launcher finds the checkout from its
     * own jar, see {@link LaunchSettings}); the same beside the working directory (./run.sh runs in the checkout);
     * {@code shared/domain} inside the checkout.
     */
    static List<Path> workPlanCandidates(Path home, Map<String, String> env) {
        List<Path> candidates = new ArrayList<>();
        String named = env.get(PLAN_VARIABLE);
        if (named != null && !named.isBlank()) {
            candidates.add(Path.of(named.strip()).toAbsolutePath().normalize());
        }
        candidates.add(home.resolve("..").resolve("shared").resolve("domain").resolve(PLAN_FILE).toAbsolutePath().normalize());
        candidates.add(Path.of("").toAbsolutePath().resolve("..").resolve("shared").resolve("domain").resolve(PLAN_FILE).normalize());
        candidates.add(home.resolve("shared").resolve("domain").resolve(PLAN_FILE).toAbsolutePath().normalize());
        return candidates.stream().distinct().toList();
    }

    /** The first of {@link #workPlanCandidates} that is a file. */
    static Optional<Path> findWorkPlan(Path home, Map<String, String> env) {
        return workPlanCandidates(home, env).stream().filter(Files::isRegularFile).findFirst();
    }

    Path planFile() {
        return planFile;
    }

    // ---------------------------------------------------------------- the records

    /** One request: the path after the service's base URL, the body; {@code complianceOf} a unit and year whose compliance it needs. */
    record Step(String path, Map<String, Object> body, String complianceOf) {

        Step(String path, Map<String, Object> body) {
            this(path, body, null);
        }
    }

    /**
     * A demo record: where it is read ({@code list + "/" + id}), what it is, its requests in order (one event each), and
     * whether a later record needs it in the read model (a plan, a task list) once written.
     */
    record Record(String list, String id, String what, List<Step> steps, boolean awaited) {
    }

    /** A name-based id of a demo record: UUID v3 of {@code demo-organisation-work|name}. */
    static String idOf(String name) {
        return nameUuid("demo-organisation-work|" + name);
    }

    /** {@code java.util.UUID.nameUUIDFromBytes} of the name in UTF-8, as the service derives its ids. */
    static String nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String planId() {
        return nameUuid("plan|" + COMMITTEE + "|" + PLAN_YEAR);
    }

    static String assessmentId(String code, String unitId, int year) {
        return nameUuid("assessment|" + code + "|" + unitId + "|" + year);
    }

    static String secretaryReportId(String unitId, int year) {
        return nameUuid("secretary-report|" + unitId + "|" + year);
    }

    private static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                body.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return body;
    }

    /** A working day: a Saturday or Sunday moves back to the Friday before. */
    static LocalDate workday(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY ? day.minusDays(1) : day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.minusDays(2) : day;
    }

    /** That working day, or today if it lies after today (dates of something done may not lie in the future). */
    private LocalDate done(LocalDate day) {
        LocalDate working = workday(day);
        return working.isAfter(today) ? today : working;
    }

    private String done(int year, int month, int day) {
        return done(LocalDate.of(year, month, day)).toString();
    }

    private static DemoMembers.Person person(int number) {
        return DemoMembers.PEOPLE.stream().filter(p -> p.number() == number).findFirst().orElseThrow();
    }

    static String unitName(String unitId) {
        return DemoOrganisation.UNITS.stream().filter(u -> u.id().equals(unitId)).map(DemoOrganisation.Unit::name).findFirst().orElse(unitId);
    }

    private static Map<String, Object> seat(int number, String position) {
        return body("memberId", person(number).id(), "position", position);
    }

    // ---------------------------------------------------------------- 1. the 2022 work plan and its tasks

    /** A task of a plan item: the item's expected position and words of its title that find it if the position differs. */
    record PlanTask(Record record, int position, String itemTitle) {
    }

    Record plan(String text) {
        return new Record("/plans", planId(), "2022 work plan", List.of(new Step("/plans", body("unitId", COMMITTEE, "year", PLAN_YEAR,
                "text", text))), true);
    }

    /**
     * The tasks of six of the plan's sixteen items (positions in reading order: the plan numbers them 1–15 with two
     * "8"), with 2022 deadlines: accepted, sent back, done but not accepted, half way, never started.
     */
    List<PlanTask> planTasks() {
        List<PlanTask> all = new ArrayList<>();
        all.add(planTask(1, 3, "持之以恒抓好党支部政治建设", "开展党支部“五化”建设自查整改", "对照党支部“五化”建设标准逐项自查，形成问题清单，限期整改到位",
                FIRST_BRANCH, "支部书记 李明", "2022-03-10", "2022-06-30", List.of(
                        progress("2022-04-15", 30, "完成对照自查，形成问题清单12条", List.of("“五化”建设自查表")),
                        progress("2022-05-20", 70, "已整改问题9条，其余3条正在推进", List.of("整改台账")),
                        progress("2022-06-24", 100, "问题清单全部整改完毕，完善支部工作手册", List.of("整改台账", "支部工作手册")),
                        review("2022-06-29", true, "整改到位，资料齐全，予以验收"))));
        all.add(planTask(2, 3, "持之以恒抓好党支部政治建设", "完成离退休干部党支部换届选举", "支部委员会任期已满，按程序做好换届选举工作",
                RETIRED_BRANCH, "支部书记 冯德厚", "2022-03-10", "2022-09-30", List.of()));
        all.add(planTask(3, 4, "全面抓牢党员教育管理监督", "落实“三会一课”，建立组织生活台账", "按月记录支部委员会、党小组会、主题党日，按季度记录党员大会和党课",
                SECOND_BRANCH, "支部书记 朱建军", "2022-03-10", "2022-12-20", List.of(
                        progress("2022-07-05", 50, "上半年组织生活台账已建立，会议记录已归档", List.of("组织生活台账（上半年）")),
                        progress("2022-12-09", 100, "全年组织生活台账已完成", List.of("组织生活台账（全年）")),
                        review("2022-12-15", false, "台账缺少第三季度党小组会记录，请补充后重新报送"))));
        all.add(planTask(4, 7, "推进基层公共服务", "推进综合受理窗口“一窗受理、集成服务”标准化", "梳理窗口服务事项清单，统一受理标准，推行党员先锋岗",
                WINDOW_BRANCH, "支部书记 梁国栋", "2022-03-21", "2022-11-30", List.of(
                        progress("2022-05-31", 40, "完成窗口服务事项清单梳理，共梳理事项186项", List.of("服务事项清单")),
                        progress("2022-09-30", 80, "统一受理标准并上墙公示，设立党员先锋岗3个", List.of("受理标准", "先锋岗照片")),
                        progress("2022-11-25", 100, "标准化建设完成，群众满意率99.5%", List.of("工作总结")),
                        review("2022-12-02", true, "标准化建设成效明显，予以验收"))));
        all.add(planTask(5, 9, "建立完善基层党建工作责任制", "列出支部党建工作责任清单和任务清单", "细化支部具体推进责任和直接落实责任，报党委备案",
                REGISTRY_BRANCH, "支部书记 韩振华", "2022-03-15", "2022-04-29", List.of(
                        progress("2022-04-27", 100, "责任清单和任务清单已经支部委员会讨论通过并报党委备案", List.of("支部责任清单", "支部任务清单")),
                        review("2022-04-29", true, "清单内容具体，责任明确，予以验收"))));
        all.add(planTask(6, 11, "高标准开展党员发展工作", "从窗口一线培养发展党员", "注重从窗口一线业务骨干中培养入党积极分子，严把政治审查关",
                REGISTRY_BRANCH, "支部书记 韩振华", "2022-03-15", "2022-11-30", List.of(
                        progress("2022-05-10", 25, "确定入党积极分子2名，明确培养联系人", List.of("支部委员会会议记录")),
                        progress("2022-09-16", 45, "积极分子参加党校培训，1名列为发展对象人选", List.of("培训结业证书")))));
        all.add(planTask(7, 15, "全力打造机关文明品牌", "开展“延时服务”“帮代办服务”志愿服务活动", "组织窗口党员开展具有行业特色的志愿服务，全年不少于12次",
                WINDOW_BRANCH, "支部书记 梁国栋", "2022-03-21", "2022-12-30", List.of(
                        progress("2022-06-30", 40, "上半年开展志愿服务6次，服务群众320人次", List.of("志愿服务台账")),
                        progress("2022-12-23", 100, "全年开展志愿服务14次，服务群众860人次", List.of("志愿服务台账", "群众感谢信")))));
        return all;
    }

    private PlanTask planTask(int n, int position, String itemTitle, String title, String description, String owner, String ownerPerson,
                              String assignedOn, String deadline, List<Step> after) {
        String id = idOf("plan-task|" + PLAN_YEAR + "|" + n);
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("/tasks", body("id", id, "planId", planId(), "itemPosition", position, "title", title, "description", description,
                "ownerUnitId", owner, "ownerPerson", ownerPerson, "assignedOn", workday(LocalDate.parse(assignedOn)).toString(),
                "deadline", workday(LocalDate.parse(deadline)).toString())));
        after.forEach(step -> steps.add(new Step("/tasks/" + id + step.path(), step.body())));
        return new PlanTask(new Record("/tasks", id, "task " + title, steps, false), position, itemTitle);
    }

    private static Step progress(String date, int percent, String report, List<String> evidence) {
        return new Step("/progress", body("date", workday(LocalDate.parse(date)).toString(), "percent", percent, "report", report + DEMO,
                "evidence", evidence));
    }

    private static Step review(String date, boolean accepted, String opinion) {
        return new Step("/review", body("date", workday(LocalDate.parse(date)).toString(), "accepted", accepted, "opinion", opinion));
    }

    /**
     * The plan's tasks with their item positions as the imported plan shows them: a task whose expected position holds
     * another item goes to the item whose title has the task's words (the parser's positions are the service's).
     */
    List<Record> planTasks(JsonNode board) {
        Map<Integer, String> items = new LinkedHashMap<>();
        for (JsonNode section : board.path("sections")) {
            for (JsonNode item : section.path("items")) {
                items.put(item.path("position").asInt(), item.path("title").asString("") + "\n" + item.path("text").asString(""));
            }
        }
        List<Record> records = new ArrayList<>();
        for (PlanTask task : planTasks()) {
            if (items.isEmpty() || items.getOrDefault(task.position(), "").contains(task.itemTitle())) {
                records.add(task.record());
                continue;
            }
            Optional<Integer> found = items.entrySet().stream().filter(e -> e.getValue().contains(task.itemTitle())).map(Map.Entry::getKey).findFirst();
            if (found.isEmpty()) {
                refusals.add(task.record().what() + ": no item “" + task.itemTitle() + "” in the imported plan");
                continue;
            }
            List<Step> steps = new ArrayList<>(task.record().steps());
            Map<String, Object> assigned = new LinkedHashMap<>(steps.get(0).body());
            assigned.put("itemPosition", found.get());
            steps.set(0, new Step(steps.get(0).path(), assigned));
            records.add(new Record(task.record().list(), task.record().id(), task.record().what(), steps, false));
        }
        return records;
    }

    // ---------------------------------------------------------------- 2. terms and elections

    /** The term of 离退休干部党支部 recorded as begun in 2019 for three years: overdue since 2022. */
    static final LocalDate OVERDUE_TERM_STARTED = LocalDate.of(2019, 6, 26);

    /**
     * A term of every demo branch, the committee from its full members (docs/organisation.md: on the roster, 正式党员): 离退休干部党支部 overdue, 机关第二党支部 due in about 60 days, the window branches in good time (with as many
     * seats as they have full members: one each), and 机关第一党支部's former term followed by its election, called 45 days
     * ago, held 24 days ago and approved a week later; {@code firstBranchVoters} is its roster's full members (正式党员: a
     * probationary member neither votes nor stands).
     */
    List<Record> terms(int firstBranchVoters) {
        List<Record> all = new ArrayList<>();
        LocalDate called = workday(today.minusDays(45));
        LocalDate held = workday(today.minusDays(24));
        LocalDate approved = workday(today.minusDays(17));
        all.add(term("recorded|" + FIRST_BRANCH, FIRST_BRANCH, workday(held.minusYears(3)), 3,
                List.of(seat(2, "SECRETARY"), seat(8, "COMMITTEE_MEMBER"), seat(1, "COMMITTEE_MEMBER")), "中心党委关于机关第一党支部选举结果的批复"));
        all.add(term("recorded|" + SECOND_BRANCH, SECOND_BRANCH, workday(today.plusDays(60).minusYears(3)), 3,
                List.of(seat(14, "SECRETARY")), "中心党委关于机关第二党支部选举结果的批复"));
        all.add(term("recorded|" + WINDOW_BRANCH, WINDOW_BRANCH, workday(LocalDate.of(today.getYear() - 1, 3, 15)), 3,
                List.of(seat(20, "SECRETARY")), "窗口党总支关于综合受理窗口党支部选举结果的批复"));
        all.add(term("recorded|" + REGISTRY_BRANCH, REGISTRY_BRANCH, workday(LocalDate.of(today.getYear() - 2, 6, 20)), 5,
                List.of(seat(24, "SECRETARY")), "窗口党总支关于不动产登记窗口党支部选举结果的批复"));
        all.add(term("recorded|" + RETIRED_BRANCH, RETIRED_BRANCH, OVERDUE_TERM_STARTED, 3,
                List.of(seat(26, "SECRETARY"), seat(27, "DEPUTY_SECRETARY"), seat(28, "COMMITTEE_MEMBER")), "中心党委关于离退休干部党支部选举结果的批复"));

        // 机关第一党支部's election: every party member on the roster may vote; all do (one stays away in a branch of more than five)
        // one id whatever day computes it: a load resumed on a later day finds the election an earlier one called
        String election = idOf("term|election|" + FIRST_BRANCH);
        int voters = Math.max(firstBranchVoters, 1);
        int cast = voters > 5 ? voters - 1 : voters;
        List<Map<String, Object>> candidates = List.of(
                body("memberId", person(2).id(), "votes", cast),
                body("memberId", person(8).id(), "votes", cast),
                body("memberId", person(1).id(), "votes", Math.max(cast - 1, 0)));
        all.add(new Record("/terms", election, "election of 机关第一党支部", List.of(
                new Step("/elections", body("id", election, "unitId", FIRST_BRANCH, "calledOn", called.toString(), "electionDate", held.toString(),
                        "termYears", 3, "seats", 3, "basis", "中心党委关于同意机关第一党支部进行换届选举的批复" + DEMO)),
                new Step("/terms/" + election + "/result", body("heldOn", held.toString(), "eligibleVoters", voters, "votesCast", cast,
                        "candidates", candidates, "secretaryId", person(2).id(), "deputyIds", List.of(person(8).id()))),
                new Step("/terms/" + election + "/approval", body("approvedOn", approved.toString(), "approvedBy", COMMITTEE_NAME,
                        "basis", "中心党委关于机关第一党支部换届选举结果的批复" + DEMO))), false));
        return all;
    }

    private Record term(String name, String unitId, LocalDate startedOn, int years, List<Map<String, Object>> committee, String basis) {
        String id = idOf("term|" + name);
        return new Record("/terms", id, "term of " + unitName(unitId), List.of(new Step("/terms", body("id", id, "unitId", unitId, "startedOn",
                startedOn.toString(), "termYears", years, "committee", committee, "basis", basis + DEMO))), false);
    }

    // ---------------------------------------------------------------- 3. criteria and assessments

    /** The templates of {@code GET /assessment-criteria/templates}: an array, or an object listing them ({@code items}) or keyed by code. */
    static List<JsonNode> templatesOf(JsonNode answer) {
        JsonNode list = answer.isArray() ? answer : answer.path("items").isArray() ? answer.path("items") : answer.path("templates");
        List<JsonNode> templates = new ArrayList<>();
        if (list.isArray()) {
            list.forEach(templates::add);
        } else {
            answer.values().forEach(value -> {
                if (value.isObject() && value.has("areas")) {
                    templates.add(value);
                }
            });
        }
        return templates;
    }

    /** A template as {@code POST /assessment-criteria} takes it: its documented fields, with a reason. */
    static Map<String, Object> criteriaBody(JsonNode template) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : List.of("code", "title", "subjectKinds", "areas", "grades")) {
            if (template.has(field)) {
                body.put(field, template.get(field));
            }
        }
        String reason = template.path("reason").asString("");
        body.put("reason", reason.isBlank() ? "按平台内置模板发布" + DEMO : reason);
        return body;
    }

    /** The unit a set assesses of those preferred, in order: the first whose kind the set names (any, when it names none). */
    static String assessedUnit(JsonNode criteria, List<String> preferred) {
        List<String> kinds = new ArrayList<>();
        criteria.path("subjectKinds").forEach(kind -> kinds.add(kind.asString()));
        for (String unitId : preferred) {
            String kind = DemoOrganisation.UNITS.stream().filter(u -> u.id().equals(unitId)).findFirst().orElseThrow().kind();
            if (kinds.isEmpty() || kinds.contains(kind)) {
                return unitId;
            }
        }
        return preferred.get(0);
    }

    /**
     * Last year's assessments, their areas from the published criteria ({@code code} to the set's latest version):
     * "五化" of 机关第一党支部 opened in January, every area scored (组织生活正常化, whose facts the platform supplies, last),
     * one corrected, concluded; "五力" of 机关第二党支部 opened in March, two areas scored; "五好班子" of 窗口党总支 scored and
     * concluded. Sets not published are left out.
     */
    List<Record> assessments(Map<String, JsonNode> criteria) {
        int year = today.getYear() - 1;
        int thisYear = today.getYear();
        List<Record> all = new ArrayList<>();
        if (criteria.containsKey("wuhua")) {
            all.add(assessment("wuhua", assessedUnit(criteria.get("wuhua"), List.of(FIRST_BRANCH, WINDOW_BRANCH)), year, criteria.get("wuhua"),
                    LocalDate.of(thisYear, 1, 6), List.of("王建华", "周立群"), new double[] {0.9, 0.9, 0.85, 0.8, 0.95}, Integer.MAX_VALUE, "制度", 0.95,
                    "支部补充提交工作制度汇编和制度执行记录，考核组复核后调整该项得分",
                    "支部“五化”建设达标，组织设置规范，组织生活正常；阵地建设还有提升空间"));
        }
        if (criteria.containsKey("wuli")) {
            all.add(assessment("wuli", assessedUnit(criteria.get("wuli"), List.of(SECOND_BRANCH, FIRST_BRANCH)), year, criteria.get("wuli"),
                    LocalDate.of(thisYear, 3, 2), List.of("王建华", "孙海燕"), new double[] {0.85, 0.8}, 2, null, 0, null, null));
        }
        if (criteria.containsKey("wuhao-banzi")) {
            all.add(assessment("wuhao-banzi", assessedUnit(criteria.get("wuhao-banzi"), List.of(GENERAL_BRANCH, WINDOW_BRANCH, FIRST_BRANCH)), year,
                    criteria.get("wuhao-banzi"), LocalDate.of(thisYear, 1, 8), List.of("王建华", "周立群", "孙海燕"),
                    new double[] {0.9, 0.85, 0.9, 0.95, 0.9}, Integer.MAX_VALUE, null, 0, null,
                    "班子政治素质过硬、团结协作好、工作业绩突出，评定为“五好班子”"));
        }
        return all;
    }

    /**
     * One assessment: opened on {@code opened}, then {@code scored} areas a working day apart (the facts areas last), each
     * score the area's maximum times its fraction ({@code Integer.MAX_VALUE}: every area); the first scored area whose
     * name has the word {@code corrected} (the first scored if none has it; null: none) corrected to {@code correctedTo}
     * of its maximum; concluded the next working day when {@code conclusion} is given.
     */
    private Record assessment(String code, String unitId, int year, JsonNode criteria, LocalDate opened, List<String> assessors, double[] fractions,
                              int scored, String corrected, double correctedTo, String correctionReason, String conclusion) {
        String id = assessmentId(code, unitId, year);
        List<JsonNode> areas = new ArrayList<>();
        criteria.path("areas").forEach(area -> {
            if (!area.hasNonNull("factsSource")) {
                areas.add(area);
            }
        });
        if (scored == Integer.MAX_VALUE) {
            criteria.path("areas").forEach(area -> {
                if (area.hasNonNull("factsSource")) {
                    areas.add(area);
                }
            });
        }
        List<JsonNode> scoring = areas.subList(0, Math.min(scored, areas.size()));
        List<Step> steps = new ArrayList<>();
        LocalDate day = opened;
        steps.add(new Step("/assessments", body("unitId", unitId, "year", year, "criteriaCode", code, "openedOn", done(day).toString(),
                "assessors", assessors)));
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (int i = 0; i < scoring.size(); i++) {
            JsonNode area = scoring.get(i);
            int max = area.path("maxScore").asInt();
            int score = scoreOf(max, fractions[i % fractions.length]);
            scores.put(area.path("code").asString(), score);
            day = day.plusDays(1);
            boolean facts = area.hasNonNull("factsSource");
            steps.add(new Step("/assessments/" + id + "/scores", body("areaCode", area.path("code").asString(), "score", score,
                    "date", done(day).toString(), "evidence", evidence(area.path("name").asString()),
                    "note", facts ? "依据平台汇总的“三会一课”落实情况评分" : null), facts ? unitId + "?year=" + year : null));
        }
        if (corrected != null && !scoring.isEmpty()) {
            JsonNode area = scoring.stream().filter(a -> a.path("name").asString("").contains(corrected)).findFirst().orElse(scoring.get(0));
            int max = area.path("maxScore").asInt();
            int previous = scores.get(area.path("code").asString());
            int score = scoreOf(max, correctedTo);
            if (score == previous) {
                score = previous < max ? previous + 1 : previous - 1;
            }
            day = day.plusDays(1);
            steps.add(new Step("/assessments/" + id + "/corrections", body("areaCode", area.path("code").asString(), "score", score,
                    "date", done(day).toString(), "reason", correctionReason + DEMO, "evidence", List.of("补充材料：支部工作制度汇编", "考核组复核意见"))));
        }
        if (conclusion != null) {
            day = day.plusDays(1);
            steps.add(new Step("/assessments/" + id + "/conclusion", body("date", done(day).toString(), "conclusion", conclusion + DEMO)));
        }
        return new Record("/assessments", id, code + " assessment of " + unitName(unitId) + " " + year, steps, false);
    }

    private static int scoreOf(int max, double fraction) {
        return (int) Math.max(0, Math.min(max, Math.round(max * fraction)));
    }

    private static List<String> evidence(String area) {
        String[][] byWord = {
            {"组织设置", "党组织设置批复文件", "支部委员分工表"},
            {"组织生活", "“三会一课”会议记录", "组织生活会记录"},
            {"管理服务", "党员管理台账", "党费收缴记录"},
            {"制度", "支部工作制度汇编"},
            {"阵地", "党员活动室照片", "党务公开栏照片"},
            {"政治", "理论学习记录", "政治建设考察材料"},
            {"学习", "读书班签到表", "学习笔记抽查记录"},
            {"凝聚", "谈心谈话记录", "党员志愿服务台账"},
            {"战斗", "党员先锋岗考核记录", "重点任务攻坚台账"},
            {"组织力", "发展党员工作台账", "支部书记述职材料"},
            {"业绩", "年度工作总结", "目标考核结果"},
            {"团结", "民主生活会记录"},
            {"作风", "群众满意度测评表"},
            {"廉洁", "廉政谈话记录", "个人有关事项报告"}};
        for (String[] row : byWord) {
            if (area.contains(row[0])) {
                return List.of(row).subList(1, row.length);
            }
        }
        return List.of("自查报告", "现场查看记录");
    }

    // ---------------------------------------------------------------- 4. responsibility and task lists

    /** This year's lists: the committee's responsibility list, 李明's as branch secretary, and 综合受理窗口党支部's task list. */
    List<Record> lists() {
        int year = today.getYear();
        String basis = "年度党建工作要点“建立完善基层党建工作责任制”";
        List<Record> all = new ArrayList<>();
        all.add(list("committee|" + year, "RESPONSIBILITY", COMMITTEE, year, null, COMMITTEE_NAME + year + "年度党建工作主体责任清单", List.of(
                "党委书记履行抓党建第一责任人职责，每季度至少专题研究一次党建工作",
                "细化实化党委主体责任、各党支部具体推进责任和直接落实责任，分别列出责任清单和任务清单，层层传导压力、逐级落实责任",
                "组织开展支部书记“双述双评”，年初听取各支部书记述党建、述业务，压紧压实工作责任",
                "针对党建突出问题，健全完善约谈督办长效机制，坚决防止党建工作偏宽偏松偏软",
                "每半年听取一次各党支部党建工作汇报，年终开展党支部“五化”建设考核"), basis));
        all.add(list("secretary|" + FIRST_BRANCH + "|" + year, "RESPONSIBILITY", FIRST_BRANCH, year, "支部书记 李明",
                "机关第一党支部书记" + year + "年度党建工作责任清单", List.of(
                        "履行支部党建工作直接责任人职责，每月主持召开支部委员会会议研究支部工作",
                        "带头讲党课，每年至少为全体党员讲一次党课",
                        "落实“三会一课”、主题党日和组织生活会制度，建立组织生活台账",
                        "抓好党员发展、教育管理和党费收缴，年初向党委述职"), basis));
        all.add(list("tasks|" + WINDOW_BRANCH + "|" + year, "TASK", WINDOW_BRANCH, year, null, "综合受理窗口党支部" + year + "年度党建任务清单",
                List.of(), null));
        return all;
    }

    private Record list(String name, String kind, String unitId, int year, String holder, String title, List<String> entries, String basis) {
        String id = idOf("responsibility-list|" + name);
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("/responsibility-lists", body("id", id, "kind", kind, "unitId", unitId, "year", year, "holder", holder, "title", title)));
        for (String entry : entries) {
            steps.add(new Step("/responsibility-lists/" + id + "/entries", body("text", entry, "basis", basis)));
        }
        return new Record("/responsibility-lists", id, kind.toLowerCase() + " list " + title, steps, kind.equals("TASK"));
    }

    /** The task list's two tasks, assigned in February (or today, early in the year), one with progress reported in May. */
    List<Record> listTasks() {
        int year = today.getYear();
        String listId = idOf("responsibility-list|tasks|" + WINDOW_BRANCH + "|" + year);
        String assigned = done(year, 2, 20);
        List<Record> all = new ArrayList<>();
        String first = idOf("list-task|" + WINDOW_BRANCH + "|" + year + "|1");
        all.add(new Record("/tasks", first, "task list task 1", List.of(
                new Step("/tasks", body("id", first, "listId", listId, "title", "创建“一件事一次办”党员先锋岗",
                        "description", "在综合受理窗口设立党员先锋岗，党员亮身份、亮承诺、亮服务", "ownerUnitId", WINDOW_BRANCH,
                        "ownerPerson", "支部书记 梁国栋", "assignedOn", assigned, "deadline", LocalDate.of(year, 6, 30).toString())),
                new Step("/tasks/" + first + "/progress", body("date", done(year, 5, 15), "percent", 60,
                        "report", "已设立党员先锋岗3个，制定先锋岗考评办法" + DEMO, "evidence", List.of("先锋岗照片", "考评办法")))), false));
        String second = idOf("list-task|" + WINDOW_BRANCH + "|" + year + "|2");
        all.add(new Record("/tasks", second, "task list task 2", List.of(
                new Step("/tasks", body("id", second, "listId", listId, "title", "组织党员开展“延时服务”“帮代办服务”志愿活动",
                        "description", "全年不少于12次，每次记录服务人次", "ownerUnitId", WINDOW_BRANCH, "ownerPerson", "支部书记 梁国栋",
                        "assignedOn", assigned, "deadline", LocalDate.of(year, 12, 31).toString()))), false));
        return all;
    }

    // ---------------------------------------------------------------- 5. 双述双评

    /**
     * Last year's 双述双评 of 机关第一党支部's secretary 李明 (rated by three, concluded) and 综合受理窗口党支部's secretary
     * 梁国栋 (rated by three, not concluded yet), submitted in January.
     */
    List<Record> secretaryReports() {
        int year = today.getYear() - 1;
        int thisYear = today.getYear();
        List<Record> all = new ArrayList<>();
        String first = secretaryReportId(FIRST_BRANCH, year);
        all.add(new Record("/secretary-reports", first, "双述双评 of 李明", List.of(
                new Step("/secretary-reports", body("unitId", FIRST_BRANCH, "year", year, "secretaryMemberId", person(2).id(), "secretaryName", "李明",
                        "submittedOn", done(thisYear, 1, 12),
                        "partyWorkReport", "一年来，我认真履行支部书记抓党建第一责任人职责，坚持把党的政治建设摆在首位。全年组织召开支部委员会会议12次、"
                                + "支部党员大会4次，为党员讲党课2次，开展主题党日12次，“三会一课”台账规范完整。严格党员教育管理，按时足额收缴党费，"
                                + "做好发展党员和预备党员教育考察。存在的不足：理论学习的深度还不够，与党员谈心谈话还不够经常。下一步，我将带头加强学习，"
                                + "推动支部“五化”建设再上台阶。" + DEMO,
                        "businessWorkReport", "围绕中心综合协调和督查督办工作，支部党员带头承担急难险重任务，全年办理各类文件1800余件，督办重点事项46项，"
                                + "按期办结率98%。配合推进“一件事一次办”改革事项梳理，完成政务服务事项目录动态调整。不足是业务创新的办法还不多，"
                                + "下一步将以党建引领业务提质增效。" + DEMO)),
                evaluation(first, "王建华", "党委书记", "EXCELLENT", "GOOD", "抓党建思路清晰，措施有力", done(thisYear, 1, 15)),
                evaluation(first, "周立群", "党委委员", "EXCELLENT", "EXCELLENT", "督办工作扎实，成效明显", done(thisYear, 1, 15)),
                evaluation(first, "孙海燕", "党员代表", "GOOD", "GOOD", "希望进一步加强与党员的谈心谈话", done(thisYear, 1, 16)),
                new Step("/secretary-reports/" + first + "/conclusion", body("date", done(thisYear, 1, 20),
                        "conclusion", "综合评议：抓党建工作“好”，抓业务工作“较好”。" + DEMO))), false));
        String window = secretaryReportId(WINDOW_BRANCH, year);
        all.add(new Record("/secretary-reports", window, "双述双评 of 梁国栋", List.of(
                new Step("/secretary-reports", body("unitId", WINDOW_BRANCH, "year", year, "secretaryMemberId", person(20).id(), "secretaryName", "梁国栋",
                        "submittedOn", done(thisYear, 1, 13),
                        "partyWorkReport", "本人坚持抓党建带队伍促服务，组织窗口党员亮身份、践承诺，设立党员先锋岗3个，开展“延时服务”“帮代办服务”"
                                + "志愿活动40余次。严格落实“三会一课”，因窗口业务高峰有一次主题党日改期开展，今后将进一步统筹好窗口工作与组织生活。"
                                + "支部党员少、流动大，党员发展工作还需加强。" + DEMO,
                        "businessWorkReport", "综合受理窗口全年受理办件5.6万件，群众满意率99.6%，“一窗受理、集成服务”改革持续深化，"
                                + "实现32个“一件事”集成办理。窗口人员流动较大，新进人员业务培训还需加强。" + DEMO)),
                evaluation(window, "王建华", "党委书记", "GOOD", "EXCELLENT", "窗口服务成效突出", done(thisYear, 1, 16)),
                evaluation(window, "周立群", "党委委员", "GOOD", "GOOD", null, done(thisYear, 1, 16)),
                evaluation(window, "孙海燕", "党员代表", "FAIR", "EXCELLENT", "组织生活的计划性有待加强", done(thisYear, 1, 19))), false));
        return all;
    }

    private static Step evaluation(String reportId, String evaluator, String role, String party, String business, String comment, String date) {
        return new Step("/secretary-reports/" + reportId + "/evaluations", body("evaluator", evaluator, "evaluatorRole", role,
                "partyWorkRating", party, "businessWorkRating", business, "comment", comment, "date", date));
    }

    // ---------------------------------------------------------------- loading

    /**
     * Imports the work plan (unless the service has it) and loads its tasks not there yet; returns how many records it
     * added or completed. Without the plan's file it loads nothing and says so ({@link #deferrals()}).
     */
    int loadPlanIfMissing(String token) throws IOException, InterruptedException {
        if (planFile == null) {
            deferrals.add("no " + PLAN_FILE + " (set " + PLAN_VARIABLE + " to the file)");
            return 0;
        }
        // the text exactly as written: the importer reads it as such plans are written (docs/organisation.md)
        String text = Files.readString(planFile, StandardCharsets.UTF_8);
        AtomicInteger added = new AtomicInteger();
        if (load(plan(text), token)) {
            added.incrementAndGet();
        }
        HttpResponse<String> board = send(HttpRequest.newBuilder(URI.create(organisation + "/plans/" + planId() + "?minSequence=0")).GET(), token);
        if (board.statusCode() != 200) {
            if (refusals.isEmpty()) {
                refusals.add("2022 work plan: not readable after its import (" + board.statusCode() + ")");
            }
            return added.get();
        }
        List<DemoLoad.Task> tasks = new ArrayList<>();
        for (Record task : planTasks(JSON.readTree(board.body()))) {
            tasks.add(() -> {
                if (load(task, token)) {
                    added.incrementAndGet();
                }
            });
        }
        DemoLoad.inParallel(tasks);
        return added.get();
    }

    /**
     * Loads the terms and the election, the criteria, the assessments, the lists and their tasks and the 双述双评 reports
     * not there yet, each resuming after its last stored step; returns how many records it added or completed. A step
     * the service refuses (a 4xx: a rule, or an API not there yet) leaves that record where it is and is reported
     * ({@link #refusals()}); the "五化" score of 组织生活正常化 waits for the branch's published compliance, and without it
     * is left for a later start ({@link #deferrals()}).
     */
    int loadIfMissing(String token) throws IOException, InterruptedException {
        AtomicInteger added = new AtomicInteger();
        int voters = rosterFullMembers(FIRST_BRANCH, fullMembers(FIRST_BRANCH), token);
        List<Record> terms = terms(voters);
        Map<String, JsonNode> criteria = new ConcurrentHashMap<>();
        List<DemoLoad.Task> first = new ArrayList<>();
        // 机关第一党支部's former term before its election (an election in progress refuses a recorded term)
        first.add(() -> {
            for (Record record : terms.stream().filter(r -> r.steps().get(0).body().get("unitId").equals(FIRST_BRANCH)).toList()) {
                if (load(record, token)) {
                    added.incrementAndGet();
                }
            }
        });
        for (Record record : terms.stream().filter(r -> !r.steps().get(0).body().get("unitId").equals(FIRST_BRANCH)).toList()) {
            first.add(() -> {
                if (load(record, token)) {
                    added.incrementAndGet();
                }
            });
        }
        first.add(() -> added.addAndGet(publishCriteria(criteria, token)));
        for (Record record : concat(lists(), secretaryReports())) {
            first.add(() -> {
                if (load(record, token)) {
                    added.incrementAndGet();
                }
            });
        }
        DemoLoad.inParallel(first);
        List<DemoLoad.Task> then = new ArrayList<>();
        for (Record record : concat(assessments(criteria), listTasks())) {
            then.add(() -> {
                if (load(record, token)) {
                    added.incrementAndGet();
                }
            });
        }
        DemoLoad.inParallel(then);
        return added.get();
    }

    private static List<Record> concat(List<Record> a, List<Record> b) {
        List<Record> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The demo's full members (正式党员) of a branch: who may vote and stand in its election (probationary members may not). */
    static int fullMembers(String branch) {
        return (int) DemoMembers.PEOPLE.stream().filter(p -> p.branch().equals(branch) && p.stage() == DemoMembers.Stage.FULL_MEMBER).count();
    }

    /** The full members on a branch's roster, once it shows at least {@code expected} (within {@link #KNOWN_WITHIN}). */
    private int rosterFullMembers(String unitId, int expected, String token) throws IOException, InterruptedException {
        int found = -1;
        for (long waited = 0; waited <= knownWithin.toMillis(); waited += 500) {
            HttpResponse<String> roster = send(HttpRequest.newBuilder(URI.create(organisation + "/units/" + unitId + "/roster?size=200")).GET(), token);
            if (roster.statusCode() != 200) {
                return expected;
            }
            found = JSON.readTree(roster.body()).path("stages").path("FULL_MEMBER").asInt(-1);
            if (found < 0 || found >= expected) {
                break;
            }
            Thread.sleep(500); // the roster follows the members service's topic
        }
        return found < 0 ? expected : found;
    }

    /**
     * Publishes the built-in templates the service has not published yet, as they are, and collects each set's latest
     * version into {@code criteria}; returns how many it published.
     */
    private int publishCriteria(Map<String, JsonNode> criteria, String token) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(organisation + "/assessment-criteria/templates")).GET(), token);
        if (answer.statusCode() != 200) {
            refusals.add("assessment criteria templates (GET /assessment-criteria/templates): " + answer.statusCode() + " " + codeOf(answer.body()));
            return 0;
        }
        int published = 0;
        for (JsonNode template : templatesOf(JSON.readTree(answer.body()))) {
            String code = template.path("code").asString();
            HttpResponse<String> existing = send(HttpRequest.newBuilder(URI.create(organisation + "/assessment-criteria/" + code)).GET(), token);
            if (existing.statusCode() == 200) {
                criteria.put(code, JSON.readTree(existing.body()));
                continue;
            }
            JsonNode created = post(new Step("/assessment-criteria", criteriaBody(template)), "demo-organisation-work-criteria-" + code + "-" + today,
                    token, "assessment criteria " + code);
            if (created == null) {
                continue;
            }
            published++;
            HttpResponse<String> read = send(HttpRequest.newBuilder(URI.create(organisation + "/assessment-criteria/" + code + "?minSequence="
                    + created.path("sequence").asLong())).GET(), token);
            criteria.put(code, read.statusCode() == 200 ? JSON.readTree(read.body()) : template);
        }
        return published;
    }

    /** One record from after its last stored step; whether it sent anything. */
    private boolean load(Record record, String token) throws IOException, InterruptedException {
        HttpResponse<String> existing = send(HttpRequest.newBuilder(URI.create(organisation + record.list() + "/" + record.id())).GET(), token);
        if (existing.statusCode() != 200 && existing.statusCode() != 404) {
            throw new IllegalStateException("Reading demo " + record.what() + " " + record.id() + " failed: " + existing.statusCode());
        }
        int next = existing.statusCode() == 200 ? (int) JSON.readTree(existing.body()).path("sequence").asLong() + 1 : 0;
        if (next >= record.steps().size()) {
            return false;
        }
        long sequence = -1;
        boolean sent = false;
        for (int i = next; i < record.steps().size(); i++) {
            Step step = record.steps().get(i);
            if (step.complianceOf() != null && !complianceKnown(step.complianceOf(), token)) {
                deferrals.add(record.what() + " (" + step.path() + "): no concluded \"三会一课\" compliance of " + step.complianceOf()
                        + " yet; scored on a later start");
                return sent;
            }
            JsonNode answer = post(step, "demo-organisation-work-" + record.id() + "-" + i + "-" + today, token, record.what());
            if (answer == null) {
                return sent;
            }
            sent = true;
            sequence = answer.path("sequence").asLong(sequence);
        }
        if (record.awaited() && sequence >= 0) {
            // a later record names this one: read own write before going on
            send(HttpRequest.newBuilder(URI.create(organisation + record.list() + "/" + record.id() + "?minSequence=" + sequence)).GET(), token);
        }
        return sent;
    }

    /**
     * Whether the service shows the unit's published compliance of the year ({@code GET /units/{id}/compliance?year=}),
     * within {@link #KNOWN_WITHIN}: the activities service concludes a period some time after it ended, and the
     * organisation service reads it from its topic. An answer other than 200 cannot tell, and does not hold the load up.
     */
    private boolean complianceKnown(String unitAndYear, String token) throws IOException, InterruptedException {
        for (long waited = 0; waited <= knownWithin.toMillis(); waited += 1000) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(organisation + "/units/" + unitAndYear.replace("?year=", "/compliance?year=")))
                    .GET(), token);
            if (answer.statusCode() != 200) {
                return true;
            }
            if (countOf(JSON.readTree(answer.body())) > 0) {
                return true;
            }
            Thread.sleep(1000);
        }
        return false;
    }

    /** How many records an answer lists: an array, or the first array among its fields ({@code items} first). */
    static int countOf(JsonNode answer) {
        if (answer.isArray()) {
            return answer.size();
        }
        if (answer.path("items").isArray()) {
            return answer.path("items").size();
        }
        for (JsonNode value : answer.values()) {
            if (value.isArray()) {
                return value.size();
            }
        }
        return 0;
    }

    /**
     * Sends a step (again after a while while the service has not seen what it names yet); its answer, or null when the
     * service refused it (any 4xx: a rule, or an API the service does not have yet), which is reported.
     */
    private JsonNode post(Step step, String key, String token, String what) throws IOException, InterruptedException {
        HttpResponse<String> answer = null;
        String code = null;
        for (long waited = 0; answer == null || code != null && NOT_YET.contains(code) && waited <= knownWithin.toMillis(); waited += 500) {
            if (answer != null) {
                Thread.sleep(500); // the roster follows the members service's topic; the rest is the service's own read models
            }
            answer = send(HttpRequest.newBuilder(URI.create(organisation + step.path())).header("Content-Type", "application/json")
                    .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(step.body()))), token);
            code = answer.statusCode() < 300 ? null : codeOf(answer.body());
        }
        if (answer.statusCode() < 300) {
            return answer.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(answer.body());
        }
        if (answer.statusCode() >= 400 && answer.statusCode() < 500) {
            refusals.add(what + " (" + step.path() + "): " + answer.statusCode() + " " + code);
            return null;
        }
        throw new IllegalStateException("Loading demo organisation work failed at " + step.path() + ": " + answer.statusCode() + " " + code);
    }

    private static String codeOf(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            String code = json.path("code").asString("");
            return code.isEmpty() ? (body.length() > 100 ? body.substring(0, 100) : body) : code;
        } catch (RuntimeException notJson) {
            return body.length() > 100 ? body.substring(0, 100) : body;
        }
    }

    /** The records the last load left short, with the rule that refused them. */
    List<String> refusals() {
        synchronized (refusals) {
            return List.copyOf(refusals);
        }
    }

    /** What the last load left for a later start: the plan without its file, a score waiting for the platform's facts. */
    List<String> deferrals() {
        synchronized (deferrals) {
            return List.copyOf(deferrals);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
