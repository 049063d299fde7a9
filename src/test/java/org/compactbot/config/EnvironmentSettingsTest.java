package org.compactbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every non-secret setting can be set from the environment, by the rule COMPACT_BOT_ + the YAML path upper-cased with
 * '.' and '-' as '_'; the variable wins over the file; secrets are not read that way. The environment is a map here.
 */
class EnvironmentSettingsTest {
    @TempDir Path dir;

    private record Row(String variable, String value, Function<AppConfig, Object> read, Object expected) {}

    /** One row per settable key: a new setting without a row fails {@link #everyNonSecretSettingHasARowAndTakesItsValue}. */
    private static final List<Row> ROWS = List.of(
            new Row("COMPACT_BOT_SERVER_PORT", "9001", c -> c.server().port(), 9001),
            new Row("COMPACT_BOT_SERVER_RATE_LIMIT_PER_MINUTE", "30", c -> c.server().rateLimit().perMinute(), 30),
            new Row("COMPACT_BOT_SERVER_RATE_LIMIT_BURST", "5", c -> c.server().rateLimit().burst(), 5),
            new Row("COMPACT_BOT_SERVER_RATE_LIMIT_SLACK_PER_MINUTE", "100", c -> c.server().rateLimit().slackPerMinute(), 100),
            new Row("COMPACT_BOT_SERVER_TRUSTED_PROXIES", "10.0.0.0/8, 127.0.0.1", c -> c.server().trustedProxies(), List.of("10.0.0.0/8", "127.0.0.1")),
            new Row("COMPACT_BOT_SERVER_PUBLIC_URL", "https://compact.council.example/", c -> c.server().publicUrl(), "https://compact.council.example"),
            new Row("COMPACT_BOT_DATA_DIR", "/srv/compact/data", c -> c.data().dir(), Path.of("/srv/compact/data")),
            new Row("COMPACT_BOT_KNOWLEDGE_DIR", "/srv/compact/texts", c -> c.knowledge().dir(), Path.of("/srv/compact/texts")),
            new Row("COMPACT_BOT_SLACK_API_URL", "http://127.0.0.1:9/api", c -> c.slack().apiUrl(), "http://127.0.0.1:9/api/"),
            new Row("COMPACT_BOT_SLACK_CLIENT_ID", "1111.2222", c -> c.slack().clientId(), "1111.2222"),
            new Row("COMPACT_BOT_SLACK_REDIRECT_URI", "https://compact.council.example/slack/oauth_redirect", c -> c.slack().redirectUri(),
                    "https://compact.council.example/slack/oauth_redirect"),
            new Row("COMPACT_BOT_MAIL_ADDRESS", "compact@council.example", c -> c.mail().address(), "compact@council.example"),
            new Row("COMPACT_BOT_MAIL_SMTP_HOST", "smtp.council.example", c -> c.mail().smtp().host(), "smtp.council.example"),
            new Row("COMPACT_BOT_MAIL_SMTP_PORT", "465", c -> c.mail().smtp().port(), 465),
            new Row("COMPACT_BOT_MAIL_SMTP_USERNAME", "bot", c -> c.mail().smtp().username(), "bot"),
            new Row("COMPACT_BOT_MAIL_SMTP_SECURITY", "ssl", c -> c.mail().smtp().security(), "ssl"),
            new Row("COMPACT_BOT_MAIL_IMAP_HOST", "imap.council.example", c -> c.mail().imap().host(), "imap.council.example"),
            new Row("COMPACT_BOT_MAIL_IMAP_PORT", "143", c -> c.mail().imap().port(), 143),
            new Row("COMPACT_BOT_MAIL_IMAP_USERNAME", "inbox", c -> c.mail().imap().username(), "inbox"),
            new Row("COMPACT_BOT_MAIL_IMAP_SECURITY", "starttls", c -> c.mail().imap().security(), "starttls"),
            new Row("COMPACT_BOT_MAIL_IMAP_FOLDER", "Compact", c -> c.mail().imap().folder(), "Compact"),
            new Row("COMPACT_BOT_MAIL_IMAP_POLL_SECONDS", "30", c -> c.mail().imap().pollSeconds(), 30),
            new Row("COMPACT_BOT_MAIL_OAUTH2_TOKEN_COMMAND", "get-token --mail", c -> c.mail().oauth2TokenCommand(), "get-token --mail"),
            new Row("COMPACT_BOT_MAIL_TRUSTED_AUTHSERV_ID", "mx.council.example", c -> c.mail().trustedAuthservId(), "mx.council.example"),
            new Row("COMPACT_BOT_CASES_MEDIATORS", "/srv/compact/mediators.yml", c -> c.cases().mediators(), Path.of("/srv/compact/mediators.yml")),
            new Row("COMPACT_BOT_CASES_REFERENCE_PREFIX", "CW", c -> c.cases().referencePrefix(), "CW"),
            new Row("COMPACT_BOT_RETENTION_CASES_YEARS_AFTER_CLOSURE", "7", c -> c.retention().casesYearsAfterClosure(), 7),
            new Row("COMPACT_BOT_RETENTION_ABANDONED_DRAFTS_DAYS", "14", c -> c.retention().abandonedDraftsDays(), 14),
            new Row("COMPACT_BOT_STORE_URL", "jdbc:postgresql://db:5432/compact", c -> c.store().url(), "jdbc:postgresql://db:5432/compact"),
            new Row("COMPACT_BOT_STORE_USERNAME", "compact", c -> c.store().username(), "compact"));

