package org.compactbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.compactbot.cases.CaseService;
import org.compactbot.cases.ChallengeCase;
import org.compactbot.cases.MediatorDirectoryLoader;
import org.compactbot.config.AppConfig;
import org.compactbot.store.SqlCaseStore;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raising a challenge over HTTP as a browser without JavaScript does: plain forms, each posted and redirected. */
class ChallengePagesTest {
    @TempDir Path dir;
    private PageServer site;
    private ChallengeSession browser;

    @BeforeEach
    void start() throws Exception {
        site = new PageServer(dir, AppConfig.RateLimit.OFF);
        browser = new ChallengeSession(site);
    }

    @AfterEach
    void stop() {
        if (site != null) site.close();
    }


    private List<ChallengeCase> cases() {
        return new SqlCaseStore(site.db(), Clock.systemUTC(), PageServer.MAILBOX).list(null, null);
    }

    @Test
    void aWholeChallengeFromStartToConfirmationBecomesTheSameCaseAsChatRoutedTheSameWay() throws Exception {
        Element raise = browser.get("/").doc().selectFirst("a[href=/challenge/start]");
        assertNotNull(raise, "the home page links to raising a challenge");
        assertEquals("Raise a Compact challenge", raise.text());

        ChallengeSession.Page start = browser.get("/challenge/start");
        assertEquals("Raise a Compact challenge – Compact Bot", start.doc().title());
        assertNotNull(browser.cookie, "the draft cookie is set on the start page");

        ChallengeSession.Page area = browser.submit(start);
        assertEquals(List.of("/challenge/area"), browser.redirects, "POST-redirect-GET");
        assertEquals("Which area's Compact is your challenge about? – Raise a Compact challenge – Compact Bot", area.doc().title());

        ChallengeSession.Page undertakings = browser.answerUpTo("undertakings");
        assertEquals("/challenge/undertakings", undertakings.path());
        List<Element> offered = undertakings.doc().select("input[type=checkbox][name=undertakings]");
        assertTrue(offered.size() >= 2, "the suggested undertakings, then none of these");
        Element first = offered.get(0);
        String wording = undertakings.doc().selectFirst("label[for=" + first.id() + "]").text();
        String citation = undertakings.doc().selectFirst("#" + first.id() + "-item-hint").text();
        assertFalse(wording.isBlank(), "each suggestion is shown with its wording");
        assertEquals("none", offered.get(offered.size() - 1).attr("value"));

        ChallengeSession.Page check = browser.answerUpTo(null);
        assertEquals("/challenge/check", check.path());
        assertEquals("Check your answers – Raise a Compact challenge – Compact Bot", check.doc().title());
        String rows = check.doc().select(".govuk-summary-list").text();
        for (String shown : List.of("West Cheshire", "A voluntary or community group", "Sam Patel", "Hope Street Youth Club", "sam@example.org",
                citation, "Not given", "Keep my name confidential from the body")) {
            assertTrue(rows.contains(shown), shown + " in " + rows);
        }
        assertTrue(check.doc().select(".compact-checks").text().contains("less than the Compact's minimum"), "checked against the Compact");
        assertTrue(cases().isEmpty(), "nothing is sent before the person says so");

        ChallengeSession.Page sent = browser.submit(check);
        assertEquals(List.of("/challenge/confirmation"), browser.redirects);
        List<ChallengeCase> all = cases();
        assertEquals(1, all.size());
        ChallengeCase c = all.get(0);
        assertEquals(c.ref(), sent.doc().selectFirst(".govuk-panel__body strong").text());
        assertEquals("Challenge sent – Raise a Compact challenge – Compact Bot", sent.doc().title());
        assertTrue(c.conversationId().startsWith("web:"), c.conversationId());
        assertFalse(c.conversationId().contains(browser.cookie), "the store holds a digest of the cookie, never the cookie");
        assertEquals("web", c.details().get("channel"));
        assertEquals("west-cheshire", c.area());
        assertEquals("Sam Patel", c.complainantName());
        assertEquals("sam@example.org", c.complainantEmail());
        assertEquals("Hope Street Youth Club", c.organisation());
        assertEquals("confidential", c.details().get("consent"));
        assertEquals(citation, c.details().get("undertakings"));
        assertEquals("(skipped)", c.details().get("informal_steps"));
        assertTrue(String.valueOf(c.details().get("details")).contains("told=2026-11-03"), c.details().toString());

        var directory = MediatorDirectoryLoader.load(Path.of("config/mediators.yml"));
        SqlCaseStore store = new SqlCaseStore(site.db(), Clock.systemUTC(), PageServer.MAILBOX);
        assertEquals(1, new CaseService(store, directory, Clock.systemUTC()).routeNew());
        ChallengeCase routed = store.find(c.ref()).orElseThrow();
        assertEquals("assigned", routed.status().id());
        assertTrue(directory.mediators().stream().anyMatch(m -> m.id().equals(routed.mediatorId()) && m.areas().contains("west-cheshire")),
                routed.mediatorId());

        ChallengeSession.Page again = browser.post("/challenge/check", ChallengeSession.token(check));
        assertEquals("/challenge/confirmation", again.path(), "sent twice: the same confirmation");
        assertEquals(1, cases().size(), "and no second case");
    }

