package org.compactbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.compactbot.cases.CaseEvent;
import org.compactbot.cases.CaseStatus;
import org.compactbot.config.AppConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case desk over HTTP, as a mediator's and a lead's browser use it: signing in by an emailed link, who sees which
 * case, the confidential complainant kept from a lead at the body's domain, form tokens, and each action's change to the
 * case and its history.
 */
class DeskPagesTest {
    private static final String PRIYA = "priya@resolve.example", MORGAN = "morgan@mediation.example",
            LEAD = "compact@cheshirewest.example", HOSTILE = "<script>alert('x')</script>";
    @TempDir Path dir;
    private DeskSite site;
    /** west-cheshire, Priya's, hostile text; west-cheshire, Morgan's, confidential; wolverhampton, Daniel's. */
    private String priyas, confidential, wolves;

    @BeforeEach
    void start() throws Exception {
        site = new DeskSite(dir, AppConfig.RateLimit.OFF);
        priyas = site.raise("west-cheshire", "Alex " + HOSTILE, "Hope Street " + HOSTILE, "alex@example.org",
                "Cheshire West and Chester Council", "They cut our grant. " + HOSTILE, false, "m-consult");
        confidential = site.raise("west-cheshire", "Sam Patel", "Riverside Youth Club", "sam@example.org",
                "Cheshire West and Chester Council", "Sam Patel was told the club's grant ends in two weeks.", true, "m-funding");
        wolves = site.raise("wolverhampton", "Jo Bloggs", "Wolves Food Bank", "jo@example.org", "City of Wolverhampton Council",
                "No consultation on the new strategy.", false, "m-wolves");
    }

    @AfterEach
    void stop() {
        if (site != null) site.close();
    }

    private List<String> listed(DeskSite.Browser.Page page) {
        return page.doc().select("table.compact-cases tbody th a").eachText();
    }

    private CaseStatus status(String ref) {
        return site.store.find(ref).orElseThrow().status();
    }

    @Test
    void aSignInLinkWorksOnceAndOnlyForFifteenMinutesAndAnUnknownAddressIsToldTheSame() throws Exception {
        DeskSite.Browser browser = site.new Browser();
        assertEquals("/desk/sign-in", browser.get("/").doc().selectFirst("a.compact-desk").attr("href"), "the home page links to signing in");
        assertEquals("Mediators and Compact leads: sign in", browser.get("/").doc().selectFirst("a.compact-desk").text());
        assertEquals("/desk/sign-in", browser.get("/desk").path(), "the desk asks to sign in first");
        DeskSite.Browser.Page form = browser.get("/desk/sign-in");
        assertEquals("Sign in to the case desk – Compact Bot", form.doc().title());
        DeskSite.Browser.Page sent = browser.submit(form, "/desk/sign-in", "email", "PRIYA@resolve.example");
        String saidToOurs = sent.main();
        assertTrue(saidToOurs.contains("If that address is one of ours, we've sent a link to it."), saidToOurs);
        DeskSite.Browser.Page other = browser.submit(browser.get("/desk/sign-in"), "/desk/sign-in", "email", "someone@example.org");
        assertEquals(saidToOurs, other.main(), "the same words for an address that is not ours");
        assertEquals(1, site.emails().stream().filter(e -> "sign_in_link".equals(e.purpose())).count(), "and no email to it");

        String link = site.lastLink(PRIYA);
        DeskSite.Browser.Page open = browser.get(link);
        assertEquals(200, open.status());
        assertTrue(open.main().contains("You are signing in as Priya Shah."), open.main());
        assertEquals(200, browser.get(link).status(), "opening the link (as a mail scanner does) uses nothing");
        DeskSite.Browser.Page desk = browser.submit(open, link);
        assertEquals("/desk", desk.path());
        assertEquals(List.of(priyas), listed(desk), "Priya sees her case only");

        DeskSite.Browser.Page used = site.new Browser().get(link);
        assertEquals(404, used.status(), "a used link opens nothing");
        assertEquals("This sign-in link has expired or has been used", used.doc().selectFirst("h1").text());
        assertEquals(404, browser.post(link, desk.doc().selectFirst("input[name=csrf]").attr("value")).status(),
                "and cannot be pressed again, even with a good form token");

        DeskSite.Browser.Page expiring = site.new Browser().signInPageFor(MORGAN);
        site.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertEquals(404, site.new Browser().get(site.lastLink(MORGAN)).status(), "an expired link opens nothing");
        DeskSite.Browser.Page late = site.new Browser().submit(expiring, expiring.doc().selectFirst("main form").attr("action"));
        assertEquals(403, late.status(), "a form from another browser's session is refused");

        DeskSite.Browser morgan = site.new Browser();
        DeskSite.Browser.Page pageBefore = morgan.signInPageFor(MORGAN);
        site.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        DeskSite.Browser.Page pressedLate = morgan.submit(pageBefore, pageBefore.doc().selectFirst("main form").attr("action"));
        assertEquals(404, pressedLate.status(), "pressed after 15 minutes: refused");
        assertEquals("/desk/sign-in", morgan.get("/desk").path(), "and nobody is signed in");
    }

