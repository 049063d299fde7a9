package org.compactbot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.compactbot.Main;
import java.time.Clock;
import org.compactbot.cases.CaseChange;
import org.compactbot.cases.MediatorDirectory;
import org.compactbot.cases.MediatorDirectoryLoader;
import org.compactbot.cases.OutgoingEmail;
import org.compactbot.cases.RoutingPolicy;
import org.compactbot.config.AppConfig;
import org.compactbot.conversation.ConversationStore;
import org.compactbot.mail.OutboxSender;
import org.compactbot.store.SqlCaseStore;
import org.compactbot.store.SqlOutbox;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.conversation.IntentClassifier;
import org.compactbot.store.Database;
import org.compactbot.store.SqlConversationStore;
import org.compactbot.knowledge.AnswerService;
import org.compactbot.knowledge.BgeEmbedder;
import org.compactbot.knowledge.CompactDocument;
import org.compactbot.knowledge.Corpus;
import org.compactbot.knowledge.CorpusLoader;
import org.compactbot.knowledge.KnowledgeIndex;
import org.compactbot.knowledge.Passage;
import org.compactbot.knowledge.Retriever;
import org.compactbot.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** bench: measures the figures the issues budget for, on this machine, and prints them. */
@Command(name = "bench", description = "Measure index build, query latency, start-up and heap (prints the figures).")
public final class BenchCommand implements Callable<Integer> {
    static final List<String> QUESTIONS = List.of(
            "how much notice before the council ends our grant?", "what is full cost recovery?",
            "how long should a consultation last?", "can the council stop us campaigning if they fund us?",
            "do volunteers get expenses?", "who pays for DBS checks for volunteers?",
            "can they replace paid staff with volunteers?", "what does the jargon buster say about stakeholders?",
            "will grants be paid in advance?", "is three year funding possible?",
            "what should happen after a consultation closes?", "the council cut our funding with two weeks warning, is that allowed?",
            "what must the voluntary sector do in return?", "how are BME groups supported in Wolverhampton?",
            "what is the Compact Implementation Group?", "does a small group need an equality policy?",
            "what is an equality impact assessment?", "how do disputes get resolved?",
            "can we keep a surplus on a contract?", "what is social value?",
            "how should partnerships share risk?", "what happens when services are decommissioned?",
            "how early should we be involved in policy development?", "do we need a reserves policy?",
            "how do I renew my passport?", "where can I park in town?",
            "what is the Redcar compact?", "consultation fatigue", "accessible formats large print",
            "monitoring requirements proportionate to funding");

    @ParentCommand Main main;
    @Spec CommandSpec spec;

    @Option(names = "--scale", defaultValue = "100", description = "Size of the synthetic corpus, in copies of the shipped one (default 100).")
    int scale;

    @Option(names = "--rounds", defaultValue = "20", description = "Times each bench question is asked (default 20).")
    int rounds;

    @Option(names = "--only", description = "Run one part: knowledge, turns, mail, slack or cases (default: all).")
    String only;

    /** Bench work that needs the question answering of the shipped corpus. */
    @FunctionalInterface
    private interface AnswersWork {
        void run(AnswerService answers) throws Exception;
    }

    private static void withAnswers(AppConfig cfg, Path data, BgeEmbedder embedder, AnswersWork work) throws Exception {
        try (KnowledgeIndex idx = KnowledgeIndex.openOrBuild(cfg.knowledge().dir(), data, embedder, new CorpusLoader(), (f, r) -> {})) {
            work.run(new AnswerService(idx, new Retriever(idx, embedder, Retriever.Tuning.DEFAULT), AnswerService.Abstention.DEFAULT));
        }
    }

