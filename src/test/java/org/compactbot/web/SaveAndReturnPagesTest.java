package org.compactbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compactbot.cases.OutgoingEmail;
import org.compactbot.config.AppConfig;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Save and come back later" over HTTP, without JavaScript: the link emailed through the outbox, then opened in another browser. */
class SaveAndReturnPagesTest {
    private static final Pattern LINK = Pattern.compile("(?:http://127\\.0\\.0\\.1:\\d+|https://compact\\.council\\.example)(/challenge/resume/[A-Za-z0-9_-]{43})");
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

    /** Answers up to the dates, types them and chooses "Save and come back later", then asks for the link: the emailed link's path. */
    private String saveAtTheDates() throws Exception {
        ChallengeSession.Page dates = browser.answerUpTo("dates");
        assertNotNull(dates.doc().selectFirst("button[name=action][value=save].govuk-button--secondary"), "offered on every question page");
        ChallengeSession.Page save = browser.submit(dates, "dates", "told on 3 Nov 2026, takes effect 17 Nov 2026", "action", "save");
        assertEquals("/challenge/save", save.path());
        assertEquals("Save your answers and come back later – Raise a Compact challenge – Compact Bot", save.doc().title());
        assertEquals("sam@example.org", save.doc().selectFirst("input#email").attr("value"), "the draft's own address, filled in");
        ChallengeSession.Page saved = browser.submit(save, "email", "sam@example.org");
        assertEquals(List.of(SaveAndReturnPages.SAVED), browser.redirects, "POST-redirect-GET");
        assertEquals("Check your email", saved.doc().selectFirst("h1").text());
        return linkIn(lastEmail());
    }

    private OutgoingEmail lastEmail() {
        List<OutgoingEmail> all = site.emails();
        return all.get(all.size() - 1);
    }

    private static String linkIn(OutgoingEmail e) {
        Matcher m = LINK.matcher(e.text());
        assertTrue(m.find(), e.text());
        return m.group(1);
    }

