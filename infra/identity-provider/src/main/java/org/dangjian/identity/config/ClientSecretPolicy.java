package org.dangjian.identity.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which client secrets (客户端密钥) the provider starts with. In demo mode any secret will do, the documented demo
 * secrets included, so that the embedded default starts with no configuration. Outside demo mode a secret that is
 * missing, documented or short would let anyone who reads the docs fetch tokens, so the provider refuses to start and
 * says which secret to set, and how.
 */
public final class ClientSecretPolicy {

    /** The shortest secret accepted outside demo mode. */
    public static final int MIN_LENGTH = 16;

    /** The secrets the documentation, the compose file of old and the tests give: public knowledge, never a secret. */
    public static final Set<String> DOCUMENTED_SECRETS = Set.of("dangjian-web-secret", "renshi-secret", "demo-data-loader-secret");

    /** The environment variable the packaged {@code application.yml} reads each built-in client's secret from. */
    private static final Map<String, String> VARIABLES = Map.of(
            RegisteredClients.WEB_CLIENT_ID, "DANGJIAN_WEB_CLIENT_SECRET",
            "renshi-department", "DANGJIAN_DEPARTMENT_CLIENT_SECRET",
            "demo-data-loader", "DANGJIAN_DEMO_LOADER_SECRET");

    private ClientSecretPolicy() {
    }

    /**
     * @throws IllegalArgumentException naming every secret that is unfit, where it is configured and how to fix it
     */
    static void check(boolean demo, String webClientSecret, List<IdentityProperties.MachineClient> machineClients,
                      List<IdentityProperties.MachineClient> demoClients) {
        List<String> problems = new ArrayList<>();
        check(demo, RegisteredClients.WEB_CLIENT_ID, "dangjian.identity.web-client-secret", webClientSecret, problems);
        for (int i = 0; i < machineClients.size(); i++) {
            IdentityProperties.MachineClient client = machineClients.get(i);
            check(demo, client.clientId(), "dangjian.identity.machine-clients[" + i + "].secret", client.secret(), problems);
        }
        for (int i = 0; i < demoClients.size(); i++) {
            IdentityProperties.MachineClient client = demoClients.get(i);
            check(demo, client.clientId(), "dangjian.identity.demo.machine-clients[" + i + "].secret", client.secret(), problems);
        }
        if (problems.isEmpty()) {
            return;
        }
        String nl = System.lineSeparator();
        StringBuilder message = new StringBuilder(demo
                ? "Every client needs a secret:"
                : "Outside demo mode (DANGJIAN_DEMO is not true) every client needs a secret of its own, and these have none:");
        problems.forEach(problem -> message.append(nl).append("  - ").append(problem));
        message.append(nl).append("Give each a random secret of at least ").append(MIN_LENGTH)
                .append(" characters, e.g. `openssl rand -base64 32` (the gateway gets the same DANGJIAN_WEB_CLIENT_SECRET);")
                .append(" for a demo on a machine nobody else reaches, set DANGJIAN_DEMO=true instead. See docs/deployment.md, \"Secrets\".");
        throw new IllegalArgumentException(message.toString());
    }

    private static void check(boolean demo, String clientId, String property, String secret, List<String> problems) {
        String unfit;
        if (secret == null || secret.isBlank()) {
            unfit = "is missing";
        } else if (demo) {
            return;
        } else if (DOCUMENTED_SECRETS.contains(secret.strip())) {
            unfit = "is the documented demo secret '" + secret.strip() + "', which anyone can look up";
        } else if (secret.strip().length() < MIN_LENGTH) {
            unfit = "is shorter than " + MIN_LENGTH + " characters";
        } else {
            return;
        }
        String variable = VARIABLES.get(clientId);
        problems.add("client " + clientId + ": its secret (" + property + (variable == null ? "" : ", environment " + variable) + ") " + unfit);
    }
}
