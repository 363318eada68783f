package org.dangjian.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's subscriptions (演示事件订阅): the HR department ({@code renshi-department}, with its demo secret) asks for
 * the members' way into the party and their transfers by server-sent events, names and ID-card numbers included, and
 * the committee (the {@code demo-data-loader} client, committee staff) grants it with names only and the history; the
 * same department's request for the sanctions' effect waits for the committee's decision. Loaded through the
 * subscriptions service's API; ids follow from a name, so a second start adds nothing.
 */
final class DemoSubscriptions {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String DEPARTMENT = "renshi-department";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String subscriptions;
    private final String issuer;
    private final List<String> refusals = new ArrayList<>();

    DemoSubscriptions(LaunchSettings settings) {
        this(settings.serviceUrl("subscriptions"), settings.issuer());
    }

    DemoSubscriptions(String subscriptionsUrl, String issuer) {
        this.subscriptions = subscriptionsUrl;
        this.issuer = issuer;
    }

    static String idOf(String name) {
        return UUID.nameUUIDFromBytes(("demo-subscription|" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Loads what is missing; answers how many requests and decisions it recorded. */
    int loadIfMissing(String staffToken) throws IOException, InterruptedException {
        String department = departmentToken();
        int recorded = 0;
        String development = idOf("development");
        List<String> types = List.of("org.dangjian.members.MembershipApplicationReceived.v1", "org.dangjian.members.MemberAdmittedAsProbationary.v1",
                "org.dangjian.members.MemberConfirmedAsFullMember.v1", "org.dangjian.members.MemberTransferConfirmed.v1");
        if (ask(department, development, Map.of("eventTypes", types, "personalData", List.of("NAME", "ID_CARD_NUMBER"), "channel", "SSE",
                "purpose", "干部人事档案：党员发展与组织关系转接（演示数据 demo data）"))) {
            recorded++;
        }
        JsonNode current = read(staffToken, development);
        if (current != null && "REQUESTED".equals(current.path("state").asString())) {
            HttpResponse<String> granted = post("/subscriptions/" + development + "/grant", staffToken, "demo-subscription-grant-" + development,
                    Map.of("eventTypes", types, "personalData", List.of("NAME"), "deliverHistory", true,
                            "reason", "经党委会研究同意；身份证号不予共享（演示数据 demo data）"));
            if (granted.statusCode() == 200) {
                recorded++;
            } else {
                refusals.add("grant " + development + ": " + granted.statusCode() + " " + granted.body());
            }
        }
        if (ask(department, idOf("sanctions"), Map.of("eventTypes", List.of("org.dangjian.discipline.SanctionTookEffect.v1",
                "org.dangjian.discipline.SanctionEnded.v1"), "channel", "SSE", "purpose", "干部任用：处分影响期查询（演示数据 demo data）"))) {
            recorded++;
        }
        return recorded;
    }

    List<String> refusals() {
        return List.copyOf(refusals);
    }

    /** Asks for a subscription unless it exists; answers whether it asked. */
    private boolean ask(String department, String id, Map<String, Object> body) throws IOException, InterruptedException {
        if (read(department, id) != null) {
            return false;
        }
        Map<String, Object> withId = new java.util.LinkedHashMap<>(body);
        withId.put("id", id);
        HttpResponse<String> asked = post("/subscriptions", department, "demo-subscription-" + id, withId);
        if (asked.statusCode() != 201 && asked.statusCode() != 409) {
            refusals.add("request " + id + ": " + asked.statusCode() + " " + asked.body());
            return false;
        }
        if (asked.statusCode() == 201) {
            // read our own write before a decision on it
            send(HttpRequest.newBuilder(URI.create(subscriptions + "/subscriptions/" + id + "?minSequence="
                    + JSON.readTree(asked.body()).path("sequence").asLong())).GET(), department);
        }
        return asked.statusCode() == 201;
    }

    private JsonNode read(String token, String id) throws IOException, InterruptedException {
        HttpResponse<String> found = send(HttpRequest.newBuilder(URI.create(subscriptions + "/subscriptions/" + id)).GET(), token);
        return found.statusCode() == 200 ? JSON.readTree(found.body()) : null;
    }

    private HttpResponse<String> post(String path, String token, String key, Map<String, Object> body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(subscriptions + path)).header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), token);
    }

    /** The demo department's token (client credentials, its demo secret unless DANGJIAN_DEPARTMENT_CLIENT_SECRET says otherwise). */
    private String departmentToken() throws IOException, InterruptedException {
        String secret = System.getenv().getOrDefault("DANGJIAN_DEPARTMENT_CLIENT_SECRET", "renshi-secret");
        String basic = Base64.getEncoder().encodeToString((DEPARTMENT + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token")).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The identity provider refused the demo department " + DEPARTMENT + ": " + response.statusCode());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
