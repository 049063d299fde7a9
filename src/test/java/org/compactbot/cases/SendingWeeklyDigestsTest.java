package org.compactbot.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.compactbot.cases.SendingWeeklyDigests.Result;
import org.compactbot.cases.SendingWeeklyDigests.Result.Kind;
import org.compactbot.store.Database;
import org.compactbot.store.SqlCaseStore;
import org.compactbot.store.SqlDigestsSent;
import org.compactbot.store.SqlOutbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The Monday digests to the area leads, through the outbox to GreenMail: once per lead and week, none to a lead who turned it off. */
class SendingWeeklyDigestsTest {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir Path dir;
    CaseFixture f;

    @BeforeEach
    void open() throws Exception {
        // the shipped mediators file, with Redcar & Cleveland's lead turning the digest off
        String shipped = Files.readString(Path.of("config/mediators.yml"));
        String redcar = "  redcar-cleveland: { name: Redcar & Cleveland Compact lead, email: compact@redcar-cleveland.example }";
        assertTrue(shipped.contains(redcar));
        f = new CaseFixture(dir, MediatorDirectoryLoader.parse(shipped.replace(redcar, redcar.replace(" }", ", digest: off }")), "config/mediators.yml"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private SendingWeeklyDigests digests(Database db) {
        SqlCaseStore store = new SqlCaseStore(db, f.clock, "compact@example.org");
        return new SendingWeeklyDigests(store, new CaseService(store, f.directory, f.clock), f.directory, new SqlDigestsSent(db),
                new SqlOutbox(db, f.clock, "compact@example.org"), db, f.clock);
    }

    private void at(String instant) {
        f.clock.advance(Duration.between(f.clock.instant(), Instant.parse(instant)));
    }

    private static Map<String, Kind> byArea(List<Result> results) {
        Map<String, Kind> m = new TreeMap<>();
        for (Result r : results) m.put(r.area(), r.kind());
        return m;
    }

    /** The digests GreenMail got, by recipient. */
    private Map<String, MimeMessage> digestsReceived() throws Exception {
        f.sender(greenMail.getSmtp().getPort(), true).drainOnce();
        Map<String, MimeMessage> m = new TreeMap<>();
        for (MimeMessage msg : greenMail.getReceivedMessages()) {
            if (msg.getSubject().startsWith("Compact weekly digest")) m.put(msg.getAllRecipients()[0].toString(), msg);
        }
        return m;
    }

    /** The email's plain-text part, decoded, with its line ends as \n. */
    private static String plainText(MimeMessage m) throws Exception {
        Object content = m.getContent();
        if (content instanceof String text) return text.replace("\r\n", "\n");
        Multipart parts = (Multipart) content;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart p = parts.getBodyPart(i);
            if (p.isMimeType("text/plain")) return p.getContent().toString().replace("\r\n", "\n");
            if (p.getContent() instanceof Multipart) {
                Multipart inner = (Multipart) p.getContent();
                for (int j = 0; j < inner.getCount(); j++) {
                    if (inner.getBodyPart(j).isMimeType("text/plain")) return inner.getBodyPart(j).getContent().toString().replace("\r\n", "\n");
                }
            }
        }
        throw new AssertionError("no text/plain part");
    }

    @Test
    void theMondayRunSendsEachLeadOneDigestAndASecondRunThatWeekSendsNone() throws Exception {
        String ref = f.submit("west-cheshire", "Lunch Club", "sam@lunchclub.org.uk", "Cheshire West and Chester Council", "funding", true);
        f.service.routeNew();

        at("2026-11-30T06:59:00Z"); // Monday, 06:59 in London (GMT)
        assertEquals(List.of(), digests(f.db).sendDue(), "not before 07:00");
        at("2026-11-30T07:00:00Z");
        assertEquals(Map.of("west-cheshire", Kind.SENT, "wolverhampton", Kind.SENT, "redcar-cleveland", Kind.TURNED_OFF),
                byArea(digests(f.db).sendDue()));
        Map<String, MimeMessage> got = digestsReceived();
        assertEquals(List.of("compact@cheshirewest.example", "compact@wolverhampton.example"), List.copyOf(got.keySet()),
                "one digest per lead, none to the lead with digest: off");

        MimeMessage west = got.get("compact@cheshirewest.example");
        assertEquals("Compact weekly digest: West Cheshire, 2026-W49", west.getSubject());
        String body = plainText(west);
        assertTrue(body.contains(ref) && body.contains("Cheshire West and Chester Council"), body);
        assertTrue(body.contains("In the week of 23 November 2026 to 29 November 2026: 1 new, 0 closed.") && body.contains("New in the week\n- " + ref), body);
        for (String secret : List.of("Sam Patel", "Lunch Club", "lunchclub")) assertFalse(body.contains(secret), secret + " in the digest");
        String wolves = plainText(got.get("compact@wolverhampton.example"));
        assertTrue(wolves.contains("Nothing is open"), "an area with no cases still hears that the digest ran: " + wolves);

        at("2026-11-30T07:05:00Z"); // the next run of the timers, then a restart, then a second instance on the same database
        assertEquals(Map.of("west-cheshire", Kind.ALREADY_SENT, "wolverhampton", Kind.ALREADY_SENT, "redcar-cleveland", Kind.TURNED_OFF),
                byArea(digests(f.db).sendDue()));
        f.restart();
        at("2026-12-03T15:00:00Z"); // Thursday of the same week
        assertTrue(digests(f.db).sendDue().stream().noneMatch(r -> r.kind() == Kind.SENT));
        try (Database other = Database.open(dir.resolve("cases.db"))) {
            assertTrue(digests(other).sendDue().stream().noneMatch(r -> r.kind() == Kind.SENT), "the second instance sends none either");
        }
        greenMail.purgeEmailFromAllMailboxes();
        assertEquals(Map.of(), digestsReceived(), "no second digest that week");

        at("2026-12-07T07:00:00Z"); // the next Monday
        assertEquals(Kind.SENT, byArea(digests(f.db).sendDue()).get("west-cheshire"));
        assertEquals(2, digestsReceived().size());
    }

    @Test
    void aWeekWhoseMondayWasMissedGetsItsDigestWhenTheServiceIsBack() {
        at("2026-12-02T12:00:00Z"); // Wednesday: down on Monday
        assertEquals(Kind.SENT, byArea(digests(f.db).sendDue()).get("wolverhampton"));
        at("2026-12-06T23:59:00Z"); // Sunday night: the same ISO week
        assertEquals(Kind.ALREADY_SENT, byArea(digests(f.db).sendDue()).get("wolverhampton"));
    }

    @Test
    void summerTimeIsLondonsSevenOClock() {
        at("2027-06-07T05:59:00Z"); // Monday 06:59 BST
        assertFalse(digests(f.db).due());
        at("2027-06-07T06:00:00Z"); // 07:00 BST
        assertTrue(digests(f.db).due());
    }

    @Test
    void aDigestIsRecordedOncePerAreaAndWeek() {
        SqlDigestsSent sent = new SqlDigestsSent(f.db);
        assertTrue(sent.record("west-cheshire", "2026-W49", f.clock.instant()));
        assertFalse(sent.record("west-cheshire", "2026-W49", f.clock.instant()), "the unique key refuses a second");
        assertTrue(sent.record("west-cheshire", "2026-W50", f.clock.instant()));
        assertTrue(sent.sent("west-cheshire", "2026-W49") && !sent.sent("wolverhampton", "2026-W49"));
    }

    @Test
    void theDigestTellsTheTimersAsTheTimersFireThem() throws Exception {
        // the acknowledgement never goes: tick escalates on the fifth working day, and the digest lists it overdue that day, not before
        String ref = f.submit("redcar-cleveland", "Eston Youth", "kim@estonyouth.org.uk", "Redcar and Cleveland Council", "volunteering", false);
        f.service.routeNew();
        at("2026-11-30T10:00:00Z"); // 4 working days
        f.service.tick();
        assertFalse(f.store.timerFired(ref, "ack_overdue"));
        assertTrue(digests(f.db).digest("redcar-cleveland").overdue().isEmpty());
        at("2026-12-01T10:00:00Z"); // 5 working days
        f.service.tick();
        assertTrue(f.store.timerFired(ref, "ack_overdue"), "the timer escalated it today");
        assertEquals(List.of(new WeeklyDigest.Overdue(ref, WeeklyDigest.Timer.NOT_ACKNOWLEDGED, 5, null)),
                digests(f.db).digest("redcar-cleveland").overdue());
    }
}
