package org.dangjian.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * Gets tokens from the platform's identity provider the way a browser and a command-line tool do, for
 * tests: the {@code dangjian-cli} public client (or another client) with PKCE (S256), the provider's own
 * login form (with its CSRF token), and the code taken from the redirect's Location header, since nothing
 * listens at {@link #CLI_REDIRECT_URI}.
 * Depends only on the JDK and Nimbus; every failure names the step, the HTTP status and the start of the body.
 *
 * <pre>{@code
 * String token = DemoLogin.accessToken(URI.create("http://localhost:9000"), "dangwei", DemoLogin.DEMO_PASSWORD);
 * }</pre>
 */
public final class DemoLogin {

    /** The public client for scripts and tests. */
    public static final String CLI_CLIENT_ID = "dangjian-cli";
    /** Registered for {@link #CLI_CLIENT_ID}; the code is read from the redirect's Location header. */
    public static final URI CLI_REDIRECT_URI = URI.create("http://127.0.0.1:8765/callback");
    /** The password of every demo user of the embedded default. */
    public static final String DEMO_PASSWORD = "dangjian";

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int MAX_REDIRECTS = 10;
    private static final int EXCERPT_LENGTH = 300;
    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoLogin() {
    }

    /**
     * An OAuth client that signs users in with the authorization code grant and PKCE.
     *
     * @param clientId    the client id
     * @param secret      the client secret for HTTP Basic authentication, or {@code null} for a public client
     * @param redirectUri a redirect URI registered for the client; nothing needs to listen there
     */
    public record Client(String clientId, String secret, URI redirectUri) {
        /** The public client for scripts and tests ({@code dangjian-cli}). */
        public static final Client CLI = new Client(CLI_CLIENT_ID, null, CLI_REDIRECT_URI);
    }

    /** What the token endpoint answered to a user's login. */
    public record Tokens(String accessToken, String idToken, String refreshToken, long expiresInSeconds) {
    }

    /** A step of a login that did not go as a working identity provider would make it go. */
    public static final class DemoLoginException extends IllegalStateException {
        private final String step;

        DemoLoginException(String step, String message, Throwable cause) {
            super("DemoLogin, step '" + step + "': " + message, cause);
            this.step = step;
        }

        DemoLoginException(String step, String message) {
            this(step, message, null);
        }

        /** The step that failed, e.g. {@code submit login form}. */
        public String step() {
            return step;
        }
    }

    /**
     * Signs {@code username} in and returns the access token (a JWT).
     *
     * @param issuer the identity provider's base URL (its issuer, or wherever a test started it)
     */
    public static String accessToken(URI issuer, String username, String password) {
        return login(issuer, username, password).accessToken();
    }

    /** Signs {@code username} in with {@link Client#CLI} and returns its tokens (no refresh token: a public client). */
    public static Tokens login(URI issuer, String username, String password) {
        return login(issuer, Client.CLI, username, password);
    }

    /**
     * Signs {@code username} in through {@code client} (for example the gateway's confidential client, to
     * test what the gateway gets) and returns all tokens: access token, ID token, refresh token if any.
     */
    public static Tokens login(URI issuer, Client client, String username, String password) {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build();
        String verifier = randomUrlSafe(48);
        String state = randomUrlSafe(16);
        String nonce = randomUrlSafe(16);

        Map<String, String> authorizeParameters = new LinkedHashMap<>();
        authorizeParameters.put("response_type", "code");
        authorizeParameters.put("client_id", client.clientId());
        authorizeParameters.put("redirect_uri", client.redirectUri().toString());
        authorizeParameters.put("scope", "openid profile");
        authorizeParameters.put("state", state);
        authorizeParameters.put("nonce", nonce);
        authorizeParameters.put("code_challenge", s256(verifier));
        authorizeParameters.put("code_challenge_method", "S256");
        URI authorize = URI.create(endpoint(issuer, "/oauth2/authorize") + "?" + form(authorizeParameters));

        // 1. the authorization request: not signed in yet, so the provider sends the browser to its login page
        String step = "authorization request";
        HttpResponse<String> response = send(http, get(authorize), step);
        if (response.statusCode() != 302) {
            throw failure(step, "expected a redirect to the login page", response);
        }
        URI loginPage = redirectTarget(response, step);
        response = send(http, get(loginPage), "login page");
        for (int i = 0; response.statusCode() / 100 == 3 && i < MAX_REDIRECTS; i++) {
            loginPage = redirectTarget(response, "login page");
            response = send(http, get(loginPage), "login page");
        }
        if (response.statusCode() != 200) {
            throw failure("login page", "expected the login form at " + loginPage, response);
        }

        // 2. the login form, with its CSRF token
        String loginHtml = response.body();
        URI loginPageUri = loginPage;
        LoginForm loginForm = LoginForm.parse(loginHtml, loginPage)
                .orElseThrow(() -> new DemoLoginException("login page",
                        "no form with a password field at " + loginPageUri + "; body starts: " + excerpt(loginHtml)));
        Map<String, String> fields = new LinkedHashMap<>(loginForm.hiddenFields());
        fields.put("username", username);
        fields.put("password", password);
        step = "submit login form";
        response = send(http, post(loginForm.action(), form(fields)), step);
        if (response.statusCode() != 302) {
            throw failure(step, "expected a redirect after signing in as '" + username + "'", response);
        }
        URI next = redirectTarget(response, step);
        if (samePath(next, loginPage)) {
            throw new DemoLoginException(step, "the identity provider refused the credentials of '" + username
                    + "' (it sent the browser back to " + next + "): 用户名或密码错误 / Wrong username or password");
        }

        // 3. back to the authorization request, which now redirects to the client with the code
        step = "authorization response";
        for (int i = 0; !isRedirectUri(next, client.redirectUri()) && i < MAX_REDIRECTS; i++) {
            response = send(http, get(next), step);
            if (response.statusCode() / 100 != 3) {
                throw failure(step, "expected a redirect to " + client.redirectUri() + " after " + next, response);
            }
            next = redirectTarget(response, step);
        }
        if (!isRedirectUri(next, client.redirectUri())) {
            throw new DemoLoginException(step, "more than " + MAX_REDIRECTS + " redirects without reaching "
                    + client.redirectUri() + "; last: " + next);
        }
        Map<String, String> callback = queryParameters(next);
        if (callback.containsKey("error")) {
            throw new DemoLoginException(step, "the identity provider answered error '" + callback.get("error") + "': "
                    + callback.getOrDefault("error_description", "(no description)"));
        }
        if (!state.equals(callback.get("state"))) {
            throw new DemoLoginException(step, "the state in " + next + " is not the one sent");
        }
        String code = callback.get("code");
        if (code == null || code.isEmpty()) {
            throw new DemoLoginException(step, "no code in " + next);
        }

        // 4. the code and the PKCE verifier for the tokens
        Map<String, String> tokenParameters = new LinkedHashMap<>();
        tokenParameters.put("grant_type", "authorization_code");
        tokenParameters.put("code", code);
        tokenParameters.put("redirect_uri", client.redirectUri().toString());
        tokenParameters.put("code_verifier", verifier);
        return tokens(http, issuer, client, tokenParameters, "token request");
    }

    /** Exchanges a refresh token (issued to a confidential client such as the gateway's) for new tokens. */
    public static Tokens refresh(URI issuer, Client client, String refreshToken) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("grant_type", "refresh_token");
        parameters.put("refresh_token", refreshToken);
        return tokens(http, issuer, client, parameters, "refresh token request");
    }

    private static Tokens tokens(HttpClient http, URI issuer, Client client, Map<String, String> parameters, String step) {
        Map<String, String> body = new LinkedHashMap<>(parameters);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint(issuer, "/oauth2/token")))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (client.secret() == null) {
            body.put("client_id", client.clientId());
        } else {
            request.header("Authorization", basic(client.clientId(), client.secret()));
        }
        Map<String, Object> tokens = tokenResponse(http, request.POST(HttpRequest.BodyPublishers.ofString(form(body))).build(), step);
        return new Tokens(requiredString(tokens, "access_token", step), optionalString(tokens, "id_token", step),
                optionalString(tokens, "refresh_token", step), expiresIn(tokens));
    }

    /** HTTP Basic client authentication, id and secret form-encoded first (RFC 6749, section 2.3.1). */
    private static String basic(String clientId, String secret) {
        String credentials = urlEncode(clientId) + ":" + urlEncode(secret);
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** A department's access token from the client credentials grant. */
    public static String clientCredentialsToken(URI issuer, String clientId, String secret) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint(issuer, "/oauth2/token")))
                .timeout(TIMEOUT)
                .header("Authorization", basic(clientId, secret))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        String step = "client credentials token request for '" + clientId + "'";
        return requiredString(tokenResponse(http, request, step), "access_token", step);
    }

    private static Map<String, Object> tokenResponse(HttpClient http, HttpRequest request, String step) {
        HttpResponse<String> response = send(http, request, step);
        if (response.statusCode() != 200) {
            throw failure(step, "the token endpoint refused", response);
        }
        try {
            return JSONObjectUtils.parse(response.body());
        } catch (ParseException e) {
            throw new DemoLoginException(step, "the token response is not a JSON object: " + excerpt(response.body()), e);
        }
    }

    private static String requiredString(Map<String, Object> json, String name, String step) {
        String value = optionalString(json, name, step);
        if (value == null || value.isEmpty()) {
            throw new DemoLoginException(step, "the token response has no " + name + ": " + excerpt(json.toString()));
        }
        return value;
    }

    private static String optionalString(Map<String, Object> json, String name, String step) {
        try {
            return JSONObjectUtils.getString(json, name);
        } catch (ParseException e) {
            throw new DemoLoginException(step, name + " in the token response is not a string", e);
        }
    }

    private static long expiresIn(Map<String, Object> json) {
        return json.get("expires_in") instanceof Number number ? number.longValue() : -1;
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Accept", "text/html,application/xhtml+xml")
                .GET()
                .build();
    }

    private static HttpRequest post(URI uri, String formBody) {
        return HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Accept", "text/html,application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody))
                .build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request, String step) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DemoLoginException(step, request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoLoginException(step, "interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    private static URI redirectTarget(HttpResponse<String> response, String step) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> failure(step, "a redirect without a Location header", response));
        try {
            return response.uri().resolve(location);
        } catch (IllegalArgumentException e) {
            throw new DemoLoginException(step, "the Location header '" + location + "' is not a URI", e);
        }
    }

    private static DemoLoginException failure(String step, String expectation, HttpResponse<String> response) {
        return new DemoLoginException(step, expectation + ", but " + response.request().method() + " "
                + response.uri() + " answered HTTP " + response.statusCode()
                + response.headers().firstValue("Location").map(location -> " (Location: " + location + ")").orElse("")
                + "; body starts: " + excerpt(response.body()));
    }

    private static boolean isRedirectUri(URI uri, URI redirectUri) {
        return uri.getScheme() != null && uri.getScheme().equals(redirectUri.getScheme())
                && redirectUri.getAuthority().equals(uri.getAuthority())
                && redirectUri.getPath().equals(uri.getPath());
    }

    private static boolean samePath(URI a, URI b) {
        return a.getAuthority() != null && a.getAuthority().equals(b.getAuthority()) && a.getPath().equals(b.getPath());
    }

    private static String endpoint(URI issuer, String path) {
        String base = issuer.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    private static String form(Map<String, String> parameters) {
        StringBuilder body = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(urlEncode(name)).append('=').append(urlEncode(value));
        });
        return body.toString();
    }

    private static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, String> queryParameters(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** PKCE S256 (RFC 7636): BASE64URL(SHA-256(ASCII(verifier))). */
    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static String excerpt(String body) {
        if (body == null) {
            return "(no body)";
        }
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() <= EXCERPT_LENGTH ? flat : flat.substring(0, EXCERPT_LENGTH) + "…";
    }

    /** The login form of an HTML page: where it posts and its hidden fields (the CSRF token among them). */
    private record LoginForm(URI action, Map<String, String> hiddenFields) {

        static Optional<LoginForm> parse(String html, URI page) {
            String lower = html.toLowerCase(Locale.ROOT);
            for (int start = lower.indexOf("<form"); start >= 0; start = lower.indexOf("<form", start + 1)) {
                int end = lower.indexOf("</form", start);
                String formHtml = html.substring(start, end < 0 ? html.length() : end);
                String formLower = formHtml.toLowerCase(Locale.ROOT);
                Map<String, String> hidden = new LinkedHashMap<>();
                boolean hasPassword = false;
                for (int at = formLower.indexOf("<input"); at >= 0; at = formLower.indexOf("<input", at + 1)) {
                    Map<String, String> input = attributes(tag(formHtml, at));
                    String type = input.getOrDefault("type", "text");
                    hasPassword |= "password".equalsIgnoreCase(type);
                    if ("hidden".equalsIgnoreCase(type) && input.containsKey("name")) {
                        hidden.put(input.get("name"), input.getOrDefault("value", ""));
                    }
                }
                if (hasPassword) {
                    String action = attributes(tag(formHtml, 0)).getOrDefault("action", "");
                    return Optional.of(new LoginForm(action.isEmpty() ? page : page.resolve(action), hidden));
                }
            }
            return Optional.empty();
        }

        private static String tag(String html, int start) {
            int end = html.indexOf('>', start);
            // one kind of blank between attributes keeps the attribute scanner simple
            return html.substring(start, end < 0 ? html.length() : end).replaceAll("\\s", " ");
        }

        /** The double- or single-quoted attributes of one start tag, names in lower case, entities decoded. */
        private static Map<String, String> attributes(String tag) {
            Map<String, String> attributes = new LinkedHashMap<>();
            int i = tag.indexOf(' ');
            while (i >= 0 && i < tag.length()) {
                int equals = tag.indexOf('=', i);
                if (equals < 0) {
                    break;
                }
                String name = tag.substring(i, equals).trim();
                int space = name.lastIndexOf(' ');
                name = (space < 0 ? name : name.substring(space + 1)).toLowerCase(Locale.ROOT);
                int valueStart = equals + 1;
                while (valueStart < tag.length() && tag.charAt(valueStart) == ' ') {
                    valueStart++;
                }
                if (valueStart >= tag.length()) {
                    break;
                }
                char quote = tag.charAt(valueStart);
                int valueEnd;
                String value;
                if (quote == '"' || quote == '\'') {
                    valueEnd = tag.indexOf(quote, valueStart + 1);
                    valueEnd = valueEnd < 0 ? tag.length() : valueEnd;
                    value = tag.substring(valueStart + 1, valueEnd);
                    valueEnd++;
                } else {
                    valueEnd = tag.indexOf(' ', valueStart);
                    valueEnd = valueEnd < 0 ? tag.length() : valueEnd;
                    value = tag.substring(valueStart, valueEnd);
                }
                attributes.putIfAbsent(name, unescape(value));
                i = valueEnd;
            }
            return attributes;
        }

        private static String unescape(String value) {
            return value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&amp;", "&");
        }
    }
}
