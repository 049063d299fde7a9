package org.compactbot.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MDC;

/** Lines written through the shipped logback.xml (a fresh logger context), read back from standard output and error. */
class LogOutputTest {
    private final String target = System.getProperty(LogSetup.TARGET_PROPERTY);
    private final String level = System.getProperty(LogSetup.LEVEL_PROPERTY);

    @AfterEach
    void reset() {
        restore(LogSetup.TARGET_PROPERTY, target);
        restore(LogSetup.LEVEL_PROPERTY, level);
        System.clearProperty("LOG_FORMAT");
        SecretRedactor.forgetRegistered();
        MDC.clear();
    }

    private static void restore(String property, String value) {
        if (value == null) System.clearProperty(property);
        else System.setProperty(property, value);
    }

    private record Captured(String out, String err) {}

    /** Configures a logger context from src/main/resources/logback.xml, runs {@code body}, returns what reached stdout and stderr. */
    private static String logThroughShippedConfig(String format, Consumer<Logger> body) throws Exception {
        Captured c = capture(format, body);
        return c.out() + c.err();
    }

    private static Captured capture(String format, Consumer<Logger> body) throws Exception {
        if (format != null) System.setProperty("LOG_FORMAT", format);
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter()); // the one org.slf4j.MDC writes to
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream toOut = new ByteArrayOutputStream(), toErr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(toOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(toErr, true, StandardCharsets.UTF_8));
        try {
            configurator.doConfigure(LogOutputTest.class.getResource("/logback.xml"));
            body.accept(context.getLogger("org.compactbot.mail.OutboxSender"));
        } finally {
            context.stop();
            System.setOut(out);
            System.setErr(err);
        }
        return new Captured(toOut.toString(StandardCharsets.UTF_8), toErr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void linesGoToStandardOutputUnlessTheCommandSendsThemToStandardError() throws Exception {
        System.clearProperty(LogSetup.TARGET_PROPERTY); // the shipped default: serve's way
        Captured serve = capture("text", log -> log.warn("outbox stalled"));
        assertTrue(serve.out().endsWith("WARN  o.c.m.OutboxSender - outbox stalled\n"), serve.out());
        assertEquals("", serve.err());
        System.setProperty(LogSetup.TARGET_PROPERTY, LogSetup.decide(k -> null, "ask", "--json").target());
        Captured ask = capture("text", log -> log.warn("outbox stalled"));
        assertEquals("", ask.out(), "stdout is the command's result");
        assertTrue(ask.err().contains("outbox stalled"), ask.err());
    }

    @Test
    void theLevelFromLogLevelDecidesWhatIsWritten() throws Exception {
        System.setProperty(LogSetup.LEVEL_PROPERTY, LogSetup.decide(Map.of("LOG_LEVEL", "warn")::get).level());
        String warnOnly = logThroughShippedConfig("text", log -> {
            log.info("an info line");
            log.warn("a warning");
        });
        assertFalse(warnOnly.contains("an info line"), warnOnly);
        assertTrue(warnOnly.contains("a warning"), warnOnly);
        System.setProperty(LogSetup.LEVEL_PROPERTY, LogSetup.decide(Map.of("LOG_LEVEL", "DEBUG")::get).level());
        assertTrue(logThroughShippedConfig("text", log -> log.debug("a debug line")).contains("a debug line"));
    }

    @Test
    void secretsNeverReachTheLog() throws Exception {
        SecretRedactor.register("smtp-Pa55word-xyz");
        String out = logThroughShippedConfig(null, log -> {
            log.warn("SMTP login failed for bot with smtp-Pa55word-xyz");
            log.info("Slack said invalid_auth for xoxb-2222-3333-abcdEFGH");
            log.error("request failed", new IllegalStateException("Authorization: Bearer s3cret-api-token rejected; password=hunter2"));
        });
        assertTrue(out.contains("SMTP login failed for bot with ***"), out);
        assertTrue(out.contains("invalid_auth for xoxb-***"), out);
        assertTrue(out.contains("IllegalStateException: Authorization: Bearer *** rejected; password=***"), out);
        for (String secret : List.of("smtp-Pa55word-xyz", "2222-3333", "s3cret-api-token", "hunter2")) {
            assertFalse(out.contains(secret), secret + " in:\n" + out);
        }
    }

    @Test
    void textLinesCarryTheRequestIdWhenThereIsOne() throws Exception {
        String out = logThroughShippedConfig("text", log -> {
            log.info("no request here");
            MDC.put(LogIds.REQUEST, "req-42");
            log.info("inside a request");
        });
        List<String> lines = out.lines().toList();
        assertEquals(2, lines.size(), out);
        assertTrue(lines.get(0).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  o\\.c\\.m\\.OutboxSender - no request here"), lines.get(0));
        assertTrue(lines.get(1).endsWith("OutboxSender [req-42] - inside a request"), lines.get(1));
    }

    @Test
    void jsonFormatWritesOneObjectPerLineWithTheIds() throws Exception {
        SecretRedactor.register("imap-secret-99");
        String out = logThroughShippedConfig("json", log -> {
            MDC.put(LogIds.REQUEST, "req-7");
            MDC.put(LogIds.CONVERSATION, LogIds.conversation("mail:jo@bilston.org.uk"));
            log.info("turn handled, now {}", "collecting");
            MDC.clear();
            log.debug("not shown at the default level");
            log.error("IMAP login with imap-secret-99 failed\nsecond line", new RuntimeException("boom"));
        });
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String l : out.lines().toList()) lines.add(json.readTree(l));
        assertEquals(2, lines.size(), out);
        JsonNode first = lines.get(0);
        List<String> keys = new ArrayList<>();
        first.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("ts", "level", "logger", "thread", "message", "conversation_id", "request_id"), keys);
        assertEquals("INFO", first.get("level").asText());
        assertEquals("org.compactbot.mail.OutboxSender", first.get("logger").asText());
        assertEquals("turn handled, now collecting", first.get("message").asText());
        assertEquals("req-7", first.get("request_id").asText());
        assertTrue(first.get("conversation_id").asText().matches("c-[0-9a-f]{12}"), first.toString());
        assertTrue(first.get("ts").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), first.toString());
        JsonNode second = lines.get(1);
        assertEquals("IMAP login with *** failed\nsecond line", second.get("message").asText());
        assertFalse(second.has("request_id"));
        assertTrue(second.get("exception").asText().startsWith("java.lang.RuntimeException: boom"), second.toString());
        assertFalse(out.contains("jo@bilston.org.uk"), out);
    }

    @Test
    void anUnknownFormatFallsBackToText() throws Exception {
        String out = logThroughShippedConfig("xml", log -> log.warn("still logged"));
        assertTrue(out.contains("LOG_FORMAT=xml is not known"), out);
        assertTrue(out.lines().anyMatch(l -> l.endsWith("WARN  o.c.m.OutboxSender - still logged")), out);
    }

    @Test
    void conversationPseudonymsAreStableAndHideTheKey() {
        assertEquals(LogIds.conversation("mail:jo@bilston.org.uk"), LogIds.conversation("mail:jo@bilston.org.uk"));
        assertFalse(LogIds.conversation("mail:jo@bilston.org.uk").equals(LogIds.conversation("mail:pat@eston.org.uk")));
        assertFalse(LogIds.conversation("mail:jo@bilston.org.uk").contains("jo"));
    }
}
