package org.compactbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.compactbot.cases.CaseChange;
import org.compactbot.cases.CaseStatus;
import org.compactbot.cases.Outbox;
import org.compactbot.cases.OutgoingEmail;
import org.compactbot.config.AppConfig;
import org.compactbot.conversation.Conversation;
import org.compactbot.conversation.ConversationStore;
import org.compactbot.mail.OutboxSender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Several instances on one PostgreSQL (embedded; skipped as root): what they share stays right. */
class PostgresSharingTest {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir java.nio.file.Path dir;
    private final List<AutoCloseable> open = java.util.Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void close() throws Exception {
        pool.shutdownNow();
        for (AutoCloseable c : open) c.close();
    }

    private Database instance(String url) throws Exception {
        Database db = Database.open(url, "", "");
        open.add(db);
        return db;
    }

    /** Runs the tasks at once (as far as threads allow) and returns their results in order. */
    private <T> List<T> together(List<Callable<T>> tasks) throws Exception {
        CyclicBarrier start = new CyclicBarrier(tasks.size());
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> t : tasks) futures.add(pool.submit(() -> {
            start.await();
            return t.call();
        }));
        List<T> out = new ArrayList<>();
        for (Future<T> f : futures) out.add(f.get());
        return out;
    }

    private static OutgoingEmail email(int i) {
        return new OutgoingEmail("person" + i + "@example.org", "Notice " + i, "Hello " + i, null, List.of(), null, "notice");
    }

    private OutboxSender sender(Database db) {
        AppConfig.Mail mail = new AppConfig.Mail("compact@example.org", new AppConfig.Smtp("127.0.0.1", smtp.getSmtp().getPort(), "", "", "none"),
                AppConfig.defaults().mail().imap(), "", "");
        return new OutboxSender(new SqlOutbox(db, Clock.systemUTC(), "compact@example.org"), mail, dir.resolve("unused"),
                Clock.systemUTC(), new Random(7));
    }

    @Test
    void twoInstancesDrainingOneOutboxSendEveryEmailExactlyOnce() throws Exception {
        String url = TestPostgres.newDatabase();
        Database one = instance(url), two = instance(url);
        int n = 450; // more than one round's 200, so both instances get work
        SqlOutbox queue = new SqlOutbox(one, Clock.systemUTC(), "compact@example.org");
        for (int i = 0; i < n; i++) queue.enqueue(email(i), null);
        OutboxSender first = sender(one), second = sender(two);
        Callable<Integer> drainFirst = () -> {
            int sent = 0, round;
            while ((round = first.drainOnce()) > 0) sent += round;
            return sent;
        };
        Callable<Integer> drainSecond = () -> {
            int sent = 0, round;
            while ((round = second.drainOnce()) > 0) sent += round;
            return sent;
        };
        List<Integer> sent = together(List.of(drainFirst, drainSecond));

        MimeMessage[] received = smtp.getReceivedMessages();
        Set<String> ids = new HashSet<>();
        for (MimeMessage m : received) ids.add(m.getMessageID());
        assertEquals(n, received.length, "each email sent once; sent by instance: " + sent);
        assertEquals(n, ids.size());
        assertEquals(n, sent.get(0) + sent.get(1));
        assertTrue(sent.get(0) > 0 && sent.get(1) > 0, "both instances sent: " + sent);
        assertEquals(0, queue.depthAndOldestAgeSeconds(Instant.now())[0], "nothing left unsent");
    }

    @Test
    void aClaimPassesOverEmailsAnotherInstanceIsClaimingInsteadOfWaiting() throws Exception {
        String url = TestPostgres.newDatabase();
        Database one = instance(url), two = instance(url);
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        Clock clock = Clock.fixed(now, java.time.ZoneOffset.UTC);
        SqlOutbox mine = new SqlOutbox(one, clock, "compact@example.org"), theirs = new SqlOutbox(two, clock, "compact@example.org");
        for (int i = 0; i < 5; i++) mine.enqueue(email(i), null);
        List<Long> all = mine.due(now, 10).stream().map(Outbox.Pending::id).toList();
        List<Long> got = one.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT id FROM emails ORDER BY id LIMIT 2 FOR UPDATE").close(); // instance one, in the middle of its claim
            }
            return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> theirs.claim(now, 10, Duration.ofMinutes(10)).stream()
                    .map(Outbox.Pending::id).toList(), "the claim must not wait for rows another instance holds");
        });
        assertEquals(all.subList(2, 5), got);
    }

    @Test
    void oneInstanceLeadsAtATimeAndAnotherTakesOverWhenTheLeaderStopsOrDies() throws Exception {
        String url = TestPostgres.newDatabase();
        Database one = instance(url), two = instance(url);
        Leadership a = one.leadership(), b = two.leadership();
        open.add(a);
        open.add(b);
        assertTrue(a.holds());
        assertFalse(b.holds());
        assertTrue(a.holds(), "the leader keeps the lead");
        assertFalse(b.holds());

        a.close(); // the leader stops
        assertTrue(b.holds(), "taken over when the leader stops");
        Leadership again = one.leadership();
        open.add(again);
        assertFalse(again.holds());

        try (Connection admin = DriverManager.getConnection(url); Statement s = admin.createStatement()) {
            // the leader's process dies: its session ends (and with it the lock)
            s.execute("SELECT pg_terminate_backend(pid, 10000) FROM pg_locks WHERE locktype = 'advisory' AND granted");
        }
        assertTrue(again.holds(), "taken over when the leader's connection is gone");
        assertFalse(b.holds(), "the old leader sees it no longer leads");
    }

    @Test
    void instancesStartingTogetherApplyEachMigrationOnce() throws Exception {
        String url = TestPostgres.newDatabase();
        List<Callable<Database>> starts = new ArrayList<>();
        for (int i = 0; i < 4; i++) starts.add(() -> instance(url));
        List<Database> instances = together(starts);
        List<Integer> versions = instances.get(3).inTransaction(c -> {
            List<Integer> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
                while (rs.next()) out.add(rs.getInt(1));
            }
            return out;
        });
        assertEquals(IntStream.rangeClosed(1, Migrations.ALL.size()).boxed().toList(), versions);
    }

    @Test
    void casesSubmittedOnTwoInstancesAtOnceGetDistinctReferencesInSequence() throws Exception {
        String url = TestPostgres.newDatabase();
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), java.time.ZoneOffset.UTC);
        List<Callable<List<String>>> submitters = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Database db = instance(url);
            String name = "instance" + t;
            submitters.add(() -> {
                SqlConversationStore store = new SqlConversationStore(db, "CC", clock);
                List<String> refs = new ArrayList<>();
                for (int i = 0; i < 15; i++) {
                    refs.add(store.commitTurn(new Conversation(name + "-" + i, "test", clock.instant()), List.of(),
                            new ConversationStore.NewCase("west-cheshire", "Council", "Group " + i, "Sam", "sam@example.org", "{}")).orElseThrow());
                }
                return refs;
            });
        }
        Set<String> refs = new HashSet<>();
        together(submitters).forEach(refs::addAll);
        Set<String> expected = new HashSet<>();
        for (int i = 1; i <= 60; i++) expected.add(String.format("CC-2026-%04d", i));
        assertEquals(expected, refs);
    }

    @Test
    void aTimerDueOnTwoInstancesAtOnceFiresOnce() throws Exception {
        String url = TestPostgres.newDatabase();
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), java.time.ZoneOffset.UTC);
        Database one = instance(url), two = instance(url);
        String ref = new SqlConversationStore(one, "CC", clock).commitTurn(new Conversation("c", "test", clock.instant()), List.of(),
                new ConversationStore.NewCase("west-cheshire", "Council", "Group", "Sam", "sam@example.org", "{}")).orElseThrow();
        SqlCaseStore first = new SqlCaseStore(one, clock, "compact@example.org"), second = new SqlCaseStore(two, clock, "compact@example.org");
        for (int i = 0; i < 10; i++) {
            CaseChange reminder = new CaseChange(ref, null, "timer", "reminder " + i, List.of(), List.of(email(i)), "reminder_" + i);
            List<Boolean> fired = together(List.of(() -> first.apply(reminder), () -> second.apply(reminder)));
            assertEquals(1, fired.stream().filter(f -> f).count(), "timer " + i + ": " + fired);
        }
        assertEquals(11, first.history(ref).size(), "the submission and one event per timer");
        assertEquals(10, new SqlOutbox(one, clock, "compact@example.org").depthAndOldestAgeSeconds(clock.instant())[0], "one email per timer");
    }
}
