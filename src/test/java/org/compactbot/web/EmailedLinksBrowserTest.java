package org.compactbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compactbot.cases.OutgoingEmail;
import org.compactbot.config.AppConfig;
import org.compactbot.store.SqlCaseStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Save and come back later, and checking a challenge, in a real browser: the emailed link opened after the browser's
 * cookies are gone, every page checked by axe-core and photographed under target/screenshots (save-*.png, status-*.png).
 */
class EmailedLinksBrowserTest {
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



    private String linkIn(String purpose, String path) {
        List<OutgoingEmail> mine = site.emails().stream().filter(e -> purpose.equals(e.purpose())).toList();
        Matcher m = Pattern.compile("http://127\\.0\\.0\\.1:\\d+(" + path + "[A-Za-z0-9_-]{43})").matcher(mine.get(mine.size() - 1).text());
        assertTrue(m.find());
        return m.group(1);
    }

    @Test
    void someoneSavesTheirChallengeAndCarriesOnFromTheEmailInAFreshBrowser() throws Exception {
        var d = browser.driver;
        ChallengeSession http = new ChallengeSession(site);
        http.answerUpTo("what-happened"); // the early pages are ChallengePagesBrowserTest's; here the save and the return
        d.get(site.url("/challenge/start"));
        d.manage().addCookie(new org.openqa.selenium.Cookie(DraftCookie.NAME, http.cookie, "/challenge"));
        d.get(site.url("/challenge/what-happened"));
        browser.arrive("/challenge/what-happened", "save-1-question");
        d.findElement(By.cssSelector("button[name=action][value=save]")).click();
        browser.arrive("/challenge/save", "save-2-email");
        assertEquals("sam@example.org", d.findElement(By.id("email")).getAttribute("value"));
        browser.type("email", "not an address");
        d.findElement(By.cssSelector("main form button.govuk-button")).click();
        browser.arrive("/challenge/save", "save-3-error");
        d.findElement(By.cssSelector(".govuk-error-summary a")).click();
        assertEquals("email", d.switchTo().activeElement().getAttribute("id"), "the summary's link goes to the field");
        browser.type("email", "sam@example.org");
        d.findElement(By.cssSelector("main form button.govuk-button")).click();
        browser.arrive(SaveAndReturnPages.SAVED, "save-4-sent");

        d.manage().deleteAllCookies(); // another browser, as far as the service can tell
        d.get(site.url(linkIn("resume_link", "/challenge/resume/")));
        browser.arrive("", "save-5-continue");
        d.findElement(By.cssSelector("main form button.govuk-button")).click();
        browser.arrive("/challenge/what-happened", "save-6-resumed");
        d.navigate().back();
        d.navigate().refresh();
        new WebDriverWait(d, Duration.ofSeconds(30)).until(x -> x.getTitle().startsWith("This link has already been used"));
        browser.assertAccessible("resume link used");
        browser.screenshot("save-7-used");
    }

    @Test
    void someoneChecksWhereTheirChallengeStands() throws Exception {
        ChallengeSession http = new ChallengeSession(site);
        http.submit(http.answerUpTo(null));
        String ref = new SqlCaseStore(site.db(), Clock.systemUTC(), PageServer.MAILBOX).list(null, null).get(0).ref();
        var d = browser.driver;
        d.get(site.url("/"));
        d.findElement(By.cssSelector("a[href='/status']")).click();
        browser.arrive("/status", "status-1-form");
        d.findElement(By.cssSelector("main form button.govuk-button")).click();
        browser.arrive("/status", "status-2-errors");
        browser.type("reference", ref);
        browser.type("email", "sam@example.org");
        d.findElement(By.cssSelector("main form button.govuk-button")).click();
        browser.arrive(StatusPages.SENT, "status-3-sent");
        d.get(site.url(linkIn("status_link", "/status/")));
        new WebDriverWait(d, Duration.ofSeconds(30)).until(x -> x.getTitle().startsWith("Your challenge " + ref));
        browser.assertAccessible("status progress");
        browser.screenshot("status-4-progress");
        assertEquals("received, waiting for a mediator", d.findElement(By.cssSelector(".compact-stage")).getText());
    }
}
