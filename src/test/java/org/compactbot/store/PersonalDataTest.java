package org.compactbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.compactbot.cases.AnnualReport;
import org.compactbot.cases.CaseEvent;
import org.compactbot.cases.CaseService;
import org.compactbot.cases.CaseStatus;
import org.compactbot.cases.ChallengeCase;
import org.compactbot.cases.MediatorDirectory;
import org.compactbot.cases.MediatorDirectoryLoader;
import org.compactbot.cases.PersonalData;
import org.compactbot.cases.PersonalDataService;
import org.compactbot.cases.PersonalRecords;
import org.compactbot.cases.Retention;
import org.compactbot.cases.RetentionPolicy;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.conversation.ConversationId;
import org.compactbot.conversation.IntentClassifier;
import org.compactbot.conversation.TestClock;
import org.compactbot.conversation.TurnResult;
import org.compactbot.knowledge.SharedKnowledge;
import org.compactbot.mail.MailChannel;
import org.compactbot.mail.MessageParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UK GDPR export, erasure and retention against a SQLite file on disk, with data put there the
 * way people put it: a challenge raised through the real conversation engine, a question by
 * email through the mail channel, a mediator's question and the complainant's file through the
 * case service.
 */
class PersonalDataTest {
    static final String BOT = "compact@example.org";
    static final String SAM = "Sam.Patel@LunchClub.org.uk";

