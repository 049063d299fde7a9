package org.compactbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.compactbot.config.AppConfig;
import org.compactbot.store.SqlCaseStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Raising a challenge in a real browser: the whole way with one error and one change, two pages by keyboard alone,
 * every page checked by axe-core and photographed under target/screenshots (challenge-*.png).
 */
class ChallengePagesBrowserTest {
    @TempDir Path dir;
    private Browser browser;
    private PageServer site;

    @BeforeEach
    void start() throws Exception {
        browser = Browser.startOrSkip();
        site = new PageServer(dir, AppConfig.RateLimit.DEFAULT);
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.close();
        if (site != null) site.close();
    }

    private WebElement focused() {
        return browser.driver.switchTo().activeElement();
    }

    /** Presses Tab until the element with this id has the focus (at most 30 times). */
    private void tabTo(String id) {
        for (int i = 0; i < 30; i++) {
            if (id.equals(focused().getAttribute("id"))) return;
            focused().sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    /** Waits for the page at this path, then checks it with axe-core and photographs it. */
    private void arrive(String path, String name) throws Exception {
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(x -> x.getCurrentUrl().endsWith(path));
        assertTrue(browser.driver.getTitle().endsWith(" – Compact Bot"), browser.driver.getTitle());
        browser.assertAccessible(path);
        browser.screenshot(name);
    }

    private void type(String id, String text) {
        WebElement e = browser.driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    private void choose(String name, String value) {
        String id = browser.driver.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']")).getAttribute("id");
        browser.driver.findElement(By.cssSelector("label[for='" + id + "']")).click();
    }

    private void carryOn() {
        browser.driver.findElement(By.cssSelector("main form button.govuk-button")).click();
    }

    @Test
    void someoneRaisesAChallengeWithOneErrorAndOneChangeAndGetsTheirReference() throws Exception {
        var d = browser.driver;
        d.get(site.url("/"));
        d.findElement(By.linkText("Raise a Compact challenge")).click();
        arrive("/challenge/start", "challenge-start");
        d.findElement(By.cssSelector("button.govuk-button--start")).click();

        arrive("/challenge/area", "challenge-area");
        choose("area", "west-cheshire");
        carryOn();

        arrive("/challenge/role", "challenge-role");
        d.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        tabTo("role");
        focused().sendKeys(Keys.SPACE); // the first choice: a voluntary or community group
        focused().sendKeys(Keys.TAB);
        assertEquals("Continue", focused().getText(), "Tab leaves the radios for the button");
        focused().sendKeys(Keys.ENTER);

        arrive("/challenge/name", "challenge-name");
        d.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        tabTo("name");
        focused().sendKeys("Sam Patel");
        focused().sendKeys(Keys.ENTER); // a text field's Enter sends its form

        arrive("/challenge/organisation", "challenge-organisation");
        type("organisation", "Hope Street Youth Club");
        carryOn();

        arrive("/challenge/email", "challenge-email");
        type("email", "sam at example");
        carryOn();
        new WebDriverWait(d, Duration.ofSeconds(30)).until(x -> x.getTitle().startsWith("Error: "));
        WebElement summary = d.findElement(By.cssSelector(".govuk-error-summary"));
        assertEquals(summary, focused(), "GOV.UK Frontend moves the focus to the summary");
        browser.assertAccessible("the email page with an error");
        browser.screenshot("challenge-email-error");
        summary.findElement(By.cssSelector("a[href='#email']")).click();
        assertEquals("email", focused().getAttribute("id"), "the summary's link takes the person to the field");
        assertEquals("sam at example", focused().getAttribute("value"), "what was typed is kept");
        type("email", "sam@example.org");
        carryOn();

        arrive("/challenge/respondent", "challenge-respondent");
        type("respondent", "Cheshire West and Chester Council, grants team");
        carryOn();
        arrive("/challenge/what-happened", "challenge-what-happened");
        type("what-happened", "The council told us by letter that our grant will end in two weeks, with no consultation at all.");
        carryOn();

        arrive("/challenge/undertakings", "challenge-undertakings");
        List<WebElement> offered = d.findElements(By.cssSelector("input[name=undertakings]"));
        assertTrue(offered.size() >= 2, "suggested undertakings and none of these");
        d.findElement(By.cssSelector("label[for='undertakings']")).click();
        carryOn();

        arrive("/challenge/dates", "challenge-dates");
        type("dates", "told on 3 Nov 2026, takes effect 17 Nov 2026");
        carryOn();
        arrive("/challenge/impact", "challenge-impact");
        type("impact", "40 young people a week lose their club.");
        carryOn();
        arrive("/challenge/informal-steps", "challenge-informal-steps");
        carryOn(); // left blank: skipped
        arrive("/challenge/desired-outcome", "challenge-desired-outcome");
        type("desired-outcome", "Funding restored until proper notice is given");
        carryOn();
        arrive("/challenge/consent", "challenge-consent");
        choose("consent", "confidential");
        carryOn();

        arrive("/challenge/check", "challenge-check");
        d.findElement(By.cssSelector("a[href^='/challenge/email']")).click();
        arrive("/challenge/email?change=yes", "challenge-change-email");
        type("email", "hope.street@example.org");
        carryOn();
        arrive("/challenge/check", "check-answers");
        assertTrue(d.findElement(By.cssSelector(".govuk-summary-list")).getText().contains("hope.street@example.org"));
        d.findElement(By.cssSelector("main form button.govuk-button")).click();

        arrive("/challenge/confirmation", "challenge-confirmation");
        String ref = d.findElement(By.cssSelector(".govuk-panel__body strong")).getText();
        var c = new SqlCaseStore(site.db(), Clock.systemUTC(), PageServer.MAILBOX).find(ref).orElseThrow();
        assertEquals("hope.street@example.org", c.complainantEmail());
        assertEquals("web", c.details().get("channel"));
    }
}