    @Test
    void theSessionCookieIsHttpOnlyStrictAndSignOutEndsIt() throws Exception {
        DeskSite.Browser browser = site.new Browser();
        browser.get("/desk/sign-in");
        assertTrue(browser.setCookies.stream().anyMatch(c -> c.matches("compact_desk=[A-Za-z0-9_-]{43}; Path=/desk; HttpOnly; SameSite=Strict")),
                browser.setCookies.toString());
        DeskSite.Browser.Page desk = browser.signIn(PRIYA);
        assertEquals("/desk", desk.path());
        assertEquals("no-store", desk.raw().headers().firstValue("Cache-Control").orElse(""));
        DeskSite.Browser.Page out = browser.submit(desk, "/desk/sign-out");
        assertEquals("/desk/sign-in", out.path());
        assertEquals("/desk/sign-in", browser.get("/desk").path(), "signed out");
        assertEquals("/desk/sign-in", browser.get("/desk/cases/" + priyas).path());
    }

    @Test
    void aMediatorCannotReadACaseNotAssignedToThemNorItsEvidence() throws Exception {
        site.store.addEvidence(confidential, "letter.pdf", "application/pdf", "%PDF-1.4 Morgan's".getBytes(StandardCharsets.UTF_8));
        DeskSite.Browser priya = site.new Browser();
        priya.signIn(PRIYA);
        DeskSite.Browser.Page missing = priya.get("/desk/cases/CC-2099-0001");
        assertEquals(404, missing.status());
        for (String ref : List.of(confidential, wolves)) {
            DeskSite.Browser.Page page = priya.get("/desk/cases/" + ref);
            assertEquals(404, page.status(), ref);
            assertEquals(missing.main(), page.main(), "the same as a case that does not exist");
            assertFalse(page.body().contains("Sam Patel"));
        }
        assertEquals(404, priya.get("/desk/cases/" + confidential + "/evidence/1").status());
        String token = priya.get("/desk").doc().selectFirst("input[name=csrf]").attr("value");
        assertEquals(404, priya.post("/desk/cases/" + wolves + "/accept", token).status(), "nor act on it");
        assertEquals(CaseStatus.ASSIGNED, status(wolves));
    }

    @Test
    void aDeputySeesAndActsOnTheCasesOfTheMediatorTheyStandInForOnlyWhileThatMediatorIsAway() throws Exception {
        DeskSite.Browser priya = site.new Browser();
        assertEquals(List.of(priyas), listed(priya.signIn(PRIYA)), "Morgan is here: Morgan's case is Morgan's");
        site.clock.advance(Duration.ofDays(29)); // Wednesday 23 December: Morgan is away until 2 January, Priya deputises
        priya = site.new Browser();
        assertEquals(List.of(confidential, priyas), listed(priya.signIn(PRIYA)));
        DeskSite.Browser.Page accepted = priya.submit(priya.get("/desk/cases/" + confidential), "/accept");
        assertEquals(confidential + " accepted.", accepted.doc().selectFirst(".compact-done").text());
        assertTrue(history(confidential).stream().anyMatch(e -> e.note().equals("mediator accepted") && e.actor().equals("mediator:m-consult")),
                "recorded as the deputy, as their email would be");
    }

