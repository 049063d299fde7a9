package org.compactbot.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.compactbot.cases.ChallengeCase.BodyRequest.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Step 2 of the Compact Resolution Process over a real SMTP server (GreenMail): the body's Compact lead officer is
 * asked for a formal response, its reply goes to the mediator and the complainant, no reply by the deadline escalates
 * to the area's lead, and the complainant may say they have had the final response. The clock starts on Tuesday
 * 24 November 2026.
 */
class BodyResponseTest {
    static final String BODY = "compact@cheshirewest.example", SAM = "sam@lunchclub.org.uk", MORGAN = "morgan@mediation.example";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir Path dir;
    CaseFixture f;
    private final java.util.Set<String> seen = new java.util.HashSet<>();

    @BeforeEach
    void open() throws Exception {
        f = new CaseFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** Sends the outbox to GreenMail; the messages received since the last call (GreenMail lists them by mailbox, not in order). */
    private List<MimeMessage> delivered() throws Exception {
        f.sender(greenMail.getSmtp().getPort(), true).drainOnce();
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) if (seen.add(m.getMessageID())) out.add(m);
        return out;
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything a message says: headers, and every part decoded, attachments included. */
    static String everything(MimeMessage m) throws Exception {
        StringBuilder sb = new StringBuilder();
        var headers = m.getAllHeaderLines();
        while (headers.hasMoreElements()) sb.append(headers.nextElement()).append('\n');
        sb.append(m.getSubject()).append('\n');
        collect(m, sb);
        return sb.toString();
    }

    private static void collect(Part p, StringBuilder sb) throws Exception {
        if (p.getFileName() != null) sb.append(p.getFileName()).append('\n');
        Object content = p.getContent();
        if (content instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) collect(mp.getBodyPart(i), sb);
        } else if (content instanceof String s) {
            sb.append(s).append('\n');
        } else if (content instanceof InputStream in) {
            sb.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
        }
    }

