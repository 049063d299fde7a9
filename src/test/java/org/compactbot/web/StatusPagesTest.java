package org.compactbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compactbot.cases.ChallengeCase;
import org.compactbot.cases.OutgoingEmail;
import org.compactbot.config.AppConfig;
import org.compactbot.store.SqlCaseStore;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Check a challenge" over HTTP: the reference and address, the same answer whatever they are, and the emailed link's page. */
class StatusPagesTest {
    private static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+(/status/[A-Za-z0-9_-]{43})");
    private static final String SENT_TEXT = "If the reference and address match a challenge, we've emailed a link to that address.";
    @TempDir Path dir;
    private PageServer site;
    private ChallengeSession browser;
    private ChallengeCase raised;

    @BeforeEach
    void start() throws Exception {
        site = new PageServer(dir, AppConfig.RateLimit.OFF);
        ChallengeSession raiser = new ChallengeSession(site);
        assertEquals("/challenge/confirmation", raiser.submit(raiser.answerUpTo(null)).path());
        raised = new SqlCaseStore(site.db(), Clock.systemUTC(), PageServer.MAILBOX).list(null, null).get(0);
        browser = new ChallengeSession(site);
    }

    @AfterEach
    void stop() {
        if (site != null) site.close();
    }

    private ChallengeSession.Page ask(String reference, String email) throws Exception {
        return browser.submit(browser.get("/status"), "reference", reference, "email", email);
    }

    private List<OutgoingEmail> statusEmails() {
        return site.emails().stream().filter(e -> "status_link".equals(e.purpose())).toList();
    }

    @Test
    void theRightReferenceAndAddressGetALinkToTheCasesStageDeadlineAndNextStep() throws Exception {
        Element link = browser.get("/").doc().selectFirst("a[href=/status]");
        assertNotNull(link, "the home page links to checking a challenge");
        assertEquals("Check a challenge", link.text());
        ChallengeSession.Page form = browser.get("/status");
        assertEquals("Check a Compact challenge – Compact Bot", form.doc().title());
        assertEquals("/", form.doc().selectFirst("a.govuk-back-link").attr("href"));
        assertTrue(browser.setCookie.matches("compact_status=[A-Za-z0-9_-]{43}; Path=/status; HttpOnly; SameSite=Lax"), browser.setCookie);

        ChallengeSession.Page sent = ask(" " + raised.ref().toLowerCase(java.util.Locale.ROOT) + " ", "Sam@Example.org");
        assertEquals(List.of(StatusPages.SENT), browser.redirects, "POST-redirect-GET");
        assertTrue(sent.doc().select("main").text().contains(SENT_TEXT), sent.doc().select("main").text());
        List<OutgoingEmail> emails = statusEmails();
        assertEquals(1, emails.size());
        OutgoingEmail e = emails.get(0);
        assertEquals("Sam@Example.org", e.to(), "to the address that matched");
        assertEquals("[" + raised.ref() + "] Where your challenge stands", e.subject());
        Matcher m = LINK.matcher(e.text());
        assertTrue(m.find(), e.text());

        ChallengeSession.Page progress = new ChallengeSession(site).get(m.group(1));
        assertEquals(200, progress.status());
        assertEquals("Your challenge " + raised.ref() + " – Check a Compact challenge – Compact Bot", progress.doc().title());
        assertEquals("received, waiting for a mediator", progress.doc().selectFirst(".compact-stage").text());
        assertEquals("We are finding a mediator for it, who will contact you.", progress.doc().selectFirst(".compact-next-step").text());
        assertTrue(progress.doc().selectFirst(".compact-deadline").text().matches(".+ \\(in \\d working days?\\)|.+\\(passed .+"),
                progress.doc().selectFirst(".compact-deadline").text());
        String page = progress.doc().select("main").text();
        assertFalse(page.contains("Sam Patel") || page.contains("grant will end") || page.contains("sam@example.org"),
                "nothing beyond the stage, deadline and next step: " + page);
        assertEquals("no-store", site.browse(m.group(1)).headers().firstValue("Cache-Control").orElse(""));

        site.linkClock.advance(Duration.ofHours(24).plusMinutes(1));
        ChallengeSession.Page expired = new ChallengeSession(site).get(m.group(1));
        assertEquals(404, expired.status());
        assertEquals("This link has expired or is not valid", expired.doc().selectFirst("h1").text());
        assertEquals("/status", expired.doc().selectFirst("main a.govuk-link").attr("href"));
    }

