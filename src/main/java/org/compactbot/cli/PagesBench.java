package org.compactbot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compactbot.app.Casework;
import org.compactbot.app.Service;
import org.compactbot.app.Storage;
import org.compactbot.cases.AreaLead;
import org.compactbot.config.AppConfig;
import org.compactbot.knowledge.Embedder;

/**
 * bench --only pages: the real web server ({@link Service}, as {@code serve} builds it) on loopback, over a temporary
 * SQLite database seeded with 10,000 cases (the digest bench's seeding) and the shipped knowledge index; the answer page
 * timed over the bench questions, and the case desk's list for the West Cheshire lead and a mediator, each signed in
 * through the real emailed link, with and without a status filter and a search term. Times are client-observed on
 * loopback (request sent to response body read), printed as p50/p95/p99 next to the 50 ms budget.
 */
final class PagesBench {
    static final double BUDGET_MS = 50;
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern ACTION = Pattern.compile("<form method=\"post\" action=\"(/desk/sign-in/[^\"]+)\"");
    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/desk/sign-in/[A-Za-z0-9_-]{43})");

    private final PrintWriter out;
    private final AppConfig config;
    private final Embedder embedder;

    PagesBench(PrintWriter out, AppConfig config, Embedder embedder) {
        this.out = out;
        this.config = config;
        this.embedder = embedder;
    }

    void run(Path work) throws Exception {
        Path data = work.resolve("data-pages");
        Files.createDirectories(data);
        AppConfig cfg = BenchCommand.benchConfig(config, data, work.resolve("pages.db"), config.knowledge().dir());
        DigestBench.MovingClock seedClock = new DigestBench.MovingClock();
        long t0 = System.nanoTime();
        try (Storage storage = Storage.open(cfg, seedClock)) {
            Casework casework = Casework.of(cfg, storage, seedClock, BenchCommand.QUIET);
            List<String> areas = casework.directory().leads().values().stream().map(AreaLead::area).sorted().toList();
            DigestBench.seed(storage, areas, seedClock);
        }
        out.printf(Locale.ROOT, "seeded %d cases in %.1f s%n", DigestBench.CASES, BenchCommand.secs(t0));
        try (Service service = Service.build(cfg, BenchCommand.QUIET, Clock.systemUTC(), embedder)) {
            service.web().start();
            try {
                String base = "http://127.0.0.1:" + service.web().port();
                HttpClient anon = HttpClient.newHttpClient();
                List<String> answers = new ArrayList<>();
                for (String q : BenchCommand.QUESTIONS) {
                    answers.add("/answers?q=" + enc(q));
                    answers.add("/answers?q=" + enc(q) + "&area=west-cheshire");
                }
                time("answer page, GET /answers (30 questions, any area and West Cheshire)", anon, base, answers, 3);
                String[] list = {"/desk", "/desk?status=in_mediation", "/desk?q=council", "/desk?status=assigned&q=CC"};
                for (String who : List.of("compact@cheshirewest.example", "priya@resolve.example")) {
                    HttpClient user = signIn(base, who, service.storage());
                    for (String path : list) time("case list " + path + " as " + who, user, base, List.of(path), 20);
                }
            } finally {
                service.web().stop();
            }
        }
    }

    /** Warms up, then times each path {@code rounds} times; prints p50/p95/p99 and n against the budget. */
    private void time(String label, HttpClient client, String base, List<String> paths, int rounds) throws Exception {
        for (int w = 0; w < 3; w++) for (String p : paths) get(client, base + p);
        List<Long> times = new ArrayList<>();
        long bytes = 0;
        for (int r = 0; r < rounds; r++) {
            for (String p : paths) {
                long t = System.nanoTime();
                HttpResponse<String> resp = get(client, base + p);
                times.add(System.nanoTime() - t);
                bytes = resp.body().length();
            }
        }
        double p99 = BenchCommand.pct(times, 99);
        out.printf(Locale.ROOT, "%s (n=%d, last page %d KiB): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; budget p99 %.0f ms: %s%n", label,
                times.size(), bytes >> 10, BenchCommand.pct(times, 50), BenchCommand.pct(times, 95), p99, BUDGET_MS,
                p99 <= BUDGET_MS ? "within budget" : "OVER budget");
        out.flush();
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException("GET " + url + " answered " + r.statusCode());
        return r;
    }

    /** Signs in as the address through the real link: ask for it, read it from the outbox, open it, press "Sign in". */
    private static HttpClient signIn(String base, String email, Storage storage) throws Exception {
        HttpClient c = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
        String form = get(c, base + "/desk/sign-in").body();
        post(c, base + "/desk/sign-in", "csrf=" + enc(token(form)) + "&email=" + enc(email));
        String link = null;
        for (var p : storage.outbox().due(Instant.now().plus(Duration.ofDays(400)), 100_000)) {
            if (!"sign_in_link".equals(p.email().purpose()) || !p.email().to().equalsIgnoreCase(email)) continue;
            Matcher m = LINK.matcher(p.email().text());
            if (m.find()) link = m.group(1);
        }
        if (link == null) throw new IOException("no sign-in link was emailed to " + email);
        String page = get(c, base + link).body();
        Matcher a = ACTION.matcher(page);
        if (!a.find()) throw new IOException("the sign-in link page has no Sign in button");
        String desk = post(c, base + a.group(1), "csrf=" + enc(token(page)));
        if (desk.contains("name=\"email\"")) throw new IOException("signing in as " + email + " did not reach the desk");
        return c;
    }

    private static String post(HttpClient c, String url, String body) throws IOException, InterruptedException {
        return c.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String token(String html) throws IOException {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) throw new IOException("no form token on the page");
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
