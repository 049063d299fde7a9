package org.compactbot.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.compactbot.app.Knowledge;
import org.compactbot.app.Service;
import org.compactbot.config.AppConfig;
import org.compactbot.config.ConfigException;
import org.compactbot.knowledge.AnswerService;
import org.compactbot.knowledge.BgeEmbedder;
import org.compactbot.knowledge.CompactDocument;
import org.compactbot.knowledge.Corpus;
import org.compactbot.knowledge.CorpusLoader;
import org.compactbot.knowledge.Passage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * bench: measures the figures the issues budget for, on this machine, and prints them. Every part is built through
 * the composition root ({@link Service}, {@link Knowledge}) from a configuration like the operator's, with its data in
 * a temporary folder, so the figures are those of the service as it runs.
 */
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


    @ParentCommand CompactBotCommand main;
    @Spec CommandSpec spec;

    @Option(names = "--scale", defaultValue = "100", description = "Size of the synthetic corpus, in copies of the shipped one (default 100).")
    int scale;

    @Option(names = "--rounds", defaultValue = "20", description = "Times each bench question is asked (default 20).")
    int rounds;

    @Option(names = "--only", description = "Run one part: knowledge, turns, mail, slack, cases, digest or pages (default: all).")
    String only;

    /** Warnings about skipped files were shown by `index`; the bench does not repeat them. */
    static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private boolean part(String name) {
        return only == null || only.equalsIgnoreCase(name);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (only != null && !List.of("knowledge", "turns", "mail", "slack", "cases", "digest", "pages").contains(only.toLowerCase(Locale.ROOT))) {
            spec.commandLine().getErr().println("--only takes one of: knowledge, turns, mail, slack, cases, digest, pages");
            return 2;
        }
        AppConfig cfg = main.config();
        Path work = Files.createTempDirectory("compact-bot-bench");
        out.printf(Locale.ROOT, "compact-bot bench  (%d cores, max heap %d MiB, Java %s)%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        if (part("digest")) {
            out.println("\n== weekly digests: " + DigestBench.CASES + " cases in SQLite, every area's digest built as on a Monday");
            new DigestBench(out, cfg, rounds).run(work);
            if (only != null) {
                deleteQuietly(work);
                return 0;
            }
        }
        BgeEmbedder embedder = new BgeEmbedder();
        if (part("pages")) {
            out.println("\n== web pages: the answer page and the case desk's list, " + DigestBench.CASES + " cases in SQLite (budget p99 50 ms)");
            new PagesBench(out, cfg, embedder).run(work);
            if (only != null) {
                deleteQuietly(work);
                return 0;
            }
        }

        out.println("\n== knowledge, shipped corpus (1x)");
        Path data1 = work.resolve("data-1x");
        AppConfig shipped = benchConfig(cfg, data1, work.resolve("knowledge.db"), cfg.knowledge().dir());
        long t0 = System.nanoTime();
        try (Knowledge k = Knowledge.open(shipped, embedder, QUIET)) {
            out.printf(Locale.ROOT, "index build (embedding every passage): %.1f s, %d passages%n", secs(t0), k.index().passages().size());
            if (part("knowledge")) queryFigures(out, k.answersWithoutGaps(), embedder);
        }
        if (part("knowledge")) {
            t0 = System.nanoTime();
            Knowledge.open(shipped, embedder, QUIET).close();
            out.printf(Locale.ROOT, "index open with existing index: %.2f s%n", secs(t0));
            try (Service service = Service.build(shipped, QUIET, Clock.systemUTC(), embedder)) {
                httpFigures(out, service);
            }
            heapFigure(out);
            startupFigure(out, cfg, data1, work);
        }
        ChannelBench channels = new ChannelBench(out, cfg, data1, work, embedder);
        if (part("turns")) {
            out.println("\n== conversation turns (intake answers, no search; SQLite WAL, synchronous=FULL)");
            channels.turns();
            out.println("\n== conversation turns on PostgreSQL (a throwaway server on loopback; the same 100 conversations over 1, then 2 instances)");
            channels.turnsOnPostgres();
        }
        if (part("mail")) {
            out.println("\n== email channel: inbound messages, receipt to reply queued");
            channels.inbound();
        }
        if (part("slack")) {
            out.println("\n== Slack: events acknowledged through POST /slack/events (50 concurrent senders, stub Web API on loopback)");
            channels.slack();
        }
        if (part("cases")) {
            out.println("\n== cases: routing and outbox");
            channels.cases();
        }

        if (scale > 1 && part("knowledge")) {
            out.printf(Locale.ROOT, "%n== knowledge, synthetic corpus (%dx: areas cloned, passages shuffled)%n", scale);
            Path knowledge = syntheticCorpus(cfg.knowledge().dir(), work.resolve("knowledge-" + scale + "x"), scale);
            Path dataN = work.resolve("data-" + scale + "x");
            Files.createDirectories(dataN);
            Files.copy(data1.resolve("embeddings.bin"), dataN.resolve("embeddings.bin"));
            t0 = System.nanoTime();
            try (Knowledge k = Knowledge.open(benchConfig(cfg, dataN, work.resolve("knowledge-n.db"), knowledge), embedder, QUIET)) {
                out.printf(Locale.ROOT, "index build (vectors from the embedding cache): %.1f s, %d passages%n", secs(t0), k.index().passages().size());
                queryFigures(out, k.answersWithoutGaps(), embedder);
                heapFigure(out);
            }
        }
        deleteQuietly(work);
        return 0;
    }

    /**
     * The operator's configuration for one bench part: the index cache in {@code data}, the database in {@code database},
     * the given Compact texts, any free port, no rate limits, no Slack, email written to files.
     */
    static AppConfig benchConfig(AppConfig cfg, Path data, Path database, Path texts) {
        AppConfig d = AppConfig.defaults();
        return benchConfig(cfg, data, database, texts, d.slack(), d.mail());
    }

    /** The same, with Slack or outgoing mail pointed at a stub on loopback. */
    static AppConfig benchConfig(AppConfig cfg, Path data, Path database, Path texts, AppConfig.Slack slack, AppConfig.Mail mail) {
        return new AppConfig(new AppConfig.Server(0, AppConfig.RateLimit.OFF, List.of()), new AppConfig.Data(data),
                new AppConfig.Knowledge(texts), AppConfig.defaults().api(), slack, mail, cfg.cases(), cfg.retention(),
                new AppConfig.Store("jdbc:sqlite:" + database, "", ""));
    }

    private void queryFigures(PrintWriter out, AnswerService answers, BgeEmbedder embedder) throws Exception {
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
    }

    /** POST /api/ask on the service as `serve` builds it. */
    private void httpFigures(PrintWriter out, Service service) throws Exception {
        service.web().start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + service.web().port() + "/api/ask");
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
            service.web().stop();
        }
    }

    private static void heapFigure(PrintWriter out) {
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        out.printf(Locale.ROOT, "heap used after GC: %d MiB%n", heap.getUsed() >> 20);
    }

    /** Starts `serve` as a child process on the existing index and times it until /healthz answers. */
    private static void startupFigure(PrintWriter out, AppConfig cfg, Path data, Path work) throws Exception {
        Path config = work.resolve("bench.yml");
        Files.writeString(config, "server: { port: 0 }\ndata: { dir: \"" + data.toAbsolutePath() + "\" }\n"
                + "knowledge: { dir: \"" + cfg.knowledge().dir().toAbsolutePath() + "\" }\n");
        int port = freePort();
        Files.writeString(config, Files.readString(config).replace("port: 0", "port: " + port));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.compactbot.Main",
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

    static int freePort() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static double pct(List<Long> nanos, int p) {
        long[] a = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        int i = (int) Math.ceil(p / 100.0 * a.length) - 1;
        return a[Math.max(0, Math.min(a.length - 1, i))] / 1e6;
    }

    static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void deleteQuietly(Path p) {
        try (var s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
