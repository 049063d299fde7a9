package org.compactbot.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.time.Instant;
import org.compactbot.cases.CaseService;
import org.compactbot.cases.MediatorDirectoryLoader;
import org.compactbot.cases.OutgoingEmail;
import org.compactbot.cases.SaveAndReturn;
import org.compactbot.cases.StatusByReference;
import org.compactbot.config.AppConfig;
import org.compactbot.conversation.TestClock;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.conversation.IntentClassifier;
import org.compactbot.knowledge.SharedKnowledge;
import org.compactbot.store.Database;
import org.compactbot.store.SqlCaseStore;
import org.compactbot.store.SqlConversationStore;
import org.compactbot.store.SqlEmailedLinks;
import org.compactbot.store.SqlOutbox;

/**
 * The web server on a free loopback port over the shipped Compacts, as a browser reaches it, with the emailed links
 * (save and return, status) on the database's outbox; the links' clock is {@link #linkClock}, moved by hand.
 */
final class PageServer implements AutoCloseable {
    static final String MAILBOX = "compact@example.org";
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Database db;
    final WebServer server;
    /** The clock the emailed links are issued and checked by (the drafts keep the system clock). */
    final TestClock linkClock = new TestClock(Instant.now());

    PageServer(Path dir, AppConfig.RateLimit limit) throws Exception {
        this(dir, limit, "");
    }

    /** With {@code server.public-url} set to {@code publicUrl} ("" for none). */
    PageServer(Path dir, AppConfig.RateLimit limit, String publicUrl) throws Exception {
        AppConfig d = AppConfig.defaults();
        AppConfig.Mail mail = new AppConfig.Mail(MAILBOX, d.mail().smtp(), d.mail().imap(), "", "");
        AppConfig cfg = new AppConfig(new AppConfig.Server(0, limit, List.of(), publicUrl), d.data(), d.knowledge(), d.api(), d.slack(), mail, d.cases());
        db = Database.open(dir.resolve("pages.db"));
        var engine = new ConversationEngine(new SqlConversationStore(db, "CC", java.time.Clock.systemUTC()), SharedKnowledge.answers(),
                new IntentClassifier(null), java.time.Clock.systemUTC());
        SqlOutbox outbox = new SqlOutbox(db, java.time.Clock.systemUTC(), MAILBOX);
        SqlEmailedLinks links = new SqlEmailedLinks(db);
        CaseService cases = new CaseService(new SqlCaseStore(db, java.time.Clock.systemUTC(), MAILBOX),
                MediatorDirectoryLoader.load(Path.of("config/mediators.yml")), java.time.Clock.systemUTC());
        server = new WebServer(WebServer.Parts.of(cfg, SharedKnowledge.answers(), engine).withLinks(new EmailedLinkServices(
                new SaveAndReturn(links, outbox, linkClock), new StatusByReference(cases, links, outbox, linkClock))));
        server.start();
    }

    /** The database behind the server's conversations (and the cases they create). */
    Database db() {
        return db;
    }

    /** The emails queued so far (none is sent: no sender runs), oldest first. */
    List<OutgoingEmail> emails() {
        return new SqlOutbox(db, java.time.Clock.systemUTC(), MAILBOX).due(Instant.now().plus(Duration.ofDays(400)), 1000).stream()
                .map(p -> p.email()).toList();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** A GET as a browser sends it (Accept: text/html), or with the given Accept. */
    HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (accept != null) b.header("Accept", accept);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> browse(String path) throws Exception {
        return get(path, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    }

    @Override
    public void close() {
        server.stop();
        db.close();
    }
}
