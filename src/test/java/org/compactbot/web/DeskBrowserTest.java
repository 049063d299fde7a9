package org.compactbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.compactbot.cases.CaseStatus;
import org.compactbot.config.AppConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * A mediator in a real browser: signs in by the emailed link, finds their case on the desk and accepts it, by keyboard
 * where a person would; each page checked by axe-core and photographed under target/screenshots (desk-*.png).
 */
class DeskBrowserTest {
    @TempDir Path dir;
    private Browser browser;
    private DeskSite site;

    @BeforeEach
    void start() throws Exception {
        browser = Browser.startOrSkip();
        site = new DeskSite(dir, AppConfig.RateLimit.DEFAULT);
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.close();
        if (site != null) site.close();
    }

    @Test
    void aMediatorSignsInByTheEmailedLinkAndAcceptsTheirCase() throws Exception {
        String ref = site.raise("west-cheshire", "Alex Jones", "Hope Street Youth Club", "alex@example.org", "Cheshire West and Chester Council",
                "The council cut our grant with two weeks' notice.", false, "m-consult");
        var d = browser.driver;
        d.get(site.url("/"));
        d.findElement(By.cssSelector("a.compact-desk")).click();
        browser.arrive("/desk/sign-in", "desk-1-sign-in");
        browser.type("email", "priya@resolve.example");
        browser.focused().sendKeys(org.openqa.selenium.Keys.ENTER);
        browser.arrive("/desk/sign-in/sent", "desk-2-sent");

        d.get(site.url(site.lastLink("priya@resolve.example")));
        browser.arrive(site.lastLink("priya@resolve.example"), "desk-3-link");
        d.findElement(By.cssSelector("main form button")).click();
        browser.arrive("/desk", "desk-4-cases");
        assertEquals(ref, d.findElement(By.cssSelector("table.compact-cases tbody th a")).getText());

        d.findElement(By.linkText(ref)).click();
        browser.arrive("/desk/cases/" + ref, "desk-5-case");
        browser.tabTo("accept");
        browser.focused().sendKeys(org.openqa.selenium.Keys.ENTER);
        new org.openqa.selenium.support.ui.WebDriverWait(d, java.time.Duration.ofSeconds(30))
                .until(x -> !x.findElements(By.cssSelector(".compact-done")).isEmpty()); // the same address again, after the 303
        browser.arrive("/desk/cases/" + ref, "desk-6-accepted");
        assertEquals(ref + " accepted.", d.findElement(By.cssSelector(".compact-done")).getText());
        CaseStatus now = site.store.find(ref).orElseThrow().status();
        assertTrue(now == CaseStatus.ACCEPTED || now == CaseStatus.AWAITING_BODY, now.id());
    }

    @Test
    void aLeadOpensTheReportFromTheDeskHeaderAndPicksAYear() throws Exception {
        site.raise("west-cheshire", "Alex Jones", "Hope Street Youth Club", "alex@example.org", "Cheshire West and Chester Council",
                "The council cut our grant with two weeks' notice.", false, "m-consult");
        site.raise("west-cheshire", "Sam Patel", "Riverside Youth Club", "sam@example.org", "Chester Parish Council",
                "No consultation on closing the hall.", false, "m-funding");
        var d = browser.driver;
        d.get(site.url("/desk/sign-in"));
        browser.arrive("/desk/sign-in", "desk-report-1-sign-in");
        browser.type("email", "compact@cheshirewest.example");
        browser.focused().sendKeys(org.openqa.selenium.Keys.ENTER);
        browser.arrive("/desk/sign-in/sent", "desk-report-2-sent");
        d.get(site.url(site.lastLink("compact@cheshirewest.example")));
        d.findElement(By.cssSelector("main form button")).click();
        browser.arrive("/desk", "desk-report-3-cases");
        d.findElement(By.linkText("Report")).click();
        browser.arrive("/desk/report", "desk-report-4-report");
        assertEquals("2", d.findElement(By.cssSelector(".compact-report-total strong")).getText());
        assertEquals(2, d.findElements(By.cssSelector("#section-respondent svg rect.compact-chart__bar")).size());
        assertTrue(d.findElement(By.cssSelector("#section-respondent svg rect.compact-chart__bar")).getSize().getWidth() > 0,
                "the bars are drawn");
        var year = d.findElement(By.id("year"));
        year.clear();
        year.sendKeys("2025", org.openqa.selenium.Keys.ENTER);
        new org.openqa.selenium.support.ui.WebDriverWait(d, java.time.Duration.ofSeconds(30))
                .until(x -> x.getCurrentUrl().contains("year=2025"));
        browser.arrive("/desk/report?year=2025", "desk-report-5-year");
        assertEquals("0", d.findElement(By.cssSelector(".compact-report-total strong")).getText());
        d.findElement(By.linkText("Knowledge gaps")).click();
        browser.arrive("/desk/gaps", "desk-report-6-gaps");
    }
}
