package org.compactbot.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.compactbot.config.AppConfig;
import org.compactbot.conversation.Conversation;
import org.compactbot.conversation.ConversationStore;
import org.compactbot.conversation.TestClock;
import org.compactbot.mail.OutboxSender;
import org.compactbot.store.Database;
import org.compactbot.store.SqlCaseStore;
import org.compactbot.store.SqlConversationStore;
import org.compactbot.store.SqlOutbox;

/** A case database on disk with the shipped mediators, a clock the test moves, and a mail sender. */
final class CaseFixture implements AutoCloseable {
    final Path dir;
    final TestClock clock = new TestClock(Instant.parse("2026-11-24T10:00:00Z")); // a Tuesday
    Database db;
    SqlCaseStore store;
    CaseService service;
    final MediatorDirectory directory;
    /** The database: null for the SQLite file cases.db in dir, else a JDBC URL (PostgreSQL). */
    final String url;

    CaseFixture(Path dir) throws Exception {
        this(dir, (String) null);
    }

    CaseFixture(Path dir, String url) throws Exception {
        this(dir, url, MediatorDirectoryLoader.load(Path.of("config/mediators.yml")));
    }

    /** A SQLite file in dir with these mediators, leads and bodies. */
    CaseFixture(Path dir, MediatorDirectory directory) throws Exception {
        this(dir, null, directory);
    }

    private CaseFixture(Path dir, String url, MediatorDirectory directory) throws Exception {
        this.dir = dir;
        this.url = url;
        this.directory = directory;
        open();
    }

    void open() throws Exception {
        db = url == null ? Database.open(dir.resolve("cases.db")) : Database.open(url, "", "");
        store = new SqlCaseStore(db, clock, "compact@example.org");
        service = new CaseService(store, directory, clock);
    }

    void restart() throws Exception {
        db.close();
        open();
    }

    /** Submits a challenge the way the conversation engine does, returning its reference. */
    String submit(String area, String organisation, String email, String respondent, String codes, boolean confidential) throws Exception {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("area", area);
        details.put("role", "group");
        details.put("name", "Sam Patel");
        details.put("organisation", organisation);
        details.put("email", email);
        details.put("respondent", respondent);
        details.put("what_happened", "The council cut our grant with 27 days notice.");
        details.put("undertakings", "West Cheshire Compact › Managing Changes to Services › Public sector undertaking 3");
        details.put("consent", confidential ? "confidential" : "share");
        details.put("details", Map.of("codes", codes, "undertaking_numbers", "[1]",
                "checks", "27 days' notice against a minimum of three months. That is less than the Compact's minimum.\n"
                        + "Urgent: the change takes effect on 30 November 2026, within three months.",
                "consent_label", confidential ? "Keep my name confidential from the body" : "The body may be told who raised it"));
        details.put("suggestions", List.of(Map.of("citation", "West Cheshire Compact › Managing Changes to Services › Public sector undertaking 3",
                "text", "Give a minimum of three months, and ideally six months' notice in writing", "code", "managing-change")));
        ConversationStore convs = new SqlConversationStore(db, "CC", clock);
        Conversation c = new Conversation("conv-" + System.nanoTime(), "test", clock.instant());
        return convs.commitTurn(c, List.of(new ConversationStore.Line("in", "yes")), new ConversationStore.NewCase(area, respondent,
                organisation, "Sam Patel", email, new ObjectMapper().writeValueAsString(details))).orElseThrow();
    }

    OutboxSender sender(int smtpPort, boolean smtp) {
        return sender(new AppConfig.Smtp(smtp ? "127.0.0.1" : "", smtpPort, "", "", "none"), "");
    }

    /** A sender with these SMTP settings and OAuth2 token command, writing .eml files when the host is empty. */
    OutboxSender sender(AppConfig.Smtp smtp, String tokenCommand) {
        AppConfig.Mail mail = new AppConfig.Mail("compact@example.org", smtp, AppConfig.defaults().mail().imap(), tokenCommand, "");
        return new OutboxSender(new SqlOutbox(db), mail, dir.resolve("outbox"), clock, new java.util.Random(7));
    }

    @Override
    public void close() {
        db.close();
    }
}