    private Path file(String yaml) throws Exception {
        return Files.writeString(dir.resolve("compact-bot.yml"), yaml);
    }

    @Test
    void theNameIsThePrefixAndThePathUpperCasedWithUnderscores() {
        assertEquals("COMPACT_BOT_SERVER_PORT", ConfigLoader.envName("server.port"));
        assertEquals("COMPACT_BOT_SERVER_RATE_LIMIT_PER_MINUTE", ConfigLoader.envName("server.rate-limit.per-minute"));
        assertEquals("COMPACT_BOT_MAIL_IMAP_POLL_SECONDS", ConfigLoader.envName("mail.imap.poll-seconds"));
    }

    @Test
    void everyNonSecretSettingHasARowAndTakesItsValue() throws Exception {
        assertEquals(new TreeSet<>(ConfigLoader.environmentSettings().keySet()), new TreeSet<>(ROWS.stream().map(Row::variable).toList()));
        Map<String, String> env = new LinkedHashMap<>();
        ROWS.forEach(r -> env.put(r.variable(), r.value()));
        // over the shipped file (which reads some keys through ${VAR}) and over no file at all (the embedded defaults)
        for (Path f : List.of(Path.of("config/compact-bot.yml"), dir.resolve("none.yml"))) {
            ConfigLoader loader = new ConfigLoader(env);
            AppConfig c = loader.load(f, f.startsWith("config"));
            for (Row r : ROWS) assertEquals(r.expected(), r.read().apply(c), r.variable() + " over " + f);
            assertEquals(List.of(), loader.warnings());
        }
    }

    @Test
    void theVariableWinsOverTheFileAndTheRestOfTheFileStays() throws Exception {
        Path f = file("server: { port: 9000 }\ncases: { reference-prefix: XY }\n");
        AppConfig c = new ConfigLoader(Map.of("COMPACT_BOT_SERVER_PORT", "9100")).load(f, true);
        assertEquals(9100, c.server().port());
        assertEquals("XY", c.cases().referencePrefix());
        assertEquals(9000, new ConfigLoader(Map.of()).load(f, true).server().port());
    }

    @Test
    void aBadValueFromTheEnvironmentNamesTheVariableAndTheSetting() throws Exception {
        Path f = file("server: { port: 9000 }\n");
        String m = assertThrows(ConfigException.class,
                () -> new ConfigLoader(Map.of("COMPACT_BOT_SERVER_PORT", "eighty")).load(f, true)).getMessage();
        assertEquals("environment variable COMPACT_BOT_SERVER_PORT (server.port): expected a whole number from 0 to 65535, got 'eighty'", m);
        m = assertThrows(ConfigException.class,
                () -> new ConfigLoader(Map.of("COMPACT_BOT_MAIL_ADDRESS", "nobody")).load(dir.resolve("none.yml"), false)).getMessage();
        assertTrue(m.startsWith("environment variable COMPACT_BOT_MAIL_ADDRESS (mail.address): 'nobody' is not an email address"), m);
    }

    @Test
    void secretsAreNotReadByTheRuleAndSayingSoIsAWarning() throws Exception {
        ConfigLoader loader = new ConfigLoader(Map.of("COMPACT_BOT_SLACK_BOT_TOKEN", "xoxb-1-2-abc", "COMPACT_BOT_STORE_PASSWORD", "hunter22"));
        AppConfig c = loader.load(dir.resolve("none.yml"), false);
        assertEquals("", c.slack().botToken());
        assertEquals("", c.store().password());
        assertEquals(2, loader.warnings().size(), loader.warnings().toString());
        assertTrue(loader.warnings().get(0).contains("slack.bot-token is a secret"), loader.warnings().toString());
        assertFalse(String.join(" ", loader.warnings()).contains("xoxb-1-2-abc"), "a warning never shows the value");
    }

    @Test
    void theShippedFilesOwnVariablesAndAMisspeltSettingAreToldApart() throws Exception {
        ConfigLoader loader = new ConfigLoader(Map.of("COMPACT_BOT_API_TOKEN", "s3cret-token", "COMPACT_BOT_PORT", "8081",
                "COMPACT_BOT_CONFIG", "config/compact-bot.yml", "COMPACT_BOT_SERVER_PROT", "1"));
        AppConfig c = loader.load(Path.of("config/compact-bot.yml"), true);
        assertEquals("s3cret-token", c.api().token(), "the shipped file reads api.token from ${COMPACT_BOT_API_TOKEN}");
        assertEquals(8081, c.server().port());
        assertEquals(1, loader.warnings().size(), loader.warnings().toString());
        assertTrue(loader.warnings().get(0).contains("COMPACT_BOT_SERVER_PROT matches no setting"), loader.warnings().toString());
    }
}