    private boolean part(String name) {
        return only == null || only.equalsIgnoreCase(name);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        AppConfig cfg = main.config();
        Path work = Files.createTempDirectory("compact-bot-bench");
        out.printf(Locale.ROOT, "compact-bot bench  (%d cores, max heap %d MiB, Java %s)%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        BgeEmbedder embedder = new BgeEmbedder();

        if (only != null && !List.of("knowledge", "turns", "mail", "slack", "cases").contains(only.toLowerCase(Locale.ROOT))) {
            spec.commandLine().getErr().println("--only takes one of: knowledge, turns, mail, slack, cases");
            return 2;
        }
        out.println("\n== knowledge, shipped corpus (1x)");
        Path data1 = work.resolve("data-1x");
        long t0 = System.nanoTime();
        try (KnowledgeIndex idx = KnowledgeIndex.openOrBuild(cfg.knowledge().dir(), data1, embedder, new CorpusLoader(), (f, r) -> {})) {
            out.printf(Locale.ROOT, "index build (embedding every passage): %.1f s, %d passages%n", secs(t0), idx.passages().size());
            if (part("knowledge")) queryFigures(out, idx, embedder, true);
        }
        if (part("knowledge")) {
            t0 = System.nanoTime();
            KnowledgeIndex.openOrBuild(cfg.knowledge().dir(), data1, embedder, new CorpusLoader(), (f, r) -> {}).close();
            out.printf(Locale.ROOT, "index open with existing index: %.2f s%n", secs(t0));
            startupFigure(out, cfg, data1, work);
        }

        if (part("turns")) {
            out.println("\n== conversation turns (intake answers, no search; SQLite WAL, synchronous=FULL)");
            withAnswers(cfg, data1, embedder, answers -> turnFigures(out, answers, work));
        }

        if (part("mail")) {
            out.println("\n== email channel: inbound messages, receipt to reply queued");
            withAnswers(cfg, data1, embedder, answers -> inboundFigures(out, answers, work));
        }

        if (part("slack")) {
            out.println("\n== Slack: events acknowledged through POST /slack/events (50 concurrent senders, stub Web API on loopback)");
            withAnswers(cfg, data1, embedder, answers -> slackFigures(out, answers, work));
        }

        if (part("cases")) {
            out.println("\n== cases: routing and outbox");
            caseFigures(out, work);
        }

        if (scale > 1 && part("knowledge")) {
            out.printf(Locale.ROOT, "%n== knowledge, synthetic corpus (%dx: areas cloned, passages shuffled)%n", scale);
            Path knowledge = syntheticCorpus(cfg.knowledge().dir(), work.resolve("knowledge-" + scale + "x"), scale);
            Path dataN = work.resolve("data-" + scale + "x");
            Files.createDirectories(dataN);
            Files.copy(data1.resolve("embeddings.bin"), dataN.resolve("embeddings.bin"));
            t0 = System.nanoTime();
            try (KnowledgeIndex idx = KnowledgeIndex.openOrBuild(knowledge, dataN, embedder, new CorpusLoader(), (f, r) -> {})) {
                out.printf(Locale.ROOT, "index build (vectors from the embedding cache): %.1f s, %d passages%n", secs(t0), idx.passages().size());
                queryFigures(out, idx, embedder, false);
            }
        }
        deleteQuietly(work);
        return 0;
    }

    private void queryFigures(PrintWriter out, KnowledgeIndex idx, BgeEmbedder embedder, boolean http) throws Exception {
        AnswerService answers = new AnswerService(idx, new Retriever(idx, embedder, Retriever.Tuning.DEFAULT),
                AnswerService.Abstention.DEFAULT);
        for (String q : QUESTIONS) answers.ask(q, null, 5); // warm-up
        List<Long> times = new ArrayList<>(), bare = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (String q : QUESTIONS) {
                // the question's embedding alone, then the whole answer, in turn: the same machine noise for both
                long t = System.nanoTime();
                embedder.embedQuery(q);
                bare.add(System.nanoTime() - t);
                t = System.nanoTime();
                answers.ask(q, null, 5);
                times.add(System.nanoTime() - t);
            }
        }
        out.printf(Locale.ROOT, "bare query embedding (n=%d): p50 %.1f ms, p99 %.1f ms%n", bare.size(), pct(bare, 50), pct(bare, 99));
        out.printf(Locale.ROOT, "query latency in-process (n=%d): p50 %.1f ms, p99 %.1f ms = %.2fx the bare embedding p99 (budget 1.5x)%n",
                times.size(), pct(times, 50), pct(times, 99), pct(times, 99) / pct(bare, 99));
        if (http) {
            AppConfig d = AppConfig.defaults();
            AppConfig cfg = new AppConfig(new AppConfig.Server(0, AppConfig.RateLimit.OFF, java.util.List.of()), d.data(), d.knowledge(), d.api(), d.slack(), d.mail(), d.cases());
            Database db = Database.open(Files.createTempDirectory("bench-db").resolve("bench.db"));
            ConversationEngine engine = new ConversationEngine(new SqlConversationStore(db, "CC", Clock.systemUTC()), answers,
                    new IntentClassifier(null), Clock.systemUTC());
            WebServer server = new WebServer(WebServer.Parts.of(cfg, answers, engine));
            server.start();
            try {
                HttpClient client = HttpClient.newHttpClient();
                URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/ask");
                List<Long> httpTimes = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    for (String q : QUESTIONS) {
                        String body = "{\"question\":\"" + q.replace("\"", "\\\"") + "\"}";
                        long t = System.nanoTime();
                        HttpResponse<String> resp = client.send(HttpRequest.newBuilder(uri)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        httpTimes.add(System.nanoTime() - t);
                        if (resp.statusCode() != 200) throw new IOException("POST /api/ask answered " + resp.statusCode());
                    }
                }
                out.printf(Locale.ROOT, "query latency via POST /api/ask (n=%d): p50 %.1f ms, p99 %.1f ms%n", httpTimes.size(),
                        pct(httpTimes, 50), pct(httpTimes, 99));
            } finally {
                server.stop();
                db.close();
            }
        }
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        out.printf(Locale.ROOT, "heap used after GC: %d MiB%n", heap.getUsed() >> 20);
    }

