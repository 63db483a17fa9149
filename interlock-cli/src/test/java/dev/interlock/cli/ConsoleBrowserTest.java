package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in headless Chromium (Debian's chromium and chromium-driver) against a real {@code interlock serve}:
 * an agent token cannot sign in; a reviewer signs in, sees a held production change appear in the inbox without a
 * reload, opens it, cannot approve before {@code min_review} nor with the wrong name typed, approves, and the agent's
 * retry goes through; the audit explorer shows the chain; a cross-site or token-less form post is refused.
 * Screenshots go to {@code -Dinterlock.screenshots=DIR} (docs/images in the README's command), else target/.
 */
class ConsoleBrowserTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String RESTART = "kubectl --context prod-eu-1 -n payments rollout restart deployment/api";
    static Path dir;
    static Process server;
    static String url;
    static String admin;
    static String agent;
    static String bob;
    static WebDriver browser;
    static Path shots;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("interlock-console");
        assertThat(ServerEndToEndTest.run(Map.of(), "--version").exit()).isZero();
        ServerEndToEndTest.Served served = ServerEndToEndTest.serve(dir);
        server = served.process();
        url = served.url();
        Path data = served.data();
        admin = Files.readString(data.resolve("admin-token")).strip();
        agent = token("{\"role\":\"agent\",\"principal\":\"alice@example.com\",\"agent\":\"claude-code\"}");
        bob = token("{\"role\":\"approver\",\"principal\":\"bob@example.com\",\"groups\":[\"sre\"]}");

        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build();
        browser = new ChromeDriver(service, options);
        String target = System.getProperty("interlock.screenshots", "");
        shots = target.isBlank() ? McpGatewayEndToEndTest.ROOT.resolve("interlock-cli/target/console-screenshots") : Path.of(target);
        Files.createDirectories(shots);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        server.destroy();
        if (!server.waitFor(20, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
    }

    static String token(String body) throws Exception {
        HttpResponse<String> r = post(admin, "/v1/tokens", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("token").asText();
    }

    static HttpResponse<String> post(String token, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode decide() throws Exception {
        HttpResponse<String> r = post(agent, "/v1/decisions", "{\"kind\":\"shell\",\"command\":\"" + RESTART + "\",\"actor\":{\"session\":\"console\"}}");
        return JSON.readTree(r.body());
    }

    static String axe;

    /** axe-core (npm) checks the page against WCAG 2 A and AA: no serious or critical violation. */
    static void accessible(String page) throws Exception {
        if (axe == null) {
            Path prefix = McpGatewayEndToEndTest.ROOT.resolve("interlock-cli/target/axe");
            Path script = prefix.resolve("node_modules/axe-core/axe.min.js");
            if (!Files.isRegularFile(script)) {
                Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", prefix.toString(), "axe-core@4.14.1")
                        .redirectErrorStream(true).start();
                String log = new String(npm.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(npm.waitFor(300, TimeUnit.SECONDS)).isTrue();
                assertThat(npm.exitValue()).as(log).isZero();
            }
            axe = Files.readString(script);
        }
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
        js.executeScript(axe);
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})"
                + ".then(function (r) { done(JSON.stringify(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                + ".map(function (v) { return v.id + ': ' + v.help + ' @ ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); }))); })"
                + ".catch(function (e) { done(JSON.stringify(['axe failed: ' + e])); });");
        assertThat(JSON.readTree(String.valueOf(result))).as(page + " accessibility").isEmpty();
    }

    static void shot(String name) throws IOException {
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, shots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    static WebDriverWait waiting(int seconds) {
        // Pages are replaced as forms post: an element read mid-navigation is simply read again.
        return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(seconds)).ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    static void signIn(String token) {
        browser.get(url + "/console/sign-in");
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.id("sign-in")).click();
    }

    @Test
    void aReviewerReadsApprovesAndTheAgentsRetryGoesThrough() throws Exception {
        signIn(agent);
        assertThat(browser.findElement(By.id("sign-in-error")).getText()).contains("Agent tokens cannot sign in");
        shot("console-sign-in");
        accessible("console-sign-in");

        signIn(bob);
        waiting(10).until(d -> d.getCurrentUrl().endsWith("/console/approvals"));
        assertThat(browser.findElement(By.id("pending-count")).getText()).isEqualTo("0");

        // What the agent did before it asked is on the approval's page.
        assertThat(JSON.readTree(post(agent, "/v1/decisions", "{\"kind\":\"shell\",\"command\":\"kubectl --context prod-eu-1 -n payments get pods\","
                + "\"actor\":{\"session\":\"console\"}}").body()).get("effect").asText()).isEqualTo("allow");
        JsonNode held = decide();
        assertThat(held.get("effect").asText()).isEqualTo("require_approval");
        String id = held.at("/approval/id").asText();
        // No reload: the inbox updates itself.
        WebElement link = waiting(15).until(d -> d.findElements(By.cssSelector("#inbox a[href='/console/approvals/" + id + "']"))
                .stream().findFirst().orElse(null));
        assertThat(link.getText()).contains("deployment api");
        assertThat(browser.findElement(By.cssSelector("#inbox tr[data-id='" + id + "']")).getText()).contains("prod", "claude-code", "alice@example.com");
        shot("console-inbox");
        accessible("console-inbox");

        link.click();
        waiting(10).until(d -> d.findElements(By.id("approve")).size() == 1);
        WebElement approve = browser.findElement(By.id("approve"));
        assertThat(approve.isEnabled()).as("approve waits for min_review").isFalse();
        assertThat(browser.findElement(By.id("countdown")).getText()).contains("you can approve in");
        assertThat(browser.findElement(By.id("raw")).findElement(By.tagName("mark")).getText()).contains("rollout restart deployment/api");
        assertThat(browser.getPageSource()).contains("prod-changes-need-a-second-human");
        assertThat(browser.findElement(By.id("recent")).getText()).contains("allow: read pod");
        shot("console-approval");
        accessible("console-approval");

        waiting(30).until(d -> d.findElement(By.id("approve")).isEnabled());
        browser.findElement(By.id("confirm")).sendKeys("web");
        browser.findElement(By.id("approve")).click();
        assertThat(waiting(10).until(d -> d.findElement(By.id("error"))).getText()).as("the typed name is enforced").contains("does not match");
        waiting(30).until(d -> d.findElement(By.id("approve")).isEnabled());
        browser.findElement(By.id("confirm")).sendKeys("api");
        browser.findElement(By.id("comment")).sendKeys("restart is the runbook's first step");
        browser.findElement(By.id("approve")).click();
        waiting(10).until(d -> d.findElement(By.id("state")).getText().equals("approved"));
        assertThat(browser.findElement(By.id("reviews")).getText()).contains("bob@example.com", "approve");

        assertThat(decide().get("effect").asText()).as("the agent's identical retry").isEqualTo("allow");

        browser.get(url + "/console/audit?type=approval.reviewed");
        browser.get(url + "/console/audit?agent=claude-code&effect=allow&system=kubernetes&environment=prod");
        assertThat(browser.findElement(By.id("events")).getText()).as("field filters: decisions only").contains("allow: update deployment api")
                .doesNotContain("approval.reviewed");
        browser.get(url + "/console/audit?type=approval.reviewed");
        assertThat(browser.findElement(By.id("chain")).getText()).startsWith("Chain verified");
        assertThat(browser.findElement(By.id("events")).getText()).contains("approval.reviewed", "bob@example.com");
        shot("console-audit");
        accessible("console-audit");

        // The incident: the request, the control that held it, who approved after reading how long, the retry.
        browser.get(url + "/console/timeline?q=deployment%2Fapi");
        String timeline = browser.findElement(By.id("timeline")).getText();
        assertThat(timeline).contains("require_approval: update deployment api", "rule prod-changes-need-a-second-human",
                "approve approval " + id, "read for", "bob@example.com", "allow: update deployment api");
        shot("console-timeline");
        accessible("console-timeline");

        HttpResponse<String> teardown = post(agent, "/v1/decisions", "{\"kind\":\"shell\",\"command\":\"kubectl --context prod-eu-1 delete namespace payments\"}");
        assertThat(JSON.readTree(teardown.body()).get("effect").asText()).isEqualTo("deny");
        browser.get(url + "/console/dashboard");
        waiting(15).until(d -> "true".equals(d.findElement(By.id("chart-decisions")).getAttribute("data-rendered")));
        assertThat(browser.findElements(By.cssSelector("#chart-decisions canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.id("stopped")).getText()).contains("kubernetes");
        assertThat(browser.findElement(By.id("rules")).getText()).contains("prod-changes-need-a-second-human");
        assertThat(browser.findElement(By.id("reviewers")).getText()).contains("bob@example.com");
        assertThat(browser.findElement(By.id("review-times")).getText()).contains("10–30 s");
        shot("console-dashboard");
        accessible("console-dashboard");

        // A form posted from another site, or without the session's form token, is refused.
        String cookie = browser.manage().getCookieNamed("interlock_console").getValue();
        HttpResponse<String> crossSite = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/console/approvals/" + id + "/deny"))
                .header("Cookie", "interlock_console=" + cookie).header("Origin", "https://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("reason=x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(crossSite.statusCode()).isEqualTo(403);
        HttpResponse<String> noToken = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/console/approvals/" + id + "/deny"))
                .header("Cookie", "interlock_console=" + cookie).header("Origin", url)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("reason=x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(403);
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/console/approvals"))
                .header("Cookie", "interlock_console=" + cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'", "frame-ancestors 'none'");
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).isEqualTo("no-store");

        browser.findElement(By.cssSelector(".signout button")).click();
        waiting(10).until(d -> d.getCurrentUrl().endsWith("/console/sign-in"));
        browser.get(url + "/console/approvals");
        assertThat(browser.getCurrentUrl()).as("signed out").endsWith("/console/sign-in");
    }
}
