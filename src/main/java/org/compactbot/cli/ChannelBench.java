package org.compactbot.cli;

import static org.compactbot.cli.BenchCommand.QUIET;
import static org.compactbot.cli.BenchCommand.pct;
import static org.compactbot.cli.BenchCommand.secs;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.compactbot.app.Service;
import org.compactbot.app.Storage;
import org.compactbot.cases.CaseChange;
import org.compactbot.cases.MediatorDirectoryLoader;
import org.compactbot.cases.OutgoingEmail;
import org.compactbot.cases.RoutingPolicy;
import org.compactbot.config.AppConfig;
import org.compactbot.conversation.Conversation;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.conversation.ConversationId;
import org.compactbot.conversation.ConversationStore;
import org.compactbot.knowledge.Embedder;
import org.compactbot.mail.MailChannel;
import org.compactbot.mail.MailMetrics;
import org.compactbot.mail.OutboxSender;
import org.compactbot.slack.SlackChannel;
import org.compactbot.slack.SlackHttp;

/** The bench's channel and case parts: each on a service built by the composition root, with its own database file. */
final class ChannelBench {
    /** Intake turns that touch no search: the engine and the durable store alone. */
    static final List<String> INTAKE_SCRIPT = List.of("raise a challenge", "West Cheshire", "1", "Sam Patel", "Lunch Club",
            "sam@example.org", "Cheshire West and Chester Council", "back", "status", "cancel", "yes");
    private static final String BOT = "compact@example.org";

    private final PrintWriter out;
    private final AppConfig cfg;
    private final Path data;
    private final Path work;
    private final Embedder embedder;

    ChannelBench(PrintWriter out, AppConfig cfg, Path data, Path work, Embedder embedder) {
        this.out = out;
        this.cfg = cfg;
        this.data = data;
        this.work = work;
        this.embedder = embedder;
    }

    private AppConfig config(String part) {
        AppConfig d = AppConfig.defaults();
        return config(part, d.slack(), d.mail());
    }

    private AppConfig config(String part, AppConfig.Slack slack, AppConfig.Mail mail) {
        return BenchCommand.benchConfig(cfg, data, work.resolve(part + ".db"), cfg.knowledge().dir(), slack, mail);
    }

    private Service service(AppConfig config) throws Exception {
        return Service.build(config, QUIET, Clock.systemUTC(), embedder);
    }

