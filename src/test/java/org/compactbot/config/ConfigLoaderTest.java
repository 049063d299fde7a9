package org.compactbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir Path dir;

    private AppConfig load(String yaml, Map<String, String> env) throws Exception {
        Path f = dir.resolve("compact-bot.yml");
        Files.writeString(f, yaml);
        return new ConfigLoader(env::get).load(f, true);
    }

    private String error(String yaml) throws Exception {
        Path f = dir.resolve("compact-bot.yml");
        Files.writeString(f, yaml);
        return assertThrows(ConfigException.class, () -> new ConfigLoader(k -> null).load(f, true)).getMessage();
    }

    @Test
    void shippedConfigLoadsWithAnEmptyEnvironment() throws Exception {
        AppConfig c = new ConfigLoader(k -> null).load(Path.of("config/compact-bot.yml"), true);
        assertEquals(8080, c.server().port());
        assertEquals("", c.api().token());
        assertEquals("https://slack.com/api/", c.slack().apiUrl());
        assertEquals("CC", c.cases().referencePrefix());
    }

    @Test
    void readsVariablesFromTheEnvironmentWithDefaults() throws Exception {
        AppConfig c = load("""
                server: { port: "${PORT:-9090}" }
                api: { token: "${TOKEN}" }
                slack: { bot-token: "${SLACK:-}" }
                """, Map.of("TOKEN", "s3cret"));
        assertEquals(9090, c.server().port());
        assertEquals("s3cret", c.api().token());
        assertEquals("", c.slack().botToken());
    }

    @Test
    void slackServesOneWorkspaceByItsTokenOrManyByTheAppsClientIdAndSecretButNotBoth() throws Exception {
        AppConfig one = load("slack: { bot-token: xoxb-1, signing-secret: s }\n", Map.of());
        assertTrue(one.slack().enabled());
        assertFalse(one.slack().manyWorkspaces());

        AppConfig many = load("""
                slack: { signing-secret: s, client-id: "1111.2222", client-secret: "${SLACK_CLIENT_SECRET}",
                         redirect-uri: "https://compact.council.example/slack/oauth_redirect" }
                """, Map.of("SLACK_CLIENT_SECRET", "abc"));
        assertTrue(many.slack().enabled() && many.slack().manyWorkspaces());
        assertEquals("https://compact.council.example/slack/oauth_redirect", many.slack().redirectUri());

        String both = error("slack: { bot-token: xoxb-1, signing-secret: s, client-id: \"1111.2222\", client-secret: abc }\n");
        assertTrue(both.contains("either slack.bot-token") && both.contains("not both"), both);
        String wrongUrl = error("slack: { signing-secret: s, client-id: a, client-secret: b, redirect-uri: \"https://x.example/\" }\n");
        assertTrue(wrongUrl.contains("slack.redirect-uri") && wrongUrl.contains("/slack/oauth_redirect"), wrongUrl);

        Path f = dir.resolve("half.yml");
        Files.writeString(f, "slack: { signing-secret: s, client-id: \"1111.2222\" }\n");
        ConfigLoader loader = new ConfigLoader(k -> null);
        AppConfig half = loader.load(f, true);
        assertFalse(half.slack().enabled(), "a client id without its secret turns nothing on");
        assertTrue(loader.warnings().stream().anyMatch(w -> w.contains("slack.client-secret")), loader.warnings().toString());
    }

    @Test
    void missingVariableWithoutDefaultNamesTheKeyAndVariable() throws Exception {
        String m = error("api: { token: \"${NOT_SET}\" }\n");
        assertTrue(m.contains("api.token") && m.contains("NOT_SET") && m.contains("compact-bot.yml"), m);
    }

    @Test
    void retentionPeriodsDefaultToSixYearsAndThirtyDaysAndCanBeSet() throws Exception {
        AppConfig shipped = new ConfigLoader(k -> null).load(Path.of("config/compact-bot.yml"), true);
        assertEquals(new AppConfig.Retention(6, 30), shipped.retention());
        assertEquals(new AppConfig.Retention(6, 30), load("server: { port: 8080 }\n", Map.of()).retention());
        assertEquals(new AppConfig.Retention(7, 14),
                load("retention: { cases-years-after-closure: 7, abandoned-drafts-days: 14 }\n", Map.of()).retention());
        String m = error("retention: { abandoned-drafts-days: 0 }\n");
        assertTrue(m.contains("retention.abandoned-drafts-days") && m.contains("'0'"), m);
    }

    @Test
    void rateLimitsAndTrustedProxiesAreReadWithDefaults() throws Exception {
        AppConfig none = load("server: { port: 8080 }\n", Map.of());
        assertEquals(AppConfig.RateLimit.DEFAULT, none.server().rateLimit());
        assertEquals(java.util.List.of(), none.server().trustedProxies());
        AppConfig c = load("""
                server:
                  rate-limit: { per-minute: 120, burst: 30 }
                  trusted-proxies: [ 10.0.0.0/8, "::1" ]
                """, Map.of());
        assertEquals(new AppConfig.RateLimit(120, 30, 3000), c.server().rateLimit());
        assertEquals(java.util.List.of("10.0.0.0/8", "::1"), c.server().trustedProxies());
        AppConfig fromEnv = load("server: { trusted-proxies: \"${PROXIES:-}\", rate-limit: { per-minute: 0 } }\n",
                Map.of("PROXIES", "127.0.0.1, 172.16.0.0/12"));
        assertEquals(java.util.List.of("127.0.0.1", "172.16.0.0/12"), fromEnv.server().trustedProxies());
        assertEquals(0, fromEnv.server().rateLimit().perMinute());
    }

    @Test
    void badRateLimitsAndProxiesNameTheKey() throws Exception {
        String proxy = error("server: { trusted-proxies: [ proxy.example.org ] }\n");
        assertTrue(proxy.contains("server.trusted-proxies") && proxy.contains("proxy.example.org") && proxy.contains("CIDR"), proxy);
        String prefix = error("server: { trusted-proxies: [ 10.0.0.0/40 ] }\n");
        assertTrue(prefix.contains("prefix") && prefix.contains("32"), prefix);
        String burst = error("server: { rate-limit: { per-minute: 10, burst: 0 } }\n");
        assertTrue(burst.contains("server.rate-limit.burst"), burst);
        String perMinute = error("server: { rate-limit: { per-minute: lots } }\n");
        assertTrue(perMinute.contains("server.rate-limit.per-minute") && perMinute.contains("lots"), perMinute);
    }

    @Test
    void badPortNamesFileKeyAndValue() throws Exception {
        String m = error("server: { port: eighty }\n");
        assertTrue(m.contains("compact-bot.yml") && m.contains("server.port") && m.contains("eighty"), m);
    }

    @Test
    void badSecurityModeListsTheChoices() throws Exception {
        String m = error("mail: { smtp: { security: tls } }\n");
        assertTrue(m.contains("mail.smtp.security") && m.contains("none, starttls, ssl"), m);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Compact <compact@example.org>", "compact@example..org",
            "compact@-example.org", ".compact@example.org", "compact@example.org,other@example.org", "compact@example"})
    void theBotsOwnAddressIsCheckedLikeEveryOtherAddress(String address) throws Exception {
        String m = error("mail: { address: \"" + address + "\" }\n");
        assertEquals(dir.resolve("compact-bot.yml") + ": mail.address: '" + address + "' is not an email address", m);
    }

    @Test
    void brokenYamlSaysWhere() throws Exception {
        String m = error("server:\n  port: [8080\n");
        assertTrue(m.contains("not valid YAML") && m.contains("line"), m);
    }

    @Test
    void storeUrlChoosesTheDatabaseAndEmptyMeansTheSqliteFile() throws Exception {
        assertEquals("", new ConfigLoader(k -> null).load(Path.of("config/compact-bot.yml"), true).store().url());
        AppConfig c = load("""
                store: { url: "${STORE_URL:-}", username: compact, password: "${STORE_PASSWORD:-}" }
                """, Map.of("STORE_URL", "jdbc:postgresql://db.internal:5432/compact", "STORE_PASSWORD", "s3cret"));
        assertEquals("jdbc:postgresql://db.internal:5432/compact", c.store().url());
        assertEquals("compact", c.store().username());
        assertEquals("s3cret", c.store().password());
        assertTrue(c.store().shared());
        assertTrue(!load("store: { url: \"jdbc:sqlite:/var/lib/compact/state.db\" }\n", Map.of()).store().shared());
    }

    @Test
    void storeUrlForAnotherEngineNamesTheKeyAndWhatIsUnderstoodButNotTheWholeUrl() throws Exception {
        String m = error("store: { url: \"jdbc:mysql://db.internal/compact?password=hunter2\" }\n");
        assertTrue(m.contains("store.url") && m.contains("'jdbc:mysql:'") && m.contains("jdbc:postgresql://") && !m.contains("hunter2"), m);
    }

    @Test
    void missingFileGivenExplicitlyIsAnError() {
        var e = assertThrows(ConfigException.class, () -> new ConfigLoader(k -> null).load(dir.resolve("nope.yml"), true));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void missingDefaultFileMeansEmbeddedDefaults() throws Exception {
        AppConfig c = new ConfigLoader(k -> null).load(dir.resolve("nope.yml"), false);
        assertEquals(AppConfig.defaults(), c);
    }

    @Test
    void unknownKeyIsAWarningNotAFailure() throws Exception {
        Path f = dir.resolve("c.yml");
        Files.writeString(f, "server: { port: 8081, prot: 1 }\n");
        ConfigLoader loader = new ConfigLoader(k -> null);
        assertEquals(8081, loader.load(f, true).server().port());
        assertTrue(loader.warnings().get(0).contains("server.prot"), loader.warnings().toString());
    }

    @Test
    void thePublicAddressIsAHostsRootAndABadOneIsNamed() throws Exception {
        assertEquals("", load("server: { port: 8080 }\n", java.util.Map.of()).server().publicUrl(), "not set by default");
        assertEquals("https://compact.example.gov.uk", load("server: { public-url: \"https://compact.example.gov.uk/\" }\n", java.util.Map.of())
                .server().publicUrl());
        for (String bad : java.util.List.of("compact.example.gov.uk", "https://compact.example.gov.uk/compact", "https://x.example/?next=evil")) {
            String e = error("server: { public-url: \"" + bad + "\" }\n");
            assertTrue(e.contains("server.public-url") && e.contains(bad), e);
        }
    }
}