    @Test
    void aLeadSeesTheWholeAreaButNotTheNameOfAComplainantWhoAskedNotToBeNamedToTheBody() throws Exception {
        site.store.addEvidence(confidential, "Sam Patel letter.pdf", "application/pdf", "%PDF-1.4 Sam Patel".getBytes(StandardCharsets.UTF_8));
        DeskSite.Browser lead = site.new Browser();
        DeskSite.Browser.Page list = lead.signIn(LEAD);
        assertEquals(List.of(confidential, priyas), listed(list), "the area's cases, newest first; not Wolverhampton's");
        DeskSite.Browser.Page page = lead.get("/desk/cases/" + confidential);
        assertEquals(200, page.status());
        assertEquals("(withheld: the complainant asked not to be named to the body)", page.doc().selectFirst(".compact-complainant").text());
        for (String id : List.of("Sam Patel", "Sam", "Patel", "sam@example.org", "Riverside Youth Club")) {
            assertFalse(page.body().contains(id), "the lead's address is the council's: " + id + " is withheld");
        }
        assertTrue(page.main().contains("was told the club's grant ends in two weeks"), "the facts are shown, the name withheld");
        assertTrue(page.doc().select(".compact-undertaking").text().contains("Give a minimum of three months"), "the undertaking quoted");
        assertEquals("1 file (withheld: a file may name the complainant, who asked not to be named to the body).",
                page.doc().selectFirst(".compact-files-withheld").text());
        assertEquals(404, lead.get("/desk/cases/" + confidential + "/evidence/1").status(), "nor downloaded");
        assertEquals(List.of(), listed(lead.get("/desk?q=Sam+Patel")), "searching for the withheld name finds nothing");
        assertEquals(List.of(confidential), listed(lead.get("/desk?q=grant+ends")), "the rest of the text is searched");

        DeskSite.Browser morgan = site.new Browser();
        morgan.signIn(MORGAN);
        DeskSite.Browser.Page theirs = morgan.get("/desk/cases/" + confidential);
        assertTrue(theirs.doc().selectFirst(".compact-complainant").text().contains("Sam Patel"), "the mediator sees who raised it");
        assertTrue(theirs.doc().selectFirst(".compact-complainant").text().contains("sam@example.org"));
        assertNotNull(theirs.doc().selectFirst(".compact-confidential"), "marked confidential");
        assertEquals(200, morgan.get("/desk/cases/" + confidential + "/evidence/1").status(), "the mediator has the files");
        assertEquals(List.of(confidential), listed(morgan.get("/desk?q=Sam+Patel")));
    }

    @Test
    void aFormWithoutItsTokenIsRefusedAndChangesNothing() throws Exception {
        DeskSite.Browser priya = site.new Browser();
        priya.signIn(PRIYA);
        DeskSite.Browser.Page none = priya.post("/desk/cases/" + priyas + "/accept", null);
        assertEquals(403, none.status());
        assertEquals(403, priya.post("/desk/cases/" + priyas + "/accept", "x".repeat(43)).status(), "nor with a made-up one");
        assertEquals(CaseStatus.ASSIGNED, status(priyas));
        assertEquals(403, site.new Browser().post("/desk/sign-in", null, "email", PRIYA).status());
        assertTrue(site.emails().stream().filter(e -> "sign_in_link".equals(e.purpose())).count() == 1, "only the sign-in above sent a link");
    }

