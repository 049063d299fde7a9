package org.compactbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The shipped config/compact-bot.yml holds no secret: every one comes from the environment. */
class ShippedConfigTest {
    private static final Path SHIPPED = Path.of("config/compact-bot.yml");

    @ParameterizedTest
    @ValueSource(strings = {"api.token", "mail.inbound-token", "slack.bot-token", "slack.signing-secret", "slack.app-token",
            "slack.client-secret", "mail.smtp.password", "mail.imap.password", "store.password"})
    void eachSecretIsAnEnvironmentVariableWithNoLiteralDefault(String key) throws Exception {
        JsonNode n = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(SHIPPED));
        for (String part : key.split("\\.")) n = n.get(part);
        String raw = n.asText();
        assertTrue(raw.matches("\\$\\{[A-Z][A-Z0-9_]*(:-)?}"), key + " is '" + raw + "': write ${SOME_VARIABLE} or ${SOME_VARIABLE:-}");
    }

    @Test
    void secretsAreTakenFromTheEnvironmentWhenSet() throws Exception {
        AppConfig cfg = new ConfigLoader(name -> ConfigLoader.environmentSettings().containsKey(name) || name.startsWith("SLACK_CLIENT_")
                || name.equals("SLACK_REDIRECT_URI") ? null : name.endsWith("PORT") ? "8080" : name.endsWith("PROXIES") ? "127.0.0.1"
                : name.equals("STORE_URL") ? "jdbc:postgresql://db.internal:5432/compact" : "from-env-" + name).load(SHIPPED, true);
        for (String v : List.of(cfg.api().token(), cfg.mail().inboundToken(), cfg.slack().botToken(), cfg.slack().signingSecret(),
                cfg.mail().smtp().password(), cfg.mail().imap().password(), cfg.store().password())) {
            assertTrue(v.startsWith("from-env-"), v);
        }
        AppConfig many = new ConfigLoader(name -> name.equals("SLACK_SIGNING_SECRET") || name.startsWith("SLACK_CLIENT_") ? "from-env-" + name
                : name.equals("SLACK_REDIRECT_URI") ? "https://compact.example.gov.uk/slack/oauth_redirect" : null).load(SHIPPED, true);
        assertTrue(many.slack().manyWorkspaces());
        assertEquals("from-env-SLACK_CLIENT_SECRET", many.slack().clientSecret());
        assertEquals("https://compact.example.gov.uk/slack/oauth_redirect", many.slack().redirectUri());
        AppConfig unset = new ConfigLoader(name -> null).load(SHIPPED, true);
        assertEquals("", unset.api().token());
        assertEquals("", unset.slack().signingSecret());
    }

    @Test
    void noTokenShapesAnywhereInTheFile() throws Exception {
        String text = Files.readString(SHIPPED);
        for (String shape : List.of("xoxb-", "xoxp-", "xapp-", "xoxe-", "Bearer ", "eyJ")) assertFalse(text.contains(shape), shape);
    }
}
