package org.compactbot.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** LOG_LEVEL and where the lines go, decided from the environment and the command line before logging starts. */
class LogSetupTest {
    @Test
    void levelComesFromLogLevelAndABadOneIsAWarning() {
        record Row(String logLevel, String level, int warnings) {}
        for (Row r : List.of(new Row(null, "INFO", 0), new Row("", "INFO", 0), new Row("debug", "DEBUG", 0), new Row(" WARN ", "WARN", 0),
                new Row("off", "OFF", 0), new Row("LOUD", "INFO", 1), new Row("verbose", "INFO", 1))) {
            Map<String, String> env = r.logLevel() == null ? Map.of() : Map.of("LOG_LEVEL", r.logLevel());
            LogSetup.Decision d = LogSetup.decide(env::get, "serve");
            assertEquals(r.level(), d.level(), String.valueOf(r.logLevel()));
            assertEquals(r.warnings(), d.warnings().size(), d.warnings().toString());
        }
        assertEquals(List.of("LOG_LEVEL=LOUD is not a level (use TRACE, DEBUG, INFO, WARN, ERROR or OFF); logging at INFO"),
                LogSetup.decide(Map.of("LOG_LEVEL", "LOUD")::get).warnings());
    }

    @Test
    void serveLogsToStdoutAndCommandsWhoseStdoutIsTheirResultLogToStderr() {
        record Row(List<String> args, String target) {}
        for (Row r : List.of(new Row(List.of("serve"), "System.out"), new Row(List.of("--config", "x.yml", "serve"), "System.out"),
                new Row(List.of("--config=x.yml", "serve"), "System.out"), new Row(List.of("--config", "serve", "ask"), "System.err"),
                new Row(List.of("ask", "--json", "serve"), "System.err"), new Row(List.of("chat", "--json"), "System.err"),
                new Row(List.of("mail", "parse"), "System.err"), new Row(List.of(), "System.err"), new Row(List.of("--version"), "System.err"))) {
            assertEquals(r.target(), LogSetup.decide(k -> null, r.args().toArray(String[]::new)).target(), r.args().toString());
        }
    }
}