    @Test
    void anInvalidAnswerIsSummarisedWithALinkToTheFieldAndWhatWasTypedIsKept() throws Exception {
        ChallengeSession.Page email = browser.answerUpTo("email");
        ChallengeSession.Page wrong = browser.submit(email, "email", "sam at example");
        assertEquals(400, wrong.status());
        assertEquals("/challenge/email", wrong.path());
        assertTrue(wrong.doc().title().startsWith("Error: What is your email address?"), wrong.doc().title());
        Element link = wrong.doc().selectFirst(".govuk-error-summary a");
        assertEquals("#email", link.attr("href"));
        assertTrue(link.text().contains("doesn't look like an email address"), link.text());
        assertEquals(link.text(), wrong.doc().selectFirst("#email-error").ownText().strip());
        Element input = wrong.doc().selectFirst("input#email");
        assertEquals("sam at example", input.attr("value"), "what was typed is kept");
        assertTrue(input.attr("aria-describedby").contains("email-error"));
        assertTrue(input.hasClass("govuk-input--error"));

        ChallengeSession.Page blank = browser.submit(wrong, "email", "  ");
        assertEquals("Enter your email address", blank.doc().selectFirst(".govuk-error-summary a").text());

        ChallengeSession.Page right = browser.submit(blank, "email", "Sam@Example.org");
        assertEquals("/challenge/respondent", right.path());
        assertEquals("sam@example.org", browser.get("/challenge/email").doc().selectFirst("input#email").attr("value"));
    }

    @Test
    void aChoiceLeftBlankLinksToItsFirstOption() throws Exception {
        ChallengeSession.Page area = browser.submit(browser.get("/challenge/start"));
        ChallengeSession.Page none = browser.submit(area);
        assertEquals(400, none.status());
        assertEquals("#area", none.doc().selectFirst(".govuk-error-summary a").attr("href"));
        assertNotNull(none.doc().selectFirst("input#area[type=radio]"), "the link's target is the first radio");
        assertEquals("Select the area whose Compact your challenge is about", none.doc().selectFirst(".govuk-error-summary a").text());
    }

    @Test
    void aChangeLinkOnCheckYourAnswersReturnsToItAfterTheChange() throws Exception {
        ChallengeSession.Page check = browser.answerUpTo(null);
        Element change = check.doc().selectFirst("a[href^=/challenge/email]");
        assertEquals("Change email address", change.text());
        ChallengeSession.Page email = browser.get(change.attr("href"));
        assertEquals("/challenge/check", email.doc().selectFirst("a.govuk-back-link").attr("href"), "back to the check page");
        assertEquals("sam@example.org", email.doc().selectFirst("input#email").attr("value"));

        ChallengeSession.Page wrong = browser.submit(email, "email", "not an address");
        assertEquals("/challenge/check", wrong.doc().selectFirst("a.govuk-back-link").attr("href"), "still a change after an error");
        ChallengeSession.Page back = browser.submit(wrong, "email", "hope.street@example.org");
        assertEquals("/challenge/check", back.path());
        assertTrue(back.doc().select(".govuk-summary-list").text().contains("hope.street@example.org"));
        assertFalse(back.doc().select(".govuk-summary-list").text().contains("sam@example.org"));
    }

