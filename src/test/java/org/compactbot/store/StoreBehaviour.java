package org.compactbot.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.compactbot.cases.CaseChange;
import org.compactbot.cases.CaseChange.Field.AssignedAt;
import org.compactbot.cases.CaseChange.Field.MediatorId;
import org.compactbot.cases.CaseEvent;
import org.compactbot.cases.CaseStatus;
import org.compactbot.cases.ChallengeCase;
import org.compactbot.cases.Outbox;
import org.compactbot.cases.OutgoingEmail;
import org.compactbot.cases.PersonalData;
import org.compactbot.cases.PersonalDataService;
import org.compactbot.cases.PersonalRecords;
import org.compactbot.conversation.Conversation;
import org.compactbot.conversation.ConversationStore;
import org.compactbot.conversation.ConversationStore.Line;
import org.compactbot.conversation.TestClock;
import org.compactbot.conversation.WorkspaceInstallations;
import org.compactbot.knowledge.KnowledgeGaps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the stores do, the same on every engine: SqliteStoreTest and PostgresStoreTest run these. */
abstract class StoreBehaviour {
    final TestClock clock = new TestClock(Instant.parse("2026-11-24T10:00:00Z"));
    String url;
    Database db;
    SqlConversationStore conversations;
    SqlCaseStore cases;
    SqlOutbox outbox;

