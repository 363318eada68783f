package org.dangjian.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.dangjian.launcher.Launcher;
import org.dangjian.testsupport.DemoLogin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web client (Vue 3 + Element Plus, module {@code web}) in a real browser, headless Chromium driven by
 * Playwright, against the whole platform as {@code ./run.sh} starts it: the demo users sign in at the identity
 * provider's login page and work as they would. One browser for the class, a fresh context (cookies, storage) per
 * test; with {@code -Ddangjian.screenshots=true} the main screens are saved as screenshots under
 * {@code target/screenshots/} (off by default: some thirty full-page screenshots cost the CI run about half a minute
 * on two cores, and no assertion reads them).
 */
class WebClientTest {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    static final boolean TAKE_SCREENSHOTS = Boolean.getBoolean("dangjian.screenshots");
    static final String COMMITTEE = "00000000-0000-4000-8000-000000000001";
    static final String FIRST_BRANCH = "00000000-0000-4000-8000-000000000011";
    static final String SECOND_BRANCH = "00000000-0000-4000-8000-000000000012";
    static final String TRADE_UNION = "00000000-0000-4000-8000-000000000041";
    static final JsonMapper JSON = JsonMapper.builder().build();

    static Launcher platform;
    static Playwright playwright;
    static Browser browser;
    /** Where the browser opens the web client: the gateway. */
    static String app;

    BrowserContext context;
    Page page;
    final List<String> scriptErrors = new ArrayList<>();

