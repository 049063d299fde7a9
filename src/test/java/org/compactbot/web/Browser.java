package org.compactbot.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real, headless Chromium driven through Selenium (Debian's chromium and chromium-driver), with axe-core to check
 * each page against WCAG 2.2 AA. Tests that need it are skipped, saying why, on a machine without a browser.
 */
final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

    final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Starts Chromium, or skips the test with the reason when this machine has none. */
    static Browser startOrSkip() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "no browser here: the browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + DRIVER
                        + "); .ci/run installs them, or run: apt-get install chromium chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1000",
                "--lang=en-GB", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver);
    }

    /** The page as it looks now, saved as target/screenshots/NAME.png. */
    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** axe-core's serious and critical WCAG 2.0/2.1/2.2 A and AA violations on the page, as readable lines. */
    @SuppressWarnings("unchecked")
    List<String> accessibilityProblems() throws IOException {
        String axe;
        try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JavascriptExecutor js = driver;
        js.executeScript(axe);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
                   .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                                            nodes: v.nodes.map(n => n.target.join(' ')).join(', ') }))))
                   .catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: '' }]));
                """);
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result) {
            if ("serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))) {
                problems.add(v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " at " + v.get("nodes"));
            }
        }
        return problems;
    }

    void assertAccessible(String page) throws IOException {
        List<String> problems = accessibilityProblems();
        assertTrue(problems.isEmpty(), page + " has accessibility problems:\n" + String.join("\n", problems));
    }

    /** The element that has the keyboard focus. */
    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Presses Tab until the element with this id has the focus (at most 30 times). */
    void tabTo(String id) {
        for (int i = 0; i < 30; i++) {
            if (id.equals(focused().getAttribute("id"))) return;
            focused().sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    /** Waits for the page at this path, then checks it with axe-core and photographs it. */
    void arrive(String path, String name) throws IOException {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(x -> x.getCurrentUrl().endsWith(path));
        assertTrue(driver.getTitle().endsWith(" – Compact Bot"), driver.getTitle());
        assertAccessible(path);
        screenshot(name);
    }

    /** Replaces what the field with this id holds. */
    void type(String id, String text) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
