package org.compactbot.config;

import java.nio.file.Path;

/** The service's settings, as in config/compact-bot.yml (see ARCHITECTURE.md for the keys). */
public record AppConfig(Server server, Data data, Knowledge knowledge, Api api, Slack slack, Mail mail, Cases cases, Store store) {

    /** The settings without a store section: the SQLite file under data.dir. */
    public AppConfig(Server server, Data data, Knowledge knowledge, Api api, Slack slack, Mail mail, Cases cases) {
        this(server, data, knowledge, api, slack, mail, cases, Store.DEFAULT);
    }

    public record Server(int port) {}

    public record Data(Path dir) {}

    public record Knowledge(Path dir) {}

    public record Api(String token) {}

    public record Slack(String botToken, String signingSecret, String appToken, String apiUrl) {
        public boolean enabled() { return !botToken.isBlank() && !signingSecret.isBlank(); }
    }

    public record Smtp(String host, int port, String username, String password, String security) {
        public boolean enabled() { return !host.isBlank(); }
    }

    public record Imap(String host, int port, String username, String password, String security, String folder,
                       int pollSeconds) {
        public boolean enabled() { return !host.isBlank(); }
    }

    public record Mail(String address, Smtp smtp, Imap imap, String oauth2TokenCommand, String inboundToken) {}

    public record Cases(Path mediators, String referencePrefix) {}

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
                new Cases(Path.of("config/mediators.yml"), "CC"), Store.DEFAULT);
    }
}