    @Test
    void aWrongAddressOrUnknownReferenceGetsTheSamePageAndNoEmail() throws Exception {
        String right = ask(raised.ref(), "sam@example.org").doc().select("main").text();
        assertEquals(1, statusEmails().size());
        for (String[] wrong : new String[][] {{raised.ref(), "someone.else@example.org"}, {"CC-2020-9999", "sam@example.org"}}) {
            ChallengeSession.Page page = ask(wrong[0], wrong[1]);
            assertEquals(200, page.status());
            assertEquals(right, page.doc().select("main").text(), "the same words whatever was asked");
            assertEquals(1, statusEmails().size(), "and nothing sent for " + wrong[0] + " " + wrong[1]);
        }
    }

    @Test
    void oneAddressGetsAtMostFiveLinksADayHoweverOftenItIsAskedForAndThePageSaysTheSame() throws Exception {
        String first = ask(raised.ref(), "sam@example.org").doc().select("main").text();
        for (int i = 2; i <= 7; i++) {
            ChallengeSession.Page page = ask(raised.ref(), i % 2 == 0 ? "SAM@example.org" : "sam@example.org");
            assertEquals(first, page.doc().select("main").text(), "the same words, so the cap tells nothing either");
        }
        assertEquals(5, statusEmails().size(), "five links in a day, in any letter case");
        site.linkClock.advance(Duration.ofHours(24).plusMinutes(1));
        ask(raised.ref(), "sam@example.org");
        assertEquals(6, statusEmails().size(), "a day later the address can have a link again");
    }

    @Test
    void blankOrMalformedFieldsAreSummarisedAndHostileInputIsShownAsText() throws Exception {
        ChallengeSession.Page blank = ask("", "");
        assertEquals(400, blank.status());
        assertEquals("Error: Check a Compact challenge – Compact Bot", blank.doc().title());
        List<String> hrefs = blank.doc().select(".govuk-error-summary a").eachAttr("href");
        assertEquals(List.of("#reference", "#email"), hrefs);
        assertEquals("Enter your challenge's reference", blank.doc().selectFirst(".govuk-error-summary a").text());

        String hostile = "<script>alert(1)</script>\"";
        ChallengeSession.Page bad = ask(hostile, hostile);
        assertEquals(400, bad.status());
        assertEquals(hostile, bad.doc().selectFirst("input#reference").attr("value"));
        assertEquals(hostile, bad.doc().selectFirst("input#email").attr("value"));
        assertFalse(bad.body().contains("<script>alert"), "escaped");
        assertEquals("Enter the reference as it was given to you, like CC-2026-0001", bad.doc().selectFirst("#reference-error").ownText().strip());
        assertTrue(bad.doc().selectFirst("input#reference").attr("aria-describedby").contains("reference-error"));
        assertTrue(statusEmails().isEmpty());
        assertEquals(404, browser.get("/status/%3Cscript%3E").status(), "a malformed link: the not-valid page");
    }

    @Test
    void aFormWithoutItsTokenIsRefusedAndPostsAreRateLimited() throws Exception {
        browser.get("/status");
        ChallengeSession.Page refused = browser.post("/status", null, "reference", raised.ref(), "email", "sam@example.org");
        assertEquals(403, refused.status());
        assertEquals("/status", refused.doc().selectFirst("main a.govuk-link").attr("href"));
        assertTrue(statusEmails().isEmpty());

        site.close();
        site = new PageServer(dir.resolve("limited"), new AppConfig.RateLimit(1, 2, 3000));
        browser = new ChallengeSession(site);
        ChallengeSession.Page form = browser.get("/status");
        browser.submit(form, "reference", "CC-2026-0001", "email", "a@example.org");
        browser.submit(form, "reference", "CC-2026-0001", "email", "a@example.org");
        assertEquals(429, browser.submit(form, "reference", "CC-2026-0001", "email", "a@example.org").status());
    }
}