    /** Intake turns that touch no search: the engine and the durable store alone. */
    static final List<String> INTAKE_SCRIPT = List.of("raise a challenge", "West Cheshire", "1", "Sam Patel", "Lunch Club",
            "sam@example.org", "Cheshire West and Chester Council", "back", "status", "cancel", "yes");

    private void turnFigures(PrintWriter out, AnswerService answers, Path work) throws Exception {
        try (Database db = Database.open(work.resolve("turns.db"))) {
            ConversationEngine engine = new ConversationEngine(new SqlConversationStore(db, "CC", Clock.systemUTC()), answers,
                    new IntentClassifier(null), Clock.systemUTC());
            for (int i = 0; i < 20; i++) for (String m : INTAKE_SCRIPT) engine.handle("warm-" + i, "bench", m);
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                for (String m : INTAKE_SCRIPT) {
                    long t = System.nanoTime();
                    engine.handle("one-" + i, "bench", m);
                    times.add(System.nanoTime() - t);
                }
            }
            out.printf(Locale.ROOT, "turn latency, one conversation at a time (n=%d): p50 %.2f ms, p99 %.2f ms%n", times.size(),
                    pct(times, 50), pct(times, 99));
            int conversations = 100, rounds = 5;
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(conversations);
            List<Long> concurrent = java.util.Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int c = 0; c < conversations; c++) {
                String id = "many-" + c;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int r = 0; r < rounds; r++) {
                        for (String m : INTAKE_SCRIPT) {
                            long t = System.nanoTime();
                            engine.handle(id, "bench", m);
                            concurrent.add(System.nanoTime() - t);
                        }
                    }
                    return null;
                }));
            }
            long t0 = System.nanoTime();
            go.countDown();
            for (var f : done) f.get();
            double secs = secs(t0);
            pool.shutdown();
            out.printf(Locale.ROOT, "%d concurrent conversations: %d turns in %.2f s = %.0f turns/s; turn latency p50 %.2f ms, p99 %.2f ms%n",
                    conversations, concurrent.size(), secs, concurrent.size() / secs, pct(concurrent, 50), pct(concurrent, 99));
        }
    }

    private void inboundFigures(PrintWriter out, AnswerService answers, Path work) throws Exception {
        try (Database db = Database.open(work.resolve("inbound.db"))) {
            Clock clock = Clock.systemUTC();
            ConversationEngine engine = new ConversationEngine(new SqlConversationStore(db, "CC", clock), answers, new IntentClassifier(null), clock);
            var cases = new org.compactbot.cases.CaseService(new SqlCaseStore(db, clock, "compact@example.org"),
                    MediatorDirectoryLoader.load(Path.of("config/mediators.yml")), clock);
            var channel = new org.compactbot.mail.MailChannel(new org.compactbot.mail.MessageParser(),
                    new org.compactbot.store.SqlInboundLog(db, clock), engine, cases, new SqlOutbox(db, clock, "compact@example.org"),
                    "compact@example.org");
            List<String> bodies = List.of("I want to raise a challenge about the council", "what is full cost recovery?",
                    "how long should a consultation run?", "hello");
            int n = 400;
            List<byte[]> messages = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                messages.add(("From: sender" + i + "@group" + (i % 37) + ".org.uk\r\nTo: compact@example.org\r\nSubject: Question " + i
                        + "\r\nMessage-ID: <bench-" + i + "@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                        + bodies.get(i % bodies.size()) + "\r\n\r\nOn Mon, 23 Nov 2026, Someone wrote:\r\n> an earlier message\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
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

    private void slackFigures(PrintWriter out, AnswerService answers, Path work) throws Exception {
        com.sun.net.httpserver.HttpServer stub = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/", x -> {
            String method = x.getRequestURI().getPath().replaceAll(".*/", "");
            String json = switch (method) {
                case "auth.test" -> "{\"ok\":true,\"team_id\":\"T0BENCH\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\",\"user\":\"bot\"}";
                case "conversations.open" -> "{\"ok\":true,\"channel\":{\"id\":\"D0BENCH\"}}";
                default -> "{\"ok\":true,\"channel\":\"D0BENCH\",\"ts\":\"1700000000.000100\"}";
            };
            x.getRequestBody().readAllBytes();
            byte[] b = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        stub.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        stub.start();
        String secret = "bench-signing-secret";
        AppConfig d = AppConfig.defaults();
        AppConfig.Slack slackCfg = new AppConfig.Slack("xoxb-bench", secret, "", "http://127.0.0.1:" + stub.getAddress().getPort() + "/api/");
        AppConfig cfg = new AppConfig(new AppConfig.Server(0, AppConfig.RateLimit.OFF, java.util.List.of()), d.data(), d.knowledge(), d.api(), slackCfg, d.mail(), d.cases());
        try (Database db = Database.open(work.resolve("slack.db"))) {
            Clock clock = Clock.systemUTC();
            ConversationEngine engine = new ConversationEngine(new SqlConversationStore(db, "CC", clock), answers, new IntentClassifier(null), clock);
            var channel = new org.compactbot.slack.SlackChannel(slackCfg, engine, answers, new IntentClassifier(null),
                    new org.compactbot.store.SqlSlackEventLog(db, clock), org.compactbot.slack.CaseStatusLookup.NONE, org.compactbot.slack.SlackMetrics.NONE);
            channel.start();
            WebServer server = new WebServer(WebServer.Parts.of(cfg, answers, engine)
                    .withSlack(org.compactbot.Wiring.slackEndpoint(new org.compactbot.slack.SlackHttp(channel, secret, clock))));
            server.start();
            try {
                HttpClient client = HttpClient.newBuilder().executor(java.util.concurrent.Executors.newFixedThreadPool(50)).build();
                URI uri = URI.create("http://127.0.0.1:" + server.port() + "/slack/events");
                int senders = 50, each = 20;
                // warm-up: the first requests through Bolt, Javalin and the HTTP client load and compile code
                for (int i = 0; i < 300; i++) {
                    client.send(signedDirectMessage(uri, secret, "EvW" + i, "W" + (i % 10), "hello", i), HttpResponse.BodyHandlers.ofString());
                }
                channel.awaitIdle(java.time.Duration.ofMinutes(2));
                List<Long> acks = java.util.Collections.synchronizedList(new ArrayList<>());
                java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(senders);
                java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
                List<java.util.concurrent.Future<?>> done = new ArrayList<>();
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
                server.stop();
                channel.close();
            }
        } finally {
            stub.stop(0);
        }
    }

    /** A direct message to the bot from Slack user U{who} in channel D{who}, signed now as Slack signs it. */
    private static HttpRequest signedDirectMessage(URI uri, String secret, String eventId, String who, String text, int n) throws Exception {
        String body = "{\"token\":\"x\",\"team_id\":\"T0BENCH\",\"api_app_id\":\"A0\",\"type\":\"event_callback\","
                + "\"event_id\":\"" + eventId + "\",\"event_time\":1700000000,\"event\":{\"type\":\"message\","
                + "\"channel\":\"D" + who + "\",\"user\":\"U" + who + "\",\"text\":\"" + text + "\",\"ts\":\"1700000000."
                + n + "\",\"channel_type\":\"im\"}}";
        long ts = System.currentTimeMillis() / 1000;
        return HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("X-Slack-Request-Timestamp", String.valueOf(ts))
                .header("X-Slack-Signature", slackSignature(secret, ts, body)).build();
    }

    static String slackSignature(String secret, long timestamp, String body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return "v0=" + java.util.HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private void caseFigures(PrintWriter out, Path work) throws Exception {
        MediatorDirectory directory = MediatorDirectoryLoader.load(Path.of("config/mediators.yml"));
        RoutingPolicy policy = new RoutingPolicy(directory);
        Random r = new Random(1);
        List<String> areas = List.of("west-cheshire", "wolverhampton", "redcar-cleveland");
        List<String> codes = List.copyOf(MediatorDirectoryLoader.CODES);
        List<RoutingPolicy.Request> requests = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            requests.add(new RoutingPolicy.Request(areas.get(r.nextInt(3)), List.of(codes.get(r.nextInt(codes.size()))),
                    "Group " + r.nextInt(50), "someone" + i + "@group" + r.nextInt(50) + ".org.uk", "Council " + r.nextInt(5),
                    java.time.LocalDate.of(2026, 11, 24).plusDays(r.nextInt(60)), java.util.Set.of()));
        }
        java.util.Map<String, Integer> open = new java.util.HashMap<>();
        for (int i = 0; i < 20_000; i++) policy.route(requests.get(i % requests.size()), open, null); // warm-up
        int n = 200_000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) policy.route(requests.get(i % requests.size()), open, "m-funding");
        out.printf(Locale.ROOT, "routing decisions: %.0f per second (%d decisions)%n", n / secs(t0), n);

        try (Database db = Database.open(work.resolve("outbox.db")); SmtpSink sink = new SmtpSink()) {
            SqlCaseStore store = new SqlCaseStore(db, Clock.systemUTC(), "compact@example.org");
            ConversationStore convs = new SqlConversationStore(db, "CC", Clock.systemUTC());
            String ref = convs.commitTurn(new org.compactbot.conversation.Conversation("bench", "bench", java.time.Instant.now()), List.of(),
                    new ConversationStore.NewCase("west-cheshire", "Council", "Group", "Sam", "sam@example.org", "{}")).orElseThrow();
            int emails = 1000;
            List<OutgoingEmail> batch = new ArrayList<>();
            for (int i = 0; i < emails; i++) {
                batch.add(new OutgoingEmail("m" + i + "@mediation.example", "[" + ref + "] bench " + i, "Plain text body " + i,
                        "<p>HTML body " + i + "</p>", List.of(), null, "bench"));
            }
            store.apply(new CaseChange(ref, null, "bench", "bench emails", java.util.Map.of(), batch, null));
            AppConfig.Mail d = AppConfig.defaults().mail();
            AppConfig.Mail mail = new AppConfig.Mail("compact@example.org", new AppConfig.Smtp("127.0.0.1", sink.port(), "", "", "none"),
                    d.imap(), "", "");
            OutboxSender sender = new OutboxSender(new SqlOutbox(db), mail, work.resolve("outbox"), Clock.systemUTC(), new Random());
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

    /** Starts `serve` as a child process on the existing index and times it until /healthz answers. */
    private void startupFigure(PrintWriter out, AppConfig cfg, Path data, Path work) throws Exception {
        Path config = work.resolve("bench.yml");
        Files.writeString(config, "server: { port: 0 }\ndata: { dir: \"" + data.toAbsolutePath() + "\" }\n"
                + "knowledge: { dir: \"" + cfg.knowledge().dir().toAbsolutePath() + "\" }\n");
        int port = freePort();
        Files.writeString(config, Files.readString(config).replace("port: 0", "port: " + port));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--config", config.toString(), "serve").redirectErrorStream(true).redirectOutput(work.resolve("serve.log").toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        HttpClient client = HttpClient.newHttpClient();
        try {
            while (secs(t0) < 60) {
                try {
                    var r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        out.printf(Locale.ROOT, "start-up to ready (new JVM, existing index, until /healthz answers): %.2f s%n", secs(t0));
                        return;
                    }
                } catch (IOException notYet) {
                    if (!p.isAlive()) break;
                }
                Thread.sleep(20);
            }
            out.println("start-up: the server did not become ready; see its log: " + Files.readString(work.resolve("serve.log")));
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    /** The shipped Compacts cloned into {@code copies} areas with their passages shuffled. */
    static Path syntheticCorpus(Path source, Path target, int copies) throws IOException {
        Corpus corpus = new CorpusLoader().load(source);
        Files.createDirectories(target);
        Files.copy(source.resolve(CorpusLoader.THESAURUS), target.resolve(CorpusLoader.THESAURUS));
        Random random = new Random(42);
        for (int c = 0; c < copies; c++) {
            for (CompactDocument d : corpus.documents()) {
                String area = c == 0 ? d.area() : d.area() + "-" + c;
                List<Passage> ps = new ArrayList<>(d.passages());
                if (c > 0) Collections.shuffle(ps, random);
                StringBuilder md = new StringBuilder("---\ntitle: " + d.title().replace(":", " -") + "\nshort: "
                        + d.citationName() + "\narea: " + area + "\n---\n");
                List<String> last = List.of();
                for (Passage p : ps) {
                    if (!p.sectionPath().equals(last)) {
                        for (int h = 0; h < p.sectionPath().size(); h++) md.append("\n").append("#".repeat(h + 2)).append(' ').append(p.sectionPath().get(h)).append('\n');
                        last = p.sectionPath();
                    }
                    md.append('\n').append(p.text().replace("\n", " ")).append('\n');
                    if (!p.gloss().isEmpty()) md.append("> ").append(p.gloss()).append('\n');
                    for (String q : p.questions()) md.append("> Q: ").append(q).append('\n');
                }
                Files.writeString(target.resolve(c + "-" + Path.of(d.file()).getFileName()), md.toString());
            }
        }
        return target;
    }

    private static int freePort() throws IOException {
        try (var s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static double pct(List<Long> nanos, int p) {
        long[] a = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        int i = (int) Math.ceil(p / 100.0 * a.length) - 1;
        return a[Math.max(0, Math.min(a.length - 1, i))] / 1e6;
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void deleteQuietly(Path p) {
        try (var s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
