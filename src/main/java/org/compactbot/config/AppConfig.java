package org.compactbot.config;

import java.nio.file.Path;
import java.util.List;

/** The service's settings, as in config/compact-bot.yml (the README lists the keys; docs/ARCHITECTURE.md says where to add one). */
public record AppConfig(Server server, Data data, Knowledge knowledge, Api api, Slack slack, Mail mail, Cases cases,
                        Retention retention, Store store) {

    /** The settings with the default retention periods and the SQLite file under data.dir. */
    public AppConfig(Server server, Data data, Knowledge knowledge, Api api, Slack slack, Mail mail, Cases cases) {
        this(server, data, knowledge, api, slack, mail, cases, Retention.DEFAULT, Store.DEFAULT);
    }

    /** The settings with the SQLite file under data.dir. */
    public AppConfig(Server server, Data data, Knowledge knowledge, Api api, Slack slack, Mail mail, Cases cases, Retention retention) {
        this(server, data, knowledge, api, slack, mail, cases, retention, Store.DEFAULT);
    }

    /** The settings with the default retention periods. */
    public AppConfig(Server server, Data data, Knowledge knowledge, Api api, Slack slack, Mail mail, Cases cases, Store store) {
        this(server, data, knowledge, api, slack, mail, cases, Retention.DEFAULT, store);
    }

    /**
     * @param rateLimit      requests per client on /api/* and /mail/inbound, and the global cap on /slack/events
     * @param trustedProxies addresses or CIDR ranges of reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed
     * @param publicUrl      the address people reach the service at ({@code https://compact.example.gov.uk}, no trailing
     *                       slash), which emailed links start with; empty: not set
     */
    public record Server(int port, RateLimit rateLimit, List<String> trustedProxies, String publicUrl) {
        public Server {
            trustedProxies = List.copyOf(trustedProxies);
            publicUrl = publicUrl == null ? "" : publicUrl;
        }

        /** No public address set. */
        public Server(int port, RateLimit rateLimit, List<String> trustedProxies) {
            this(port, rateLimit, trustedProxies, "");
        }

        /** The default limits, no proxy trusted. */
        public Server(int port) {
            this(port, RateLimit.DEFAULT, List.of());
        }
    }

    /**
     * A token bucket per client: {@code perMinute} requests a minute on average, up to {@code burst} at once;
     * {@code slackPerMinute} caps /slack/events for everyone together. Zero turns a limit off.
     */
    public record RateLimit(int perMinute, int burst, int slackPerMinute) {
        public static final RateLimit DEFAULT = new RateLimit(60, 20, 3000);
        public static final RateLimit OFF = new RateLimit(0, 0, 0);
    }

    public record Data(Path dir) {}

    public record Knowledge(Path dir) {}

    public record Api(String token) {}

    /**
     * Slack, in one of two modes: one workspace ({@code bot-token} set), or many ({@code client-id} and
     * {@code client-secret} set: each workspace installs the app through GET /slack/install and its token is kept in the
     * store). {@code redirect-uri} is the public URL of GET /slack/oauth_redirect, when Slack should be told it.
     */
    public record Slack(String botToken, String signingSecret, String appToken, String apiUrl, String clientId,
                        String clientSecret, String redirectUri) {
        /** One workspace, its bot token given. */
        public Slack(String botToken, String signingSecret, String appToken, String apiUrl) {
            this(botToken, signingSecret, appToken, apiUrl, "", "", "");
        }

        public boolean enabled() { return !signingSecret.isBlank() && (!botToken.isBlank() || manyWorkspaces()); }

        /** Installed into many workspaces by OAuth, a bot token kept for each. */
        public boolean manyWorkspaces() { return !clientId.isBlank() && !clientSecret.isBlank(); }
    }

    public record Smtp(String host, int port, String username, String password, String security) {
        public boolean enabled() { return !host.isBlank(); }
    }

    public record Imap(String host, int port, String username, String password, String security, String folder,
                       int pollSeconds) {
        public boolean enabled() { return !host.isBlank(); }
    }

    /**
     * @param trustedAuthservId the authserv-id our receiving mail server writes in Authentication-Results (for example
     *                          {@code mx.your-compact.org.uk}); only its verdicts are believed. Empty: failures in any
     *                          such header count, passes in none.
     */
    public record Mail(String address, Smtp smtp, Imap imap, String oauth2TokenCommand, String inboundToken, String trustedAuthservId) {
        public Mail(String address, Smtp smtp, Imap imap, String oauth2TokenCommand, String inboundToken) {
            this(address, smtp, imap, oauth2TokenCommand, inboundToken, "");
        }
    }

    public record Cases(Path mediators, String referencePrefix) {}

    /** How long personal data is kept (UK GDPR): cases after closure, conversations with an abandoned draft. */
    public record Retention(int casesYearsAfterClosure, int abandonedDraftsDays) {
        public static final Retention DEFAULT = new Retention(6, 30);
    }

    /** Where state lives: an empty url means the SQLite file data.dir/compact-bot.db; else jdbc:sqlite:FILE or jdbc:postgresql://... */
    public record Store(String url, String username, String password) {
        public static final Store DEFAULT = new Store("", "", "");

        /** A shared database (PostgreSQL), which several instances may use at once. */
        public boolean shared() { return url.startsWith("jdbc:postgresql:"); }
    }

    /** The embedded defaults: everything local, no channel but the CLI and HTTP API. */
    public static AppConfig defaults() {
        return new AppConfig(new Server(8080), new Data(Path.of("./data")), new Knowledge(Path.of("./index-data")),
                new Api(""), new Slack("", "", "", "https://slack.com/api/"),
                new Mail("compact@example.org", new Smtp("", 587, "", "", "starttls"),
                        new Imap("", 993, "", "", "ssl", "INBOX", 60), "", ""),
                new Cases(Path.of("config/mediators.yml"), "CC"), Retention.DEFAULT, Store.DEFAULT);
    }
}
