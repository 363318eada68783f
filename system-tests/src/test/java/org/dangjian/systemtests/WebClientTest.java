package org.dangjian.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The web client in a real browser (headless Chromium driven by Playwright) against the whole platform: a demo user
 * signs in at the identity provider's login page and works with the organisation tree as a user would. One browser for
 * the class, a fresh context (cookies, storage) per test; each test saves a screenshot under
 * {@code target/screenshots/}.
 */
class WebClientTest {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    static final String COMMITTEE = "00000000-0000-4000-8000-000000000001";
    static final String FIRST_BRANCH = "00000000-0000-4000-8000-000000000011";
    static final String SECOND_BRANCH = "00000000-0000-4000-8000-000000000012";
    static final String TRADE_UNION = "00000000-0000-4000-8000-000000000041";

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
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("zh-CN"));
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

    void signIn(String username) {
        if (!page.url().startsWith(app)) {
            page.navigate(app + "/");
        }
        expect(page.locator("#signed-out")).isVisible();
        page.locator("#sign-in").click();
        page.waitForURL(platform.issuer() + "/login**");
        page.locator("#username").fill(username);
        page.locator("#password").fill("dangjian");
        page.locator("form.login-form button[type=submit]").click();
        page.waitForURL(app + "/**");
        expect(page.locator("#workspace")).isVisible();
        expect(page.locator("#user-username")).hasText(username);
    }

    void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    Locator treeLink(String unitId) {
        return page.locator("#tree a[data-unit-id='" + unitId + "']");
    }

    @Test
    void aCommitteeStaffMemberSignsInAtTheIdentityProviderAndSeesTheOrganisationTree() {
        page.navigate(app + "/");
        expect(page.locator("#sign-in")).isVisible();

        signIn("dangwei");

        assertThat(page.url()).startsWith(app + "/");
        expect(page.locator("#user-name")).hasText("王建华");
        expect(page.locator("#user-roles")).containsText("党委工作人员");
        expect(page.locator("#tree-heading")).hasText("组织架构");
        expect(treeLink(COMMITTEE)).containsText("政务服务中心党委");
        expect(treeLink(COMMITTEE)).containsText("党委");
        expect(treeLink(FIRST_BRANCH)).containsText("机关第一党支部");
        expect(treeLink(FIRST_BRANCH)).containsText("党支部");
        expect(page.locator("#tree")).containsText("窗口党总支");
        expect(page.locator("#tree")).containsText("综合科党小组");
        expect(page.locator("#tree")).containsText("中心工会");
        expect(treeLink(TRADE_UNION)).containsText("工会");
        // the user's own unit is selected: its details and timeline
        expect(page.locator("#unit-heading")).hasText("政务服务中心党委");
        expect(treeLink(COMMITTEE)).hasAttribute("aria-current", "true");
        expect(page.locator("#timeline li.event").first()).containsText("成立");
        expect(page.locator("#timeline li.event .actor-id").first()).hasText("demo-data-loader");
        screenshot("01-signed-in-tree");
    }

    @Test
    void establishingRenamingAndDissolvingAPartyGroupShowAtOnceInAHashChainedTimelineThatVerifies() {
        String name = "政务咨询党小组" + (System.nanoTime() % 10_000);
        String renamed = name + "（更名）";
        signIn("dangwei");

        treeLink(FIRST_BRANCH).click();
        expect(page.locator("#unit-heading")).hasText("机关第一党支部");
        Locator establish = page.locator("#establish-form");
        // under a branch only a party group may stand
        assertThat(page.locator("#establish-kind option").allTextContents()).containsExactly("党小组");
        establish.getByLabel("名称").fill(name);
        establish.getByLabel("事由").fill("支部委员会决定设立");
        establish.locator("button[type=submit]").click();

        // at once: in the tree under the branch, selected, with its establishment in the timeline
        Locator underFirstBranch = page.locator("#tree li:has(> a[data-unit-id='" + FIRST_BRANCH + "']) > ul a.unit-link");
        expect(underFirstBranch.filter(new Locator.FilterOptions().setHasText(name))).isVisible();
        expect(page.locator("#unit-heading")).hasText(name);
        expect(page.locator("#status")).containsText("已成立");
        assertThat(page.url()).contains("#unit=");
        String unitId = page.url().substring(page.url().indexOf("#unit=") + "#unit=".length());
        expect(treeLink(unitId)).hasAttribute("aria-current", "true");
        Locator events = page.locator("#timeline li.event");
        expect(events).hasCount(1);
        Locator first = events.nth(0);
        expect(first.locator(".event-label")).hasText("成立");
        expect(first.locator(".actor-id")).hasText("dangwei");
        expect(first.locator(".actor")).containsText("党委工作人员");
        expect(first).containsText("支部委员会决定设立");
        expect(first).containsText("发生时间");
        expect(first).containsText("记录时间");
        String firstHash = first.getAttribute("data-hash");
        assertThat(firstHash).matches("[0-9a-f]{64}");
        expect(first.locator(".full-hash")).hasText(firstHash);
        expect(first.locator("summary code.hash").first()).hasAttribute("title", firstHash);
        screenshot("02-established-party-group");

        Locator rename = page.locator("#rename-form");
        rename.getByLabel("新名称").fill(renamed);
        rename.getByLabel("事由").fill("科室调整");
        rename.locator("button[type=submit]").click();

        expect(events).hasCount(2);
        Locator second = events.nth(1);
        expect(second.locator(".event-label")).hasText("更名");
        expect(second).containsText(name);
        expect(second).containsText(renamed);
        expect(second).containsText("科室调整");
        assertThat(second.getAttribute("data-prev-hash")).isEqualTo(firstHash);
        expect(second.locator(".full-prev-hash")).hasText(firstHash);
        assertThat(second.getAttribute("data-hash")).matches("[0-9a-f]{64}").isNotEqualTo(firstHash);
        expect(page.locator("#unit-heading")).hasText(renamed);
        expect(underFirstBranch.filter(new Locator.FilterOptions().setHasText(renamed))).isVisible();

        page.locator("#verify").click();
        expect(page.locator("#verify-result")).hasAttribute("data-intact", "true");
        expect(page.locator("#verify-result")).containsText("哈希链完整");
        expect(page.locator("#verify-result")).containsText("2");
        second.locator("details.chain summary").click();
        screenshot("03-renamed-and-verified");

        // dissolving asks first; cancelling changes nothing
        Locator dissolve = page.locator("#dissolve-form");
        Locator dialog = page.locator("#confirm-dialog");
        dissolve.getByLabel("事由").fill("并入综合科党小组");
        dissolve.locator("button[type=submit]").click();
        expect(dialog).isVisible();
        expect(dialog).containsText(renamed);
        dialog.locator("button[value=cancel]").click();
        expect(dialog).isHidden();
        dissolve.locator("button[type=submit]").click();
        dialog.locator("button[value=confirm]").click();

        expect(events).hasCount(3);
        expect(events.nth(2).locator(".event-label")).hasText("撤销");
        expect(events.nth(2)).containsText("并入综合科党小组");
        assertThat(events.nth(2).getAttribute("data-prev-hash")).isEqualTo(second.getAttribute("data-hash"));
        expect(page.locator("#unit-badges")).containsText("已撤销");
        expect(page.locator("#unit-facts")).containsText("撤销时间");
        expect(page.locator("#commands")).isHidden();
        expect(page.locator("#dissolved-note")).isVisible();
        expect(treeLink(unitId)).hasCount(0);
        page.getByLabel("显示已撤销组织").check();
        expect(treeLink(unitId)).containsText("已撤销");
        screenshot("04-dissolved");
    }

    @Test
    void aRefusedCommandShowsTheProblemBesideTheForm() {
        signIn("dangwei");
        treeLink(SECOND_BRANCH).click();
        expect(page.locator("#unit-heading")).hasText("机关第二党支部");

        Locator rename = page.locator("#rename-form");
        rename.getByLabel("新名称").fill("机关第二党支部");
        rename.locator("button[type=submit]").click();

        Locator message = rename.locator(".form-message");
        expect(message).containsText("名称未改变");
        expect(message).containsText("机关第二党支部");
        expect(message).hasAttribute("role", "alert");
        expect(page.locator("#timeline li.event")).hasCount(1);
        screenshot("05-refused-rename");
    }

    @Test
    void aPartyMemberSeesTheTreeReadOnlyOnANarrowScreen() {
        page.setViewportSize(390, 844);
        signIn("dangyuan");

        expect(page.locator("#user-roles")).containsText("党员");
        expect(treeLink(COMMITTEE)).isVisible();
        // her own branch is selected, with details and timeline, and nothing to change
        expect(page.locator("#unit-heading")).hasText("机关第一党支部");
        expect(page.locator("#timeline li.event").first()).containsText("成立");
        // the branch's own timeline also shows the party groups established under it
        expect(page.locator("#timeline li.event").filter(new Locator.FilterOptions().setHasText("下级组织成立")).first()).isVisible();
        expect(page.locator("#read-only-note")).isVisible();
        expect(page.locator("#commands")).isHidden();
        expect(page.locator("form.command:visible")).hasCount(0);
        expect(page.locator("#verify")).isVisible();

        // a deep link selects a unit; still no controls
        page.navigate(app + "/#unit=" + COMMITTEE);
        expect(page.locator("#unit-heading")).hasText("政务服务中心党委");
        expect(page.locator("form.command:visible")).hasCount(0);
        assertThat(page.locator("button:visible").allTextContents()).doesNotContain("成立", "更名", "撤销…");
        // narrow screens stack the tree above the details
        assertThat(page.locator("#unit").boundingBox().y).isGreaterThan(page.locator("#tree-panel").boundingBox().y);
        screenshot("06-party-member-read-only-narrow");
    }

    @Test
    void aDeepLinkSurvivesTheSignInAndEnglishShowsEnglishLabels() {
        page.navigate(app + "/#unit=" + TRADE_UNION);
        signIn("dangwei");
        expect(page.locator("#unit-heading")).hasText("中心工会");
        assertThat(page.url()).endsWith("#unit=" + TRADE_UNION);

        page.locator("button[data-lang=en]").click();

        expect(page.locator("html")).hasAttribute("lang", "en");
        expect(page.locator("#tree-heading")).hasText("Organisation tree");
        expect(page.locator("label.toggle")).containsText("Show dissolved units");
        expect(treeLink(FIRST_BRANCH)).containsText("Party branch");
        expect(treeLink(COMMITTEE)).containsText("Party committee");
        expect(page.locator("#unit-badges")).containsText("Mass organisation · Trade union");
        expect(page.locator("#unit-facts")).containsText("Mass organisation type");
        expect(page.locator("#unit-facts")).containsText("Established");
        expect(page.locator("#unit-facts")).containsText("Parent unit");
        expect(page.locator("#timeline-heading")).hasText("Unit timeline");
        expect(page.locator("#timeline li.event .event-label").first()).hasText("Established");
        expect(page.locator("#timeline li.event").first()).containsText("Occurred");
        expect(page.locator("#timeline li.event").first()).containsText("Recorded");
        expect(page.locator("#verify")).hasText("Verify the chain");
        expect(page.locator("#user-roles")).containsText("Party committee staff");
        expect(page.locator("#establish-form")).containsText("No units stand under this kind of unit.");
        expect(page.locator("#rename-form")).containsText("Rename the unit");
        expect(page.locator("#dissolve-form")).containsText("Dissolve the unit");
        page.locator("#verify").click();
        expect(page.locator("#verify-result")).containsText("The hash chain is intact");
        assertThat(page.locator("main").innerText()).doesNotContainPattern(Pattern.compile("组织架构|组织时间线|校验完整性|成立下级组织"));
        screenshot("07-english");
    }
}