    private static String day(LocalDate d) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK).format(d);
    }

    private String acceptedCase(boolean confidential) throws Exception {
        String ref = f.submit("west-cheshire", "Lunch Club", SAM, "Cheshire West and Chester Council", "funding", confidential);
        f.service.routeNew();
        delivered();
        assertTrue(f.service.mediatorReply(ref, MORGAN, "ACCEPT").ok());
        return ref;
    }

    @Test
    void whenTheMediatorAcceptsTheBodyIsAskedWithTheFactsTheUndertakingsTheChecksAndATwentyWorkingDayDeadline() throws Exception {
        String ref = acceptedCase(false);
        ChallengeCase c = f.store.find(ref).orElseThrow();
        assertEquals(CaseStatus.AWAITING_BODY, c.status());
        assertEquals(BODY, c.body().email());
        assertEquals("Cheshire West and Chester Council", c.body().name());
        List<MimeMessage> got = delivered();
        MimeMessage request = got.stream().filter(m -> to(m).equals(BODY)).findFirst().orElseThrow(() -> new AssertionError("no request"));
        assertTrue(request.getSubject().startsWith("[" + ref + "] Request for a formal response"), request.getSubject());
        String text = everything(request);
        assertTrue(text.contains("The council cut our grant with 27 days notice."), "the facts: " + text);
        assertTrue(text.contains("\"Give a minimum of three months, and ideally six months' notice in writing\""), "the undertaking quoted: " + text);
        assertTrue(text.contains("27 days' notice against a minimum of three months"), "the checks: " + text);
        LocalDate due = WorkingDays.plus(LocalDate.of(2026, 11, 24), 20);
        assertEquals(LocalDate.of(2026, 12, 22), due);
        assertTrue(text.contains(day(due) + " (20 working days)"), text);
        assertTrue(text.contains("Raised by: Lunch Club"), "not confidential: the body may know who raised it");
        assertFalse(text.contains(SAM), "the complainant's address never goes to the body");
        assertEquals(0, request.getContent() instanceof Multipart mp ? count(mp) : 0, "no attachment");
        assertTrue(f.store.history(ref).stream().anyMatch(e -> e.note().equals("asked Cheshire West and Chester Council for its formal response by 2026-12-22")
                && "awaiting_body".equals(e.to())));
        assertEquals(1, got.stream().filter(m -> to(m).equals(SAM)).count(), "the complainant hears the mediator accepted");
    }

    private static int count(Multipart mp) throws Exception {
        int n = 0;
        for (int i = 0; i < mp.getCount(); i++) {
            Part p = mp.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) n++;
            if (p.getContent() instanceof Multipart inner) n += count(inner);
        }
        return n;
    }

    @Test
    void theBodysReplyIsRecordedAndPassedToTheMediatorAndTheComplainantAndTheClockRestarts() throws Exception {
        String ref = acceptedCase(false);
        delivered();
        f.clock.advance(Duration.ofDays(7)); // Tuesday 1 December: 5 working days waiting
        CaseReply r = f.service.bodyReply(ref, "Compact@CheshireWest.example", "We accept the notice was short and will extend the grant to March.",
                List.of(new CaseService.Evidence("response.pdf", "application/pdf", "%PDF-1.4 our response".getBytes(StandardCharsets.UTF_8))));
        assertTrue(r.ok(), r.message());
        ChallengeCase c = f.store.find(ref).orElseThrow();
        assertEquals(CaseStatus.IN_MEDIATION, c.status());
        assertEquals(Answer.REPLIED, c.body().answer());
        assertTrue(f.store.history(ref).stream().anyMatch(e -> e.actor().equals("body")
                && e.note().startsWith("body replied: We accept the notice was short")), "in the case history");
        assertEquals(List.of("response.pdf"), f.store.evidence(ref).stream().map(java.util.Map.Entry::getKey).toList());
        List<MimeMessage> got = delivered();
        for (String who : List.of(MORGAN, SAM)) {
            MimeMessage m = got.stream().filter(x -> to(x).equals(who)).findFirst().orElseThrow(() -> new AssertionError("nothing to " + who));
            assertTrue(subject(m).contains("Cheshire West and Chester Council has responded"), m.getSubject());
            assertTrue(everything(m).contains("will extend the grant to March"), who);
        }
        assertEquals(5, f.service.pausedTime(c).workingDays());
        assertFalse(f.service.pausedTime(c).pausedNow());
        CaseProgress p = f.service.progressFor(ref, SAM).orElseThrow();
        assertEquals(WorkingDays.plus(LocalDate.of(2026, 11, 24), 25), p.nextDeadline(), "the response deadline moves on by the days paused");
        assertTrue(p.inWords().contains("Clock paused: 5 working days in all."), p.inWords());
        assertFalse(f.service.bodyReply(ref, "officer@cheshirewest.example", "me too", List.of()).ok(), "only the address asked");
    }

    @Test
    void noReplyByTheDeadlineEscalatesToTheAreaLeadOnceEvenAfterARestart() throws Exception {
        String ref = acceptedCase(false);
        delivered();
        f.clock.advance(Duration.ofDays(28)); // Tuesday 22 December: the deadline day itself
        assertEquals(0, f.service.tick());
        CaseProgress waiting = f.service.progressFor(ref, SAM).orElseThrow();
        assertEquals(LocalDate.of(2026, 12, 22), waiting.nextDeadline());
        assertTrue(waiting.inWords().contains("has been asked for its formal response, due by then"), waiting.inWords());
        assertTrue(waiting.inWords().contains("Clock paused: 20 working days so far"), waiting.inWords());
        f.clock.advance(Duration.ofDays(1)); // Wednesday 23 December
        assertEquals(1, f.service.tick());
        assertEquals(CaseStatus.ESCALATED, f.store.find(ref).orElseThrow().status());
        List<MimeMessage> got = delivered();
        MimeMessage lead = got.stream().filter(m -> to(m).equals("compact@cheshirewest.example")).findFirst().orElseThrow();
        assertTrue(lead.getSubject().contains("Escalated: no formal response from the body"), lead.getSubject());
        assertTrue(got.stream().anyMatch(m -> to(m).equals("priya@resolve.example")), "the mediator's deputy (Morgan is away) is told too");
        f.restart();
        assertEquals(0, f.service.tick(), "fires once, even after a restart");
        f.clock.advance(Duration.ofDays(1));
        assertEquals(0, f.service.tick());
        assertTrue(delivered().stream().noneMatch(m -> subject(m).contains("no formal response")));
        // a late reply is still recorded and passed on
        assertTrue(f.service.bodyReply(ref, BODY, "Sorry for the delay: our response is attached.", List.of()).ok());
        assertEquals(CaseStatus.ESCALATED, f.store.find(ref).orElseThrow().status());
    }

    @Test
    void theComplainantSayingTheyHaveHadTheFinalResponseMovesTheCaseToMediationEarly() throws Exception {
        String ref = acceptedCase(false);
        delivered();
        f.clock.advance(Duration.ofDays(2));
        CaseReply r = f.service.complainantReply(ref, SAM, "Hello, we've had their final response today. They won't change the decision.",
                List.of());
        assertTrue(r instanceof CaseReply.FinalResponseNoted, r.message());
        ChallengeCase c = f.store.find(ref).orElseThrow();
        assertEquals(CaseStatus.IN_MEDIATION, c.status());
        assertEquals(Answer.FINAL_RESPONSE_TOLD, c.body().answer());
        MimeMessage m = delivered().stream().filter(x -> to(x).equals(MORGAN)).findFirst().orElseThrow();
        assertTrue(subject(m).contains("The complainant has had the body's final response"), m.getSubject());
        f.clock.advance(Duration.ofDays(30));
        f.service.tick();
        assertTrue(delivered().stream().noneMatch(x -> subject(x).contains("no formal response")), "no escalation once it has answered");
        assertTrue(f.service.complainantReply(ref, SAM, "We've had their final response.", List.of()) instanceof CaseReply.MessageAdded,
                "said again, it is just a message");
    }

    @Test
    void anInfoQuestionStopsTheClockUntilTheComplainantReplies() throws Exception {
        String ref = f.submit("west-cheshire", "Lunch Club", SAM, "Cheshire Constabulary", "funding", false); // no body configured
        f.service.routeNew();
        delivered(); // acknowledged
        assertTrue(f.service.mediatorReply(ref, MORGAN, "ACCEPT").ok());
        assertEquals(CaseStatus.ACCEPTED, f.store.find(ref).orElseThrow().status(), "no body to ask");
        assertNull(f.store.find(ref).orElseThrow().body());
        assertTrue(f.service.mediatorReply(ref, MORGAN, "INFO When did the letter arrive?").ok());
        assertEquals(CaseStatus.AWAITING_COMPLAINANT, f.store.find(ref).orElseThrow().status());
        assertTrue(f.service.progressFor(ref, SAM).orElseThrow().inWords().contains("please reply to their email"));
        f.clock.advance(Duration.ofDays(28)); // 20 working days later: no reminder while paused
        assertEquals(0, f.service.tick());
        assertTrue(f.service.complainantReply(ref, SAM, "It arrived on 1 November.", List.of()).ok());
        assertEquals(CaseStatus.IN_MEDIATION, f.store.find(ref).orElseThrow().status());
        ChallengeCase c = f.store.find(ref).orElseThrow();
        assertEquals(20, f.service.pausedTime(c).workingDays());
        assertEquals(0, f.service.tick(), "20 working days since it was raised, but 20 of them paused");
        f.clock.advance(Duration.ofDays(30)); // Thursday 21 January: 19 working days running (Christmas and New Year not counted)
        assertEquals(0, f.service.tick());
        f.clock.advance(Duration.ofDays(1)); // Friday 22 January: 20
        assertEquals(1, f.service.tick(), "the response reminder at last");
        assertTrue(f.store.history(ref).stream().anyMatch(e -> e.note().equals("reminded: formal response due")));
    }

    @Test
    void aConfidentialComplainantsNameOrganisationAndEmailNeverReachTheBody() throws Exception {
        // the complainant wrote themselves into the free text too, as people do
        String ref = f.submit("west-cheshire", "Lunch Club", SAM, "Cheshire West and Chester Council", "funding", true);
        f.db.inTransaction(c -> {
            try (var p = c.prepareStatement("UPDATE cases SET details = REPLACE(details, 'The council cut our grant', "
                    + "'Sam Patel here from Lunch Club (sam@lunchclub.org.uk): the council cut our lunch club grant') WHERE ref = ?")) {
                p.setString(1, ref);
                p.executeUpdate();
            }
            return null;
        });
        f.service.routeNew();
        assertTrue(f.service.mediatorReply(ref, MORGAN, "ACCEPT").ok());
        assertTrue(f.service.mediatorReply(ref, MORGAN, "INFO What did the letter say, Sam?").ok());
        f.service.complainantReply(ref, SAM, "Sam Patel, Lunch Club: the letter is attached.", List.of());
        f.service.bodyReply(ref, BODY, "Noted.", List.of());
        f.clock.advance(Duration.ofDays(40));
        f.service.tick();
        List<MimeMessage> toBody = delivered().stream().filter(m -> to(m).contains("cheshirewest")).toList();
        assertTrue(toBody.stream().anyMatch(m -> subject(m).contains("Request for a formal response")), "the body was asked");
        for (MimeMessage m : toBody) {
            String all = everything(m);
            for (String secret : List.of("Sam", "Patel", "Lunch Club", "lunch club", "lunchclub")) {
                assertFalse(all.contains(secret), "'" + secret + "' reached the body in " + m.getSubject() + ":\n" + all);
            }
        }
        String request = everything(toBody.stream().filter(m -> subject(m).contains("Request for a formal response")).findFirst().orElseThrow());
        assertTrue(request.contains("(withheld) here from (withheld) ((withheld)): the council cut our (withheld) grant"), request);
        assertTrue(request.contains("a group that has asked not to be named"), request);
        assertNotNull(f.store.find(ref).orElseThrow().body());
    }

    @Test
    void anAreaThatAsksAtOnceAsksTheBodyWhenTheCaseIsRoutedAndTheMediatorStillAccepts() throws Exception {
        String yaml = """
                mediators:
                  - { id: m-funding, name: Morgan Lee, email: morgan@mediation.example, organisation: Cheshire Mediation Service,
                      areas: [west-cheshire], specialisms: [funding], capacity: 5 }
                leads:
                  west-cheshire: { name: West Cheshire Compact lead, email: lead@cheshirewest.example, ask-body: at-once,
                                   closed: [{ from: 2026-12-14, to: 2026-12-18 }] }
                bodies:
                  - { name: Cheshire West and Chester Council, area: west-cheshire, aliases: [CWaC, the council],
                      contact: { name: Compact lead officer, email: compact@cheshirewest.example } }
                """;
        withDirectory("at-once", yaml);
        String ref = f.submit("west-cheshire", "Lunch Club", SAM, "CWaC", "funding", false);
        f.service.routeNew();
        ChallengeCase c = f.store.find(ref).orElseThrow();
        assertEquals(CaseStatus.ASSIGNED, c.status(), "the mediator still decides");
        assertNotNull(c.body(), "asked at once");
        List<MimeMessage> got = delivered();
        assertEquals(1, got.stream().filter(m -> to(m).equals(BODY)).count());
        assertTrue(f.service.mediatorReply(ref, MORGAN, "ACCEPT").ok());
        assertEquals(CaseStatus.AWAITING_BODY, f.store.find(ref).orElseThrow().status());
        assertEquals(0, delivered().stream().filter(m -> to(m).equals(BODY)).count(), "not asked twice");
        // the area's week of closure (14 to 18 December) moves the body's deadline from 22 to 31 December (Christmas not counted)
        assertEquals(LocalDate.of(2026, 12, 31), f.service.bodyDeadline(f.store.find(ref).orElseThrow()));
        f.clock.advance(Duration.ofDays(29)); // 23 December: past the standard deadline, not the area's
        assertEquals(0, f.service.tick());
        f.clock.advance(Duration.ofDays(9)); // 1 January
        assertEquals(1, f.service.tick());
        assertTrue(delivered().stream().anyMatch(m -> to(m).equals("lead@cheshirewest.example")), "the area's lead is told");
    }

    @Test
    void anAreaThatAsksAtOnceAsksTheBodyEvenWhenNoMediatorIsFreeAndTheCaseGoesToTheLead() throws Exception {
        String yaml = """
                mediators:
                  - { id: m-wolves, name: Daniel Okafor, email: daniel@blackcountrymediation.example, organisation: Black Country Mediation,
                      areas: [wolverhampton], specialisms: [funding], capacity: 5 }
                leads:
                  west-cheshire: { name: West Cheshire Compact lead, email: lead@cheshirewest.example, ask-body: at-once }
                bodies:
                  - { name: Cheshire West and Chester Council, area: west-cheshire, aliases: [CWaC, the council],
                      contact: { name: Compact lead officer, email: compact@cheshirewest.example } }
                """;
        withDirectory("to-lead", yaml);
        String ref = f.submit("west-cheshire", "Lunch Club", SAM, "CWaC", "funding", false);
        f.service.routeNew();
        ChallengeCase c = f.store.find(ref).orElseThrow();
        assertEquals(CaseStatus.ESCALATED, c.status(), "no mediator for the area: the lead has it");
        assertNotNull(c.body(), "the body is asked at once all the same");
        List<MimeMessage> got = delivered();
        assertEquals(1, got.stream().filter(m -> to(m).equals(BODY) && subject(m).contains("Request for a formal response")).count());
        assertTrue(got.stream().anyMatch(m -> to(m).equals("lead@cheshirewest.example")), "the lead has the summary");
    }

    /** The fixture again, in a directory of its own, with these mediators, leads and bodies. */
    private void withDirectory(String name, String yaml) throws Exception {
        f.close();
        java.nio.file.Files.createDirectories(dir.resolve(name));
        f = new CaseFixture(dir.resolve(name), MediatorDirectoryLoader.parse(yaml, "mediators.yml"));
    }
}
