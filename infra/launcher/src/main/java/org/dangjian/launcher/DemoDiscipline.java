package org.dangjian.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo centre's discipline supervision (演示纪检监督), invented: inspections of windows and a section at different
 * stages (one planned, one closed without findings, one closed after its rectification was sent back once and accepted,
 * one whose rectification report awaits verification, one whose rectification is overdue), a concluded integrity talk,
 * a written inquiry answered and not yet concluded, and a concluded cadre selection supervision. Loaded through the
 * discipline service's API as the {@code demo-data-loader} client (acting as a discipline inspector), days counted back
 * from today; ids follow from a name, and each record resumes after its last stored step (read from the lists, which
 * are not logged as reads of a record), so a load interrupted half way finishes without doubling anything.
 */
final class DemoDiscipline {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEMO = "（演示数据 demo data）";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String discipline;
    private final LocalDate today;
    private final List<String> refusals = java.util.Collections.synchronizedList(new ArrayList<>());

    DemoDiscipline(LaunchSettings settings) {
        this(settings.serviceUrl("discipline"), LocalDate.now(ZoneId.of("Asia/Shanghai")));
    }

    DemoDiscipline(String disciplineUrl, LocalDate today) {
        this.discipline = disciplineUrl;
        this.today = today;
    }

    /** One request: the path after the service's base URL and the body. */
    record Step(String path, Map<String, Object> body) {
    }

    /** A demo record: its list (where its sequence is read), its id, and its requests in order, one event each. */
    record Record(String list, String id, List<Step> steps) {
    }

