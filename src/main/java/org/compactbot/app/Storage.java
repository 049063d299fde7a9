package org.compactbot.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.compactbot.cases.PersonalData;
import org.compactbot.cases.PersonalDataService;
import org.compactbot.store.CaseRecords;
import org.compactbot.store.ConversationRecords;
import org.compactbot.cases.SubmittingChallenge;
import org.compactbot.config.AppConfig;
import org.compactbot.store.Database;
import org.compactbot.store.SqlCaseStore;
import org.compactbot.store.SqlConversationStore;
import org.compactbot.store.SqlDigestsSent;
import org.compactbot.store.SqlEmailedLinks;
import org.compactbot.store.SqlInboundLog;
import org.compactbot.store.SqlKnowledgeGaps;
import org.compactbot.store.SqlOutbox;
import org.compactbot.store.SqlSlackEventLog;
import org.compactbot.store.SqlPublishedOutcomes;
import org.compactbot.store.SqlSurveys;
import org.compactbot.store.SqlWorkspaceInstallations;

/**
 * The database and every store on it, opened from the configuration: the SQLite file data/compact-bot.db, or the
 * database store.url names (PostgreSQL for several instances). Opened first, so that a damaged database stops
 * start-up before anything else is built. What is held about a person (UK GDPR requests, the retention schedule) is
 * gathered from every store that holds personal data, in one transaction: the case store first (it links a person's
 * cases and the conversations that raised them), then the conversations, the outbox, the inbound mail log and the
 * emailed links; the export's sections follow that order.
 */
public record Storage(Path dataDir, Database database, SqlCaseStore cases, SqlConversationStore conversations, SqlOutbox outbox,
        SqlInboundLog inbound, SqlSlackEventLog slackEvents, SqlKnowledgeGaps knowledgeGaps, SqlEmailedLinks emailedLinks,
        PersonalData personalData)
        implements AutoCloseable {

    private static final String SQLITE_FILE = "compact-bot.db";

    public static Storage open(AppConfig config, Clock clock) throws IOException {
        Path dataDir = writableDataDir(config);
        AppConfig.Store store = config.store();
        Database db = store.url().isBlank() ? Database.open(dataDir.resolve(SQLITE_FILE))
                : Database.open(store.url(), store.username(), store.password());
        String own = config.mail().address();
        SqlCaseStore cases = new SqlCaseStore(db, clock, own);
        SqlConversationStore conversations = new SqlConversationStore(db, new SubmittingChallenge(config.cases().referencePrefix()), clock);
        SqlOutbox outbox = new SqlOutbox(db, clock, own);
        SqlInboundLog inbound = new SqlInboundLog(db, clock);
        SqlEmailedLinks links = new SqlEmailedLinks(db);
        return new Storage(dataDir, db, cases, conversations, outbox, inbound, new SqlSlackEventLog(db, clock),
                new SqlKnowledgeGaps(db, clock), links,
                new PersonalDataService(List.of(new CaseRecords(db), new ConversationRecords(db), outbox, inbound, links), db, clock));
    }

    /** The weekly digests sent to the area leads, once per area and ISO week. */
    public SqlDigestsSent digestsSent() {
        return new SqlDigestsSent(database);
    }

    /** The closing surveys and their answers (issue 16 item 6). */
    public SqlSurveys surveys() {
        return new SqlSurveys(database);
    }

    /** The anonymised outcome summaries mediators published (issue 16 item 6). */
    public SqlPublishedOutcomes publishedOutcomes() {
        return new SqlPublishedOutcomes(database);
    }

    /** The Slack workspaces the app is installed in by OAuth, and installs in progress (many workspaces only). */
    public SqlWorkspaceInstallations slackInstallations() {
        return new SqlWorkspaceInstallations(database);
    }

    /** The data directory, created if missing and checked writable, with a message that says what to do. */
    public static Path writableDataDir(AppConfig config) throws IOException {
        Path dir = config.data().dir();
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new IOException("the data directory " + dir.toAbsolutePath().normalize()
                    + " is not writable: set data.dir in the config to a folder this user can write to");
        }
        return dir;
    }

    /** Where the SQLite database lives: the store.url's file, or compact-bot.db in the data directory; empty on PostgreSQL. */
    public static Optional<Path> databaseFile(AppConfig config) throws IOException {
        String url = config.store().url();
        if (url.startsWith("jdbc:sqlite:")) return Optional.of(Path.of(url.substring("jdbc:sqlite:".length())));
        return url.isBlank() ? Optional.of(writableDataDir(config).resolve(SQLITE_FILE)) : Optional.empty();
    }

    @Override
    public void close() {
        database.close();
    }
}