    @TempDir Path dir;
    final TestClock clock = new TestClock(Instant.parse("2026-11-24T10:00:00Z"));
    Database db;
    ConversationEngine engine;
    SqlCaseStore store;
    CaseService cases;
    MediatorDirectory directory;
    MailChannel mail;
    PersonalData data;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("compact-bot.db"));
        engine = new ConversationEngine(new SqlConversationStore(db, "CC", clock), SharedKnowledge.answers(),
                new IntentClassifier(SharedKnowledge.embedder()), clock);
        store = new SqlCaseStore(db, clock, BOT);
        directory = MediatorDirectoryLoader.load(Path.of("config/mediators.yml"));
        cases = new CaseService(store, directory, clock);
        mail = new MailChannel(new MessageParser(), new SqlInboundLog(db, clock), engine, cases, new SqlOutbox(db, clock, BOT), BOT);
        data = gathered(List.of());
    }

    /** What is held about people, gathered from the four stores (as app/Storage does) and then from {@code more}. */
    private PersonalData gathered(List<PersonalRecords> more) {
        List<PersonalRecords> stores = new ArrayList<>(List.of(new CaseRecords(db), new ConversationRecords(db), new SqlOutbox(db, clock, BOT),
                new SqlInboundLog(db, clock)));
        stores.addAll(more);
        return new PersonalDataService(stores, db, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** A challenge raised in chat, answered slot by slot; stops before "yes" when submit is false. */
    private TurnResult raise(String conversation, String name, String organisation, String email, boolean confidential, boolean submit) {
        List<String> answers = List.of("raise a challenge", "West Cheshire", "1", name, organisation, email,
                "Cheshire West and Chester Council", "The council told us our grant ends at the end of the month, with no consultation.",
                "2", "told 3/11/2026, ends 30 November 2026", "40 people at " + organisation + " lose a hot meal", "We emailed the grants officer, no reply",
                "Restore the grant until three months notice has been given", confidential ? "2" : "1");
        TurnResult t = null;
        ConversationId id = ConversationId.parse(conversation);
        for (String a : answers) t = engine.handle(id, a);
        return submit ? engine.handle(id, "yes") : t;
    }

    private static byte[] email(String from, String subject, String messageId, String body) {
        return ("From: " + from + "\r\nTo: " + BOT + "\r\nSubject: " + subject + "\r\nMessage-ID: " + messageId + "\r\n"
                + "Date: Tue, 24 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + body + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Sam's confidential challenge, routed, questioned by the mediator, with a file, then resolved; and Sam's question by email. */
    private String samsResolvedCase() {
        String ref = raise("slack:T1:U1", "Sam Patel", "Northwich Lunch Club", SAM, true, true).caseInfo().ref();
        assertEquals(1, cases.routeNew());
        ChallengeCase c = store.find(ref).orElseThrow();
        String mediatorEmail = directory.mediator(c.mediatorId()).orElseThrow().email();
        assertTrue(cases.mediatorReply(ref, mediatorEmail, "INFO Sam, when did you first hear about the cut?").ok());
        assertTrue(cases.complainantReply(ref, SAM.toLowerCase(), "Sam Patel here: the minutes are attached.",
                List.of(new CaseService.Evidence("minutes.pdf", "application/pdf", "%PDF minutes of 3 Nov".getBytes(StandardCharsets.UTF_8)))).ok());
        assertTrue(cases.close(ref, CaseStatus.RESOLVED, "grant restored until March", "operator:test").ok());
        assertEquals("replied", mail.receive(email("Sam Patel <" + SAM + ">", "Consultation length", "<q1@lunchclub.org.uk>",
                "How long should a consultation run?")).what());
        return ref;
    }

    /** Every text value in every table, to prove something is nowhere. */
    private String everything() {
        return db.inTransaction(c -> {
            StringBuilder sb = new StringBuilder();
            List<String> tables = new ArrayList<>();
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            for (String t : tables) {
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT * FROM " + t)) {
                    while (rs.next()) {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            sb.append(v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(v)).append('\n');
                        }
                    }
                }
            }
            return sb.toString();
        });
    }

    private static String json(Object o) throws Exception {
        return new ObjectMapper().writeValueAsString(o);
    }

    @Test
    void exportHoldsEverythingAboutThePersonAndNothingAboutOthers() throws Exception {
        String ref = samsResolvedCase();
        raise("slack:T1:U2", "Jo Evans", "Bilston Group", "jo@bilston.org.uk", false, false); // someone else's draft

        Map<String, Object> doc = data.export("  sam.patel@LUNCHCLUB.org.uk ", false);
        assertNull(doc.get("note"));
        List<?> caseList = (List<?>) doc.get("cases");
        assertEquals(1, caseList.size());
        Map<?, ?> c = (Map<?, ?>) caseList.get(0);
        assertEquals(ref, c.get("ref"));
        assertEquals("Sam Patel", c.get("complainant_name"));
        assertEquals("The council told us our grant ends at the end of the month, with no consultation.",
                ((Map<?, ?>) c.get("details")).get("what_happened"));
        assertTrue(json(c.get("events")).contains("mediator asked: Sam, when did you first hear"), json(c.get("events")));
        Map<?, ?> file = (Map<?, ?>) ((List<?>) c.get("evidence")).get(0);
        assertEquals("minutes.pdf", file.get("name"));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("%PDF minutes of 3 Nov".getBytes(StandardCharsets.UTF_8))),
                file.get("sha256"));
        assertFalse(file.containsKey("content_base64"), "file content only when asked for");

        List<String> convIds = ((List<?>) doc.get("conversations")).stream().map(o -> (String) ((Map<?, ?>) o).get("id")).toList();
        assertEquals(List.of("slack:T1:U1", "mail:sam.patel@lunchclub.org.uk"), convIds);
        assertTrue(json(doc.get("conversations")).contains("40 people at Northwich Lunch Club lose a hot meal"), "the transcript is included");
        String emails = json(doc.get("emails"));
        assertTrue(emails.contains("acknowledgement") && emails.contains("mediator_summary") && emails.contains("closed_notice"), emails);
        assertEquals(1, ((List<?>) doc.get("emails_received")).size());
        String all = json(doc);
        assertFalse(all.contains("bilston") || all.contains("Jo Evans"), "nothing about anyone else");

        Map<String, Object> withFiles = data.export(SAM, true);
        Map<?, ?> f2 = (Map<?, ?>) ((List<?>) ((Map<?, ?>) ((List<?>) withFiles.get("cases")).get(0)).get("evidence")).get(0);
        assertEquals("%PDF minutes of 3 Nov", new String(Base64.getDecoder().decode((String) f2.get("content_base64")), StandardCharsets.UTF_8));

        Map<String, Object> jo = data.export("jo@bilston.org.uk", false);
        assertEquals(List.of("slack:T1:U2"), ((List<?>) jo.get("conversations")).stream().map(o -> ((Map<?, ?>) o).get("id")).toList(),
                "a draft is found by the email collected in it");

        Map<String, Object> nobody = data.export("nobody@example.org", false);
        assertEquals("Nothing is held about nobody@example.org.", nobody.get("note"));
        assertTrue(((List<?>) nobody.get("cases")).isEmpty());
    }

    @Test
    void eraseRemovesPersonalDataKeepsTheFiguresAndIsAudited() throws Exception {
        String ref = samsResolvedCase();
        raise("slack:T1:U2", "Jo Evans", "Bilston Group", "jo@bilston.org.uk", false, true);
        cases.routeNew();
        String reportBefore = AnnualReport.csv(AnnualReport.of(2026, store.list(null, null)));
        int historyBefore = store.history(ref).size();

        PersonalData.Holdings held = data.heldAbout(SAM);
        assertEquals(List.of(ref), held.cases());
        assertEquals(List.of(), held.openCases());
        assertEquals(2, held.conversations());
        assertEquals(1, held.caseFiles());
        assertEquals(1, held.inboundMessages());
        assertTrue(held.eventNotes() >= 2, "the mediator's question and the file's name: " + held.eventNotes());
        assertTrue(everything().contains("Sam Patel"), "nothing changed by looking");

        PersonalData.Holdings erased = data.erase(SAM.toUpperCase(), "operator:dpo");
        assertEquals(held, erased);
        String db = everything();
        for (String personal : List.of("Sam Patel", "sam.patel", "lunchclub", "40 people at Northwich Lunch Club", "minutes of 3 Nov", "when did you first hear")) {
            assertFalse(db.toLowerCase().contains(personal.toLowerCase()), personal + " is gone from every table");
        }
        assertTrue(db.contains("Jo Evans") && db.contains("jo@bilston.org.uk"), "someone else's data is untouched");

        ChallengeCase c = store.find(ref).orElseThrow();
        assertEquals(CaseStatus.RESOLVED, c.status());
        assertEquals("", c.complainantName());
        assertEquals("", c.complainantEmail());
        assertEquals("Northwich Lunch Club", c.organisation(), "raised for a group: the group is not the person");
        assertEquals("west-cheshire", c.area());
        assertEquals("grant restored until March", c.outcome());
        assertNull(c.answer("what_happened"));
        assertEquals("managing-change", c.facts().get("codes"));
        assertTrue(c.confidential(), "the choice of confidentiality is a category and stays");
        assertEquals(reportBefore, AnnualReport.csv(AnnualReport.of(2026, store.list(null, null))), "the report's figures are unchanged");

        List<CaseEvent> history = store.history(ref);
        assertEquals(historyBefore + 1, history.size());
        CaseEvent audit = history.get(history.size() - 1);
        assertEquals("operator:dpo", audit.actor());
        assertEquals("personal data erased on request (UK GDPR)", audit.note());
        assertTrue(history.stream().anyMatch(e -> e.note().equals("mediator asked: [redacted]")), history.toString());
        assertTrue(history.stream().anyMatch(e -> e.note().equals("complainant wrote; evidence: [redacted]")), history.toString());
        assertTrue(history.stream().anyMatch(e -> e.note().equals("closed: grant restored until March")), "an outcome without names stays");

        assertTrue(data.heldAbout(SAM).isEmpty(), "a second erasure finds nothing");
        assertTrue(data.erase(SAM, "operator:dpo").isEmpty());
        assertEquals(historyBefore + 1, store.history(ref).size(), "and records nothing more");
        assertEquals("Nothing is held about sam.patel@lunchclub.org.uk.", data.export(SAM, true).get("note"));
    }

    @Test
    void anErasedComplainantOfAnOpenCaseIsNotEmailedAgain() {
        String ref = raise("slack:T1:U1", "Sam Patel", "Northwich Lunch Club", SAM, false, true).caseInfo().ref();
        cases.routeNew();
        PersonalData.Holdings held = data.heldAbout(SAM);
        assertEquals(List.of(ref), held.openCases());
        data.erase(SAM, "operator:dpo");
        assertTrue(cases.close(ref, CaseStatus.WITHDRAWN, null, "operator:test").ok(), "the case can still be closed");
        long toNobody = db.inTransaction(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM emails WHERE recipient = ''")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
        assertEquals(0, toNobody, "no email is queued without an address");
    }

    @Test
    void anErasureThatFailsPartWayErasesNothing() throws Exception {
        String ref = raise("slack:T1:U1", "Sam Patel", "Northwich Lunch Club", SAM, false, true).caseInfo().ref();
        assertEquals(1, cases.routeNew());
        assertEquals("replied", mail.receive(email("Sam Patel <" + SAM + ">", "Consultation length", "<q1@lunchclub.org.uk>",
                "How long should a consultation run?")).what());
        PersonalData.Holdings held = data.heldAbout(SAM);
        assertTrue(held.emails() > 0 && held.inboundMessages() == 1 && held.conversations() == 2, held.toString());
        String before = json(data.export(SAM, true)), all = everything();

        PersonalRecords failing = new FailingRecords();
        assertThrows(IllegalStateException.class, () -> gathered(List.of(failing)).erase(SAM, "operator:dpo"));
        assertEquals(held, data.heldAbout(SAM), "every store erased first is undone with the last");
        assertEquals(before, json(data.export(SAM, true)));
        assertEquals(all, everything());
        assertEquals("Sam Patel", store.find(ref).orElseThrow().complainantName());

        assertEquals(held, data.erase(SAM, "operator:dpo"), "and the erasure asked again does it all");
        assertTrue(data.heldAbout(SAM).isEmpty());
    }

    @Test
    void caseHistoryStaysAppendOnlyButForARedaction() {
        String ref = raise("slack:T1:U1", "Sam Patel", "Northwich Lunch Club", SAM, false, true).caseInfo().ref();
        Runnable[] refused = {
                () -> exec("UPDATE case_events SET note = 'something else' WHERE case_ref = '" + ref + "'"),
                () -> exec("UPDATE case_events SET note = 'other [redacted]' WHERE case_ref = '" + ref + "'"),
                () -> exec("UPDATE case_events SET actor = 'someone', note = '[redacted]' WHERE case_ref = '" + ref + "'"),
                () -> exec("DELETE FROM case_events WHERE case_ref = '" + ref + "'")};
        for (Runnable r : refused) {
            RuntimeException e = assertThrows(RuntimeException.class, r::run);
            assertTrue(e.getMessage().contains("append-only"), e.getMessage());
        }
        exec("UPDATE case_events SET note = 'challenge [redacted]' WHERE case_ref = '" + ref + "'");
        assertEquals("challenge [redacted]", store.history(ref).get(0).note());
    }

    private void exec(String sql) {
        db.inTransaction(c -> {
            try (var s = c.createStatement()) {
                return s.executeUpdate(sql);
            }
        });
    }

    @Test
    void retentionDeletesAbandonedDraftsAndAnonymisesCasesYearsAfterClosure() throws Exception {
        Retention retention = new Retention(data, new RetentionPolicy(6, 30), clock);
        String ref = samsResolvedCase();                         // closed 2026-11-24
        raise("slack:T1:U2", "Jo Evans", "Bilston Group", "jo@bilston.org.uk", false, false); // a draft, never finished
        engine.keepFiles(ConversationId.slack("T1", "U2"), List.of(new ConversationEngine.SentFile("letter.pdf", "application/pdf", new byte[] {1, 2, 3})));
        String report = AnnualReport.csv(AnnualReport.of(2026, store.list(null, null)));

        clock.advance(Duration.ofDays(29));
        PersonalData.Sweep early = retention.run(false, "retention");
        assertEquals(0, early.abandonedConversations());
        assertTrue(everything().contains("Jo Evans"), "a draft untouched for 29 days stays");

        clock.advance(Duration.ofDays(2));
        PersonalData.Sweep preview = retention.run(true, "retention");
        assertEquals(List.of(), preview.casesAnonymised());
        assertEquals(2, preview.abandonedConversations(), "Jo's draft and Sam's emailed question, untouched for 31 days");
        assertEquals(1, preview.files());
        assertTrue(everything().contains("Jo Evans"), "a dry run changes nothing");
        assertEquals(preview, retention.run(false, "retention"));
        assertFalse(everything().contains("Jo Evans") || everything().contains("jo@bilston"), "the abandoned draft is gone");
        assertFalse(everything().contains("letter.pdf"), "with its files");
        assertTrue(store.find(ref).orElseThrow().complainantName().equals("Sam Patel"), "the case and its conversation are kept");
        assertFalse(store.transcript("slack:T1:U1").isEmpty(), "the case's conversation is kept with the case");

        clock.advance(Duration.between(clock.instant(), Instant.parse("2032-11-23T10:00:00Z")));
        assertEquals(List.of(), retention.run(false, "retention").casesAnonymised(), "not yet six years after closure");
        clock.advance(Duration.ofDays(2));
        PersonalData.Sweep due = retention.run(false, "retention");
        assertEquals(List.of(ref), due.casesAnonymised());
        assertFalse(everything().contains("Sam Patel"), "six years after closure the personal data is gone");
        assertEquals(report, AnnualReport.csv(AnnualReport.of(2026, store.list(null, null))), "and the figures stay");
        List<CaseEvent> history = store.history(ref);
        assertEquals("retention", history.get(history.size() - 1).actor());
        assertTrue(retention.run(false, "retention").casesAnonymised().isEmpty(), "once");
    }
}
