package org.compactbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.compactbot.config.AppConfig;
import org.compactbot.knowledge.SharedKnowledge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Asking in a real browser, by keyboard alone, with every page checked by axe-core and photographed under target/screenshots. */
class PublicPagesBrowserTest {
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



    @Test
    void someoneAsksByKeyboardAloneAndReadsTheCompactsWords() throws Exception {
        var d = browser.driver;
        d.get(site.url("/"));
        assertEquals("Ask about your local Compact – Compact Bot", d.getTitle());
        browser.assertAccessible("the home page");
        browser.screenshot("home");

        d.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertEquals("Skip to main content", browser.focused().getText(), "the first Tab reaches the skip link");
        browser.tabTo("q");
        browser.focused().sendKeys("how long should a formal consultation run?");
        browser.tabTo("area");
        browser.focused().sendKeys("West Cheshire");
        browser.focused().sendKeys(Keys.TAB);
        assertEquals("Ask", browser.focused().getText());
        browser.focused().sendKeys(Keys.ENTER);

        new WebDriverWait(d, Duration.ofSeconds(30)).until(x -> x.getCurrentUrl().contains("/answers"));
        assertTrue(d.getCurrentUrl().contains("area=west-cheshire"), d.getCurrentUrl());
        assertEquals("how long should a formal consultation run?", d.findElement(By.tagName("h1")).getText());
        var best = SharedKnowledge.answers().ask("how long should a formal consultation run?", "west-cheshire", 5).passages().get(0).passage();
        assertEquals("From " + best.citation(), d.findElement(By.cssSelector("figure.compact-quote figcaption")).getText());
        assertTrue(d.getTitle().startsWith("Answer: how long should a formal consultation run?"), d.getTitle());
        browser.assertAccessible("an answer");
        browser.screenshot("answer");
        assertTrue(d.findElement(By.tagName("body")).getAttribute("class").contains("js-enabled"),
                "the module script ran under the Content-Security-Policy");
    }

    @Test
    void anErrorIsSummarisedWithALinkThatTakesTheFocusToTheBox() throws Exception {
        var d = browser.driver;
        d.get(site.url("/"));
        d.findElement(By.cssSelector("button.govuk-button")).click();
        new WebDriverWait(d, Duration.ofSeconds(30)).until(x -> x.getTitle().startsWith("Error: "));
        WebElement summary = d.findElement(By.cssSelector(".govuk-error-summary"));
        assertEquals(summary, browser.focused(), "GOV.UK Frontend moves the focus to the summary");
        browser.assertAccessible("the home page with an error");
        browser.screenshot("home-error");
        summary.findElement(By.linkText("Enter your question")).click();
        assertEquals("q", browser.focused().getAttribute("id"), "the link takes the person to the box");
    }

    @Test
    void aQuestionNoCompactAnswersAndAMissingPageAreClearAndAccessible() throws Exception {
        var d = browser.driver;
        d.get(site.url("/answers?q=how+do+I+book+the+community+room+at+the+library%3F&area=redcar-cleveland"));
        assertEquals("No answer in the Compacts", d.findElement(By.cssSelector("main h2")).getText());
        browser.assertAccessible("a question with no answer");
        browser.screenshot("no-answer");
        d.get(site.url("/no-such-page"));
        assertEquals("Page not found", d.findElement(By.tagName("h1")).getText());
        browser.assertAccessible("page not found");
        browser.screenshot("not-found");
    }
}