    @Test
    void eachMediatorActionChangesTheCaseAndItsHistoryAsTheEmailCommandsDo() throws Exception {
        DeskSite.Browser priya = site.new Browser();
        priya.signIn(PRIYA);
        DeskSite.Browser.Page page = priya.get("/desk/cases/" + priyas);
        DeskSite.Browser.Page accepted = priya.submit(page, "/accept");
        assertEquals(List.of("/desk/cases/" + priyas), priya.redirects, "post, redirect, get");
        assertEquals(priyas + " accepted.", accepted.doc().selectFirst(".compact-done").text());
        assertTrue(status(priyas) == CaseStatus.ACCEPTED || status(priyas) == CaseStatus.AWAITING_BODY, status(priyas).id());
        CaseEvent last = history(priyas).stream().filter(e -> e.note().equals("mediator accepted")).findFirst().orElseThrow();
        assertEquals("mediator:m-consult", last.actor(), "the audit names the mediator as their email would");
        assertTrue(accepted.doc().select(".compact-history .compact-note").eachText().contains("mediator accepted"));

        DeskSite.Browser.Page asked = priya.submit(accepted, "/info", "question", "When did the letter\narrive?");
        assertEquals("Question passed to the complainant.", asked.doc().selectFirst(".compact-done").text());
        assertTrue(history(priyas).stream().anyMatch(e -> e.note().equals("mediator asked: When did the letter arrive?")));
        assertTrue(site.emails().stream().anyMatch(e -> "info_request".equals(e.purpose()) && e.text().contains("When did the letter arrive?")));

        DeskSite.Browser.Page empty = priya.submit(asked, "/info", "question", " ");
        assertEquals("Write your question after INFO.", empty.doc().selectFirst(".compact-refused").text(), "a refusal's reason, not a trace");

        DeskSite.Browser.Page resolved = priya.submit(asked, "/resolve", "note", "Grant restored " + HOSTILE);
        assertEquals(CaseStatus.RESOLVED, status(priyas));
        assertTrue(history(priyas).stream().anyMatch(e -> e.note().equals("closed: Grant restored " + HOSTILE) && e.actor().equals("mediator:m-consult")));
        assertTrue(resolved.doc().select(".compact-history .compact-note").eachText().contains("closed: Grant restored " + HOSTILE));
        assertFalse(resolved.body().contains("<script>alert"), "hostile text is shown escaped");
        assertTrue(resolved.doc().select("form[action$=/accept]").isEmpty(), "no actions on a closed case");

        DeskSite.Browser.Page refused = priya.post("/desk/cases/" + priyas + "/accept", resolved.doc().selectFirst("input[name=csrf]").attr("value"));
        assertEquals(200, refused.status());
        assertEquals(priyas + " cannot be accepted from resolved.", refused.doc().selectFirst(".compact-refused").text());

        String another = site.raise("west-cheshire", "Kim Lee", "Kim's Group", "kim@example.org", "Cheshire West and Chester Council",
                "Short notice.", false, "m-consult");
        DeskSite.Browser.Page declined = priya.submit(priya.get("/desk/cases/" + another), "/decline", "reason", "Conflict of interest");
        assertEquals("/desk", declined.path(), "the case has gone to another mediator: back to the list");
        assertFalse(listed(declined).contains(another));
        assertEquals(another + " declined by Priya Shah; reassigned.", declined.doc().selectFirst(".compact-done").text());
        assertTrue(history(another).stream().anyMatch(e -> e.note().equals("passed over: m-consult declined: Conflict of interest")));
    }

