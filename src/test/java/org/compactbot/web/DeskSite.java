package org.compactbot.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compactbot.cases.CaseDesk;
import org.compactbot.cases.CaseService;
import org.compactbot.cases.DeskReport;
import org.compactbot.cases.MediatorDirectory;
import org.compactbot.cases.MediatorDirectoryLoader;
import org.compactbot.cases.OutgoingEmail;
import org.compactbot.cases.SigningIn;
import org.compactbot.config.AppConfig;
import org.compactbot.conversation.Conversation;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.conversation.ConversationStore;
import org.compactbot.conversation.IntentClassifier;
import org.compactbot.conversation.TestClock;
import org.compactbot.knowledge.SharedKnowledge;
import org.compactbot.store.Database;
import org.compactbot.store.SqlCaseStore;
import org.compactbot.store.SqlConversationStore;
import org.compactbot.store.SqlEmailedLinks;
import org.compactbot.store.SqlEvidenceFiles;
import org.compactbot.store.SqlOutbox;
import org.compactbot.store.SqlKnowledgeGaps;
import org.compactbot.store.SqlSurveys;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The web server with the case desk on a free loopback port, over a SQLite file with the shipped mediators.yml, a clock
 * the test moves (a Tuesday in November), and cases put in as the conversation engine submits them.
 */
final class DeskSite implements AutoCloseable {
    static final String MAILBOX = "compact@example.org";
    private static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+(/desk/sign-in/[A-Za-z0-9_-]{43})");
    final TestClock clock = new TestClock(Instant.parse("2026-11-24T10:00:00Z"));
    final Database db;
    final SqlCaseStore store;
    final CaseService cases;
    final SqlSurveys surveys;
    final SqlKnowledgeGaps gaps;
    final WebServer server;

    DeskSite(Path dir, AppConfig.RateLimit limit) throws Exception {
        AppConfig d = AppConfig.defaults();
        AppConfig.Mail mail = new AppConfig.Mail(MAILBOX, d.mail().smtp(), d.mail().imap(), "", "");
        AppConfig cfg = new AppConfig(new AppConfig.Server(0, limit, List.of(), ""), d.data(), d.knowledge(), d.api(), d.slack(), mail, d.cases());
        db = Database.open(dir.resolve("desk.db"));
        MediatorDirectory directory = MediatorDirectoryLoader.load(Path.of("config/mediators.yml"));
        store = new SqlCaseStore(db, clock, MAILBOX);
        cases = new CaseService(store, directory, clock);
        var engine = new ConversationEngine(new SqlConversationStore(db, "CC", clock), SharedKnowledge.answers(), new IntentClassifier(null), clock);
        SqlOutbox outbox = new SqlOutbox(db, clock, MAILBOX);
        DeskServices desk = new DeskServices(new SigningIn(directory, new SqlEmailedLinks(db), outbox, clock),
                new CaseDesk(store, new SqlEvidenceFiles(db), cases, directory, clock), clock,
                Optional.of(new DeskReport(store, surveys = new SqlSurveys(db), cases, clock)), gaps = new SqlKnowledgeGaps(db, clock));
        server = new WebServer(WebServer.Parts.of(cfg, SharedKnowledge.answers(), engine).withDesk(desk));
        server.start();
    }

    /** Puts in a case as the conversation engine submits it, and assigns it by hand to the mediator (null: left unrouted). */
    String raise(String area, String name, String organisation, String email, String respondent, String whatHappened, boolean confidential,
                 String mediatorId) throws Exception {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("area", area);
        details.put("role", "group");
        details.put("name", name);
        details.put("organisation", organisation);
        details.put("email", email);
        details.put("respondent", respondent);
        details.put("what_happened", whatHappened);
        details.put("consent", confidential ? "confidential" : "share");
        details.put("details", Map.of("codes", "managing-change", "undertaking_numbers", "[1]",
                "checks", "27 days' notice against a minimum of three months.",
                "consent_label", confidential ? "Keep my name confidential from the body" : "The body may be told who raised it"));
        details.put("suggestions", List.of(Map.of("citation", "West Cheshire Compact › Managing Changes to Services › Public sector undertaking 3",
                "text", "Give a minimum of three months, and ideally six months' notice in writing", "code", "managing-change")));
        ConversationStore convs = new SqlConversationStore(db, "CC", clock);
        Conversation c = new Conversation("conv-" + System.nanoTime(), "test", clock.instant());
        String ref = convs.commitTurn(c, List.of(new ConversationStore.Line("in", "yes")), new ConversationStore.NewCase(area, respondent,
                organisation, name, email, new ObjectMapper().writeValueAsString(details))).orElseThrow();
        if (mediatorId != null && !cases.assign(ref, mediatorId, "test").ok()) throw new IllegalStateException("not assigned: " + ref);
        return ref;
    }