    /** The JDBC URL of a new, empty database. */
    abstract String newDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        url = newDatabase();
        db = Database.open(url, "", "");
        conversations = new SqlConversationStore(db, "CC", clock);
        cases = new SqlCaseStore(db, clock, "compact@example.org");
        outbox = new SqlOutbox(db, clock, "compact@example.org");
    }

    @AfterEach
    void close() {
        if (db != null) db.close();
    }

    String submit(String conversationId, String area) {
        Conversation c = conversations.load(conversationId) instanceof ConversationStore.Loaded.Found f ? f.conversation()
                : new Conversation(conversationId, "test", clock.instant());
        return conversations.commitTurn(c,
                List.of(new Line("in", "yes"), new Line("out", "Thank you, your challenge is CC-PENDING")),
                new ConversationStore.NewCase(area, "Cheshire West and Chester Council", "Lunch Club", "Sam Patel",
                        "sam@lunchclub.example", "{\"codes\":\"funding\"}")).orElseThrow();
    }

    static CaseChange move(String ref, CaseStatus to, List<CaseChange.Field> fields, String timer) {
        return new CaseChange(ref, to, "test", to == null ? "timer " + timer : "to " + to.id(), fields, List.of(), timer);
    }

    static OutgoingEmail email(String to, String purpose) {
        return new OutgoingEmail(to, "About your challenge", "Hello", null, List.of(), null, purpose);
    }

    @Test
    void knowledgeGapsCountTheSameQuestionOnceAndListTheMostAskedFirst() {
        SqlKnowledgeGaps gaps = new SqlKnowledgeGaps(db, clock);
        gaps.record(new KnowledgeGaps.Gap("who's the leader of the council?", "wolverhampton", true));
        clock.advance(Duration.ofHours(1));
        gaps.record(new KnowledgeGaps.Gap("Who's the LEADER of the council??", "wolverhampton", true));
        gaps.record(new KnowledgeGaps.Gap("can we get paid in advance", "redcar", false));
        gaps.record(new KnowledgeGaps.Gap("can we get paid in advance", null, false));

        List<KnowledgeGaps.Listed> all = gaps.list(null, 10);
        assertEquals(3, all.size(), all.toString());
        KnowledgeGaps.Listed top = all.get(0);
        assertEquals("Who's the LEADER of the council??", top.question(), "the latest wording is shown");
        assertEquals("wolverhampton", top.area());
        assertEquals(2, top.times());
        assertEquals(2, top.declined());
        assertTrue(top.lastAsked().startsWith("2026-11-24T11:00"), top.lastAsked());

        List<KnowledgeGaps.Listed> redcar = gaps.list("redcar", 10);
        assertEquals(1, redcar.size());
        assertEquals(0, redcar.get(0).declined());
        assertEquals(1, gaps.list(null, 1).size());
        assertTrue(all.stream().anyMatch(g -> g.area() == null), "a question with no area is kept with none");
    }

    @Test
    void caseReferencesCountUpWithinAYearAndStartAgainInTheNext() {
        assertEquals("CC-2026-0001", submit("a", "west-cheshire"));
        assertEquals("CC-2026-0002", submit("b", "west-cheshire"));
        clock.advance(Duration.ofDays(60)); // January 2027
        assertEquals("CC-2027-0001", submit("c", "west-cheshire"));
        assertEquals(List.of("CC-2027-0001", "CC-2026-0002", "CC-2026-0001"), cases.list(null, null).stream().map(ChallengeCase::ref).toList());
        assertEquals("Sam Patel", cases.find("CC-2026-0001").orElseThrow().complainantName());
        assertEquals("funding", cases.find("CC-2026-0001").orElseThrow().details().get("codes"));
    }

    @Test
    void aConversationIsSavedWithItsTranscriptAndLoadedBack() {
        Conversation c = new Conversation("conv-1", "slack", clock.instant());
        conversations.commitTurn(c, List.of(new Line("in", "hello")), null);
        clock.advance(Duration.ofMinutes(1));
        conversations.commitTurn(c, List.of(new Line("out", "Hello! Ask me about the Compact.")), null);
        var loaded = assertInstanceOf(ConversationStore.Loaded.Found.class, conversations.load("conv-1"));
        assertEquals("slack", loaded.conversation().channel());
        assertInstanceOf(ConversationStore.Loaded.Missing.class, conversations.load("nobody"));
        List<String> transcript = cases.transcript("conv-1");
        assertEquals(2, transcript.size(), transcript.toString());
        assertTrue(transcript.get(0).endsWith(" person: hello") && transcript.get(1).endsWith(" bot: Hello! Ask me about the Compact."),
                transcript.toString());
    }

    @Test
    void aTurnSavedOverAnotherInstancesTurnOfTheSameConversationIsRefusedAndNothingOfItIsKept() {
        conversations.commitTurn(new Conversation("shared", "slack", clock.instant()), List.of(new Line("in", "hello")), null);
        Conversation mine = ((ConversationStore.Loaded.Found) conversations.load("shared")).conversation();
        Conversation theirs = ((ConversationStore.Loaded.Found) conversations.load("shared")).conversation();
        conversations.commitTurn(theirs, List.of(new Line("in", "their message")), null);
        assertThrows(ConversationStore.ConcurrentTurn.class, () -> conversations.commitTurn(mine, List.of(new Line("in", "my message")),
                new ConversationStore.NewCase("west-cheshire", "Council", "Lunch Club", "Sam Patel", "sam@lunchclub.example", "{}")));
        assertEquals(2, cases.transcript("shared").size(), "my turn's lines were not kept");
        assertTrue(cases.list(null, null).isEmpty(), "nor its case");
        assertThrows(ConversationStore.ConcurrentTurn.class, () -> conversations.commitTurn(
                new Conversation("shared", "slack", clock.instant()), List.of(), null), "a second 'new' conversation with the same id");

        Conversation again = ((ConversationStore.Loaded.Found) conversations.load("shared")).conversation();
        conversations.commitTurn(again, List.of(new Line("in", "my message")), null);
        assertEquals(3, cases.transcript("shared").size(), "run again from a fresh load, the turn is saved");
        assertEquals("CC-2026-0001", submit("other", "west-cheshire"), "the refused case used no reference");
    }

    @Test
    void theCasesForOneDeskUserAreThoseOfTheirAreasOrTheirMediatorsNewestFirst() {
        String cheshire = submit("a", "west-cheshire"), wolves = submit("b", "wolverhampton"), redcar = submit("c", "redcar-cleveland");
        assertTrue(cases.apply(move(wolves, CaseStatus.ASSIGNED, List.of(new MediatorId("m-wolves"), new AssignedAt(clock.instant())), null)));
        assertTrue(cases.apply(move(redcar, CaseStatus.ASSIGNED, List.of(new MediatorId("m-teesside"), new AssignedAt(clock.instant())), null)));
        java.util.function.Function<List<ChallengeCase>, List<String>> refs = l -> l.stream().map(ChallengeCase::ref).toList();
        assertEquals(List.of(wolves, cheshire), refs.apply(cases.listFor(List.of("west-cheshire"), List.of("m-wolves"), null)));
        assertEquals(List.of(wolves), refs.apply(cases.listFor(List.of("west-cheshire"), List.of("m-wolves"), CaseStatus.ASSIGNED)));
        assertEquals(List.of(redcar, wolves), refs.apply(cases.listFor(List.of(), List.of("m-wolves", "m-teesside"), null)));
        assertEquals(List.of(cheshire), refs.apply(cases.listFor(List.of("west-cheshire"), List.of(), null)));
        assertEquals(List.of(), cases.listFor(List.of(), List.of(), null));
    }

    @Test
    void aCaseMovesOnlyAsItsStatusAllowsAndATimerFiresOnce() {
        String ref = submit("a", "west-cheshire");
        assertEquals(List.of(ref), cases.unrouted());
        assertTrue(cases.apply(move(ref, CaseStatus.ASSIGNED, List.of(new MediatorId("m-funding"), new AssignedAt(clock.instant())), null)));
        assertEquals(List.of(), cases.unrouted(), "routing a case finishes its submission");
        assertFalse(cases.apply(move(ref, CaseStatus.SUBMITTED, List.of(), null)), "assigned cannot go back to submitted");
        assertFalse(cases.apply(move("CC-2026-9999", CaseStatus.ASSIGNED, List.of(), null)), "no such case");
        assertTrue(cases.apply(move(ref, null, List.of(), "accept_reminder")));
        assertFalse(cases.apply(move(ref, null, List.of(), "accept_reminder")), "a timer fires once");
        assertTrue(cases.timerFired(ref, "accept_reminder"));
        ChallengeCase c = cases.find(ref).orElseThrow();
        assertEquals(CaseStatus.ASSIGNED, c.status());
        assertEquals("m-funding", c.mediatorId());
        assertEquals(List.of("submitted", "assigned", "assigned"), cases.history(ref).stream().map(CaseEvent::to).toList());
        assertEquals(Map.of("m-funding", 1), cases.openCasesByMediator());
        assertEquals(Map.of("assigned", 1), cases.countByStatus());
        assertEquals(List.of(ref), cases.list(CaseStatus.ASSIGNED, "west-cheshire").stream().map(ChallengeCase::ref).toList());
        assertEquals(List.of(), cases.list(CaseStatus.ASSIGNED, "leeds"));
    }

    @Test
    void theLastAssignedMediatorIsTheOneAssignedMostRecently() {
        String a = submit("a", "west-cheshire"), b = submit("b", "west-cheshire"), c = submit("c", "west-cheshire");
        cases.apply(move(a, CaseStatus.ASSIGNED, List.of(new MediatorId("m-early"), new AssignedAt(Instant.parse("2026-11-24T10:00:00Z"))), null));
        cases.apply(move(b, CaseStatus.ASSIGNED, List.of(new MediatorId("m-late"), new AssignedAt(Instant.parse("2026-11-24T11:00:00Z"))), null));
        cases.apply(move(c, CaseStatus.ASSIGNED, List.of(new MediatorId("m-undated")), null)); // no time recorded: never counts as latest
        assertEquals("m-late", cases.lastAssigned("west-cheshire"));
        assertEquals(null, cases.lastAssigned("leeds"));
    }

    @Test
    void theAuditTrailCannotBeChangedOrDeleted() {
        String ref = submit("a", "west-cheshire");
        for (String sql : List.of("UPDATE case_events SET note = 'nothing happened'", "DELETE FROM case_events")) {
            StoreException e = assertThrows(StoreException.class, () -> db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate(sql);
                }
            }));
            assertTrue(e.getMessage().contains("append-only"), e.getMessage());
        }
        assertEquals("challenge submitted", cases.history(ref).get(0).note());
    }

    @Test
    void filesKeepEveryByteAndFilesSentBeforeSubmissionBecomeTheCasesEvidence() {
        byte[] scan = new byte[70_000];
        new Random(7).nextBytes(scan);
        conversations.keepDraftEvidence("a", "letter.pdf", "application/pdf", scan);
        String ref = submit("a", "west-cheshire");
        cases.addEvidence(ref, "notes.txt", "text/plain", "later".getBytes());
        assertEquals(List.of(Map.entry("letter.pdf", 70_000L), Map.entry("notes.txt", 5L)), cases.evidence(ref));
        byte[] stored = db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT content FROM evidence WHERE case_ref = ? AND name = 'letter.pdf'")) {
                p.setString(1, ref);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return rs.getBytes(1);
                }
            }
        });
        assertArrayEquals(scan, stored);
        String other = submit("a", "west-cheshire");
        assertEquals(List.of(), cases.evidence(other), "draft files move once");
    }

    @Test
    void aMessageOrEventDeliveredAgainIsRecognised() {
        var inbound = new SqlInboundLog(db, clock);
        assertTrue(inbound.firstReceipt("<m1@example.org>", "sam@lunchclub.example"));
        assertTrue(inbound.firstReceipt("<m1@example.org>", "sam@lunchclub.example"), "received but never processed (a crash): act on it");
        inbound.processed("<m1@example.org>", "replied: answer");
        assertFalse(inbound.firstReceipt("<m1@example.org>", "sam@lunchclub.example"));

        var slack = new SqlSlackEventLog(db, clock);
        assertTrue(slack.firstTime("Ev01"));
        assertFalse(slack.firstTime("Ev01"));
        assertTrue(slack.firstTime("Ev02"));
    }

    @Test
    void aWorkspaceInstallationIsKeptReplacedByAReinstallAndForgottenOnUninstall() {
        var installs = new SqlWorkspaceInstallations(db);
        assertEquals(java.util.Optional.empty(), installs.find(null, "T0A"));
        installs.save(new WorkspaceInstallations.Installation("T0A", null, "Council A", "xoxb-a-1", "U0BOTA", "B0A", "chat:write",
                "U0ADMIN", clock.instant()));
        installs.save(new WorkspaceInstallations.Installation("T0B", null, "Council B", "xoxb-b-1", "U0BOTB", "B0B", "chat:write",
                "U0ADMIN", clock.instant()));
        assertEquals("xoxb-a-1", installs.find(null, "T0A").orElseThrow().botToken());
        assertEquals("Council A", installs.find(null, "T0A").orElseThrow().teamName());

        clock.advance(Duration.ofDays(1));
        installs.save(new WorkspaceInstallations.Installation("T0A", null, "Council A", "xoxb-a-2", "U0BOTA", "B0A", "chat:write",
                "U0OTHER", clock.instant()));
        var a = installs.find(null, "T0A").orElseThrow();
        assertEquals("xoxb-a-2", a.botToken(), "a reinstall's new token replaces the old one");
        assertEquals(clock.instant(), a.installedAt());
        assertEquals("xoxb-b-1", installs.find(null, "T0B").orElseThrow().botToken(), "another workspace is untouched");

        // an organisation-wide install answers for any of its workspaces that has no install of its own
        installs.save(new WorkspaceInstallations.Installation(null, "E0ORG", "Org", "xoxb-org", "U0BOTE", "B0E", "chat:write",
                "U0ADMIN", clock.instant()));
        assertEquals("xoxb-org", installs.find("E0ORG", "T0INORG").orElseThrow().botToken());
        assertEquals("xoxb-a-2", installs.find("E0ORG", "T0A").orElseThrow().botToken());

        assertTrue(installs.remove(null, "T0A"));
        assertFalse(installs.remove(null, "T0A"), "already gone");
        assertEquals(java.util.Optional.empty(), installs.find(null, "T0A"));
        assertTrue(installs.find(null, "T0B").isPresent());
    }

    @Test
    void anInstallStateIsUsableOnceAndOnlyForTenMinutes() {
        var installs = new SqlWorkspaceInstallations(db);
        Duration ten = Duration.ofMinutes(10);
        installs.issueState("s-1", clock.instant());
        installs.issueState("s-2", clock.instant());
        assertFalse(installs.useState("never-issued", clock.instant(), ten));
        assertTrue(installs.useState("s-1", clock.instant().plusSeconds(30), ten));
        assertFalse(installs.useState("s-1", clock.instant().plusSeconds(31), ten), "a state is used up by its first callback");
        assertFalse(installs.useState("s-2", clock.instant().plus(ten).plusSeconds(1), ten), "expired");
        assertFalse(installs.useState("s-2", clock.instant(), ten), "an expired state presented is gone for good");
    }

    private int inboundLogged() {
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM inbound_messages"); ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    @Test
    void workSpanningStoresIsOneTransactionThatAFailureUndoesWhole() {
        var inbound = new SqlInboundLog(db, clock);
        assertThrows(IllegalStateException.class, () -> db.allOrNothing(() -> {
            inbound.firstReceipt("<a@example.org>", "sam@lunchclub.example");
            throw new IllegalStateException("the next store failed");
        }));
        assertEquals(0, inboundLogged(), "the store's own transaction inside committed nothing on its own");
        assertThrows(StoreException.class, () -> db.allOrNothing(() -> {
            inbound.firstReceipt("<b@example.org>", "sam@lunchclub.example");
            return db.inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("DELETE FROM no_such_table");
                }
            });
        }), "an SQL failure inside ends the whole transaction as a store error");
        assertEquals(0, inboundLogged());
        db.allOrNothing(() -> inbound.firstReceipt("<c@example.org>", "sam@lunchclub.example"));
        assertEquals(1, inboundLogged(), "and the database takes the next one");
    }

    @Test
    void aClosingSurveyIsSentOnceItsAnswersReplaceEarlierOnesAndItsCommentGoesWithThePersonsData() {
        String ref = submit("mail:sam@lunchclub.example", "west-cheshire");
        SqlSurveys surveys = new SqlSurveys(db);
        assertTrue(surveys.find(ref).isEmpty());
        surveys.sent(ref, clock.instant());
        surveys.sent(ref, clock.instant().plusSeconds(60));
        assertEquals(1, surveys.all().size(), "one survey per case");
        assertEquals(clock.instant(), surveys.find(ref).orElseThrow().sentAt());
        surveys.reasked(ref);
        surveys.answered(ref, org.compactbot.cases.SurveyAnswer.Answer.YES, org.compactbot.cases.SurveyAnswer.Answer.NO, "Sam Patel says thanks", clock.instant());
        surveys.answered(ref, org.compactbot.cases.SurveyAnswer.Answer.PARTLY, org.compactbot.cases.SurveyAnswer.Answer.NO, "Lunch Club is grateful", clock.instant());
        surveys.answered(ref, null, null, "and one more thing", clock.instant());
        var s = surveys.find(ref).orElseThrow();
        assertTrue(s.reasked() && s.answered());
        assertEquals(List.of(org.compactbot.cases.SurveyAnswer.Answer.PARTLY, org.compactbot.cases.SurveyAnswer.Answer.NO), List.of(s.satisfied(), s.outcomeAsAsked()),
                "the second answer replaced the first; a comment alone keeps the answers");
        assertEquals("Lunch Club is grateful\n\nand one more thing", s.comment());

        PersonalData data = new PersonalDataService(List.of(new CaseRecords(db)), db, clock);
        assertTrue(data.export("sam@lunchclub.example", false).toString().contains("Lunch Club is grateful"), "the comment is exported");
        SqlPublishedOutcomes published = new SqlPublishedOutcomes(db);
        published.publish(new org.compactbot.cases.PublishedOutcome(ref, "west-cheshire", "Cheshire West and Chester Council", List.of("u 3"),
                CaseStatus.RESOLVED, "2026-11", "The grant was restored.", "operator", clock.instant()));
        assertEquals(1, published.all().size());
        data.erase("sam@lunchclub.example", "operator:dpo");
        assertTrue(published.all().isEmpty(), "an erased person's case is taken out of the published outcomes too");
        var erased = surveys.find(ref).orElseThrow();
        assertEquals(null, erased.comment(), "the comment is erased with the case");
        assertEquals(org.compactbot.cases.SurveyAnswer.Answer.PARTLY, erased.satisfied(), "the answers stay for the figures");
    }

    @Test
    void personalDataIsGatheredFromEveryStoreAndErasedAllOrNothing() {
        var inbound = new SqlInboundLog(db, clock);
        String ref = submit("mail:sam@lunchclub.example", "west-cheshire");
        outbox.enqueue(email("sam@lunchclub.example", "acknowledgement"), ref);
        inbound.firstReceipt("<m1@example.org>", "Sam@LunchClub.example");
        List<PersonalRecords> stores = List.of(new CaseRecords(db), new ConversationRecords(db), outbox, inbound);
        PersonalData data = new PersonalDataService(stores, db, clock);
        PersonalData.Holdings held = data.heldAbout("SAM@lunchclub.example");
        assertEquals(List.of(ref), held.cases());
        assertEquals(List.of(1, 2, 1, 1), List.of(held.conversations(), held.transcriptLines(), held.emails(), held.inboundMessages()));
        Map<String, Object> doc = data.export("sam@lunchclub.example", false);
        assertEquals(List.of("email", "exported_at", "cases", "conversations", "emails", "emails_received"), List.copyOf(doc.keySet()));

        PersonalRecords failing = new FailingRecords();
        List<PersonalRecords> withFailure = new java.util.ArrayList<>(stores);
        withFailure.add(failing);
        assertThrows(IllegalStateException.class, () -> new PersonalDataService(withFailure, db, clock).erase("sam@lunchclub.example", "operator:dpo"));
        assertEquals(held, data.heldAbout("sam@lunchclub.example"), "nothing erased when a store fails part way");
        assertEquals("Sam Patel", cases.find(ref).orElseThrow().complainantName());

        assertEquals(held, data.erase("sam@lunchclub.example", "operator:dpo"));
        assertTrue(data.heldAbout("sam@lunchclub.example").isEmpty());
        assertEquals("", cases.find(ref).orElseThrow().complainantName(), "the case is kept, anonymised");
        assertEquals("Nothing is held about sam@lunchclub.example.", data.export("sam@lunchclub.example", false).get("note"));
    }

    @Test
    void anEmailWeSentIsFoundByItsMessageIdAndRepliesAreCountedPerAddress() {
        String ref = submit("a", "west-cheshire");
        outbox.enqueue(email("sam@lunchclub.example", "reply"), null);
        outbox.enqueue(email("sam@lunchclub.example", "reply"), ref);
        outbox.enqueue(email("sam@lunchclub.example", "acknowledgement"), ref);
        outbox.enqueue(email("kim@eston.example", "reply"), null);
        List<Outbox.Pending> queued = outbox.due(clock.instant(), 10);
        Outbox.Pending aboutTheCase = queued.stream().filter(p -> ref.equals(p.caseRef()) && p.email().purpose().equals("reply")).findFirst().orElseThrow();
        assertEquals(new Outbox.Sent(ref, "sam@lunchclub.example", "reply"), outbox.sent(aboutTheCase.messageId()).orElseThrow());
        assertTrue(outbox.sent("<guessed-" + ref + "@example.org>").isEmpty(), "a made-up Message-ID is none of ours");
        assertEquals(2, outbox.repliesTo("sam@lunchclub.example", clock.instant().minus(Duration.ofHours(1))), "replies only, to that address");
        clock.advance(Duration.ofHours(2));
        assertEquals(0, outbox.repliesTo("sam@lunchclub.example", clock.instant().minus(Duration.ofHours(1))));
    }

    @Test
    void withOneInstanceOnSqliteNothingIsLeasedSoAnEmailLeftByACrashIsSentAtOnceAfterTheRestart() {
        org.junit.jupiter.api.Assumptions.assumeTrue(db.dialect() == Dialect.SQLITE, "leases are for an outbox several instances share");
        String ref = submit("a", "west-cheshire");
        outbox.enqueue(email("sam@lunchclub.example", "acknowledgement"), ref);
        Instant now = clock.instant();
        assertEquals(1, outbox.claim(now, 10, Duration.ofMinutes(2)).size());
        // the process dies before sending; the restarted one finds the email due at once
        assertEquals(List.of("acknowledgement"), outbox.claim(now.plusSeconds(5), 10, Duration.ofMinutes(2)).stream()
                .map(p -> p.email().purpose()).toList());
    }

    @Test
    void claimedEmailsAreNotClaimedAgainUntilSentFailedReleasedOrTheLeaseEnds() {
        org.junit.jupiter.api.Assumptions.assumeTrue(db.dialect() == Dialect.POSTGRESQL, "only a shared outbox leases what it claims");
        String ref = submit("a", "west-cheshire");
        outbox.enqueue(email("sam@lunchclub.example", "acknowledgement"), ref);
        outbox.enqueue(email("morgan@mediation.example", "assignment"), ref);
        outbox.enqueue(email("lead@cheshirewest.example", "escalation"), null);
        Instant now = clock.instant();
        Duration lease = Duration.ofMinutes(10);
        List<Outbox.Pending> claimed = outbox.claim(now, 10, lease);
        assertEquals(List.of("acknowledgement", "assignment", "escalation"), claimed.stream().map(p -> p.email().purpose()).toList());
        assertEquals(List.of(), outbox.claim(now, 10, lease), "claimed emails are not claimed again meanwhile");
        assertEquals(3, outbox.due(now.plus(lease), 10).size(), "a sender that died leaves them to be retried after the lease");

        outbox.markSent(claimed.get(0).id(), now);
        outbox.markFailed(claimed.get(1).id(), 1, now.plus(Duration.ofMinutes(1)), "451 try later");
        outbox.release(List.of(claimed.get(2).id()), now);
        assertEquals(List.of("escalation"), outbox.claim(now, 10, lease).stream().map(p -> p.email().purpose()).toList());
        List<Outbox.Pending> retry = outbox.claim(now.plus(Duration.ofMinutes(1)), 10, lease);
        assertEquals(List.of("assignment"), retry.stream().map(p -> p.email().purpose()).toList());
        assertEquals(1, retry.get(0).attempts());

        assertEquals(ref, outbox.caseOf(claimed.get(0).messageId()).orElseThrow());
        assertTrue(outbox.caseOf(claimed.get(2).messageId()).isEmpty(), "an email about no case");
        assertEquals(2, outbox.depthAndOldestAgeSeconds(now)[0]);
        assertEquals(now, cases.find(ref).orElseThrow().acknowledgedAt(), "sending the acknowledgement records it on the case");
    }

    @Test
    void reopeningAppliesNoMigrationTwice() throws Exception {
        db.close();
        db = Database.open(url, "", "");
        db.close();
        db = Database.open(url, "", "");
        List<Integer> versions = db.inTransaction(c -> {
            List<Integer> out = new java.util.ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
                while (rs.next()) out.add(rs.getInt(1));
            }
            return out;
        });
        assertEquals(java.util.stream.IntStream.rangeClosed(1, Migrations.ALL.size()).boxed().toList(), versions);
    }
}