    @Test
    void changingTheStoryOffersTheUndertakingsAgainBeforeTheCheck() throws Exception {
        ChallengeSession.Page check = browser.answerUpTo(null);
        ChallengeSession.Page story = browser.get(check.doc().selectFirst("a[href^=/challenge/what-happened]").attr("href"));
        ChallengeSession.Page next = browser.submit(story, "what-happened",
                "The council ran a consultation on closing the day centre for only three weeks over the summer holidays.");
        assertEquals("/challenge/undertakings", next.path(), "the undertakings chosen for the old story are chosen again");
        assertTrue(next.doc().select("input[name=undertakings][checked]").isEmpty());
        assertEquals("/challenge/check", browser.submit(next, "undertakings", "none").path());
    }

    @Test
    void aFormWithoutItsTokenIsRefusedAndNothingChanges() throws Exception {
        ChallengeSession.Page name = browser.answerUpTo("organisation");
        String token = ChallengeSession.token(name);

        ChallengeSession.Page none = browser.post("/challenge/organisation", null, "organisation", "Changed Without Token");
        assertEquals(403, none.status());
        assertEquals("Sorry, we could not accept that form", none.doc().selectFirst("h1").text());
        assertNotNull(none.doc().selectFirst("a[href=/challenge/start]"));

        ChallengeSession.Page wrong = browser.post("/challenge/organisation", token.substring(1) + "x", "organisation", "Changed Wrong Token");
        assertEquals(403, wrong.status());

        ChallengeSession other = new ChallengeSession(site);
        other.get("/challenge/start");
        ChallengeSession.Page theirs = browser.post("/challenge/organisation",
                ChallengeSession.token(other.get("/challenge/start")), "organisation", "Changed With Another Token");
        assertEquals(403, theirs.status(), "another browser's token is not this draft's");

        String saved = browser.cookie;
        browser.cookie = null;
        assertEquals(403, browser.post("/challenge/organisation", token, "organisation", "Changed Without Cookie").status());
        browser.cookie = saved;

        ChallengeSession.Page still = browser.get("/challenge/organisation");
        assertEquals("", still.doc().selectFirst("input#organisation").attr("value"), "nothing was kept");
        assertEquals("/challenge/organisation", browser.get("/challenge/email").path(), "the draft is where it was");
    }

    @Test
    void hostileInputIsShownAsTextOnTheCheckPage() throws Exception {
        ChallengeSession.Page name = browser.answerUpTo("name");
        String hostile = "<script>alert('x')</script><img src=x onerror=alert(1)> \"Sam\" & co";
        browser.submit(name, "name", hostile);
        ChallengeSession.Page again = browser.get("/challenge/name");
        assertEquals(hostile, again.doc().selectFirst("input#name").attr("value"));
        assertFalse(again.body().contains("<script>alert"), "escaped in the value attribute");
        ChallengeSession.Page page = browser.get("/challenge/organisation");
        String[][] rest = {{"organisation", "<b>Bold</b> Club"}, {"email", "sam@example.org"}, {"respondent", "Cheshire West and Chester Council"},
                {"what-happened", "The council cut our grant with two weeks notice and no consultation."}, {"undertakings", "none"},
                {"dates", ""}, {"impact", ""}, {"informal-steps", ""}, {"desired-outcome", "<script>document.cookie</script> restored"},
                {"consent", "share"}};
        for (String[] a : rest) page = browser.submit(page, a[0], a[1]);
        assertEquals("/challenge/check", page.path());
        assertFalse(page.body().contains("<script>alert") || page.body().contains("<img src=x") || page.body().contains("<b>Bold"), "escaped");
        assertFalse(page.body().contains("<script>document"), "escaped");
        String rows = page.doc().select(".govuk-summary-list").text();
        assertTrue(rows.contains(hostile), rows);
        assertTrue(rows.contains("<b>Bold</b> Club"), rows);
        assertEquals(1, page.doc().select("script").size(), "only the page's own module script");
    }