    /** The emails queued so far (no sender runs), oldest first. */
    List<OutgoingEmail> emails() {
        return new SqlOutbox(db, clock, MAILBOX).due(clock.instant().plus(Duration.ofDays(400)), 10_000).stream().map(p -> p.email()).toList();
    }

    /** The path of the latest sign-in link emailed to the address. */
    String lastLink(String to) {
        List<OutgoingEmail> mine = emails().stream().filter(e -> "sign_in_link".equals(e.purpose()) && e.to().equalsIgnoreCase(to)).toList();
        if (mine.isEmpty()) throw new AssertionError("no sign-in link was emailed to " + to);
        Matcher m = LINK.matcher(mine.get(mine.size() - 1).text());
        if (!m.find()) throw new AssertionError(mine.get(mine.size() - 1).text());
        return m.group(1);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    @Override
    public void close() {
        server.stop();
        db.close();
    }

    /** A browser: its own cookies, redirects followed by hand (and kept), forms posted with their token. */
    final class Browser {
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
        final List<String> redirects = new ArrayList<>();
        /** The Set-Cookie headers of the latest response. */
        List<String> setCookies = List.of();

        record Page(int status, String body, Document doc, String path, HttpResponse<byte[]> raw) {
            String main() {
                return doc.select("main").text();
            }
        }

        Page get(String path) throws Exception {
            return follow(send(HttpRequest.newBuilder(URI.create(url(path))).GET()));
        }

        /** Posts the fields (name, value, ...) with this form token (null: none). */
        Page post(String path, String token, String... fields) throws Exception {
            List<String> parts = new ArrayList<>();
            if (token != null) parts.add("csrf=" + enc(token));
            for (int i = 0; i < fields.length; i += 2) parts.add(enc(fields[i]) + "=" + enc(fields[i + 1]));
            return follow(send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(String.join("&", parts)))));
        }

        /** Posts the page's form whose action ends with {@code action}, with its token, plus these fields. */
        Page submit(Page page, String action, String... fields) throws Exception {
            var form = page.doc().select("form[method=post]").stream().filter(f -> f.attr("action").endsWith(action)).findFirst()
                    .orElseThrow(() -> new AssertionError("no form " + action + " on " + page.path()));
            return post(form.attr("action"), form.selectFirst("input[name=csrf]").attr("value"), fields);
        }

        /** Asks for a link for the address and opens it: the page with the "Sign in" button. */
        Page signInPageFor(String email) throws Exception {
            Page sent = submit(get("/desk/sign-in"), "/desk/sign-in", "email", email);
            if (!sent.path().equals("/desk/sign-in/sent")) throw new AssertionError(sent.path() + " " + sent.main());
            return get(lastLink(email));
        }

        /** Asks for a link for the address, opens it and presses "Sign in": the page it ends on. */
        Page signIn(String email) throws Exception {
            Page open = signInPageFor(email);
            return submit(open, open.doc().selectFirst("main form").attr("action"));
        }

        private HttpResponse<byte[]> send(HttpRequest.Builder b) throws Exception {
            b.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            setCookies = r.headers().allValues("Set-Cookie");
            return r;
        }

        private Page follow(HttpResponse<byte[]> r) throws Exception {
            redirects.clear();
            for (int hops = 0; r.statusCode() == 303 && hops < 5; hops++) {
                String to = r.headers().firstValue("Location").orElseThrow();
                redirects.add(to);
                r = send(HttpRequest.newBuilder(URI.create(url(to))).GET());
            }
            String body = new String(r.body(), StandardCharsets.UTF_8);
            return new Page(r.statusCode(), body, Jsoup.parse(body), r.uri().getPath(), r);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
