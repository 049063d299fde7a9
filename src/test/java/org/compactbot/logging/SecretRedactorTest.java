package org.compactbot.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.compactbot.config.AppConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a log line looks like after redaction. */
class SecretRedactorTest {
    private static final String XOAUTH2 = Base64.getEncoder().encodeToString(
            "user=compact@example.org\u0001auth=Bearer ya29.a0AfB_byC\u0001\u0001".getBytes(StandardCharsets.UTF_8));

    @AfterEach
    void forget() {
        SecretRedactor.forgetRegistered();
    }

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("bot token xoxb-123456-7890-AbCdEf rejected", "bot token xoxb-*** rejected"),
                Arguments.of("user xoxp-1-2-3 and app xapp-1-A0-99-ff and refresh xoxe-1-abc", "user xoxp-*** and app xapp-*** and refresh xoxe-***"),
                Arguments.of("Authorization: Bearer eyJhbGciOi.J9.abc", "Authorization: Bearer ***"),
                Arguments.of("header authorization=basic dXNlcjpwYXNz", "header authorization=basic ***"),
                Arguments.of("connect smtp password=hunter2 user=bot", "connect smtp password=*** user=bot"),
                Arguments.of("{\"password\": \"s3cr3t!\", \"port\": 587}", "{\"password\": \"***\", \"port\": 587}"),
                Arguments.of("client_secret=abc&x=1", "client_secret=***&x=1"),
                Arguments.of("AUTH XOAUTH2 " + XOAUTH2, "AUTH XOAUTH2 [XOAUTH2 ***]"),
                Arguments.of("user=bot@example.org\u0001auth=Bearer ya29.a0AfB_byC", "user=bot@example.org\u0001auth=*** ***"),
                Arguments.of("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig-nature_1", "jwt ***"),
                Arguments.of("nothing secret: 3 cases routed, outbox depth 0", "nothing secret: 3 cases routed, outbox depth 0"),
                Arguments.of("the API token is not set", "the API token is not set"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void masksSecretShapes(String line, String expected) {
        assertEquals(expected, SecretRedactor.redact(line));
    }

    @Test
    void masksTheConfiguredSecretsWhateverTheirShape() {
        AppConfig d = AppConfig.defaults();
        AppConfig cfg = new AppConfig(d.server(), d.data(), d.knowledge(), new AppConfig.Api("api-T0KEN-42"),
                new AppConfig.Slack("xoxb-1-2", "8f14e45fceea167a5a36dedd4bea2543", "", d.slack().apiUrl()),
                new AppConfig.Mail(d.mail().address(), new AppConfig.Smtp("smtp.example.org", 587, "bot", "correct horse battery", "starttls"),
                        new AppConfig.Imap("imap.example.org", 993, "bot", "Tr0ub4dor&3", "ssl", "INBOX", 60), "", "inbound-9f9f"),
                d.cases(), new AppConfig.Store("jdbc:postgresql://db.internal:5432/compact", "compact", "pg-s3cret!"));
        SecretRedactor.registerSecretsOf(cfg);
        String line = SecretRedactor.redact("api-T0KEN-42 | 8f14e45fceea167a5a36dedd4bea2543 | correct horse battery | Tr0ub4dor&3 | inbound-9f9f | pg-s3cret!");
        assertEquals("*** | *** | *** | *** | *** | ***", line);
    }

    @Test
    void emptyAndTinyValuesAreNotSecretsToMask() {
        SecretRedactor.register("", " ", "ab", null);
        assertEquals("a b ab abc", SecretRedactor.redact("a b ab abc"));
    }

    @Test
    void addressesFromAMailServerKeepOnlyTheirDomain() {
        String masked = SecretRedactor.maskEmails("550 5.1.1 <jo.bloggs@bilston.org.uk>: Recipient address rejected");
        assertEquals("550 5.1.1 <***@bilston.org.uk>: Recipient address rejected", masked);
        assertFalse(masked.contains("jo.bloggs"));
    }
}