    void turns() throws Exception {
        try (Service service = service(config("turns"))) {
            ConversationEngine engine = service.conversations();
            for (int i = 0; i < 20; i++) for (String m : INTAKE_SCRIPT) engine.handle(ConversationId.unlisted("bench", "warm-" + i), m);
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                for (String m : INTAKE_SCRIPT) {
                    long t = System.nanoTime();
                    engine.handle(ConversationId.unlisted("bench", "one-" + i), m);
                    times.add(System.nanoTime() - t);
                }
            }
            out.printf(Locale.ROOT, "turn latency, one conversation at a time (n=%d): p50 %.2f ms, p99 %.2f ms%n", times.size(),
                    pct(times, 50), pct(times, 99));
            concurrentTurns(List.of(engine), "");
        }
    }

    /**
     * Turns on PostgreSQL (a throwaway server on loopback): one instance, then two on the same database, the same
     * 100 conversations shared between them; or the reason it cannot run here.
     */
    void turnsOnPostgres() throws Exception {
        String whyNot = BenchPostgres.whyNot();
        if (whyNot != null) {
            out.println("skipped: " + whyNot);
            return;
        }
        try (BenchPostgres server = BenchPostgres.start(work)) {
            for (int instances = 1; instances <= 2; instances++) {
                String url = server.newDatabase("turns_" + instances);
                List<Service> services = new ArrayList<>();
                try {
                    List<ConversationEngine> engines = new ArrayList<>();
                    for (int i = 0; i < instances; i++) {
                        AppConfig c = config("turns-pg");
                        services.add(service(new AppConfig(c.server(), c.data(), c.knowledge(), c.api(), c.slack(), c.mail(),
                                c.cases(), c.retention(), new AppConfig.Store(url, "", ""))));
                        engines.add(services.get(i).conversations());
                    }
                    for (ConversationEngine e : engines) {
                        for (int i = 0; i < 5; i++) for (String m : INTAKE_SCRIPT) e.handle(ConversationId.unlisted("bench", "warm-" + i), m);
                    }
                    concurrentTurns(engines, instances == 1 ? "1 instance: " : instances + " instances: ");
                } finally {
                    for (Service s : services) s.close();
                }
            }
        }
    }

    /** 100 conversations at once, spread over the engines (instances) given; prints turns/s and latency. */
    private void concurrentTurns(List<ConversationEngine> engines, String label) throws Exception {
        int conversations = 100, rounds = 5;
        ExecutorService pool = Executors.newFixedThreadPool(conversations);
        List<Long> concurrent = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < conversations; c++) {
            ConversationId id = ConversationId.unlisted("bench", "many-" + c);
            ConversationEngine engine = engines.get(c % engines.size());
            done.add(pool.submit(() -> {
                go.await();
                for (int r = 0; r < rounds; r++) {
                    for (String m : INTAKE_SCRIPT) {
                        long t = System.nanoTime();
                        engine.handle(id, m);
                        concurrent.add(System.nanoTime() - t);
                    }
                }
                return null;
            }));
        }
        long t0 = System.nanoTime();
        go.countDown();
        try {
            for (var f : done) f.get();
        } finally {
            pool.shutdown();
        }
        double secs = secs(t0);
        out.printf(Locale.ROOT, "%s%d concurrent conversations: %d turns in %.2f s = %.0f turns/s; turn latency p50 %.2f ms, p99 %.2f ms%n",
                label, conversations, concurrent.size(), secs, concurrent.size() / secs, pct(concurrent, 50), pct(concurrent, 99));
    }

    void inbound() throws Exception {
        try (Service service = service(config("inbound"))) {
            MailChannel channel = service.mail();
            List<String> bodies = List.of("I want to raise a challenge about the council", "what is full cost recovery?",
                    "how long should a consultation run?", "hello");
            int n = 400;
            List<byte[]> messages = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                messages.add(("From: sender" + i + "@group" + (i % 37) + ".org.uk\r\nTo: " + BOT + "\r\nSubject: Question " + i
                        + "\r\nMessage-ID: <bench-" + i + "@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                        + bodies.get(i % bodies.size()) + "\r\n\r\nOn Mon, 23 Nov 2026, Someone wrote:\r\n> an earlier message\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            for (int i = 0; i < 20; i++) channel.receive(messages.get(i)); // warm-up
            long t0 = System.nanoTime();
            int replied = 0;
            for (int i = 20; i < n; i++) if (channel.receive(messages.get(i)).what().equals("replied")) replied++;
            double secs = secs(t0);
            out.printf(Locale.ROOT, "%d messages (questions and challenge starts) in %.2f s = %.0f messages/s, %d replies queued%n",
                    n - 20, secs, (n - 20) / secs, replied);
        }
    }

    void slack() throws Exception {
        HttpServer stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/", x -> {
            String method = x.getRequestURI().getPath().replaceAll(".*/", "");
            String json = switch (method) {
                case "auth.test" -> "{\"ok\":true,\"team_id\":\"T0BENCH\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\",\"user\":\"bot\"}";
                case "conversations.open" -> "{\"ok\":true,\"channel\":{\"id\":\"D0BENCH\"}}";
                default -> "{\"ok\":true,\"channel\":\"D0BENCH\",\"ts\":\"1700000000.000100\"}";
            };
            x.getRequestBody().readAllBytes();
            byte[] b = json.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        stub.setExecutor(Executors.newFixedThreadPool(4));
        stub.start();
        String secret = "bench-signing-secret";
        AppConfig.Slack slackCfg = new AppConfig.Slack("xoxb-bench", secret, "", "http://127.0.0.1:" + stub.getAddress().getPort() + "/api/");
        AppConfig withSlack = config("slack", slackCfg, AppConfig.defaults().mail());
        try (Service service = service(withSlack)) {
            SlackChannel channel = service.slack().orElseThrow();
            channel.start();
            service.web().start();
            try {
                HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(50)).build();
                URI uri = URI.create("http://127.0.0.1:" + service.web().port() + "/slack/events");
                int senders = 50, each = 20;
                // warm-up: the first requests through Bolt, Javalin and the HTTP client load and compile code
                for (int i = 0; i < 300; i++) {
                    client.send(signedDirectMessage(uri, secret, "EvW" + i, "W" + (i % 10), "hello", i), HttpResponse.BodyHandlers.ofString());
                }
                channel.awaitIdle(Duration.ofMinutes(2));
                List<Long> acks = Collections.synchronizedList(new ArrayList<>());
                ExecutorService pool = Executors.newFixedThreadPool(senders);
                AtomicInteger failures = new AtomicInteger();
                List<Future<?>> done = new ArrayList<>();
                long t0 = System.nanoTime();
                for (int sIdx = 0; sIdx < senders; sIdx++) {
                    int sender = sIdx;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            HttpRequest req = signedDirectMessage(uri, secret, "EvB" + sender + "x" + i, String.valueOf(sender),
                                    i % 2 == 0 ? "hello" : "status", i);
                            long t = System.nanoTime();
                            HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
                            acks.add(System.nanoTime() - t);
                            if (r.statusCode() != 200) failures.incrementAndGet();
                        }
                        return null;
                    }));
                }
                for (var f : done) f.get();
                double secs = secs(t0);
                pool.shutdown();
                out.printf(Locale.ROOT, "%d events acknowledged in %.2f s = %.0f acks/s; ack latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d not 200%n",
                        acks.size(), secs, acks.size() / secs, pct(acks, 50), pct(acks, 99), pct(acks, 100), failures.get());
            } finally {
                service.web().stop();
            }
        } finally {
            stub.stop(0);
        }
    }

    /** A direct message to the bot from Slack user U{who} in channel D{who}, signed now as Slack signs it. */
    private static HttpRequest signedDirectMessage(URI uri, String secret, String eventId, String who, String text, int n) {
        String body = "{\"token\":\"x\",\"team_id\":\"T0BENCH\",\"api_app_id\":\"A0\",\"type\":\"event_callback\","
                + "\"event_id\":\"" + eventId + "\",\"event_time\":1700000000,\"event\":{\"type\":\"message\","
                + "\"channel\":\"D" + who + "\",\"user\":\"U" + who + "\",\"text\":\"" + text + "\",\"ts\":\"1700000000."
                + n + "\",\"channel_type\":\"im\"}}";
        long ts = System.currentTimeMillis() / 1000;
        return HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("X-Slack-Request-Timestamp", String.valueOf(ts))
                .header("X-Slack-Signature", SlackHttp.signature(secret, ts, body)).build();
    }

    void cases() throws Exception {
        RoutingPolicy policy = new RoutingPolicy(MediatorDirectoryLoader.load(cfg.cases().mediators()));
        Random r = new Random(1);
        List<String> areas = List.of("west-cheshire", "wolverhampton", "redcar-cleveland");
        List<String> codes = org.compactbot.knowledge.PracticeCode.IDS;
        List<RoutingPolicy.Request> requests = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            requests.add(new RoutingPolicy.Request(areas.get(r.nextInt(3)), List.of(codes.get(r.nextInt(codes.size()))),
                    "Group " + r.nextInt(50), "someone" + i + "@group" + r.nextInt(50) + ".org.uk", "Council " + r.nextInt(5),
                    LocalDate.of(2026, 11, 24).plusDays(r.nextInt(60)), Set.of()));
        }
        Map<String, Integer> open = new HashMap<>();
        for (int i = 0; i < 20_000; i++) policy.route(requests.get(i % requests.size()), open, null); // warm-up
        int n = 200_000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) policy.route(requests.get(i % requests.size()), open, "m-funding");
        out.printf(Locale.ROOT, "routing decisions: %.0f per second (%d decisions)%n", n / secs(t0), n);

        try (SmtpSink sink = new SmtpSink()) {
            AppConfig d = AppConfig.defaults();
            AppConfig.Mail mail = new AppConfig.Mail(BOT, new AppConfig.Smtp("127.0.0.1", sink.port(), "", "", "none"), d.mail().imap(), "", "");
            AppConfig withSmtp = config("outbox", d.slack(), mail);
            try (Storage storage = Storage.open(withSmtp, Clock.systemUTC())) {
                ConversationStore convs = storage.conversations();
                String ref = convs.commitTurn(new Conversation("bench", "bench", Instant.now()), List.of(),
                        new ConversationStore.NewCase("west-cheshire", "Council", "Group", "Sam", "sam@example.org", "{}")).orElseThrow();
                int emails = 1000;
                List<OutgoingEmail> batch = new ArrayList<>();
                for (int i = 0; i < emails; i++) {
                    batch.add(new OutgoingEmail("m" + i + "@mediation.example", "[" + ref + "] bench " + i, "Plain text body " + i,
                            "<p>HTML body " + i + "</p>", List.of(), null, "bench"));
                }
                storage.cases().apply(new CaseChange(ref, null, "bench", "bench emails", List.of(), batch, null));
                OutboxSender sender = Service.outboxSender(withSmtp, storage, Clock.systemUTC(), MailMetrics.NONE);
                t0 = System.nanoTime();
                int sent = 0;
                while (sent < emails) {
                    int s = sender.drainOnce();
                    if (s == 0) break;
                    sent += s;
                }
                double secs = secs(t0);
                out.printf(Locale.ROOT, "outbox to a local SMTP server: %d emails in %.2f s = %.0f emails/s (server received %d)%n",
                        sent, secs, sent / secs, sink.received());
            }
        }
    }
}
