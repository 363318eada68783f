package org.dangjian.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo centre's members (演示党员), some dozens at every stage of the way into the party, loaded through the
 * members service's API as the {@code demo-data-loader} client, with business dates counted back from today so that
 * every rule holds (6 months as an activist, a year's probation, ...) and the development board has some due now and
 * some later. Every name and ID-card number is invented (the numbers are well formed, with a right check digit, and
 * an order code of 9xx). Ids are fixed and each step carries an idempotency key, so a load interrupted half way
 * finishes on the next start without doubling anything. 张丽 is linked to the demo party member {@code dangyuan}, 李明
 * to the demo branch secretary {@code shuji}.
 */
final class DemoMembers {

    static final String FIRST_BRANCH = DemoOrganisation.FIRST_BRANCH;
    /** How long a step naming a branch the members service does not know yet is tried again. */
    static final Duration BRANCHES_KNOWN_WITHIN = Duration.ofSeconds(60);
    static final String SECOND_BRANCH = "00000000-0000-4000-8000-000000000012";
    static final String WINDOW_BRANCH = "00000000-0000-4000-8000-000000000021";
    static final String REGISTRY_BRANCH = "00000000-0000-4000-8000-000000000022";
    static final String RETIRED_BRANCH = "00000000-0000-4000-8000-000000000031";

    /** Where a demo member stops on the way. */
    enum Stage { APPLICANT, ACTIVIST, DEVELOPMENT_OBJECT, REVIEW_NOT_PASSED, POLITICALLY_REVIEWED, PROBATIONARY, EXTENDED, FULL_MEMBER, CANCELLED }

    /**
     * A demo member: applied {@code daysAgo} days before today; born in {@code birthYear}.
     *
     * @param username the demo login linked to the record, or null
     */
    record Person(int number, String name, boolean male, int birthYear, String branch, Stage stage, int daysAgo, String username) {

        String id() {
            return String.format("00000000-0000-4000-8001-%012d", number);
        }

        LocalDate birthDate() {
            return LocalDate.of(birthYear, 1 + number % 12, 1 + (number * 7) % 28);
        }

        /** 110105 (an area code), the birth date, an order code 9xx (odd for a man), the check digit. */
        String idCardNumber() {
            int order = 900 + 2 * number + (male ? 1 : 0);
            String first17 = "110105" + birthDate().toString().replace("-", "") + order;
            return first17 + checkDigit(first17);
        }

        String phone() {
            return String.format("139%08d", 10_000_000 + number * 1_234_567 % 90_000_000);
        }
    }

    static final List<Person> PEOPLE = List.of(
            new Person(1, "张丽", false, 1988, FIRST_BRANCH, Stage.FULL_MEMBER, 2400, "dangyuan"),
            new Person(2, "李明", true, 1979, FIRST_BRANCH, Stage.FULL_MEMBER, 5200, "shuji"),
            new Person(3, "王思远", true, 1996, FIRST_BRANCH, Stage.APPLICANT, 25, null),
            new Person(4, "刘佳怡", false, 1998, FIRST_BRANCH, Stage.ACTIVIST, 120, null),
            new Person(5, "陈博文", true, 1993, FIRST_BRANCH, Stage.ACTIVIST, 290, null),
            new Person(6, "杨雨欣", false, 1995, FIRST_BRANCH, Stage.DEVELOPMENT_OBJECT, 270, null),
            new Person(7, "赵子涵", false, 1994, FIRST_BRANCH, Stage.PROBATIONARY, 650, null),
            new Person(8, "黄志强", true, 1990, FIRST_BRANCH, Stage.FULL_MEMBER, 1500, null),
            new Person(9, "周晓燕", false, 1992, SECOND_BRANCH, Stage.APPLICANT, 70, null),
            new Person(10, "吴浩然", true, 1997, SECOND_BRANCH, Stage.ACTIVIST, 200, null),
            new Person(11, "徐静怡", false, 1991, SECOND_BRANCH, Stage.POLITICALLY_REVIEWED, 310, null),
            new Person(12, "孙立新", true, 1987, SECOND_BRANCH, Stage.PROBATIONARY, 330, null),
            new Person(13, "马文静", false, 1989, SECOND_BRANCH, Stage.EXTENDED, 720, null),
            new Person(14, "朱建军", true, 1983, SECOND_BRANCH, Stage.FULL_MEMBER, 3100, null),
            new Person(15, "胡梦婷", false, 1999, WINDOW_BRANCH, Stage.APPLICANT, 40, null),
            new Person(16, "郭俊杰", true, 1995, WINDOW_BRANCH, Stage.ACTIVIST, 250, null),
            new Person(17, "何诗雨", false, 1996, WINDOW_BRANCH, Stage.REVIEW_NOT_PASSED, 300, null),
            new Person(18, "林宇航", true, 1993, WINDOW_BRANCH, Stage.POLITICALLY_REVIEWED, 280, null),
            new Person(19, "罗嘉欣", false, 1992, WINDOW_BRANCH, Stage.PROBATIONARY, 700, null),
            new Person(20, "梁国栋", true, 1985, WINDOW_BRANCH, Stage.FULL_MEMBER, 2000, null),
            new Person(21, "宋雅琪", false, 1997, REGISTRY_BRANCH, Stage.APPLICANT, 100, null),
            new Person(22, "郑凯", true, 1994, REGISTRY_BRANCH, Stage.DEVELOPMENT_OBJECT, 300, null),
            new Person(23, "谢婉清", false, 1990, REGISTRY_BRANCH, Stage.CANCELLED, 720, null),
            new Person(24, "韩振华", true, 1986, REGISTRY_BRANCH, Stage.FULL_MEMBER, 2700, null),
            new Person(25, "唐秀英", false, 1995, REGISTRY_BRANCH, Stage.ACTIVIST, 60, null),
            new Person(26, "冯德厚", true, 1952, RETIRED_BRANCH, Stage.FULL_MEMBER, 14000, null),
            new Person(27, "曹桂兰", false, 1955, RETIRED_BRANCH, Stage.FULL_MEMBER, 13000, null),
            new Person(28, "彭永年", true, 1950, RETIRED_BRANCH, Stage.FULL_MEMBER, 15000, null),
            new Person(29, "曾淑珍", false, 1958, RETIRED_BRANCH, Stage.FULL_MEMBER, 11000, null),
            new Person(30, "董建民", true, 1961, RETIRED_BRANCH, Stage.FULL_MEMBER, 10000, null));

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BASIS = "（演示数据 demo data）";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String members;
    private final LocalDate today;

    DemoMembers(LaunchSettings settings) {
        this(settings.serviceUrl("members"), LocalDate.now(ZoneId.of("Asia/Shanghai")));
    }

    DemoMembers(String membersUrl, LocalDate today) {
        this.members = membersUrl;
        this.today = today;
    }

    /** One request of a member's way: the path after {@code /members}, the body. */
    record Step(String path, Map<String, Object> body) {
    }

    /**
     * The requests that take a person to his stage, dated from his application on: 40 days to activist, the 6 months'
     * activist period and 10 days to development object, 30 days to the review, 20 to the branch meeting and 10 more
     * to the committee's approval, a year's probation from the meeting, 5 days to the confirming meeting and 10 to its
     * approval. Every date lies on or before today for the people above.
     */
    List<Step> steps(Person person) {
        List<Step> steps = wayIn(person);
        if (person.stage() == Stage.PROBATIONARY || person.stage() == Stage.EXTENDED || person.stage() == Stage.FULL_MEMBER) {
            // "五星十佳" points this year: an award each, a second for some, a deduction for one
            steps.add(new Step("/points", Map.of("rule", "MERIT", "points", 3 + person.number() % 10, "date",
                    today.minusDays(person.number() % 20).toString(), "reason", "带头完成窗口服务任务" + BASIS)));
            if (person.number() % 3 == 0) {
                steps.add(new Step("/points", Map.of("rule", "MERIT", "points", 10, "date", today.minusDays(1).toString(),
                        "reason", "群众来信表扬" + BASIS)));
            }
            // party dues: a base from twelve months ago (a year of dues), or from the month of the branch meeting that admitted
            // him if later (dues are paid from then on); each month paid on its 10th, one request a month (one event each),
            // but for every fourth member, who owes the last two
            java.time.YearMonth admitted = steps.stream().filter(step -> step.path().equals("/admission")).findFirst()
                    .map(step -> java.time.YearMonth.from(LocalDate.parse((String) step.body().get("branchMeetingDate")))).orElseThrow();
            java.time.YearMonth yearAgo = java.time.YearMonth.from(today).minusMonths(12);
            java.time.YearMonth from = admitted.isAfter(yearAgo) ? admitted : yearAgo;
            steps.add(new Step("/dues/base", Map.of("fromMonth", from.toString(), "base", 3000 + person.number() * 250, "rate",
                    person.number() * 250 + 3000 > 5000 ? 0.015 : 0.01, "basis", "工资表核定" + BASIS)));
            java.time.YearMonth lastPaid = java.time.YearMonth.from(today).minusMonths(person.number() % 4 == 0 ? 3 : 1);
            for (java.time.YearMonth month = from; !month.isAfter(lastPaid); month = month.plusMonths(1)) {
                steps.add(new Step("/dues/payments", Map.of("months", List.of(month.toString()), "paidOn", month.atDay(10).toString(),
                        "receipt", "DJ-" + month.toString().replace("-", "") + "-" + person.number())));
            }
            if (person.number() == 8) {
                steps.add(new Step("/points", Map.of("rule", "DEMERIT", "points", -5, "date", today.minusDays(2).toString(),
                        "reason", "无故迟交学习笔记" + BASIS)));
            }
        }
        if (RETIRED_BRANCH.equals(person.branch()) && person.number() % 2 == 0) {
            // party care: half the retired branch's elderly members visited this year; the care list shows the others
            steps.add(new Step("/care", Map.of("kind", "FESTIVAL_GREETING", "reason", "ELDERLY", "date", today.minusDays(person.number()).toString(),
                    "visitors", "王建华、李明", "amount", 300, "notes", "走访慰问老党员，身体状况良好" + BASIS)));
        }
        if (person.number() == 2) {
            // 李明, the demo branch secretary: trained and certified as a party-affairs cadre
            steps.add(new Step("/trainings", Map.of("course", "党务干部能力提升培训班", "organiser", "区委组织部",
                    "endedOn", today.minusMonths(5).toString(), "hours", 24)));
            steps.add(new Step("/trainings", Map.of("course", "基层党建专题培训", "organiser", "市委党校",
                    "endedOn", today.minusMonths(2).toString(), "hours", 12)));
            steps.add(new Step("/qualification", Map.of("date", today.minusMonths(1).toString(), "basis", "党委会议研究同意" + BASIS)));
        }
        if (person.number() == IN_TRANSIT) {
            steps.add(new Step("/transfers", Map.of("toBranchId", FIRST_BRANCH, "date", today.minusDays(3).toString(),
                    "basis", "工作调动，开具党组织关系介绍信" + BASIS)));
        }
        return steps;
    }

    /** The requests of the way into the party up to the person's stage. */
    private List<Step> wayIn(Person person) {
        List<Step> steps = new ArrayList<>();
        LocalDate applied = today.minusDays(person.daysAgo());
        Map<String, Object> application = new LinkedHashMap<>();
        application.put("id", person.id());
        application.put("name", person.name());
        application.put("gender", person.male() ? "MALE" : "FEMALE");
        application.put("birthDate", person.birthDate().toString());
        application.put("idCardNumber", person.idCardNumber());
        application.put("phone", person.phone());
        application.put("branchId", person.branch());
        application.put("applicationDate", applied.toString());
        if (person.username() != null) {
            application.put("username", person.username());
        }
        application.put("basis", "入党申请书" + BASIS);
        steps.add(new Step("", application));
        if (person.stage() == Stage.APPLICANT) {
            return steps;
        }
        LocalDate activist = applied.plusDays(40);
        steps.add(new Step("/activist", Map.of("date", activist.toString(), "basis", "支部委员会会议研究确定" + BASIS)));
        if (person.stage() == Stage.ACTIVIST) {
            return steps;
        }
        LocalDate development = activist.plusMonths(6).plusDays(10);
        steps.add(new Step("/development-object", Map.of("date", development.toString(), "basis", "听取党小组、培养联系人和党员群众意见，支部委员会研究确定" + BASIS)));
        if (person.stage() == Stage.DEVELOPMENT_OBJECT) {
            return steps;
        }
        LocalDate review = development.plusDays(30);
        if (person.stage() == Stage.REVIEW_NOT_PASSED) {
            steps.add(new Step("/political-review", Map.of("date", review.toString(), "conclusion", "NOT_PASSED",
                    "basis", "政治审查材料不完整，需补充函调" + BASIS)));
            return steps;
        }
        steps.add(new Step("/political-review", Map.of("date", review.toString(), "conclusion", "PASSED", "basis", "政治审查合格" + BASIS)));
        if (person.stage() == Stage.POLITICALLY_REVIEWED) {
            return steps;
        }
        LocalDate meeting = review.plusDays(20);
        steps.add(new Step("/admission", Map.of("branchMeetingDate", meeting.toString(), "committeeApprovalDate", meeting.plusDays(10).toString(),
                "basis", "支部党员大会讨论通过，党委审批同意" + BASIS)));
        if (person.stage() == Stage.PROBATIONARY) {
            return steps;
        }
        LocalDate probationEnd = meeting.plusYears(1);
        if (person.stage() == Stage.EXTENDED) {
            steps.add(new Step("/probation-extension", Map.of("date", probationEnd.toString(), "months", 6,
                    "basis", "预备期内表现未完全达到党员条件，党委研究决定延长预备期六个月" + BASIS)));
            return steps;
        }
        if (person.stage() == Stage.CANCELLED) {
            steps.add(new Step("/probation-cancellation", Map.of("date", probationEnd.toString(),
                    "basis", "预备期满不具备党员条件，党委研究决定取消预备党员资格" + BASIS)));
            return steps;
        }
        LocalDate confirming = probationEnd.plusDays(5);
        steps.add(new Step("/full-membership", Map.of("branchMeetingDate", confirming.toString(), "committeeApprovalDate",
                confirming.plusDays(10).toString(), "basis", "支部党员大会讨论通过，党委审批同意按期转正" + BASIS)));
        return steps;
    }

    /** The demo member whose transfer to the first branch is in transit (组织关系转接在途), for its secretary to receive. */
    static final int IN_TRANSIT = 14;

    /**
     * A demo assessment (考核): its member, type and period, and its requests in order: the first opens it ({@code POST
     * /assessments}), the others are paths under {@code /assessments/{id}}, one event each.
     */
    record Assessment(Person person, String type, String period, List<Step> steps) {

        /** The id the members service gives this member's assessment of this type and period (docs/api.md, "Assessments"). */
        String id() {
            String name = "assessment|" + person.id() + "|" + type + "|" + period;
            return java.util.UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        }
    }

    /**
     * A year of assessments: last year's comprehensive assessment (党员综合管理考核, scored and concluded in January)
     * of every party member, one of them corrected by the committee; last year's democratic evaluation (民主评议党员,
     * with the branch's votes) of every full member; the last closed quarter's daily assessment (公务员日常考核) of the
     * window and registry branches' party members; and this year's comprehensive assessment of the first branch's full
     * members opened, one of them scored, for the branch secretary to conclude. Each date on or before today.
     */
    List<Assessment> assessments() {
        int lastYear = today.getYear() - 1;
        LocalDate january10 = notAfterToday(LocalDate.of(today.getYear(), 1, 10));
        LocalDate january20 = notAfterToday(LocalDate.of(today.getYear(), 1, 20));
        java.time.YearMonth quarterEnd = java.time.YearMonth.from(today).minusMonths((today.getMonthValue() - 1) % 3 + 1);
        String lastQuarter = quarterEnd.getYear() + "-Q" + (quarterEnd.getMonthValue() / 3);
        LocalDate quarterAssessed = notAfterToday(quarterEnd.plusMonths(1).atDay(8));
        List<Assessment> all = new ArrayList<>();
        for (Person person : PEOPLE) {
            boolean full = person.stage() == Stage.FULL_MEMBER;
            if (!full && person.stage() != Stage.PROBATIONARY && person.stage() != Stage.EXTENDED) {
                continue;
            }
            int n = person.number();
            Map<String, Object> scores = Map.of("POLITICS", 24 + n % 7, "DUTY", 22 + n % 9, "CONDUCT", 14 + n % 7, "MASSES", 13 + n % 8);
            List<Step> comprehensive = new ArrayList<>(List.of(
                    opening(person, "COMPREHENSIVE", String.valueOf(lastYear), january10),
                    new Step("/scores", Map.of("scores", scores)),
                    new Step("/conclusion", Map.of("date", january20.toString(), "basis", "支部委员会评定，党员大会通报" + BASIS))));
            if (n == 1) {
                comprehensive.add(new Step("/correction", Map.of("result", "EXCELLENT", "date", notAfterToday(LocalDate.of(today.getYear(), 2, 3))
                        .toString(), "reason", "复核群众评价分数录入有误，经党委会议研究予以更正" + BASIS)));
            }
            all.add(new Assessment(person, "COMPREHENSIVE", String.valueOf(lastYear), comprehensive));
            if (full) {
                int excellent = 2 + n % 5;
                Map<String, Object> votes = Map.of("EXCELLENT", excellent, "QUALIFIED", 14 - excellent, "BASICALLY_QUALIFIED", n % 2, "UNQUALIFIED", 0);
                all.add(new Assessment(person, "DEMOCRATIC_EVALUATION", String.valueOf(lastYear), List.of(
                        opening(person, "DEMOCRATIC_EVALUATION", String.valueOf(lastYear), january10),
                        new Step("/conclusion", Map.of("result", excellent > 7 - excellent ? "EXCELLENT" : "QUALIFIED", "votes", votes,
                                "date", january20.toString(), "basis", "支部党员大会民主评议，无记名投票" + BASIS)))));
            }
            if (WINDOW_BRANCH.equals(person.branch()) || REGISTRY_BRANCH.equals(person.branch())) {
                all.add(new Assessment(person, "CIVIL_SERVANT_DAILY", lastQuarter, List.of(
                        opening(person, "CIVIL_SERVANT_DAILY", lastQuarter, quarterAssessed),
                        new Step("/conclusion", Map.of("result", n % 3 == 0 ? "FAIRLY_GOOD" : "GOOD", "date", quarterAssessed.toString(),
                                "basis", "季度工作实绩考核" + BASIS)))));
            }
            if (full && FIRST_BRANCH.equals(person.branch())) {
                String thisYear = String.valueOf(today.getYear());
                List<Step> open = new ArrayList<>(List.of(opening(person, "COMPREHENSIVE", thisYear, today.minusDays(3))));
                if (n == 8) {
                    open.add(new Step("/scores", Map.of("scores", scores)));
                }
                all.add(new Assessment(person, "COMPREHENSIVE", thisYear, open));
            }
        }
        return all;
    }

    private static Step opening(Person person, String type, String period, LocalDate date) {
        return new Step("", Map.of("memberId", person.id(), "type", type, "period", period, "date", date.toString()));
    }

    private LocalDate notAfterToday(LocalDate date) {
        return date.isAfter(today) ? today : date;
    }

    /**
     * Loads the demo assessments not there yet, or not complete yet, after the members: an assessment resumes after
     * its last stored step (its {@code sequence}: one event per step), so nothing is sent twice; the assessment of a
     * member left short of his stage is left out. Returns how many it added or completed.
     */
    int loadAssessmentsIfMissing(String token) throws IOException, InterruptedException {
        java.util.concurrent.atomic.AtomicInteger added = new java.util.concurrent.atomic.AtomicInteger();
        List<DemoLoad.Task> tasks = new ArrayList<>();
        for (Assessment assessment : assessments()) {
            if (refusals().stream().anyMatch(refusal -> refusal.startsWith(assessment.person().name() + " "))) {
                continue;
            }
            tasks.add(() -> {
                if (load(assessment, token)) {
                    added.incrementAndGet();
                }
            });
        }
        DemoLoad.inParallel(tasks);
        return added.get();
    }

    /** One assessment from after its last stored step; whether it sent anything. */
    private boolean load(Assessment assessment, String token) throws IOException, InterruptedException {
        String path = members + "/assessments/" + assessment.id();
        HttpResponse<String> existing = send(HttpRequest.newBuilder(URI.create(path)).GET(), token);
        if (existing.statusCode() != 200 && existing.statusCode() != 404) {
            throw new IllegalStateException("Reading demo assessment " + assessment.id() + " failed: " + existing.statusCode());
        }
        int next = existing.statusCode() == 200 ? (int) JSON.readTree(existing.body()).path("sequence").asLong() + 1 : 0;
        if (next >= assessment.steps().size()) {
            return false;
        }
        for (int i = next; i < assessment.steps().size(); i++) {
            Step step = assessment.steps().get(i);
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(i == 0 ? members + "/assessments" : path + step.path()))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "demo-assessment-" + assessment.id() + "-" + i + "-" + today)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(step.body()))), token);
            if (answer.statusCode() == 200 || answer.statusCode() == 201) {
                continue;
            }
            String code = JSON.readTree(answer.body()).path("code").asString();
            if (answer.statusCode() == 409 || answer.statusCode() == 422) {
                refusals.add(assessment.person().name() + " (" + assessment.type() + " " + assessment.period() + " "
                        + (i == 0 ? "/assessments" : step.path()) + "): " + code);
                return false;
            }
            throw new IllegalStateException("Loading demo assessment " + assessment.id() + " failed at " + step.path() + ": "
                    + answer.statusCode() + " " + code);
        }
        return true;
    }

    /** Why a demo member could not be taken to his stage (a rule of the service's configuration said no). */
    private final List<String> refusals = java.util.Collections.synchronizedList(new ArrayList<>());

    /**
     * Loads the people who are not there yet, or not at their stage yet; returns how many it added or completed. A
     * person already on the way resumes after his last stored step (his file's {@code sequence}: one event per step),
     * so a load interrupted on one day and resumed on another sends no step twice; the keys name the day, since the
     * steps' dates count back from it. A step the service refuses by a rule (a 409 or 422: a configuration stricter than
     * the demo's dates, such as a 12-month activist period) leaves that person where he is and is reported
     * ({@link #refusals()}); anything else stops the load.
     */
    int loadIfMissing(String token) throws IOException, InterruptedException {
        java.util.concurrent.atomic.AtomicInteger added = new java.util.concurrent.atomic.AtomicInteger();
        List<DemoLoad.Task> tasks = new ArrayList<>();
        for (Person person : PEOPLE) {
            tasks.add(() -> {
                if (load(person, token)) {
                    added.incrementAndGet();
                }
            });
        }
        DemoLoad.inParallel(tasks);
        return added.get();
    }

    /** One person's way from after his last stored step; whether he was added or completed. */
    private boolean load(Person person, String token) throws IOException, InterruptedException {
        List<Step> steps = steps(person);
        HttpResponse<String> existing = send(HttpRequest.newBuilder(URI.create(members + "/members/" + person.id())).GET(), token);
        int next = existing.statusCode() == 200 ? (int) JSON.readTree(existing.body()).path("sequence").asLong() + 1 : 0;
        if (existing.statusCode() != 200 && existing.statusCode() != 404) {
            throw new IllegalStateException("Reading demo member " + person.number() + " failed: " + existing.statusCode());
        }
        if (next >= steps.size()) {
            return false;
        }
        for (int i = next; i < steps.size(); i++) {
            Step step = steps.get(i);
            String path = i == 0 ? members + "/members" : members + "/members/" + person.id() + step.path();
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(path))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "demo-member-" + person.id() + "-" + i + "-" + today)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(step.body()))), token);
            String code = answer.statusCode() < 300 ? null : JSON.readTree(answer.body()).path("code").asString();
            for (long waited = 0; "BRANCH_UNKNOWN".equals(code) && waited < BRANCHES_KNOWN_WITHIN.toMillis(); waited += 500) {
                // the members service learns the demo branches from the organisation service's topic, within seconds
                Thread.sleep(500);
                answer = send(HttpRequest.newBuilder(URI.create(path)).header("Content-Type", "application/json")
                        .header("Idempotency-Key", "demo-member-" + person.id() + "-" + i + "-" + today)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(step.body()))), token);
                code = answer.statusCode() < 300 ? null : JSON.readTree(answer.body()).path("code").asString();
            }
            if (answer.statusCode() == 200 || answer.statusCode() == 201) {
                continue;
            }
            if (answer.statusCode() == 409 || answer.statusCode() == 422) {
                refusals.add(person.name() + " (" + (step.path().isEmpty() ? "/members" : step.path()) + "): " + code);
                return false;
            }
            throw new IllegalStateException("Loading demo member " + person.number() + " failed at " + step.path() + ": "
                    + answer.statusCode() + " " + code);
        }
        return true;
    }

    /** The demo members the last load left short of their stage, with the rule that refused them. */
    List<String> refusals() {
        synchronized (refusals) {
            return List.copyOf(refusals);
        }
    }

    static char checkDigit(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
