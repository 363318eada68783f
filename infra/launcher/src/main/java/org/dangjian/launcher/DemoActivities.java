package org.dangjian.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo centre's organisational life (演示组织生活): a year of "三会一课" for the five demo branches (committee and
 * party group meetings and theme party days monthly, general meetings and party lessons quarterly, the organisational
 * life meeting in January), loaded through
 * the activities service's API as the {@code demo-data-loader} client after the demo members, with the party members'
 * attendance (some on leave, a few absent, one absence corrected to a leave), one theme party day cancelled, the
 * current month's remaining meetings only scheduled, and volunteer service of the window branches' members. Two
 * branches are behind: 不动产登记窗口党支部 held no committee or party group meeting in the last three months and no party lesson last
 * quarter, 离退休干部党支部 holds its committee meeting every other month. Two leading cadres take part in a window branch's
 * organisational life besides their own (双重组织生活, {@link #dualLives()}): 朱建军 in 综合受理窗口党支部 all year, 黄志强 in
 * 不动产登记窗口党支部 until four months ago; they attend that branch's general meetings, party lessons, theme party days and
 * organisational life meeting while it applies. Ids follow from branch, kind and month, and
 * each activity resumes after its last stored step, so a load interrupted half way finishes without doubling anything;
 * a start in a later month adds the months since.
 */
final class DemoActivities {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BASIS = "（演示数据 demo data）";
    /** How long a request naming a branch the activities service does not know yet is tried again. */
    static final Duration BRANCHES_KNOWN_WITHIN = Duration.ofSeconds(60);
    static final int MONTHS = 12;

    static final List<String> BRANCHES = List.of(DemoMembers.FIRST_BRANCH, DemoMembers.SECOND_BRANCH, DemoMembers.WINDOW_BRANCH,
            DemoMembers.REGISTRY_BRANCH, DemoMembers.RETIRED_BRANCH);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String activities;
    private final LocalDate today;
    private final List<String> refusals = java.util.Collections.synchronizedList(new ArrayList<>());

    DemoActivities(LaunchSettings settings) {
        this(settings.serviceUrl("activities"), LocalDate.now(ZoneId.of("Asia/Shanghai")));
    }

    DemoActivities(String activitiesUrl, LocalDate today) {
        this.activities = activitiesUrl;
        this.today = today;
    }

    /** One request: the path after the service's base URL, the body, and how many events it records. */
    record Step(String path, Map<String, Object> body, int events) {
    }

    /** A demo activity: its id, branch, kind, day, and its requests in order (schedule, hold, attendance, correction). */
    record Activity(String id, String branchId, String kind, LocalDate date, List<Step> steps) {
    }

    /** A demo volunteer service: one request. */
    record Volunteer(String id, Map<String, Object> body) {
    }

    /** A leading cadre's dual organisational life: his record, the branch he joins, from when, and until when (null: still). */
    record DualLife(DemoMembers.Person cadre, String branchId, String position, LocalDate since, LocalDate until) {

        /** The record's id, as the activities service derives it (docs/api.md): UUID v3 of dual-life|memberId|branchId. */
        String id() {
            return UUID.nameUUIDFromBytes(("dual-life|" + cadre.id() + "|" + branchId).getBytes(StandardCharsets.UTF_8)).toString();
        }

        boolean covers(LocalDate day) {
            return !day.isBefore(since) && (until == null || !day.isAfter(until));
        }
    }

    private static DemoMembers.Person person(int number) {
        return DemoMembers.PEOPLE.stream().filter(p -> p.number() == number).findFirst().orElseThrow();
    }

    /** The kinds of activity a cadre in dual organisational life attends in that branch. */
    static final java.util.Set<String> DUAL_LIFE_KINDS = java.util.Set.of("BRANCH_GENERAL_MEETING", "PARTY_LESSON", "THEME_PARTY_DAY",
            "ORGANISATIONAL_LIFE_MEETING");

    /** The demo's two leading cadres in dual organisational life, from the first month of the demo year. */
    List<DualLife> dualLives() {
        LocalDate since = YearMonth.from(today).minusMonths(MONTHS).atDay(1);
        DemoMembers.Person zhu = person(14); // 朱建军, 机关第二党支部
        DemoMembers.Person huang = person(8); // 黄志强, 机关第一党支部
        return List.of(new DualLife(zhu, DemoMembers.WINDOW_BRANCH, "中心副主任", since, null),
                new DualLife(huang, DemoMembers.REGISTRY_BRANCH, "综合科科长", since, YearMonth.from(today).minusMonths(4).atEndOfMonth()));
    }

    /** The party members of a branch (probationary and full), who attend its meetings. */
    static List<DemoMembers.Person> partyMembers(String branch) {
        return DemoMembers.PEOPLE.stream().filter(p -> p.branch().equals(branch))
                .filter(p -> p.stage() == DemoMembers.Stage.PROBATIONARY || p.stage() == DemoMembers.Stage.EXTENDED
                        || p.stage() == DemoMembers.Stage.FULL_MEMBER)
                .filter(p -> p.number() != DemoMembers.IN_TRANSIT || !branch.equals(DemoMembers.FIRST_BRANCH))
                .toList();
    }

    /** A demo activity's id: from its branch, kind and month, so a later start finds what an earlier one stored. */
    static String idOf(String kind, String branch, YearMonth month) {
        String name = "demo-activity|" + branch + "|" + kind + "|" + month;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The year of activities, oldest first. */
    List<Activity> activities() {
        List<Activity> all = new ArrayList<>();
        for (int back = MONTHS; back >= 0; back--) {
            YearMonth month = YearMonth.from(today).minusMonths(back);
            for (String branch : BRANCHES) {
                boolean registry = branch.equals(DemoMembers.REGISTRY_BRANCH);
                boolean retired = branch.equals(DemoMembers.RETIRED_BRANCH);
                // 支部委员会: monthly, but the registry branch skipped the last three months and the retired one every other month
                if (!(registry && back >= 1 && back <= 3) && !(retired && back % 2 == 1)) {
                    all.add(activity(branch, "BRANCH_COMMITTEE_MEETING", back, month.atDay(5), "研究本月党建工作", "支部委员会会议室"));
                }
                // 党小组会: monthly on the 22nd, not in the registry branch in the last three months
                if (!(registry && back >= 1 && back <= 3)) {
                    all.add(activity(branch, "PARTY_GROUP_MEETING", back, month.atDay(22), "党小组学习：" + THEMES[month.getMonthValue() - 1],
                            "党小组活动室"));
                }
                // 主题党日: monthly on the 15th; the window branch's of five months ago was cancelled
                all.add(activity(branch, "THEME_PARTY_DAY", back, month.atDay(15), THEMES[month.getMonthValue() - 1], "党员活动室"));
                int inQuarter = (month.getMonthValue() - 1) % 3;
                if (inQuarter == 1) {
                    all.add(activity(branch, "BRANCH_GENERAL_MEETING", back, month.atDay(10), "支部党员大会：通报工作、讨论发展党员", "中心三楼会议室"));
                }
                if (inQuarter == 2 && !(registry && back <= 3)) {
                    all.add(activity(branch, "PARTY_LESSON", back, month.atDay(25), "书记讲党课：" + THEMES[(month.getMonthValue() + 5) % 12],
                            "党员活动室"));
                }
                if (month.getMonthValue() == 1) {
                    all.add(activity(branch, "ORGANISATIONAL_LIFE_MEETING", back, month.atDay(20), "年度组织生活会暨民主评议党员", "中心三楼会议室"));
                }
            }
        }
        return all;
    }

    private static final String[] THEMES = {"学习贯彻党的二十大精神", "学雷锋志愿服务", "三八妇女节座谈", "清明祭英烈", "五四青年座谈",
        "党章党规学习", "庆祝建党", "纪念建军", "廉政警示教育", "国庆主题教育", "政务服务作风建设", "年度学习总结"};

    private Activity activity(String branch, String kind, int back, LocalDate day, String topic, String place) {
        String id = idOf(kind, branch, YearMonth.from(day));
        List<Step> steps = new ArrayList<>();
        Map<String, Object> scheduled = new LinkedHashMap<>();
        scheduled.put("id", id);
        scheduled.put("branchId", branch);
        scheduled.put("kind", kind);
        scheduled.put("topic", topic);
        scheduled.put("plannedDate", day.toString());
        scheduled.put("place", place);
        steps.add(new Step("/activities", scheduled, 1));
        if (!day.isBefore(today)) {
            return new Activity(id, branch, kind, day, steps); // still to come: scheduled only
        }
        if (kind.equals("THEME_PARTY_DAY") && branch.equals(DemoMembers.WINDOW_BRANCH) && back == 5) {
            steps.add(new Step("/activities/" + id + "/cancellation", Map.of("reason", "当日窗口业务高峰，改为下月合并开展" + BASIS), 1));
            return new Activity(id, branch, kind, day, steps);
        }
        steps.add(new Step("/activities/" + id + "/holding", Map.of("date", day.toString(), "minutes",
                "一、传达学习上级文件精神；\n二、" + topic + "；\n三、研究部署下阶段工作。" + BASIS, "speaker", "王建华"), 1));
        List<Map<String, Object>> entries = new ArrayList<>();
        DemoMembers.Person absent = null;
        for (DemoMembers.Person person : partyMembers(branch)) {
            int roll = Math.floorMod(person.number() * 31 + day.getMonthValue() * 7 + day.getYear() + kind.length(), 20);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("memberId", person.id());
            if (roll == 0) {
                entry.put("attendance", "ON_LEAVE");
                entry.put("reason", person.number() % 2 == 0 ? "出差" : "病假");
            } else if (roll == 1) {
                entry.put("attendance", "ABSENT");
                absent = absent == null ? person : absent;
            } else {
                entry.put("attendance", "PRESENT");
            }
            entries.add(entry);
        }
        if (DUAL_LIFE_KINDS.contains(kind)) {
            for (DualLife dualLife : dualLives()) {
                if (dualLife.branchId().equals(branch) && dualLife.covers(day)) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("memberId", dualLife.cadre().id());
                    boolean away = Math.floorMod(day.getMonthValue() * 5 + kind.length(), 7) == 0;
                    entry.put("attendance", away ? "ON_LEAVE" : "PRESENT");
                    if (away) {
                        entry.put("reason", "参加上级会议");
                    }
                    entries.add(entry);
                }
            }
        }
        if (!entries.isEmpty()) {
            steps.add(new Step("/activities/" + id + "/attendance", Map.of("entries", entries), entries.size()));
        }
        if (absent != null && back == 2) {
            steps.add(new Step("/activities/" + id + "/attendance-corrections", Map.of("entries", List.of(Map.of("memberId", absent.id(),
                    "attendance", "ON_LEAVE", "reason", "临时外出办事")), "reason", "补交请假条" + BASIS), 1));
        }
        return new Activity(id, branch, kind, day, steps);
    }

    /** Volunteer service of the window branches' party members: 延时服务 and 帮代办服务, twice a month for the last three months. */
    List<Volunteer> volunteers() {
        List<Volunteer> all = new ArrayList<>();
        for (String branch : List.of(DemoMembers.WINDOW_BRANCH, DemoMembers.REGISTRY_BRANCH)) {
            for (DemoMembers.Person person : partyMembers(branch)) {
                for (int back = 3; back >= 1; back--) {
                    for (int n = 0; n < 2; n++) {
                        LocalDate day = YearMonth.from(today).minusMonths(back).atDay(8 + n * 10);
                        String id = UUID.nameUUIDFromBytes(("demo-volunteer|" + person.id() + "|" + YearMonth.from(day) + "|" + n)
                                .getBytes(StandardCharsets.UTF_8)).toString();
                        all.add(new Volunteer(id, Map.of("id", id, "memberId", person.id(), "kind", n == 0 ? "EXTENDED_HOURS" : "ERRAND",
                                "hours", n == 0 ? 1.5 : 2, "date", day.toString())));
                    }
                }
            }
        }
        return all;
    }

    /**
     * Loads the activities and volunteer services not there yet, each activity resuming after its last stored step;
     * returns how many records it added or completed. A step the service refuses by a rule (409/422) leaves that
     * activity where it is and is reported ({@link #refusals()}); anything else stops the load.
     */
    int loadIfMissing(String token) throws IOException, InterruptedException {
        java.util.concurrent.atomic.AtomicInteger added = new java.util.concurrent.atomic.AtomicInteger();
        List<DemoLoad.Task> tasks = new ArrayList<>();
        for (Activity activity : activities()) {
            tasks.add(() -> {
                if (load(activity, token)) {
                    added.incrementAndGet();
                }
            });
        }
        for (DualLife dualLife : dualLives()) {
            tasks.add(() -> {
                if (load(dualLife, token)) {
                    added.incrementAndGet();
                }
            });
        }
        for (Volunteer volunteer : volunteers()) {
            // recorded before (its id is fixed): the service answers VOLUNTEER_SERVICE_ALREADY_EXISTS, which post() takes as done
            tasks.add(() -> {
                if (post(new Step("/volunteer-services", volunteer.body(), 1), "demo-volunteer-" + volunteer.id() + "-" + today, token,
                        "volunteer service")) {
                    added.incrementAndGet();
                }
            });
        }
        DemoLoad.inParallel(tasks);
        return added.get();
    }

    /** A dual organisational life: assigned when the service has no record of it, ended when it should be and is not. */
    private boolean load(DualLife dualLife, String token) throws IOException, InterruptedException {
        HttpResponse<String> existing = send(HttpRequest.newBuilder(URI.create(activities + "/dual-lives/" + dualLife.id())).GET(), token);
        if (existing.statusCode() != 200 && existing.statusCode() != 404) {
            throw new IllegalStateException("Reading demo dual organisational life " + dualLife.id() + " failed: " + existing.statusCode());
        }
        boolean assigned = existing.statusCode() == 200;
        boolean active = assigned && JSON.readTree(existing.body()).path("active").asBoolean();
        String what = "dual organisational life of " + dualLife.cadre().name();
        boolean sent = false;
        if (!assigned) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("memberId", dualLife.cadre().id());
            body.put("branchId", dualLife.branchId());
            body.put("position", dualLife.position());
            body.put("since", dualLife.since().toString());
            body.put("basis", "党委关于落实党员领导干部双重组织生活制度的通知" + BASIS);
            if (!post(new Step("/dual-lives", body, 1), "demo-dual-life-" + dualLife.id() + "-" + today, token, what)) {
                return false;
            }
            sent = true;
            active = true;
        }
        if (active && dualLife.until() != null) {
            post(new Step("/dual-lives/" + dualLife.id() + "/ending", Map.of("until", dualLife.until().toString(), "reason", "工作调整" + BASIS), 1),
                    "demo-dual-life-end-" + dualLife.id() + "-" + today, token, what);
            sent = true;
        }
        return sent;
    }

    /** One activity from after its last stored step; whether it sent anything. */
    private boolean load(Activity activity, String token) throws IOException, InterruptedException {
        HttpResponse<String> existing = send(HttpRequest.newBuilder(URI.create(activities + "/activities/" + activity.id())).GET(), token);
        if (existing.statusCode() != 200 && existing.statusCode() != 404) {
            throw new IllegalStateException("Reading demo activity " + activity.id() + " failed: " + existing.statusCode());
        }
        long stored = existing.statusCode() == 200 ? JSON.readTree(existing.body()).path("sequence").asLong() + 1 : 0;
        int next = 0;
        for (long events = 0; next < activity.steps().size() && events + activity.steps().get(next).events() <= stored; next++) {
            events += activity.steps().get(next).events();
        }
        if (next >= activity.steps().size()) {
            return false;
        }
        for (int i = next; i < activity.steps().size(); i++) {
            if (!post(activity.steps().get(i), "demo-activity-" + activity.id() + "-" + i + "-" + today, token,
                    activity.kind() + " " + activity.date())) {
                break;
            }
        }
        return true;
    }

    /** Sends a step (again after a while while the service does not know the branch yet); false when a rule refused it. */
    private boolean post(Step step, String key, String token, String what) throws IOException, InterruptedException {
        HttpResponse<String> answer = null;
        String code = "BRANCH_UNKNOWN";
        for (long waited = 0; "BRANCH_UNKNOWN".equals(code) && waited <= BRANCHES_KNOWN_WITHIN.toMillis(); waited += 500) {
            if (answer != null) {
                Thread.sleep(500); // the activities service learns the demo branches from the organisation service's topic
            }
            answer = send(HttpRequest.newBuilder(URI.create(activities + step.path())).header("Content-Type", "application/json")
                    .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(step.body()))), token);
            code = answer.statusCode() < 300 ? null : codeOf(answer.body());
        }
        if (answer.statusCode() < 300) {
            return true;
        }
        if ("VOLUNTEER_SERVICE_ALREADY_EXISTS".equals(code)) {
            return false; // stored by an earlier load
        }
        if (answer.statusCode() == 409 || answer.statusCode() == 422) {
            refusals.add(what + " (" + step.path() + "): " + code);
            return false;
        }
        throw new IllegalStateException("Loading demo activities failed at " + step.path() + ": " + answer.statusCode() + " " + code);
    }

    private static String codeOf(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json.path("code").asString();
        } catch (RuntimeException notJson) {
            return body.length() > 100 ? body.substring(0, 100) : body;
        }
    }

    /** The activities the last load left short, with the rule that refused them. */
    List<String> refusals() {
        synchronized (refusals) {
            return List.copyOf(refusals);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