    @Test
    void eachPageGoesBackToTheOneBefore() throws Exception {
        ChallengeSession.Page start = browser.get("/challenge/start");
        assertEquals("/", start.doc().selectFirst("a.govuk-back-link").attr("href"));
        ChallengeSession.Page area = browser.submit(start);
        assertEquals("/challenge/start", area.doc().selectFirst("a.govuk-back-link").attr("href"));
        ChallengeSession.Page role = browser.submit(area, "area", "west-cheshire");
        assertEquals("/challenge/area", role.doc().selectFirst("a.govuk-back-link").attr("href"));
        ChallengeSession.Page back = browser.get("/challenge/area");
        assertNotNull(back.doc().selectFirst("input[name=area][value=west-cheshire][checked]"), "the answer so far is shown");
        ChallengeSession.Page check = browser.answerUpTo(null);
        assertEquals("/challenge/consent", check.doc().selectFirst("a.govuk-back-link").attr("href"));
        ChallengeSession.Page consent = browser.get("/challenge/consent");
        assertEquals("/challenge/desired-outcome", consent.doc().selectFirst("a.govuk-back-link").attr("href"));
        assertEquals("May Cheshire West and Chester Council, grants team be told that you raised this challenge?",
                consent.doc().selectFirst("h1").text(), "the question names the body");
        assertNull(browser.get("/challenge/confirmation").doc().selectFirst(".govuk-panel"), "nothing sent yet: no confirmation");
    }

    @Test
    void aPageNotYetReachedOrWithoutADraftLeadsToWhereThePersonIs() throws Exception {
        assertEquals("/challenge/start", browser.get("/challenge/email").path(), "no draft cookie: the start page");
        assertEquals("/challenge/start", browser.get("/challenge/check").path());
        ChallengeSession.Page area = browser.submit(browser.get("/challenge/start"));
        browser.submit(area, "area", "redcar-cleveland");
        assertEquals("/challenge/role", browser.get("/challenge/consent").path(), "a question not yet reached: the one the person is at");
        assertEquals("/challenge/role", browser.get("/challenge/check").path());
        ChallengeSession.Page missing = browser.get("/challenge/no-such-question");
        assertEquals(404, missing.status());
        assertEquals("Page not found", missing.doc().selectFirst("h1").text());
    }

    @Test
    void theDraftCookieIsHttpOnlyLaxAndForTheChallengePagesOnly() throws Exception {
        browser.get("/challenge/start");
        String c = browser.setCookie;
        assertTrue(c.matches("compact_draft=[A-Za-z0-9_-]{43}; Path=/challenge; HttpOnly; SameSite=Lax"), c);
        assertTrue(DraftCookie.fresh().header(true).endsWith("; Secure"), "Secure when the page came over HTTPS");
        String again = browser.setCookie;
        browser.get("/challenge/start");
        assertEquals(again, browser.setCookie, "a browser that has one keeps it");
        assertEquals("no-store", site.browse("/challenge/start").headers().firstValue("Cache-Control").orElse(""), "answers are not cached");
    }

    @Test
    void aGrievanceAnswerLinksToRaisingAChallenge() throws Exception {
        String grievance = URLEncoder.encode("the council cut our grant with two weeks notice, is that allowed?", StandardCharsets.UTF_8);
        Element offer = org.jsoup.Jsoup.parse(site.browse("/answers?q=" + grievance + "&area=west-cheshire").body()).selectFirst(".compact-offer");
        assertNotNull(offer, "a grievance is offered a challenge");
        Element link = offer.selectFirst("a.compact-raise");
        assertEquals("Raise a Compact challenge", link.text());
        assertEquals("/challenge/start?area=west-cheshire", link.attr("href"), "with the answer's area");

        ChallengeSession.Page role = browser.submit(browser.get(link.attr("href")));
        assertEquals("/challenge/role", role.path(), "the area is already answered");
        assertEquals("/challenge/area", role.doc().selectFirst("a.govuk-back-link").attr("href"));
        assertNotNull(browser.get("/challenge/area").doc().selectFirst("input[name=area][value=west-cheshire][checked]"));
        assertNull(browser.get("/challenge/start?area=%22%3E%3Cscript%3E").doc().selectFirst("input[name=area]"), "an unknown area is not kept");
    }

    @Test
    void formPostsAreRateLimitedPerClient() throws Exception {
        site.close();
        site = new PageServer(dir.resolve("limited"), new AppConfig.RateLimit(1, 3, 3000));
        browser = new ChallengeSession(site);
        ChallengeSession.Page area = browser.submit(browser.get("/challenge/start"));
        browser.submit(area, "area", "bad");
        browser.submit(area, "area", "bad");
        ChallengeSession.Page limited = browser.submit(area, "area", "west-cheshire");
        assertEquals(429, limited.status());
        assertEquals("Too many requests", limited.doc().selectFirst("h1").text());
        assertEquals(200, browser.get("/challenge/area").status(), "reading a page is not limited");
    }
}