    @Test
    void aSavedDraftOpensFromTheEmailedLinkInAnotherBrowserWhereItWasWithItsAnswers() throws Exception {
        String link = saveAtTheDates();
        OutgoingEmail email = lastEmail();
        assertEquals("sam@example.org", email.to());
        assertEquals("Your saved Compact challenge", email.subject());
        assertEquals("resume_link", email.purpose());
        String token = link.substring(link.lastIndexOf('/') + 1);
        List<String> stored = site.db().inTransaction(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT token_digest, target, address FROM emailed_links")) {
                rs.next();
                return List.of(rs.getString(1), rs.getString(2), rs.getString(3));
            }
        });
        assertFalse(String.join(" ", stored).contains(token), "the store holds a digest, never the token");
        assertEquals("sam@example.org", stored.get(2));

        ChallengeSession other = new ChallengeSession(site);
        ChallengeSession.Page open = other.get(link);
        assertEquals(200, open.status());
        assertEquals("Continue your challenge – Raise a Compact challenge – Compact Bot", open.doc().title());
        String firstCookie = other.cookie;
        assertNotNull(firstCookie, "a browser without a draft cookie is given one for the Continue form");
        ChallengeSession.Page at = other.submit(open);
        assertEquals("/challenge/impact", at.path(), "the first question still open: the dates typed before saving were kept");
        assertFalse(firstCookie.equals(other.cookie), "the draft is bound to a new cookie in this browser");
        assertEquals("Sam Patel", other.get("/challenge/name").doc().selectFirst("input#name").attr("value"), "answers kept");
        assertEquals("told on 3 Nov 2026, takes effect 17 Nov 2026", other.get("/challenge/dates").doc().selectFirst("input#dates").attr("value"));

        assertEquals("/challenge/start", browser.get("/challenge/impact").path(), "the browser it was saved in no longer holds it");
        ChallengeSession.Page check = at;
        for (String[] a : new String[][] {{"impact", "40 young people"}, {"informal-steps", ""}, {"desired-outcome", "Funding restored"},
                {"consent", "confidential"}}) check = other.submit(check, a[0], a[1]);
        assertEquals("/challenge/check", check.path());
        assertEquals("/challenge/confirmation", other.submit(check).path(), "and it is sent from the new browser");
    }

    @Test
    void aLinkWorksOnce() throws Exception {
        String link = saveAtTheDates();
        ChallengeSession first = new ChallengeSession(site);
        assertEquals("/challenge/impact", first.submit(first.get(link)).path());

        ChallengeSession second = new ChallengeSession(site);
        ChallengeSession.Page used = second.get(link);
        assertEquals(410, used.status());
        assertEquals("This link has already been used", used.doc().selectFirst("h1").text());
        assertEquals("/challenge/start", used.doc().selectFirst("main a.govuk-link").attr("href"), "offers to start again");
        ChallengeSession.Page again = first.post(link, ChallengeSession.token(first.get("/challenge/impact")));
        assertEquals(410, again.status(), "posting it again takes up nothing");
    }

    @Test
    void anExpiredLinkIsRefusedWithAClearPage() throws Exception {
        String link = saveAtTheDates();
        site.linkClock.advance(Duration.ofDays(7).plusMinutes(1));
        ChallengeSession other = new ChallengeSession(site);
        ChallengeSession.Page expired = other.get(link);
        assertEquals(410, expired.status());
        assertEquals("This link has expired", expired.doc().selectFirst("h1").text());
        assertEquals("This link has expired – Compact Bot", expired.doc().title());
        assertEquals("/challenge/impact", browser.get("/challenge/impact").path(), "the draft itself is still where it was");
    }

    @Test
    void aNewerLinkReplacesTheOneBeforeAndAnUnknownOneSaysSo() throws Exception {
        String older = saveAtTheDates();
        ChallengeSession.Page save = browser.get("/challenge/save");
        browser.submit(save, "email", "hope.street@example.org");
        String newer = linkIn(lastEmail());
        assertEquals("hope.street@example.org", lastEmail().to());
        assertEquals(410, new ChallengeSession(site).get(older).status(), "only the latest link works");
        assertEquals(200, new ChallengeSession(site).get(newer).status());

        ChallengeSession.Page unknown = new ChallengeSession(site).get("/challenge/resume/" + "A".repeat(43));
        assertEquals(404, unknown.status());
        assertEquals("This link is not valid", unknown.doc().selectFirst("h1").text());
        assertEquals(404, new ChallengeSession(site).get("/challenge/resume/%3Cscript%3E").status(), "a malformed token: the same page");
    }

    @Test
    void anAddressThatIsNotOneIsSummarisedLinkedToTheFieldAndNothingIsSent() throws Exception {
        ChallengeSession.Page check = browser.answerUpTo(null);
        Element saveLink = check.doc().selectFirst("a.govuk-button--secondary[href=/challenge/save]");
        assertNotNull(saveLink, "offered on Check your answers");
        assertEquals("Save and come back later", saveLink.text());
        ChallengeSession.Page save = browser.get(saveLink.attr("href"));
        assertEquals("/challenge/check", save.doc().selectFirst("a.govuk-back-link").attr("href"), "back to where the person was");
        int before = site.emails().size();

        String hostile = "\"><script>alert(1)</script>";
        ChallengeSession.Page wrong = browser.submit(save, "email", hostile);
        assertEquals(400, wrong.status());
        assertTrue(wrong.doc().title().startsWith("Error: "), wrong.doc().title());
        Element link = wrong.doc().selectFirst(".govuk-error-summary a");
        assertEquals("#email", link.attr("href"));
        assertEquals("Enter an email address in the correct format, like name@example.com", link.text());
        assertEquals(hostile, wrong.doc().selectFirst("input#email").attr("value"), "what was typed is kept, as text");
        assertFalse(wrong.body().contains("<script>alert"), "escaped");
        assertTrue(wrong.doc().selectFirst("input#email").attr("aria-describedby").contains("email-error"));
        assertEquals("Enter your email address", browser.submit(wrong, "email", " ").doc().selectFirst(".govuk-error-summary a").text());
        assertEquals(before, site.emails().size(), "nothing was emailed");

        assertEquals(403, browser.post("/challenge/save", null, "email", "sam@example.org").status(), "a form without its token is refused");
        assertEquals(before, site.emails().size());
        assertEquals("no-store", site.browse("/challenge/save").headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void withoutADraftTheSavePageLeadsToTheStart() throws Exception {
        assertEquals("/challenge/start", browser.get("/challenge/save").path());
        assertEquals(200, browser.get(SaveAndReturnPages.SAVED).status());
    }

    @Test
    void theLinkIsMadeFromTheHostTheRequestNamedAndAForgedOneIsNotUsed() throws Exception {
        String link = saveAtTheDates();
        assertTrue(LINK.matcher(lastEmail().text()).find(), "from the Host header: " + link);
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create(site.url("/challenge/save")))
                .header("Cookie", DraftCookie.NAME + "=" + browser.cookie).header("X-Forwarded-Host", "evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("csrf=" + DraftCookie.of(browser.cookie).orElseThrow().formToken()
                        + "&email=sam%40example.org")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(303, r.statusCode());
        assertFalse(lastEmail().text().contains("evil.example"), "X-Forwarded-Host counts only from a trusted proxy");
    }

    /** A POST of the save form over a plain socket, with a Host header of the caller's choosing: the status code. */
    private int saveWithHost(String host) throws Exception {
        String body = "csrf=" + DraftCookie.of(browser.cookie).orElseThrow().formToken() + "&email=sam%40example.org";
        int port = URI.create(site.url("/")).getPort();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("POST /challenge/save HTTP/1.1\r\nHost: " + host + "\r\nCookie: " + DraftCookie.NAME + "=" + browser.cookie
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n"
                    + body).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    @Test
    void withNoPublicAddressSetALinkIsNeverMadeForAHostSomeoneWroteIntoTheRequest() throws Exception {
        saveAtTheDates();
        int before = site.emails().size();
        assertEquals(503, saveWithHost("evil.example"), "a Host header anyone can write does not make links");
        assertEquals(before, site.emails().size(), "nothing was emailed");
        assertEquals(303, saveWithHost("localhost:" + URI.create(site.url("/")).getPort()), "this machine's own name still works, for a trial");
        assertTrue(lastEmail().text().contains("http://localhost:"), lastEmail().text());
    }

    @Test
    void withAPublicAddressSetEveryLinkStartsWithItWhateverTheRequestSaid() throws Exception {
        site.close();
        site = new PageServer(java.nio.file.Files.createDirectories(dir.resolve("public")), AppConfig.RateLimit.OFF, "https://compact.council.example");
        browser = new ChallengeSession(site);
        saveAtTheDates(); // its Host header is 127.0.0.1:port
        assertTrue(lastEmail().text().contains("https://compact.council.example/challenge/resume/"), lastEmail().text());
        assertEquals(303, saveWithHost("evil.example"));
        assertFalse(lastEmail().text().contains("evil.example"), lastEmail().text());
        assertTrue(lastEmail().text().contains("https://compact.council.example/challenge/resume/"), lastEmail().text());
    }

    @Test
    void theSaveFormCannotFloodAMailboxAndSaysWhyWhenTheDaysLinksAreUsed() throws Exception {
        saveAtTheDates();
        for (int i = 1; i <= 5; i++) assertEquals(SaveAndReturnPages.SAVED, browser.post("/challenge/save", DraftCookie.of(browser.cookie).orElseThrow().formToken(),
                "email", "victim@example.org").path());
        int before = site.emails().size();
        ChallengeSession.Page refused = browser.post("/challenge/save", DraftCookie.of(browser.cookie).orElseThrow().formToken(), "email", "victim@example.org");
        assertEquals(429, refused.status());
        assertEquals(before, site.emails().size(), "no sixth email to the address today");
        assertEquals("#email", refused.doc().selectFirst(".govuk-error-summary a").attr("href"), "the error summary links to the field");
        assertTrue(refused.doc().selectFirst(".govuk-error-summary").text().contains("already emailed 5 links to this address today"),
                refused.doc().selectFirst(".govuk-error-summary").text());
        assertEquals(SaveAndReturnPages.SAVED, browser.post("/challenge/save", DraftCookie.of(browser.cookie).orElseThrow().formToken(), "email",
                "sam@example.org").path(), "another address is not held up");
    }
}