    @Test
    void aLeadAssignsToAMediatorOfTheAreaAndClosesWithAnOutcome() throws Exception {
        DeskSite.Browser lead = site.new Browser();
        lead.signIn(LEAD);
        DeskSite.Browser.Page page = lead.get("/desk/cases/" + confidential);
        assertEquals(List.of("m-funding", "m-consult"), page.doc().select("select#mediator option").eachAttr("value"), "the area's mediators");
        DeskSite.Browser.Page wrong = lead.submit(page, "/assign", "mediator", "m-wolves");
        assertTrue(wrong.doc().selectFirst(".compact-refused").text().startsWith("No mediator with id 'm-wolves'."), "not of the area");
        DeskSite.Browser.Page assigned = lead.submit(page, "/assign", "mediator", "m-consult");
        assertEquals(confidential + " assigned to Priya Shah.", assigned.doc().selectFirst(".compact-done").text());
        assertEquals("m-consult", site.store.find(confidential).orElseThrow().mediatorId());
        assertTrue(history(confidential).stream().anyMatch(e -> e.note().equals("assigned by hand to Priya Shah") && e.actor().equals("lead:west-cheshire")));

        DeskSite.Browser.Page closed = lead.submit(assigned, "/close", "outcome", "withdrawn", "note", "The group withdrew it");
        assertEquals(confidential + " closed as withdrawn.", closed.doc().selectFirst(".compact-done").text());
        assertEquals(CaseStatus.WITHDRAWN, status(confidential));
        DeskSite.Browser.Page notClosing = lead.post("/desk/cases/" + priyas + "/close", closed.doc().selectFirst("input[name=csrf]").attr("value"),
                "outcome", "accepted");
        assertEquals("The outcome must be one of resolved, withdrawn, closed_unresolved, signposted.", notClosing.doc().selectFirst(".compact-refused").text());

        DeskSite.Browser priya = site.new Browser();
        priya.signIn(PRIYA);
        DeskSite.Browser.Page notLead = priya.post("/desk/cases/" + priyas + "/close", priya.get("/desk").doc().selectFirst("input[name=csrf]").attr("value"),
                "outcome", "withdrawn");
        assertTrue(notLead.doc().selectFirst(".compact-refused").text().contains("only the area's Compact lead can assign or close it"));
        assertEquals(CaseStatus.ASSIGNED, status(priyas));
    }

    @Test
    void theListFiltersByStatusAndSearchAndShowsTheNextTimerAndHostileTextEscaped() throws Exception {
        site.cases.accept(priyas, "test");
        DeskSite.Browser lead = site.new Browser();
        DeskSite.Browser.Page all = lead.signIn(LEAD);
        assertFalse(all.body().contains("<script>alert"));
        assertEquals(List.of(confidential), listed(lead.get("/desk?status=assigned")));
        assertEquals(List.of(priyas), listed(lead.get("/desk?q=cut+our+grant")), "search by text");
        assertEquals(List.of(confidential), listed(lead.get("/desk?q=" + confidential.toLowerCase())), "by reference");
        assertEquals(2, listed(lead.get("/desk?q=Cheshire+West")).size(), "by body");
        assertEquals("No cases match.", lead.get("/desk?q=nothing+like+this").doc().selectFirst(".compact-no-cases").text());
        assertEquals("assigned", lead.get("/desk?status=assigned").doc().selectFirst("select#status option[selected]").attr("value"));
        String due = lead.get("/desk?status=assigned").doc().selectFirst("td.compact-due").text();
        assertTrue(due.matches("\\d+ \\w{3} 2026 \\(in \\d working days?\\)"), due);
        site.clock.advance(Duration.ofDays(7));
        assertEquals("/desk/sign-in", lead.get("/desk").path(), "a session idle for more than 8 hours has ended");
        lead.signIn(LEAD);
        String overdue = lead.get("/desk?status=assigned").doc().selectFirst("td.compact-due").text();
        assertTrue(overdue.contains("Overdue by"), overdue);
        DeskSite.Browser.Page hostile = lead.get("/desk/cases/" + priyas);
        assertTrue(hostile.doc().selectFirst(".compact-complainant").text().contains("Alex " + HOSTILE), "shown as text");
        assertFalse(hostile.body().contains("<script>alert"), "and escaped");
    }

