package org.dangjian.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo centre's organisation tree (演示组织), loaded into an empty store through the organisation service's API,
 * as the identity provider's {@code demo-data-loader} client: its events record that actor, like any other. Unit ids
 * are fixed so that the demo users' {@code org} claims point at real units; each request carries an idempotency key,
 * so a load interrupted half way finishes on the next start without doubling anything.
 */
final class DemoOrganisation {

    static final String COMMITTEE = "00000000-0000-4000-8000-000000000001";
    static final String FIRST_BRANCH = "00000000-0000-4000-8000-000000000011";

    /** A demo unit: id, kind, name, parent, mass organisation type. */
    record Unit(String id, String kind, String name, String parentId, String massOrganisationType) {
    }

    static final List<Unit> UNITS = List.of(
            new Unit(COMMITTEE, "COMMITTEE", "政务服务中心党委", null, null),
            new Unit(FIRST_BRANCH, "BRANCH", "机关第一党支部", COMMITTEE, null),
            new Unit("00000000-0000-4000-8000-000000000111", "PARTY_GROUP", "综合科党小组", FIRST_BRANCH, null),
            new Unit("00000000-0000-4000-8000-000000000112", "PARTY_GROUP", "督查科党小组", FIRST_BRANCH, null),
            new Unit("00000000-0000-4000-8000-000000000012", "BRANCH", "机关第二党支部", COMMITTEE, null),
            new Unit("00000000-0000-4000-8000-000000000020", "GENERAL_BRANCH", "窗口党总支", COMMITTEE, null),
            new Unit("00000000-0000-4000-8000-000000000021", "BRANCH", "综合受理窗口党支部", "00000000-0000-4000-8000-000000000020", null),
            new Unit("00000000-0000-4000-8000-000000000211", "PARTY_GROUP", "“一件事一次办”窗口党小组", "00000000-0000-4000-8000-000000000021", null),
            new Unit("00000000-0000-4000-8000-000000000022", "BRANCH", "不动产登记窗口党支部", "00000000-0000-4000-8000-000000000020", null),
            new Unit("00000000-0000-4000-8000-000000000031", "BRANCH", "离退休干部党支部", COMMITTEE, null),
            new Unit("00000000-0000-4000-8000-000000000041", "MASS_ORGANISATION", "中心工会", COMMITTEE, "TRADE_UNION"),
            new Unit("00000000-0000-4000-8000-000000000042", "MASS_ORGANISATION", "中心团支部", COMMITTEE, "YOUTH_LEAGUE"),
            new Unit("00000000-0000-4000-8000-000000000043", "MASS_ORGANISATION", "中心妇委会", COMMITTEE, "WOMENS_FEDERATION"));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final LaunchSettings settings;
    private final String organisation;

    DemoOrganisation(LaunchSettings settings) {
        this.settings = settings;
        this.organisation = settings.serviceUrl("organisation");
    }

    /**
     * When the demo units were established (business time): 1 July 2016, 08:00 in Beijing. Years before the demo members'
     * and activities' dates, so a branch owes "三会一课" for every demo month; fixed, so that a retried request is the same.
     */
    static final String ESTABLISHED_AT = "2016-07-01T00:00:00Z";

    /** Loads the units that are not there yet; returns how many it added. */
    int loadIfMissing() throws IOException, InterruptedException {
        String token = token();
        int added = 0;
        for (Unit unit : UNITS) {
            HttpResponse<String> existing = send(HttpRequest.newBuilder(URI.create(organisation + "/units/" + unit.id())).GET(), token);
            if (existing.statusCode() == 200) {
                continue;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", unit.id());
            body.put("kind", unit.kind());
            body.put("name", unit.name());
            if (unit.parentId() != null) {
                body.put("parentId", unit.parentId());
            }
            if (unit.massOrganisationType() != null) {
                body.put("massOrganisationType", unit.massOrganisationType());
            }
            body.put("reason", "演示数据 (demo data)");
            body.put("occurredAt", ESTABLISHED_AT);
            HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(organisation + "/units"))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "demo-organisation-" + unit.id())
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), token);
            if (created.statusCode() != 201 && created.statusCode() != 409) {
                throw new IllegalStateException("Loading demo unit " + unit.name() + " failed: " + created.statusCode() + " " + created.body());
            }
            JsonNode answer = JSON.readTree(created.body());
            // the next unit may be under this one: wait until the read model shows it (read-your-writes)
            if (created.statusCode() == 201) {
                send(HttpRequest.newBuilder(URI.create(organisation + "/units/" + unit.id() + "?minSequence="
                        + answer.path("sequence").asLong())).GET(), token);
                added++;
            }
        }
        return added;
    }

    /** An access token of the {@code demo-data-loader} client (client credentials; role COMMITTEE_STAFF). */
    String token() throws IOException, InterruptedException {
        String secret = System.getenv().getOrDefault("DANGJIAN_DEMO_LOADER_SECRET", "demo-data-loader-secret");
        String basic = Base64.getEncoder().encodeToString(("demo-data-loader:" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(settings.issuer() + "/oauth2/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The identity provider refused the demo-data loader: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
