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
        browser.arrive("/challenge/start", "challenge-start");
        d.findElement(By.cssSelector("button.govuk-button--start")).click();

        browser.arrive("/challenge/area", "challenge-area");
        choose("area", "west-cheshire");
        carryOn();

        browser.arrive("/challenge/role", "challenge-role");
        d.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        browser.tabTo("role");
        browser.focused().sendKeys(Keys.SPACE); // the first choice: a voluntary or community group
        browser.focused().sendKeys(Keys.TAB);
        assertEquals("Continue", browser.focused().getText(), "Tab leaves the radios for the button");
        browser.focused().sendKeys(Keys.ENTER);

        browser.arrive("/challenge/name", "challenge-name");
        d.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        browser.tabTo("name");
        browser.focused().sendKeys("Sam Patel");
        browser.focused().sendKeys(Keys.ENTER); // a text field's Enter sends its form

        browser.arrive("/challenge/organisation", "challenge-organisation");
        browser.type("organisation", "Hope Street Youth Club");
        carryOn();

        browser.arrive("/challenge/email", "challenge-email");
        browser.type("email", "sam at example");
        carryOn();
        new WebDriverWait(d, Duration.ofSeconds(30)).until(x -> x.getTitle().startsWith("Error: "));
        WebElement summary = d.findElement(By.cssSelector(".govuk-error-summary"));
        assertEquals(summary, browser.focused(), "GOV.UK Frontend moves the focus to the summary");
        browser.assertAccessible("the email page with an error");
        browser.screenshot("challenge-email-error");
        summary.findElement(By.cssSelector("a[href='#email']")).click();
        assertEquals("email", browser.focused().getAttribute("id"), "the summary's link takes the person to the field");
        assertEquals("sam at example", browser.focused().getAttribute("value"), "what was typed is kept");
        browser.type("email", "sam@example.org");
        carryOn();

        browser.arrive("/challenge/respondent", "challenge-respondent");
        browser.type("respondent", "Cheshire West and Chester Council, grants team");
        carryOn();
        browser.arrive("/challenge/what-happened", "challenge-what-happened");
        browser.type("what-happened", "The council told us by letter that our grant will end in two weeks, with no consultation at all.");
        carryOn();

        browser.arrive("/challenge/undertakings", "challenge-undertakings");
        List<WebElement> offered = d.findElements(By.cssSelector("input[name=undertakings]"));
        assertTrue(offered.size() >= 2, "suggested undertakings and none of these");
        d.findElement(By.cssSelector("label[for='undertakings']")).click();
        carryOn();

        browser.arrive("/challenge/dates", "challenge-dates");
        browser.type("dates", "told on 3 Nov 2026, takes effect 17 Nov 2026");
        carryOn();
        browser.arrive("/challenge/impact", "challenge-impact");
        browser.type("impact", "40 young people a week lose their club.");
        carryOn();
        browser.arrive("/challenge/informal-steps", "challenge-informal-steps");
        carryOn(); // left blank: skipped
        browser.arrive("/challenge/desired-outcome", "challenge-desired-outcome");
        browser.type("desired-outcome", "Funding restored until proper notice is given");
        carryOn();
        browser.arrive("/challenge/consent", "challenge-consent");
        choose("consent", "confidential");
        carryOn();

        browser.arrive("/challenge/check", "challenge-check");
        d.findElement(By.cssSelector("a[href^='/challenge/email']")).click();
        browser.arrive("/challenge/email?change=yes", "challenge-change-email");
        browser.type("email", "hope.street@example.org");
        carryOn();
        browser.arrive("/challenge/check", "check-answers");
        assertTrue(d.findElement(By.cssSelector(".govuk-summary-list")).getText().contains("hope.street@example.org"));

        d.findElement(By.cssSelector("a[href='/challenge/evidence']")).click(); // "Evidence: None uploaded", Change
        browser.arrive("/challenge/evidence", "challenge-evidence");
        java.nio.file.Path letter = java.nio.file.Files.writeString(dir.resolve("council-letter.pdf"), "%PDF-1.4 the council's letter");
        d.findElement(By.id("evidence")).sendKeys(letter.toAbsolutePath().toString());
        d.findElement(By.cssSelector("main form button.govuk-button")).click();
        browser.arrive("/challenge/evidence", "challenge-evidence-uploaded");
        assertEquals("council-letter.pdf", d.findElement(By.cssSelector(".govuk-summary-list__key")).getText());
        d.findElement(By.linkText("Continue")).click();
        browser.arrive("/challenge/check", "check-answers-with-evidence");
        assertTrue(d.findElement(By.cssSelector(".govuk-summary-list")).getText().contains("council-letter.pdf"));
        d.findElement(By.cssSelector("main form button.govuk-button")).click();

        browser.arrive("/challenge/confirmation", "challenge-confirmation");
        String ref = d.findElement(By.cssSelector(".govuk-panel__body strong")).getText();
        var c = new SqlCaseStore(site.db(), Clock.systemUTC(), PageServer.MAILBOX).find(ref).orElseThrow();
        assertEquals("hope.street@example.org", c.complainantEmail());
        assertEquals("web", c.details().get("channel"));
        assertEquals(List.of(java.util.Map.entry("council-letter.pdf", 29L)),
                new SqlCaseStore(site.db(), Clock.systemUTC(), PageServer.MAILBOX).evidence(ref), "the uploaded file is the case's evidence");
    }
}