    @Test
    void evidenceDownloadsAsAnAttachmentInItsStoredType() throws Exception {
        byte[] pdf = "%PDF-1.4 the council's letter".getBytes(StandardCharsets.UTF_8);
        site.store.addEvidence(priyas, "council letter.pdf", "application/pdf", pdf);
        DeskSite.Browser priya = site.new Browser();
        priya.signIn(PRIYA);
        DeskSite.Browser.Page page = priya.get("/desk/cases/" + priyas);
        String href = page.doc().selectFirst(".compact-evidence a").attr("href");
        assertEquals("/desk/cases/" + priyas + "/evidence/1", href);
        DeskSite.Browser.Page file = priya.get(href);
        assertEquals(200, file.status());
        assertEquals("application/pdf", file.raw().headers().firstValue("Content-Type").orElse(""));
        assertTrue(file.raw().headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename=\"council letter.pdf\""));
        assertTrue(java.util.Arrays.equals(pdf, file.raw().body()));
        assertEquals(404, priya.get("/desk/cases/" + priyas + "/evidence/2").status());
        assertEquals(404, priya.get("/desk/cases/" + priyas + "/evidence/x").status());
    }

    @Test
    void askingForLinksIsLimitedPerAddressWhateverTheClientAndThePageSaysTheSame() throws Exception {
        String first = null;
        for (int i = 0; i < 6; i++) {
            DeskSite.Browser b = site.new Browser(); // a new session each time: the limit is the address's
            DeskSite.Browser.Page sent = b.submit(b.get("/desk/sign-in"), "/desk/sign-in", "email", i % 2 == 0 ? PRIYA : PRIYA.toUpperCase());
            if (first == null) first = sent.main();
            assertEquals(first, sent.main());
        }
        assertEquals(3, site.emails().stream().filter(e -> "sign_in_link".equals(e.purpose())).count(), "three at once, in any letter case");
        DeskSite.Browser b = site.new Browser();
        DeskSite.Browser.Page bad = b.submit(b.get("/desk/sign-in"), "/desk/sign-in", "email", HOSTILE);
        assertEquals(400, bad.status());
        assertEquals("Error: Sign in to the case desk – Compact Bot", bad.doc().title());
        assertEquals(HOSTILE, bad.doc().selectFirst("input#email").attr("value"));
        assertFalse(bad.body().contains("<script>alert"));
    }

    @Test
    void theDesksFormsAreRateLimitedPerClient() throws Exception {
        site.close();
        site = new DeskSite(dir.resolve("limited"), new AppConfig.RateLimit(1, 2, 3000));
        DeskSite.Browser b = site.new Browser();
        DeskSite.Browser.Page form = b.get("/desk/sign-in");
        assertEquals("/desk/sign-in/sent", b.submit(form, "/desk/sign-in", "email", "a@example.org").path());
        assertEquals("/desk/sign-in/sent", b.submit(form, "/desk/sign-in", "email", "b@example.org").path());
        DeskSite.Browser.Page third = b.submit(form, "/desk/sign-in", "email", PRIYA);
        assertEquals(429, third.status(), "a burst of two, then one a minute");
        assertTrue(third.raw().headers().firstValue("Retry-After").isPresent());
        assertEquals(0, site.emails().stream().filter(e -> "sign_in_link".equals(e.purpose())).count(), "and nothing sent for it");
    }

    @Test
    void theCookieIsSecureOverHttpsAndASessionEndsAfterEightIdleHours() {
        org.compactbot.conversation.TestClock clock = new org.compactbot.conversation.TestClock(java.time.Instant.parse("2026-11-24T10:00:00Z"));
        DeskSessions sessions = new DeskSessions(clock);
        DeskSessions.Session s = sessions.start("priya@resolve.example");
        assertTrue(DeskSessions.header(s, true).endsWith("; Path=/desk; HttpOnly; SameSite=Strict; Secure"));
        clock.advance(Duration.ofHours(7));
        assertTrue(sessions.of(s.id).isPresent(), "used within 8 hours: still live");
        clock.advance(Duration.ofHours(8).plusSeconds(1));
        assertTrue(sessions.of(s.id).isEmpty(), "idle for more than 8 hours: gone");
        assertTrue(sessions.of("not an id").isEmpty());
    }

    private List<CaseEvent> history(String ref) {
        return site.store.history(ref);
    }
}
