package org.compactbot.soak;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.compactbot.conversation.ConversationStore;
import org.compactbot.store.Database;
import org.compactbot.store.SqlConversationStore;

/**
 * The soak test of issue #7 (run by scripts/soak, not by the test suite): simulated users chat
 * through whole challenges on /api/chat and post emails to /mail/inbound against a real server
 * process that is SIGKILLed at random moments and restarted. At the end, after the outbox has
 * drained and the server has been stopped with SIGTERM, every challenge a user saw confirmed must
 * exist exactly once, every outbox email must have reached the SMTP server (GreenMail) exactly once,
 * every inbound email must have been processed, and every conversation must load.
 *
 * <pre>
 * Soak [--users N] [--mail-users N] [--duration SECONDS] [--kill-every SECONDS] [--seed N]
 *      [--server "java -jar target/compact-bot.jar"] [--work DIR] [--index-from DATA_DIR]
 * </pre>
 */
public final class Soak {
    private static final String MAIL_TOKEN = "soak-inbound-token";

    record Options(int users, int mailUsers, Duration duration, Duration killEvery, long seed, List<String> server, Path work,
                   Path indexFrom) {
        static Options parse(String... args) {
            int users = 10, mailUsers = -1;
            long duration = 120, killEvery = 20, seed = 7;
            List<String> server = List.of("java", "-jar", "target/compact-bot.jar");
            Path work = null, indexFrom = null;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (i + 1 >= args.length) throw new IllegalArgumentException(a + " needs a value");
                String v = args[++i];
                switch (a) {
                    case "--users" -> users = Integer.parseInt(v);
                    case "--mail-users" -> mailUsers = Integer.parseInt(v);
                    case "--duration" -> duration = Long.parseLong(v);
                    case "--kill-every" -> killEvery = Long.parseLong(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    case "--server" -> server = Arrays.asList(v.trim().split("\\s+"));
                    case "--work" -> work = Path.of(v);
                    case "--index-from" -> indexFrom = Path.of(v);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (users < 1) throw new IllegalArgumentException("--users must be at least 1");
            if (mailUsers < 0) mailUsers = Math.max(1, users * 3 / 10);
            if (mailUsers >= users) throw new IllegalArgumentException("--mail-users must leave at least one chat user");
            return new Options(users, mailUsers, Duration.ofSeconds(duration), Duration.ofSeconds(killEvery), seed, server, work, indexFrom);
        }
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("soak: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new Soak().run(o) ? 0 : 1);
    }

    boolean run(Options o) throws Exception {
        Path work = o.work() != null ? Files.createDirectories(o.work()) : Files.createTempDirectory("compact-bot-soak");
        Path data = Files.createDirectories(work.resolve("data"));
        if (o.indexFrom() != null) copyTree(o.indexFrom().resolve("index"), data.resolve("index"));
        int smtpPort = freePort(), httpPort = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path config = work.resolve("compact-bot.yml");
        Files.writeString(config, String.join("\n",
                // simulated users all come from loopback: the per-client rate limit would throttle them as one
                "server: { port: " + httpPort + ", rate-limit: { per-minute: 0 } }",
                "data: { dir: \"" + data.toAbsolutePath() + "\" }",
                "knowledge: { dir: \"" + Path.of("index-data").toAbsolutePath() + "\" }",
                "mail:",
                "  address: compact@example.org",
                "  smtp: { host: 127.0.0.1, port: " + smtpPort + ", security: none }",
                "  inbound-token: " + MAIL_TOKEN,
                "cases: { mediators: \"" + Path.of("config/mediators.yml").toAbsolutePath() + "\", reference-prefix: CC }", ""));
        SoakServer server = new SoakServer(o.server(), config, work.resolve("server.log"), httpPort);
        System.out.printf("soak: %d users (%d chatting, %d emailing) for %d s, SIGKILL every ~%d s; server: %s; work dir %s%n",
                o.users(), o.users() - o.mailUsers(), o.mailUsers(), o.duration().toSeconds(), o.killEvery().toSeconds(),
                abbreviated(String.join(" ", o.server())), work);
        try {
            server.start(Duration.ofMinutes(10)); // the first start may build the search index
            return soak(o, server, smtp, data, httpPort);
        } finally {
            server.forceStop();
            smtp.stop();
        }
    }

    private boolean soak(Options o, SoakServer server, GreenMail smtp, Path data, int httpPort) throws Exception {
        SoakFigures f = new SoakFigures();
        AtomicBoolean stop = new AtomicBoolean();
        SoakHttp http = new SoakHttp(httpPort, MAIL_TOKEN);
        Random random = new Random(o.seed());
        List<Thread> users = new ArrayList<>();
        for (int u = 1; u <= o.users(); u++) {
            Runnable user = u <= o.mailUsers() ? new MailUser(u, http, f, stop, random.nextLong()) : new ChatUser(u, http, f, stop, random.nextLong());
            Thread t = new Thread(user, "soak-user-" + u);
            t.start();
            users.add(t);
        }
        long end = System.nanoTime() + o.duration().toNanos();
        AtomicInteger kills = new AtomicInteger();
        while (true) {
            long pause = (long) (o.killEvery().toMillis() * (0.5 + random.nextDouble()));
            if (System.nanoTime() + pause * 1_000_000 >= end) break;
            Thread.sleep(pause);
            server.kill();
            kills.incrementAndGet();
            server.start(Duration.ofMinutes(3));
        }
        Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
        stop.set(true);
        for (Thread t : users) t.join();

        long drainStart = System.nanoTime();
        boolean drained = awaitDrained(data.resolve("compact-bot.db"), Duration.ofMinutes(3));
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        int exit = server.stop(Duration.ofSeconds(60));
        return check(o, f, kills.get(), server, smtp, data.resolve("compact-bot.db"), drained, drainSeconds, exit);
    }

    /** Waits until routing has taken every new case and the outbox has sent everything, twice in a row. */
    private static boolean awaitDrained(Path db, Duration within) throws Exception {
        long end = System.nanoTime() + within.toNanos();
        int calm = 0;
        while (System.nanoTime() < end) {
            long pending = query(db, "SELECT (SELECT COUNT(*) FROM emails WHERE sent_at IS NULL) "
                    + "+ (SELECT COUNT(*) FROM outbox WHERE kind = 'case_submitted' AND done_at IS NULL)");
            calm = pending == 0 ? calm + 1 : 0;
            if (calm >= 2) return true;
            Thread.sleep(3000);
        }
        return false;
    }

    private boolean check(Options o, SoakFigures f, int kills, SoakServer server, GreenMail smtp, Path dbFile, boolean drained,
                          double drainSeconds, int exit) throws Exception {
        List<String> problems = new ArrayList<>();
        long losses = 0, duplicates = 0;
        String integrity;
        Map<String, List<String>> casesByConversation = new HashMap<>();
        Map<String, Integer> outboxIds = new HashMap<>();
        long unsent, conversations, corrupt = 0, inboundMissing = 0;
        try (Database db = Database.open(dbFile)) { // the same integrity check serve runs at start
            integrity = "ok";
            SqlConversationStore store = new SqlConversationStore(db, "CC", Clock.systemUTC());
            List<String> ids = db.inTransaction(c -> strings(c, "SELECT id FROM conversations"));
            conversations = ids.size();
            for (String id : ids) {
                if (store.load(id) instanceof ConversationStore.Loaded.Corrupt bad) {
                    corrupt++;
                    problems.add("conversation " + id + " does not load: " + bad.reason());
                }
            }
            db.inTransaction(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT conversation_id, ref FROM cases")) {
                    while (rs.next()) casesByConversation.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
                try (ResultSet rs = c.createStatement().executeQuery("SELECT message_id FROM emails")) {
                    while (rs.next()) outboxIds.put(rs.getString(1), 0);
                }
                return null;
            });
            unsent = db.inTransaction(c -> strings(c, "SELECT message_id FROM emails WHERE sent_at IS NULL")).size();
            for (String messageId : f.mailed.keySet()) {
                List<String> processed = db.inTransaction(c -> {
                    try (var p = c.prepareStatement("SELECT message_key FROM inbound_messages WHERE message_key LIKE ? AND processed_at IS NOT NULL")) {
                        p.setString(1, "%" + messageId.replaceAll("[<>]", "") + "%");
                        List<String> out = new ArrayList<>();
                        try (ResultSet rs = p.executeQuery()) {
                            while (rs.next()) out.add(rs.getString(1));
                        }
                        return out;
                    }
                });
                if (processed.isEmpty()) {
                    inboundMissing++;
                    problems.add("inbound email " + messageId + " was accepted but never processed");
                }
            }
        } catch (IOException e) {
            integrity = e.getMessage();
            problems.add("the database does not open: " + e.getMessage());
            conversations = unsent = 0;
        }

        // cases: every confirmation a user saw, exactly once; no conversation with two cases
        long casesInDb = casesByConversation.values().stream().mapToLong(List::size).sum();
        for (var e : f.confirmed.entrySet()) {
            List<String> refs = casesByConversation.getOrDefault("api:" + e.getKey(), List.of());
            if (!refs.contains(e.getValue())) {
                losses++;
                problems.add("confirmed challenge " + e.getValue() + " (" + e.getKey() + ") is not in the database");
            }
        }
        for (var e : casesByConversation.entrySet()) {
            if (e.getValue().size() > 1) {
                duplicates += e.getValue().size() - 1;
                problems.add("conversation " + e.getKey() + " has " + e.getValue().size() + " cases: " + e.getValue());
            }
            String conv = e.getKey() == null ? "" : e.getKey().replaceFirst("^api:", "");
            if (e.getKey() != null && e.getKey().startsWith("api:") && !f.confirmed.containsKey(conv)) {
                problems.add("case " + e.getValue() + " of " + conv + " was never seen confirmed by its user");
            }
        }

        // emails: every outbox row delivered once to GreenMail, by Message-ID
        MimeMessage[] received = smtp.getReceivedMessages();
        Map<String, Integer> copies = new HashMap<>();
        Map<String, Integer> repliesTo = new HashMap<>();
        for (MimeMessage m : received) {
            String id = m.getMessageID();
            copies.merge(id, 1, Integer::sum);
            String[] inReplyTo = m.getHeader("In-Reply-To");
            if (inReplyTo != null) repliesTo.merge(inReplyTo[0], 1, Integer::sum);
        }
        long emailDuplicates = 0, emailLosses = 0;
        for (var e : copies.entrySet()) {
            if (e.getValue() > 1) {
                emailDuplicates += e.getValue() - 1;
                problems.add("email " + e.getKey() + " was delivered " + e.getValue() + " times");
            }
            if (!outboxIds.containsKey(e.getKey())) problems.add("email " + e.getKey() + " was delivered but is not in the outbox");
        }
        for (String id : outboxIds.keySet()) {
            if (!copies.containsKey(id)) {
                emailLosses++;
                problems.add("outbox email " + id + " never reached the SMTP server");
            }
        }
        long unanswered = 0, repliedTwice = 0;
        for (var e : f.mailed.entrySet()) {
            int n = repliesTo.getOrDefault(e.getKey(), 0);
            if (n == 0 && !e.getValue().equals("ignored")) {
                unanswered++;
                problems.add("inbound email " + e.getKey() + " (" + e.getValue() + ") got no reply");
            }
            if (n > 1) {
                repliedTwice++;
                problems.add("inbound email " + e.getKey() + " got " + n + " replies");
            }
        }
        losses += emailLosses + inboundMissing + unanswered;
        duplicates += emailDuplicates + repliedTwice;
        if (!drained) problems.add("the outbox did not drain within 3 minutes (" + unsent + " unsent)");
        if (exit != 0) problems.add("the final SIGTERM ended the server with exit code " + exit);
        if (f.conversationsStuck.get() > 0) problems.add(f.conversationsStuck.get() + " conversation(s) did not reach a case");

        Map<String, Integer> outcomes = new java.util.TreeMap<>();
        f.mailed.values().forEach(v -> outcomes.merge(v, 1, Integer::sum));
        System.out.println("soak: figures");
        System.out.printf("  turns:   %d chat turns in %d conversations; %d request attempts failed while the server was down or being killed "
                        + "(%d chat turns sent again after checking, %d found applied though unanswered; %d email posts repeated)%n", f.turns.get(), f.conversationsStarted.get(),
                f.failedRequests.get(), f.resent.get(), f.appliedButUnanswered.get(), f.mailResent.get());
        System.out.printf("  kills:   %d SIGKILLs, %d starts; healthy %.1f s after a restart on average (first start %.1f s)%n", kills,
                server.starts(), server.meanSecondsToReadyAfterKill(), server.firstSecondsToReady());
        System.out.printf("  cases:   %d confirmed by users, %d in the database%n", f.confirmed.size(), casesInDb);
        System.out.printf("  inbound: %d emails posted to /mail/inbound %s, %d not processed, %d without a reply%n", f.mailed.size(),
                outcomes, inboundMissing, unanswered);
        System.out.printf("  emails:  %d in the outbox, %d delivered to GreenMail (%d distinct Message-IDs), %d unsent; drained %.0f s after the load stopped%n",
                outboxIds.size(), received.length, copies.size(), unsent, drainSeconds);
        System.out.printf("  store:   %d conversations, %d fail to load; integrity check %s; final SIGTERM exit code %d%n",
                conversations, corrupt, integrity, exit);
        System.out.printf("  losses = %d, duplicates = %d%n", losses, duplicates);
        problems.stream().limit(30).forEach(p -> System.out.println("  problem: " + p));
        return problems.isEmpty() && losses == 0 && duplicates == 0;
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    private static long query(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static String abbreviated(String command) {
        return command.length() <= 120 ? command : command.substring(0, 60) + " ... " + command.substring(command.length() - 50);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