    @BeforeAll
    static void startThePlatformAndTheBrowser() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("No Chromium at " + CHROMIUM + ": the browser tests need it; install it with `apt-get install -y chromium`"
                    + " (Playwright must not download browsers)");
        }
        platform = RunningPlatform.get();
        app = platform.gatewayUrl();
        List<String> args = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run");
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true).setArgs(args));
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopTheBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void freshContext() {
        openContext(1280, 900);
    }

    void openContext(int width, int height) {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setLocale("zh-CN"));
        page = context.newPage();
        page.setDefaultTimeout(20_000);
        page.onPageError(scriptErrors::add);
    }

    @AfterEach
    void closeContext() {
        context.close();
        assertThat(scriptErrors).as("errors thrown by the page's scripts").isEmpty();
    }

    static LocatorAssertions expect(Locator locator) {
        return PlaywrightAssertions.assertThat(locator);
    }

    Locator test(String id) {
        return page.locator("[data-test=" + id + "]");
    }

    /** Signs in from the start page, as a user does: the sign-in button, the provider's login form, back. */
    void signIn(String username) {
        page.navigate(app + "/");
        test("sign-in").click();
        logInAtTheProvider(username);
    }

    void logInAtTheProvider(String username) {
        page.waitForURL(platform.issuer() + "/login**");
        page.locator("#username").fill(username);
        page.locator("#password").fill(DemoLogin.DEMO_PASSWORD);
        page.locator("form.login-form button[type=submit]").click();
        page.waitForURL(app + "/**");
        expect(test("user-username")).containsText(username);
    }

    void screenshot(String name) {
        if (!TAKE_SCREENSHOTS) {
            return;
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    Locator treeNode(String unitId) {
        return page.locator("[data-test=tree] [data-test=tree-node][data-unit-id='" + unitId + "']");
    }

    /** The tree row of a unit (the content line of its el-tree node). */
    Locator treeRow(String unitId) {
        return page.locator("[data-test=tree] .el-tree-node__content:has([data-unit-id='" + unitId + "'])");
    }

    void expand(String unitId) {
        treeRow(unitId).locator(".el-tree-node__expand-icon").click();
    }

    static List<String> plus(List<String> first, List<String> then) {
        return java.util.stream.Stream.concat(first.stream(), then.stream()).toList();
    }

    /** The items of the side menu, by route name. */
    List<String> menuItems() {
        return test("menu").locator("li.el-menu-item[data-menu]").all().stream().map(l -> l.getAttribute("data-menu")).toList();
    }

    /** An Element Plus input or textarea by its data-test (the attribute lands on the control itself). */
    static Locator field(Locator scope, String id) {
        return scope.locator("input[data-test=" + id + "], textarea[data-test=" + id + "], [data-test=" + id + "] input, [data-test="
                + id + "] textarea").first();
    }

    Locator dialog(String id) {
        return page.locator(".el-dialog[data-test=" + id + "]");
    }

    void choose(Locator select, String option) {
        select.click();
        page.locator(".el-select-dropdown__item:visible").filter(new Locator.FilterOptions().setHasText(option)).first().click();
    }

    /** A searching select (the branches, of which there may be thousands): types the option's name, then picks it. */
    void search(Locator select, String option) {
        select.click();
        select.locator("input").pressSequentially(option);
        page.locator(".el-select-dropdown__item:visible").filter(new Locator.FilterOptions().setHasText(option)).first().click();
    }

    @Test
    void theGatewayServesTheBuiltClientCompressedAndCachedByContent() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String index = http.send(HttpRequest.newBuilder(URI.create(app + "/")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher script = Pattern.compile("src=\"(/assets/index-[A-Za-z0-9_-]+\\.js)\"").matcher(index);
        assertThat(script.find()).as("the page names its built script").isTrue();
        HttpResponse<byte[]> plain = http.send(HttpRequest.newBuilder(URI.create(app + script.group(1))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> gzip = http.send(HttpRequest.newBuilder(URI.create(app + script.group(1))).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzip.body().length).isLessThan(plain.body().length / 2);
        assertThat(new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzip.body())).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(new String(plain.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(gzip.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000").contains("immutable");
    }

    @Test
    void eachRoleSignsInAndSeesItsMenusAndNothingMore() {
        record Role(String username, String name, String role, List<String> menu, boolean mayChangeUnits, boolean operator) {
        }
        List<String> readers = List.of("home", "org-tree", "org-units", "org-terms", "org-plans", "org-lists", "org-assessments", "org-reports",
                "member-directory", "member-pipeline", "member-transfers", "member-points", "member-dues", "member-assessments", "member-care", "activity-calendar", "activity-volunteer", "activity-compliance", "activity-records", "activity-dual-lives");
        List<String> discipline = List.of("discipline-inspections", "discipline-rectifications", "discipline-talks", "discipline-cases",
                "discipline-selections");
        List<String> inspector = java.util.stream.Stream.concat(readers.stream(), discipline.stream()).toList();
        List<String> auditor = java.util.stream.Stream.concat(inspector.stream(), java.util.stream.Stream.of("discipline-access-log")).toList();
        List<String> member = List.of("home", "org-tree", "org-units", "org-terms", "org-plans", "org-lists", "org-assessments", "member-me", "activity-me", "audit-subjects", "audit-checkpoints");
        List<String> operator = List.of("home", "org-tree", "org-units", "audit-findings", "audit-checkpoints", "platform-read-models");
        List<String> audited = List.of("audit-subjects", "audit-checkpoints");
        List<String> sharing = List.of("subscription-requests", "subscription-deliveries", "subscription-dead-letters");
        List<Role> roles = List.of(
                new Role("dangwei", "王建华", "党委工作人员", plus(plus(readers, audited), sharing), true, false),
                new Role("shuji", "李明", "支部书记", plus(readers, audited), false, false),
                new Role("dangyuan", "张丽", "党员", member, false, false),
                new Role("jijian", "赵刚", "纪检干部", plus(inspector, List.of("audit-subjects", "audit-findings", "audit-checkpoints")), false, false),
                new Role("shenji", "陈静", "审计/巡察", plus(plus(auditor, List.of("audit-subjects", "audit-findings", "audit-checkpoints",
                        "audit-replays")), sharing), false, false),
                new Role("yunwei", "刘洋", "平台运维", operator, false, true));
        for (Role role : roles) {
            if (context != null) {
                context.close();
            }
            openContext(1280, 900);
            signIn(role.username());

            // the header: name, role, own unit (by name); the greeting on the home page
            expect(test("user-name")).hasText(role.name());
            expect(test("user-roles")).hasText(role.role());
            expect(test("user-org")).not().isEmpty();
            expect(test("greeting")).containsText(role.name());
            assertThat(menuItems()).as(role.username() + "'s menu").containsExactlyElementsOf(role.menu());
            expect(test("panel-due")).isVisible();
            expect(test("panel-my-unit")).isVisible();
            if (role.operator()) {
                expect(test("due-read-models")).isVisible();
            } else if (role.username().equals("dangwei") || role.username().equals("shuji")) {
                expect(test("due-pipeline")).containsText("名党员可以办理下一步"); // the demo members due for their next step
            } else {
                expect(test("nothing-due")).isVisible();
            }
            screenshot("01-home-" + role.username());

            // the tree: committee staff get the actions, everyone else a read-only note
            test("menu").locator("[data-menu=org-tree]").click();
            expect(page.locator("h1.page-title")).hasText("组织架构");
            expect(test("unit-heading")).not().isEmpty();
            if (role.mayChangeUnits()) {
                expect(test("actions")).isVisible();
                expect(test("read-only")).hasCount(0);
            } else {
                expect(test("read-only")).isVisible();
                expect(test("actions")).hasCount(0);
            }

            // a screen outside the role, opened by its address, says so and shows nothing of it
            page.navigate(app + "/platform/read-models");
            if (role.operator()) {
                expect(test("read-models")).isVisible();
            } else {
                expect(test("forbidden")).isVisible();
                expect(test("read-models")).hasCount(0);
            }
        }
    }

    @Test
    void committeeStaffEstablishRenameAndDissolveAPartyGroupAndSeeEachStepInTheHashChainedTimeline() {
        String name = "政务咨询党小组" + (System.nanoTime() % 10_000);
        String renamed = name + "（更名）";
        List<String> sent = Collections.synchronizedList(new ArrayList<>());
        page.onRequest(request -> {
            if (request.method().equals("POST") && request.url().contains("/api/organisation/")) {
                sent.add(request.url().substring(app.length()));
            }
        });
        signIn("dangwei");
        test("menu").locator("[data-menu=org-tree]").click();

        // under the committee several kinds may stand: choosing one marks nothing else as wrong yet
        expect(test("unit-heading")).hasText("政务服务中心党委");
        test("open-establish").click();
        Locator underCommittee = dialog("establish-dialog");
        underCommittee.locator("[data-test=kind]").click();
        expect(page.locator(".el-select-dropdown__item:visible")).hasText(new String[] {"党总支", "党支部", "群团组织"});
        page.locator(".el-select-dropdown__item:visible").filter(new Locator.FilterOptions().setHasText("群团组织")).click();
        expect(underCommittee.locator("[data-test=mass-type]")).isVisible();
        expect(underCommittee.locator(".el-form-item.is-error")).hasCount(0);
        underCommittee.locator("button").filter(new Locator.FilterOptions().setHasText("取消")).click();
        expect(underCommittee).isHidden();

        expand(COMMITTEE);
        treeNode(FIRST_BRANCH).click();
        expect(test("unit-heading")).hasText("机关第一党支部");
        assertThat(page.url()).endsWith("/organisation/tree?unit=" + FIRST_BRANCH);

        // establish: under a branch only a party group may stand, and the form checks before sending
        test("open-establish").click();
        Locator establish = dialog("establish-dialog");
        expect(establish).isVisible();
        establish.locator("[data-test=submit]").click();
        expect(establish).containsText("请填写名称");
        establish.locator("[data-test=kind]").click();
        expect(page.locator(".el-select-dropdown__item:visible")).hasText(new String[] {"党小组"});
        page.keyboard().press("Escape");
        field(establish, "name").fill(name);
        field(establish, "reason").fill("支部委员会决定设立");
        establish.locator("[data-test=submit]").click();

        // at once: selected, in the tree under the branch, with its establishment in the timeline
        expect(establish).isHidden();
        expect(test("unit-heading")).hasText(name);
        expect(test("status")).containsText("已成立");
        expect(page.locator("[data-test=problem]")).hasCount(0);
        assertThat(sent).containsExactly("/api/organisation/units");
        String unitId = page.url().substring(page.url().indexOf("unit=") + "unit=".length());
        expect(treeNode(unitId)).containsText(name);
        expect(treeNode(unitId)).hasAttribute("aria-current", "true");
        Locator events = test("timeline").locator("[data-test=event]");
        expect(events).hasCount(1);
        Locator first = events.nth(0);
        expect(first.locator("[data-test=event-label]")).hasText("成立");
        expect(first.locator("[data-test=actor-id]")).hasText("dangwei");
        expect(first).containsText("党委工作人员");
        expect(first).containsText("支部委员会决定设立");
        expect(first).containsText("发生时间");
        expect(first).containsText("记录时间");
        expect(first).containsText("机关第一党支部");
        String firstHash = first.getAttribute("data-hash");
        assertThat(firstHash).matches("[0-9a-f]{64}");
        assertThat(first.getAttribute("data-prev-hash")).isEqualTo("0".repeat(64));
        expect(first.locator(".full-hash")).hasText(firstHash);
        screenshot("02-established-party-group");

        // rename
        test("open-rename").click();
        Locator rename = dialog("rename-dialog");
        field(rename, "name").fill(renamed);
        field(rename, "reason").fill("科室调整");
        rename.locator("[data-test=submit]").click();

        expect(events).hasCount(2);
        Locator second = events.nth(1);
        expect(second.locator("[data-test=event-label]")).hasText("更名");
        expect(second.locator("del")).hasText(name);
        expect(second.locator("ins")).hasText(renamed);
        expect(second).containsText("科室调整");
        assertThat(second.getAttribute("data-prev-hash")).isEqualTo(firstHash);
        assertThat(second.getAttribute("data-hash")).matches("[0-9a-f]{64}").isNotEqualTo(firstHash);
        expect(test("unit-heading")).hasText(renamed);
        expect(treeNode(unitId)).containsText(renamed);

        test("verify").click();
        expect(test("verification")).hasAttribute("data-intact", "true");
        expect(test("verification")).containsText("哈希链完整");
        expect(test("verification")).containsText("2");
        second.locator("details.chain summary").click();
        screenshot("03-renamed-and-verified");

        // dissolving asks first; cancelling changes nothing
        test("open-dissolve").click();
        Locator dissolve = dialog("dissolve-dialog");
        field(dissolve, "reason").fill("并入综合科党小组");
        dissolve.locator("[data-test=submit]").click();
        Locator confirm = page.locator(".el-message-box");
        expect(confirm).isVisible();
        expect(confirm).containsText(renamed);
        confirm.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("取消")).click();
        expect(confirm).isHidden();
        assertThat(sent).noneMatch(url -> url.endsWith("/dissolve"));
        dissolve.locator("[data-test=submit]").click();
        page.locator(".el-message-box").getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("撤销")).click();

        expect(events).hasCount(3);
        expect(events.nth(2).locator("[data-test=event-label]")).hasText("撤销");
        assertThat(sent).filteredOn(url -> url.endsWith("/dissolve")).hasSize(1);
        expect(events.nth(2)).containsText("并入综合科党小组");
        assertThat(events.nth(2).getAttribute("data-prev-hash")).isEqualTo(second.getAttribute("data-hash"));
        expect(test("unit-status")).hasText("已撤销");
        expect(test("unit")).containsText("撤销时间");
        expect(test("actions")).hasCount(0);
        // gone from the tree of active units, back with the dissolved ones shown (the tree opens the way to it again)
        expect(treeNode(unitId)).hasCount(0);
        test("show-dissolved").click();
        expect(treeNode(unitId)).containsText("已撤销");
        expect(treeNode(unitId)).hasAttribute("aria-current", "true");
        screenshot("04-dissolved");
    }

    @Test
    void aRefusedActionShowsTheServersMessageInChineseAndChangesNothing() {
        signIn("dangwei");
        page.navigate(app + "/organisation/tree?unit=" + SECOND_BRANCH);
        expect(test("unit-heading")).hasText("机关第二党支部");
        Locator events = test("timeline").locator("[data-test=event]");
        expect(events.first()).isVisible();
        int before = events.count();

        // a zero-width space passes the form's own checks; the service refuses it and names it
        test("open-rename").click();
        Locator rename = dialog("rename-dialog");
        field(rename, "name").fill("机关第二\u200B党支部");
        rename.locator("[data-test=submit]").click();

        Locator problem = rename.locator("[data-test=problem]");
        expect(problem).isVisible();
        expect(problem.locator("[data-test=problem-title]")).not().isEmpty();
        assertThat(problem.innerText()).containsPattern(Pattern.compile("\\p{IsHan}{4,}")).contains("U+200B");
        expect(problem).hasAttribute("role", "alert");
        expect(rename).isVisible();
        screenshot("05-refused-rename");

        rename.locator("button").filter(new Locator.FilterOptions().setHasText("取消")).click();
        page.reload();
        expect(test("unit-heading")).hasText("机关第二党支部");
        expect(events).hasCount(before);
    }

    /**
     * The tree test's 党总支 under its 党委; the first holds 160 branches (more than a page of its level), the eighth 50 (one
     * of them is searched for), the others 2 each: 243 units. (Over 1,000 units, as this test had before, cost some 70 s of
     * a CI run that must stay under 20 minutes, and asserted nothing more: the test counts requests, not milliseconds.)
     */
    static final int GENERAL_BRANCHES = 12;

    @Test
    void theTreeLoadsOneLevelAndOnePageAtATimeAndSearchesOnTheServer() throws Exception {
        String token = DemoLogin.accessToken(URI.create(platform.issuer()), "dangwei", DemoLogin.DEMO_PASSWORD);
        String suffix = Long.toString(System.nanoTime() % 100_000);
        UnitWriter writer = new UnitWriter(platform.serviceUrl("organisation"), token);
        String top = writer.establish("COMMITTEE", "压力测试党委" + suffix, null).join();
        List<String> generalBranches = new ArrayList<>();
        for (int g = 0; g < GENERAL_BRANCHES; g++) {
            generalBranches.add(writer.establish("GENERAL_BRANCH", String.format("压力测试党总支%s-%02d", suffix, g), top).join());
        }
        List<CompletableFuture<String>> branches = new ArrayList<>();
        for (int g = 0; g < generalBranches.size(); g++) {
            int count = g == 0 ? 160 : g == 7 ? 50 : 2; // the first holds more than one page of its level
            for (int b = 0; b < count; b++) {
                branches.add(writer.establish("BRANCH", String.format("压力测试支部%s-%02d-%03d", suffix, g, b), generalBranches.get(g)));
            }
        }
        CompletableFuture.allOf(branches.toArray(CompletableFuture[]::new)).join();
        int units = 1 + generalBranches.size() + branches.size();
        assertThat(units).isGreaterThan(200);
        String wanted = branches.get(160 + 2 * 6 + 42).join(); // 压力测试支部<suffix>-07-042

        writer.awaitChildren(top, GENERAL_BRANCHES);
        writer.awaitChildren(generalBranches.get(0), 160);
        writer.awaitChildren(generalBranches.get(7), 50);

        List<String> asked = Collections.synchronizedList(new ArrayList<>());
        page.onRequest(request -> {
            if (request.url().contains("/api/organisation/")) {
                asked.add(request.url().substring(app.length()));
            }
        });
        signIn("dangwei");
        asked.clear(); // the home page's counts are not the tree's business
        test("menu").locator("[data-menu=org-tree]").click();
        Locator nodes = page.locator("[data-test=tree] [data-test=tree-node]");
        expect(treeNode(top)).isVisible();
        int topLevel = nodes.count();
        // from the keyboard: the arrow keys open a level
        page.locator("[data-test=tree] .el-tree-node:has(> .el-tree-node__content [data-unit-id='" + top + "'])").focus();
        page.keyboard().press("ArrowRight");
        expect(nodes).hasCount(topLevel + GENERAL_BRANCHES);
        expand(generalBranches.get(0));
        expect(nodes).hasCount(topLevel + GENERAL_BRANCHES + 100);
        Locator more = page.locator("[data-test=tree] [data-test=tree-more]");
        expect(more).containsText("60");
        screenshot("06-tree-with-thousands-of-units");
        more.click();
        expect(nodes).hasCount(topLevel + GENERAL_BRANCHES + 160);
        expect(more).hasCount(0);

        // the tree asked for the levels it showed, one parent and one page of 100 at a time, never for the whole tree
        List<String> treeReads = asked.stream().filter(url -> url.startsWith("/api/organisation/units?") && url.contains("parent=")).toList();
        assertThat(treeReads).allSatisfy(url -> assertThat(url).contains("size=100"));
        assertThat(treeReads.stream().map(url -> url.replaceAll(".*parent=([^&]+).*page=(\\d+).*", "$1/$2")))
                .as("each level and page read once").containsExactlyInAnyOrder("top/0", top + "/0", generalBranches.get(0) + "/0",
                        generalBranches.get(0) + "/1");
        assertThat(asked).noneMatch(url -> url.startsWith("/api/organisation/tree"));

        // search on the server finds a unit deep down; choosing it opens it
        field(page.locator("body"), "tree-search").fill(String.format("压力测试支部%s-07-042", suffix));
        Locator result = page.locator("[data-test=search-result][data-unit-id='" + wanted + "']");
        expect(result).isVisible();
        expect(page.locator("[data-test=search-results]")).containsText("共 1 条");
        result.click();
        expect(test("unit-heading")).hasText(String.format("压力测试支部%s-07-042", suffix));
        expect(treeNode(wanted)).hasAttribute("aria-current", "true");
        expect(test("unit")).containsText(String.format("压力测试党总支%s-07", suffix));
    }

    @Test
    void aDeepLinkSurvivesTheSignInAndEnglishShowsEnglishLabels() {
        page.navigate(app + "/organisation/tree?unit=" + TRADE_UNION);
        logInAtTheProvider("dangwei");
        expect(test("unit-heading")).hasText("中心工会");
        assertThat(page.url()).endsWith("/organisation/tree?unit=" + TRADE_UNION);
        // the tree opens the way to the unit of the address
        expect(treeNode(TRADE_UNION)).hasAttribute("aria-current", "true");

        page.locator("[data-test=user] label").filter(new Locator.FilterOptions().setHasText("English")).click();

        expect(page.locator("html")).hasAttribute("lang", "en");
        expect(page.locator("h1.page-title")).hasText("Organisation tree");
        expect(test("show-dissolved")).containsText("Show dissolved units");
        expect(treeNode(COMMITTEE)).containsText("Party committee");
        expect(test("unit-kind")).hasText("Mass organisation");
        expect(test("unit")).containsText("Trade union");
        expect(test("unit")).containsText("Established");
        expect(test("unit")).containsText("Parent unit");
        expect(test("timeline")).containsText("Unit timeline");
        expect(test("timeline").locator("[data-test=event-label]").first()).hasText("Established");
        expect(test("timeline").locator("[data-test=event]").first()).containsText("Occurred");
        expect(test("timeline").locator("[data-test=event]").first()).containsText("Recorded");
        expect(test("verify")).hasText("Verify the chain");
        expect(test("user-roles")).containsText("Party committee staff");
        expect(test("menu")).containsText("Unit register");
        test("verify").click();
        expect(test("verification")).containsText("The hash chain is intact");
        assertThat(page.locator("main").innerText()).doesNotContainPattern(Pattern.compile("组织架构|组织时间线|校验完整性|成立下级组织"));
        screenshot("07-english");

        // the choice is remembered
        page.reload();
        expect(page.locator("h1.page-title")).hasText("Organisation tree");
    }

    @Test
    void aPartyMemberOnATabletSeesHerBranchReadOnlyWithTheMenuFolded() {
        context.close();
        openContext(768, 1024);
        signIn("dangyuan");

        expect(test("panel-my-unit")).containsText("机关第一党支部");
        test("panel-my-unit").locator("a").filter(new Locator.FilterOptions().setHasText("机关第一党支部")).click();
        expect(test("unit-heading")).hasText("机关第一党支部");
        expect(test("timeline").locator("[data-test=event]").first()).containsText("成立");
        // the branch's own timeline also shows the party groups established under it
        expect(test("timeline").locator("[data-test=event]").filter(new Locator.FilterOptions().setHasText("下级组织成立")).first()).isVisible();
        expect(test("read-only")).isVisible();
        expect(test("actions")).hasCount(0);
        expect(test("verify")).isVisible();
        // a tablet: the menu folded to its icons, the tree above the details
        expect(page.locator(".el-menu--collapse")).isVisible();
        assertThat(test("unit").boundingBox().y).isGreaterThan(test("tree").boundingBox().y);
        screenshot("08-party-member-tablet");
    }

    @Test
    void anOperatorRebuildsAReadModelAndWatchesItsProgress() {
        signIn("yunwei");
        test("menu").locator("[data-menu=platform-read-models]").click();
        Locator table = test("read-models");
        expect(table.locator("[data-read-model=organisation-unit-timelines]")).isVisible();
        expect(table.locator("[data-read-model=organisation-units]")).isVisible();

        page.locator("[data-rebuild-button=organisation-unit-timelines]").click();
        page.locator(".el-message-box").getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("重建")).click();
        expect(test("status")).containsText("已请求重建");
        Locator progress = table.locator(".el-table__row:has([data-read-model=organisation-unit-timelines]) [data-test=rebuild-progress]");
        expect(progress).isVisible();
        expect(progress).hasAttribute("data-rebuild", "DONE", new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
        expect(progress).containsText("已完成");
        expect(progress.locator(".el-progress")).hasAttribute("aria-valuenow", "100");
        screenshot("09-read-model-rebuilt");

        // the rebuilt timelines answer as before
        page.navigate(app + "/organisation/tree?unit=" + COMMITTEE);
        expect(test("timeline").locator("[data-test=event]").first()).containsText("成立");
    }

    @Test
    void committeeStaffTakeAMemberAStepFurtherFromTheDevelopmentBoard() {
        signIn("dangwei");
        test("menu").locator("[data-menu=member-pipeline]").click();
        Locator board = test("board");
        expect(board.locator("[data-column]")).hasCount(5);
        expect(board.locator("[data-column=ACTIVIST] h3")).hasText("入党积极分子");
        expect(test("board-summary")).containsText("正式党员");
        // an activist whose six months have passed: marked, and due for the development object step
        Locator ready = board.locator("[data-column=ACTIVIST] button.card.warning").first();
        expect(ready).containsText("确定为发展对象");
        String name = ready.locator("strong").innerText();
        screenshot("10-development-board");

        ready.click();
        expect(test("member-heading")).hasText(name);
        expect(test("member-stage")).hasText("入党积极分子");
        expect(test("id-card")).not().containsText("*"); // committee staff see personal data in full
        Locator events = test("timeline").locator("[data-test=event]");
        expect(events.first()).containsText("入党申请");
        int before = events.count();
        page.locator("[data-step=DEVELOPMENT_OBJECT]").click();
        Locator step = dialog("step-dialog");
        field(step, "basis").fill("支部委员会会议纪要（第12次）");
        step.locator("[data-test=submit]").click();

        expect(test("status")).containsText("已办理");
        expect(test("member-stage")).hasText("发展对象");
        expect(events).hasCount(before + 1);
        Locator last = events.nth(before);
        expect(last.locator("[data-test=event-label]")).hasText("确定为发展对象");
        expect(last.locator("[data-test=actor-id]")).hasText("dangwei");
        expect(last).containsText("支部委员会会议纪要（第12次）");
        expect(last).containsText("支部委员会");
        expect(page.locator("[data-step=POLITICAL_REVIEW]")).isVisible();
        screenshot("11-member-file");
    }

    @Test
    void aPartyMemberReadsHerOwnFileAndAnAuditorSeesPersonalDataMasked() {
        signIn("dangyuan");
        test("menu").locator("[data-menu=member-me]").click();
        expect(test("member-heading")).hasText("张丽");
        expect(test("member-stage")).hasText("正式党员");
        expect(test("masked")).hasCount(0);
        expect(test("id-card")).not().containsText("*");
        expect(test("member-actions")).hasCount(0);

        context.close();
        openContext(1280, 900);
        signIn("shenji");
        test("menu").locator("[data-menu=member-directory]").click();
        field(page.locator("body"), "filter-q").fill("张丽");
        test("search").click();
        expect(test("total")).hasText("共 1 条");
        Locator link = test("member-directory").locator("[data-test=member-link]").filter(new Locator.FilterOptions().setHasText("张丽"));
        link.click();
        expect(test("member-heading")).hasText("张丽");
        expect(test("masked")).isVisible();
        expect(test("id-card")).containsText("***");
        expect(test("member-actions")).hasCount(0);
        screenshot("12-member-file-masked");
    }

    @Test
    void aBranchSecretaryScoresAndConcludesAssessmentsAndCommitteeStaffSeeACorrectionInItsTimeline() {
        String year = String.valueOf(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear());
        signIn("shuji");
        test("menu").locator("[data-menu=member-assessments]").click();
        field(page.locator("body"), "filter-period").fill(year);
        test("search").click();
        Locator rows = test("assessment-list").locator(".el-table__body tr");
        expect(rows.filter(new Locator.FilterOptions().setHasText(String.valueOf(Integer.parseInt(year) - 1)))).hasCount(0); // the filtered page
        // the demo opened this year's comprehensive assessment of the first branch's full members; 黄志强's is scored
        Locator scored = rows.filter(new Locator.FilterOptions().setHasText("黄志强"));
        expect(scored).containsText("总分");
        scored.locator("[data-test=assessment-conclude]").click();
        Locator conclusion = dialog("assessment-dialog");
        expect(conclusion.locator("[data-test=assessment-total]")).containsText("按评分标准 2022.1");
        field(conclusion, "assessment-basis").fill("支部委员会评定");
        conclusion.locator("[data-test=submit]").click();
        expect(test("status")).hasText("考核结论已记录。");
        expect(scored.locator("[data-state]")).hasAttribute("data-state", "CONCLUDED");
        expect(scored.locator("[data-test=assessment-conclude]")).hasCount(0);

        Locator unscored = rows.filter(new Locator.FilterOptions().setHas(page.locator("[data-test=assessment-score]"))).first();
        String name = unscored.locator("[data-test=member-link]").innerText();
        unscored.locator("[data-test=assessment-score]").click();
        Locator scoring = dialog("assessment-dialog");
        expect(scoring).containsText("政治表现（0–30）");
        field(scoring, "score-POLITICS").fill("29");
        field(scoring, "score-DUTY").fill("28");
        field(scoring, "score-CONDUCT").fill("19");
        field(scoring, "score-MASSES").fill("18");
        scoring.locator("[data-test=assessment-subject]").click(); // leaves the last field, as a user does
        expect(scoring.locator("[data-test=assessment-total]")).containsText("总分 94");
        expect(scoring.locator("[data-test=assessment-total]")).containsText("优秀");
        scoring.locator("[data-test=submit]").click();
        expect(test("status")).hasText("评分已记录。");
        Locator row = rows.filter(new Locator.FilterOptions().setHasText(name));
        expect(row.locator("[data-test=assessment-summary]")).hasText("总分 94");
        expect(row.locator("[data-test=assessment-conclude]")).isVisible();
        screenshot("13-assessments");

        context.close();
        openContext(1280, 900);
        signIn("dangwei");
        test("menu").locator("[data-menu=member-directory]").click();
        field(page.locator("body"), "filter-q").fill("张丽");
        test("search").click();
        test("member-directory").locator("[data-test=member-link]").filter(new Locator.FilterOptions().setHasText("张丽")).click();
        Locator card = test("assessments");
        Locator corrected = card.locator(".el-table__body tr").filter(new Locator.FilterOptions().setHasText("已更正"));
        expect(corrected).containsText("党员综合管理考核");
        expect(corrected).containsText("优秀");
        corrected.click();
        Locator events = card.locator("[data-test=timeline] [data-test=event]");
        expect(events).hasCount(4);
        expect(events.nth(3)).containsText("复核群众评价分数录入有误");
        expect(events.nth(3).locator("[data-test=actor-id]")).hasText("demo-data-loader");
        expect(card.locator("[data-test=open-assessment]")).isVisible();
        screenshot("14-member-assessments");
    }

    @Test
    void aBranchSecretaryPlansAndHoldsAMeetingRecordsAttendanceAndSeesHisBranchsCompliance() {
        String zhangLi = "00000000-0000-4000-8001-000000000001";
        signIn("shuji");
        test("menu").locator("[data-menu=activity-calendar]").click();
        page.locator("[data-action=schedule]").click();
        Locator schedule = dialog("schedule-dialog");
        field(schedule, "schedule-topic").fill("支部党员大会：讨论年度工作总结");
        field(schedule, "schedule-place").fill("中心三楼会议室");
        schedule.locator("[data-test=submit]").click();
        expect(test("activity-heading")).hasText("支部党员大会：讨论年度工作总结");
        expect(test("activity-state")).hasText("已安排");

        page.locator("[data-action=hold]").click();
        Locator hold = dialog("hold-dialog");
        field(hold, "hold-minutes").fill("一、通报年度工作；\n二、讨论年度工作总结。");
        hold.locator("[data-test=submit]").click();
        expect(test("status")).hasText("活动已召开。");
        expect(test("activity-state")).hasText("已召开");
        expect(test("minutes")).containsText("通报年度工作");

        page.locator("[data-action=attendance]").click();
        Locator attendance = dialog("attendance-dialog");
        Locator her = attendance.locator("[data-member=\"" + zhangLi + "\"]");
        expect(her).containsText("张丽");
        attendance.getByText("全部出席", new Locator.GetByTextOptions().setExact(true)).click();
        her.getByText("请假", new Locator.GetByTextOptions().setExact(true)).click();
        her.locator("input[type=text]").fill("外出办事");
        attendance.locator("[data-test=submit]").click();
        expect(test("status")).hasText("出勤已登记。");
        Locator line = test("attendance").locator(".el-table__body tr").filter(new Locator.FilterOptions().setHasText("张丽"));
        expect(line.locator("[data-attendance]")).hasAttribute("data-attendance", "ON_LEAVE");
        expect(line).containsText("外出办事");
        screenshot("15-activity-held");

        test("menu").locator("[data-menu=activity-compliance]").click();
        Locator rows = page.locator(".el-table__body tr");
        expect(rows).hasCount(1); // his own branch only
        expect(rows.first()).containsText("机关第一党支部");
        expect(rows.first()).containsText("已落实");
        screenshot("16-compliance-board");
    }

    @Test
    void committeeStaffAssignALeadingCadresDualOrganisationalLifeAndTheBranchListsHimAtItsMeetings() {
        signIn("dangwei");
        test("menu").locator("[data-menu=activity-dual-lives]").click();
        Locator rows = test("dual-life-list").locator(".el-table__body tr");
        // the demo: 朱建军 (机关第二党支部) takes part in 综合受理窗口党支部 all year; 黄志强's in 不动产登记窗口党支部 ended
        Locator zhu = rows.filter(new Locator.FilterOptions().setHasText("朱建军"));
        expect(zhu).containsText("综合受理窗口党支部");
        expect(zhu.locator("[data-state]")).hasAttribute("data-state", "active");
        expect(rows.filter(new Locator.FilterOptions().setHasText("黄志强"))).hasCount(0);
        choose(test("dual-life-active"), "全部");
        expect(rows.filter(new Locator.FilterOptions().setHasText("黄志强")).locator("[data-state]")).hasAttribute("data-state", "ended");

        zhu.locator("[data-action=timeline]").click();
        Locator events = test("dual-life-timeline").locator("[data-test=event]");
        expect(events).hasCount(1);
        expect(events.first()).containsText("安排双重组织生活");
        expect(events.first()).containsText("中心副主任");

        page.locator("[data-action=assign-dual-life]").click();
        Locator assign = dialog("dual-life-assign-dialog");
        search(assign.locator("[data-test=dual-life-home]"), "综合受理窗口党支部");
        choose(assign.locator("[data-test=dual-life-member]"), "梁国栋");
        search(assign.locator("[data-test=dual-life-branch]"), "机关第一党支部");
        field(assign, "dual-life-position").fill("窗口服务科科长");
        field(assign, "dual-life-basis").fill("党委会议决定");
        assign.locator("[data-test=submit]").click();
        expect(test("status")).hasText("已安排双重组织生活。");
        Locator liang = rows.filter(new Locator.FilterOptions().setHasText("梁国栋"));
        expect(liang).containsText("机关第一党支部");
        expect(liang).containsText("窗口服务科科长");
        screenshot("17-dual-lives");

        // last month's theme party day of 综合受理窗口党支部: 朱建军 attended it as a cadre in dual organisational life
        java.time.YearMonth lastMonth = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(1);
        String windowBranch = "00000000-0000-4000-8000-000000000021";
        String themeDay = java.util.UUID.nameUUIDFromBytes(("demo-activity|" + windowBranch + "|THEME_PARTY_DAY|" + lastMonth)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        page.navigate(app + "/activities/" + themeDay);
        Locator line = test("attendance").locator(".el-table__body tr").filter(new Locator.FilterOptions().setHasText("朱建军"));
        expect(line.locator("[data-test=dual-life]")).hasText("双重组织生活");
        expect(test("activity")).containsText("朱建军（机关第二党支部 · 中心副主任）");
        screenshot("18-dual-life-attendance");
    }

    /**
     * The committee's year of work in the browser (docs/organisation.md): the demo's overdue term is red on the terms
     * list, the 2022 work plan's board keeps the seed's numbering (a "6" after an "8") with each item's tasks, and a
     * wrong text for a new plan is refused naming the line.
     */
    @Test
    void committeeStaffSeeTheOverdueTermAndThePlanBoardAsWritten() {
        signIn("dangwei");
        test("menu").locator("[data-menu=org-terms]").click();
        Locator retired = test("term-list").locator(".el-table__body tr").filter(new Locator.FilterOptions().setHasText("离退休干部党支部"));
        expect(retired).containsText("已超期");
        expect(retired.locator("[data-test=due-on]")).hasText("2022-06-26");
        screenshot("21-terms");

        test("menu").locator("[data-menu=org-plans]").click();
        page.locator("[data-test=plan-link]").filter(new Locator.FilterOptions().setHasText("2022")).first().click();
        Locator second = page.locator("[data-test=plan-section][data-position='2']");
        expect(second.locator("[data-test=item-no]")).hasText(new String[] {"3", "4", "5", "8", "6", "7"});
        expect(page.locator("[data-test=plan-section]")).hasCount(5);
        expect(page.locator("[data-test=plan-item]")).hasCount(16);
        expect(page.locator("[data-test=item-overdue]").first()).isVisible();
        screenshot("22-plan-board");

        test("menu").locator("[data-menu=org-plans]").click();
        page.locator("[data-action=importPlan]").click();
        Locator importing = dialog("importPlan-dialog");
        search(importing.locator("[data-test=importPlan-unitId]"), "政务服务中心党委");
        importing.locator("[data-test=importPlan-year] input").fill("2023");
        importing.locator("textarea[data-test=importPlan-text], [data-test=importPlan-text] textarea").first().fill("一、加强政治建设\n\n（一 加强理论学习");
        importing.locator("[data-test=submit]").click();
        expect(importing.locator("[data-test=problem-line]")).hasAttribute("data-line", "3");
        expect(importing.locator("[data-test=problem-line]")).containsText("（一 加强理论学习");
    }

    @Test
    void aDisciplineInspectorRunsAnInspectionAndAnAuditorReadsItsTimelineAndWhoReadIt() {
        signIn("jijian");
        test("menu").locator("[data-menu=discipline-inspections]").click();
        page.locator("[data-action=plan]").click();
        Locator plan = dialog("inspection-plan-dialog");
        field(plan, "plan-targetName").fill("政务服务大厅导办台");
        plan.locator("[data-test=plan-mode] [data-value=UNANNOUNCED]").click();
        field(plan, "plan-inspectors").fill("赵纪检\n钱纪检");
        plan.locator("[data-test=submit]").click();
        expect(test("inspection-heading")).hasText("政务服务大厅导办台");
        expect(test("inspection-state")).hasText("已计划");

        page.locator("[data-action=carryOut]").click();
        Locator carryOut = dialog("inspection-carryOut-dialog");
        field(carryOut, "carryOut-summary").fill("上午暗访导办台，2 人在岗");
        carryOut.locator("[data-test=submit]").click();
        expect(test("status")).hasText("检查已实施。");
        page.locator("[data-action=finding]").click();
        Locator finding = dialog("inspection-finding-dialog");
        field(finding, "finding-description").fill("导办台未公示首问负责人");
        finding.locator("[data-test=finding-severity] [data-value=GENERAL]").click();
        finding.locator("[data-test=submit]").click();
        expect(test("status")).hasText("问题已登记。");
        expect(test("findings")).containsText("导办台未公示首问负责人");
        Locator events = test("timeline").locator("[data-test=event]");
        expect(events).hasCount(3);
        screenshot("19-discipline-inspection");

        // the demo's overdue rectification is red on the board
        test("menu").locator("[data-menu=discipline-rectifications]").click();
        Locator overdue = test("rectification-board").locator(".el-table__body tr").filter(new Locator.FilterOptions().setHasText("不动产登记窗口"));
        expect(overdue.locator("[data-test=overdue]")).isVisible();
        screenshot("20-rectification-board");

        context.close();
        openContext(1280, 900);
        signIn("shenji");
        test("menu").locator("[data-menu=discipline-inspections]").click();
        test("inspection-list").locator("[data-test=inspection-link]").filter(new Locator.FilterOptions().setHasText("综合受理窗口")).click();
        expect(test("inspection-state")).hasText("已办结");
        expect(page.locator("[data-action]")).hasCount(0); // an auditor takes no step
        Locator closed = test("timeline").locator("[data-test=event]");
        expect(closed).hasCount(10);
        expect(closed.nth(0).locator("[data-test=actor-id]")).hasText("demo-data-loader");
        test("timeline").locator("[data-test=verify]").click();
        expect(test("timeline").locator("[data-test=verification]")).hasAttribute("data-intact", "true");
        expect(test("timeline").locator("[data-test=verification]")).containsText("哈希链完整：已校验 10 个事件");

        test("menu").locator("[data-menu=discipline-access-log]").click();
        Locator reads = test("access-log").locator(".el-table__body tr").filter(new Locator.FilterOptions()
                .setHas(page.locator("[data-test=reader]", new Page.LocatorOptions().setHasText("shenji"))));
        expect(reads.first()).isVisible();
        expect(test("access-log")).containsText("jijian"); // the inspector's reads of the inspection he ran
        screenshot("21-access-log");
    }

    @Test
    void anAuditorFindsAnAssessmentReadsItsTimelineAsOfADateSignsACheckpointAndReplaysTheRecord() {
        signIn("shenji");
        test("menu").locator("[data-menu=audit-subjects]").click();
        choose(test("filter-kind"), "民主评议党员");
        test("subject-list").locator("[data-test=search]").click();
        Locator subjects = test("subject-list").locator("tbody tr");
        expect(subjects.first().locator("[data-test=subject-link]")).hasAttribute("data-kind", "democratic-evaluation");
        Locator evaluation = subjects.filter(new Locator.FilterOptions().setHasText("民主评议党员")).first();
        expect(evaluation).isVisible();
        evaluation.locator("[data-test=subject-link]").click();
        Locator entries = test("audit-entry");
        expect(entries.first()).isVisible();
        expect(entries.first()).hasAttribute("data-sequence", "0");
        expect(test("chain-badge")).hasAttribute("data-state", "intact");
        // as of the moment the evaluation was opened: by business time it is there; by recording time not yet, for the
        // demo's records were entered (recorded) long after they happened
        entries.first().locator("[data-test=entry-as-of]").click();
        expect(test("as-of-counts")).hasAttribute("data-included", "1");
        expect(test("as-of-state")).containsText("lastEvent");
        test("as-of-by").locator("[data-value=RECORDED]").click();
        expect(test("as-of-counts")).hasAttribute("data-included", "0");
        screenshot("24-audit-timeline");

        test("menu").locator("[data-menu=audit-checkpoints]").click();
        int before = test("checkpoint-list").locator("tbody tr").count();
        test("sign-checkpoint").click();
        expect(test("checkpoint-list").locator("tbody tr")).hasCount(before + 1);
        expect(test("public-key")).containsText("BEGIN PUBLIC KEY");

        test("menu").locator("[data-menu=audit-replays]").click();
        test("start-replay").click();
        expect(test("replay-result")).hasAttribute("data-identical", "true",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
        screenshot("25-audit-replay");
    }

    @Test
    void aDisciplineInspectorHoldsAndConcludesATalkAndDecidesAnAccountabilityCase() {
        signIn("jijian");
        test("menu").locator("[data-menu=discipline-talks]").click();
        page.locator("[data-action=hold]").click();
        Locator hold = dialog("talk-hold-dialog");
        search(hold.locator("[data-test=hold-memberId]"), "张丽");
        field(hold, "hold-talkers").fill("赵纪检");
        field(hold, "hold-content").fill("提醒严守窗口服务纪律，本人表示接受");
        field(hold, "hold-basis").fill("年度廉政谈话安排");
        hold.locator("[data-test=submit]").click();
        expect(test("talk-state")).hasText("已谈话");
        page.locator("[data-action=conclude]").click();
        Locator conclude = dialog("talk-conclude-dialog");
        field(conclude, "conclude-outcome").fill("谈话完成，本人作出承诺");
        conclude.locator("[data-test=submit]").click();
        expect(test("status")).hasText("已了结。");
        expect(test("talk-state")).hasText("已了结");

        test("menu").locator("[data-menu=discipline-cases]").click();
        page.locator("[data-action=open-case]").click();
        Locator open = dialog("case-open-dialog");
        search(open.locator("[data-test=open-memberId]"), "黄志强");
        field(open, "open-matter").fill("窗口服务作风问题（浏览器测试）");
        field(open, "open-basis").fill("明察暗访情况");
        open.locator("[data-test=submit]").click();
        expect(test("case-state")).hasText("已立案");
        page.locator("[data-action=propose]").click();
        Locator propose = dialog("case-propose-dialog");
        choose(propose.locator("[data-test=propose-measure]"), "通报");
        field(propose, "propose-reasons").fill("情节较轻，予以通报");
        propose.locator("[data-test=submit]").click();
        expect(test("case-state")).hasText("已提出处理意见");
        page.locator("[data-action=decide]").click();
        Locator decide = dialog("case-decide-dialog");
        field(decide, "decide-basis").fill("《中国共产党问责条例》");
        decide.locator("[data-test=submit]").click();
        expect(test("status")).hasText("处理决定已作出。");
        expect(test("case-state")).hasText("已作出决定");
        expect(test("timeline").locator("[data-test=event]")).hasCount(3);
        screenshot("22-discipline-case");
    }

    /**
     * Another department's subscription decided in the browser (docs/subscribing.md, onboarding): renshi-department asks
     * through the gateway for two members' event types with names and ID-card numbers; committee staff find the request
     * pending, grant one type and names only, and see the grant and its timeline at once; the auditor reads it and may
     * decide nothing.
     */
    @Test
    void committeeStaffGrantADepartmentsSubscriptionNarrowerThanAskedAndAnAuditorReadsIt() throws Exception {
        String applied = "org.dangjian.members.MembershipApplicationReceived.v1";
        String admitted = "org.dangjian.members.MemberAdmittedAsProbationary.v1";
        String purpose = "干部人事档案：党员发展（浏览器测试 " + System.nanoTime() % 100_000 + "）";
        String department = DemoLogin.clientCredentialsToken(URI.create(platform.issuer()), "renshi-department", "renshi-secret");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> asked = http.send(HttpRequest.newBuilder(URI.create(app + "/api/subscriptions/subscriptions"))
                .header("Authorization", "Bearer " + department).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("eventTypes", List.of(applied, admitted),
                        "personalData", List.of("NAME", "ID_CARD_NUMBER"), "channel", "SSE", "purpose", purpose)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        JsonNode created = JSON.readTree(asked.body());
        String id = created.get("id").asString();
        // in the read model before the list (read without minSequence) is opened
        assertThat(http.send(HttpRequest.newBuilder(URI.create(app + "/api/subscriptions/subscriptions/" + id + "?minSequence="
                + created.get("sequence").asLong())).header("Authorization", "Bearer " + department).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        signIn("dangwei");
        expect(test("due-subscriptions")).containsText("个数据共享订阅申请待审批");
        test("menu").locator("[data-menu=subscription-requests]").click();
        Locator request = test("subscription-list").locator(".el-table__body tr").filter(new Locator.FilterOptions().setHasText(purpose));
        expect(request.locator("[data-test=subscription-state]")).hasText("待审批");
        request.locator("[data-test=subscription-link]").click();
        expect(test("subscription-heading")).hasText("人事部门");
        assertThat(page.url()).endsWith("/subscriptions/" + id);
        expect(test("requested").locator("[data-type]")).hasCount(2);
        expect(test("requested-personal-data")).hasText("姓名、身份证号");

        // the form starts from the request: staff untick a type and the ID-card number
        page.locator("[data-action=grant]").click();
        Locator grant = dialog("subscription-grant-dialog");
        grant.locator("[data-test=form-event-types] [data-type='" + admitted + "']").click();
        grant.locator("[data-test=form-personal-data] [data-kind=ID_CARD_NUMBER]").click();
        field(grant, "form-reason").fill("经党委会研究同意：入党申请，不含身份证号");
        grant.locator("[data-test=submit]").click();
        expect(test("status")).hasText("已授权。");
        expect(test("subscription-state")).hasText("已授权");
        expect(test("grant").locator("[data-type]")).hasCount(1);
        expect(test("grant").locator("[data-type='" + applied + "']")).isVisible();
        expect(test("granted-personal-data")).hasText("姓名");
        expect(test("not-granted")).containsText("身份证号");
        expect(test("granted-by")).containsText("dangwei");
        Locator events = test("timeline").locator("[data-test=event]");
        expect(events.locator("[data-test=event-label]")).hasText(new String[] {"申请订阅", "授权"});
        expect(events.nth(0).locator("[data-test=actor-id]")).hasText("renshi-department");
        expect(events.nth(1).locator("[data-test=actor-id]")).hasText("dangwei");
        expect(events.nth(1)).containsText("经党委会研究同意：入党申请，不含身份证号");
        expect(page.locator("[data-action=grant]")).hasCount(0);
        screenshot("26-subscription-granted");

        // the auditor reads the same subscription and may decide nothing
        context.close();
        openContext(1280, 900);
        page.navigate(app + "/subscriptions/" + id);
        logInAtTheProvider("shenji");
        expect(test("subscription-state")).hasText("已授权");
        expect(test("granted-personal-data")).hasText("姓名");
        expect(test("read-only")).isVisible();
        expect(page.locator("[data-action]")).hasCount(0);
    }

    /** Establishes units straight at the organisation service with a bearer token, at most 8 at a time. */
    static final class UnitWriter {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final Semaphore inFlight = new Semaphore(8);
        private final String service;
        private final String token;

        UnitWriter(String service, String token) {
            this.service = service;
            this.token = token;
        }

        /** Waits (at most a minute) until the organisation service lists {@code count} active units under a parent. */
        void awaitChildren(String parent, int count) throws Exception {
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            long total = -1;
            while (System.nanoTime() < deadline) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(service + "/units?status=ACTIVE&size=1&parent=" + parent))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build();
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                total = answer.statusCode() == 200 ? JSON.readTree(answer.body()).get("total").asLong() : -1;
                if (total == count) {
                    return;
                }
                Thread.sleep(200);
            }
            fail("The organisation service lists " + total + " units under " + parent + ", not " + count);
        }

        CompletableFuture<String> establish(String kind, String name, String parentId) {
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("kind", kind);
            body.put("name", name);
            if (parentId != null) {
                body.put("parentId", parentId);
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(service + "/units")).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            inFlight.acquireUninterruptibly();
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((answer, failure) -> inFlight.release())
                    .thenApply(answer -> {
                        assertThat(answer.statusCode()).as(name + ": " + answer.body()).isEqualTo(201);
                        JsonNode created = JSON.readTree(answer.body());
                        return created.get("id").asString();
                    });
        }
    }
}