    static String idOf(String name) {
        return UUID.nameUUIDFromBytes(("demo-discipline|" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private String day(int daysAgo) {
        return today.minusDays(daysAgo).toString();
    }

    private static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }

    private Record inspection(String name, String target, String targetName, String branchId, String mode, int plannedDaysAgo, List<Step> after) {
        String id = idOf(name);
        Map<String, Object> plan = body("id", id, "target", target, "targetName", targetName, "mode", mode, "plannedDate", day(plannedDaysAgo),
                "inspectors", List.of("赵纪检", "钱纪检"), "focus", "在岗在位、着装规范、服务态度、首问负责" + DEMO);
        if (branchId != null) {
            plan.put("branchId", branchId);
        }
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("/inspections", plan));
        after.forEach(step -> steps.add(new Step(step.path().replace("{id}", id), step.body())));
        return new Record("/inspections", id, steps);
    }

    /** Every demo record, each with its steps in order. */
    List<Record> records() {
        List<Record> all = new ArrayList<>();
        all.add(inspection("inspection-planned", "WINDOW", "社保医保窗口", null, "UNANNOUNCED", -7, List.of()));
        all.add(inspection("inspection-clean", "SECTION", "综合科", DemoMembers.FIRST_BRANCH, "OPEN", 70, List.of(
                new Step("/inspections/{id}/carrying-out", body("date", day(68), "summary", "查阅考勤和值班记录，实地查看办公秩序" + DEMO)),
                new Step("/inspections/{id}/closing", body("date", day(67), "conclusion", "未发现问题，予以办结" + DEMO)))));
        all.add(inspection("inspection-rectified", "WINDOW", "综合受理窗口", DemoMembers.WINDOW_BRANCH, "UNANNOUNCED", 60, List.of(
                new Step("/inspections/{id}/carrying-out", body("date", day(58), "summary", "上午 9 时暗访，窗口 6 人在岗" + DEMO)),
                new Step("/inspections/{id}/findings", body("description", "一名工作人员上班时间玩手机", "severity", "GENERAL",
                        "evidence", List.of("暗访照片 2026-031"))),
                new Step("/inspections/{id}/findings", body("description", "办事指南未及时更新", "severity", "MINOR", "evidence", List.of())),
                new Step("/inspections/{id}/rectification-requirement", body("requirement", "加强窗口纪律管理，更新办事指南" + DEMO,
                        "deadline", day(44), "responsible", "综合受理窗口负责人")),
                new Step("/inspections/{id}/rectification-report", body("date", day(50), "report", "已约谈当事人" + DEMO, "evidence", List.of())),
                new Step("/inspections/{id}/rectification-verification", body("date", day(49), "accepted", false, "opinion", "办事指南尚未更新，退回重改")),
                new Step("/inspections/{id}/rectification-report", body("date", day(46), "report", "办事指南已更新并公示" + DEMO,
                        "evidence", List.of("公示照片 2026-044"))),
                new Step("/inspections/{id}/rectification-verification", body("date", day(45), "accepted", true, "opinion", "整改到位，予以验收")),
                new Step("/inspections/{id}/closing", body("date", day(45), "conclusion", "问题已整改到位，予以办结" + DEMO)))));
        all.add(inspection("inspection-reported", "WINDOW", "税务窗口", null, "OPEN", 30, List.of(
                new Step("/inspections/{id}/carrying-out", body("date", day(29), "summary", "检查窗口服务评价记录" + DEMO)),
                new Step("/inspections/{id}/findings", body("description", "差评未按规定回访", "severity", "GENERAL", "evidence", List.of("评价记录截图"))),
                new Step("/inspections/{id}/rectification-requirement", body("requirement", "建立差评回访台账" + DEMO, "deadline", day(-10),
                        "responsible", "税务窗口负责人")),
                new Step("/inspections/{id}/rectification-report", body("date", day(5), "report", "已建立差评回访台账并逐一回访" + DEMO,
                        "evidence", List.of("回访台账 2026-11"))))));
        all.add(inspection("inspection-overdue", "WINDOW", "不动产登记窗口", DemoMembers.REGISTRY_BRANCH, "UNANNOUNCED", 40, List.of(
                new Step("/inspections/{id}/carrying-out", body("date", day(38), "summary", "午间暗访，发现脱岗" + DEMO)),
                new Step("/inspections/{id}/findings", body("description", "午间窗口无人值守 20 分钟", "severity", "SERIOUS",
                        "evidence", List.of("暗访视频 2026-038"))),
                new Step("/inspections/{id}/rectification-requirement", body("requirement", "落实午间轮岗值守制度" + DEMO, "deadline", day(14),
                        "responsible", "不动产登记窗口负责人")))));
        String talk = idOf("talk-integrity");
        all.add(new Record("/talks", talk, List.of(
                new Step("/talks", body("id", talk, "kind", "INTEGRITY_TALK", "memberId", "00000000-0000-4000-8001-000000000002", "date", day(20),
                        "talkers", List.of("赵纪检"), "content", "提醒严守廉洁纪律，本人表示接受" + DEMO, "basis", "年度廉政谈话安排")),
                new Step("/talks/" + talk + "/conclusion", body("date", day(20), "outcome", "谈话完成，本人表示接受并作出承诺" + DEMO)))));
        String inquiry = idOf("inquiry-answered");
        all.add(new Record("/talks", inquiry, List.of(
                new Step("/inquiries", body("id", inquiry, "memberId", "00000000-0000-4000-8001-000000000014", "date", day(12),
                        "questions", "请就群众反映的有关问题作出书面说明" + DEMO, "dueDate", day(2), "basis", "群众来信反映")),
                new Step("/talks/" + inquiry + "/answer", body("date", day(4), "answer", "已按要求作出书面说明" + DEMO)))));
        String selection = idOf("selection-supervision");
        all.add(new Record("/selection-supervisions", selection, List.of(
                new Step("/selection-supervisions", body("id", selection, "position", "综合科科长", "unitName", "政务服务中心", "date", day(90),
                        "description", "科级干部选拔任用全程纪实监督" + DEMO)),
                new Step("/selection-supervisions/" + selection + "/checks", body("stage", "MOTION", "date", day(88), "compliant", true,
                        "note", "动议程序规范")),
                new Step("/selection-supervisions/" + selection + "/checks", body("stage", "DEMOCRATIC_RECOMMENDATION", "date", day(80),
                        "compliant", true, "note", "推荐范围、程序符合规定")),
                new Step("/selection-supervisions/" + selection + "/checks", body("stage", "PUBLICITY", "date", day(60), "compliant", true,
                        "note", "任前公示 5 个工作日，无反映")),
                new Step("/selection-supervisions/" + selection + "/conclusion", body("date", day(55), "compliant", true,
                        "opinion", "选拔任用程序规范" + DEMO)))));
        return all;
    }

    /**
     * Loads what is not there yet, each record resuming after its last stored step; returns how many records it added
     * or completed. A step the service refuses by a rule (409/422) leaves that record where it is and is reported.
     */
    int loadIfMissing(String token) throws IOException, InterruptedException {
        Map<String, Long> stored = new HashMap<>();
        for (String list : List.of("/inspections", "/talks", "/selection-supervisions")) {
            HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(discipline + list + "?size=200")).GET(), token);
            if (page.statusCode() != 200) {
                throw new IllegalStateException("Reading demo discipline records " + list + " failed: " + page.statusCode());
            }
            for (JsonNode item : JSON.readTree(page.body()).path("items")) {
                stored.put(item.path("id").asString(), item.path("sequence").asLong());
            }
        }
        int added = 0;
        for (Record record : records()) {
            int next = stored.containsKey(record.id()) ? (int) (stored.get(record.id()) + 1) : 0;
            if (next >= record.steps().size()) {
                continue;
            }
            for (int i = next; i < record.steps().size(); i++) {
                if (!post(record.steps().get(i), "demo-discipline-" + record.id() + "-" + i + "-" + today, token, record.list() + " " + record.id())) {
                    break;
                }
            }
            added++;
        }
        return added;
    }

    /** Sends a step (again after a while while the service does not know the demo branch or member yet); false when a rule refused it. */
    private boolean post(Step step, String key, String token, String what) throws IOException, InterruptedException {
        HttpResponse<String> answer = null;
        String code = "MEMBER_NOT_FOUND";
        for (long waited = 0; ("MEMBER_NOT_FOUND".equals(code) || "BRANCH_UNKNOWN".equals(code))
                && waited <= DemoActivities.BRANCHES_KNOWN_WITHIN.toMillis(); waited += 500) {
            if (answer != null) {
                Thread.sleep(500); // the discipline service learns the demo members and branches from the other services' topics
            }
            answer = send(HttpRequest.newBuilder(URI.create(discipline + step.path())).header("Content-Type", "application/json")
                    .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(step.body()))), token);
            code = answer.statusCode() < 300 ? null : answer.body().contains("\"code\"") ? JSON.readTree(answer.body()).path("code").asString()
                    : answer.body();
        }
        if (answer.statusCode() < 300) {
            return true;
        }
        if (answer.statusCode() == 409 || answer.statusCode() == 422 || answer.statusCode() == 404) {
            refusals.add(what + " (" + step.path() + "): " + code);
            return false;
        }
        throw new IllegalStateException("Loading demo discipline records failed at " + step.path() + ": " + answer.statusCode() + " " + code);
    }

    /** The records the last load left short, with the rule that refused them. */
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
