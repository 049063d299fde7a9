package org.compactbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.compactbot.Main;
import org.compactbot.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** COMPACT_BOT_CONFIG, COMPACT_BOT_* settings and LOG_LEVEL from the environment; the real one, in a child process. */
class EnvironmentTest {
    @TempDir Path dir;

    @Test
    void theConfigFileIsTheOptionElseCompactBotConfigElseTheDefault() throws Exception {
        Path named = Files.writeString(dir.resolve("named.yml"), "server: { port: 8080 }\n");
        Path option = dir.resolve("option.yml");
        Map<String, String> env = Map.of("COMPACT_BOT_CONFIG", named.toString());
        assertEquals(new CompactBotCommand.ConfigSource(option, true), CompactBotCommand.configSource(option, env::get));
        assertEquals(new CompactBotCommand.ConfigSource(named, true), CompactBotCommand.configSource(null, env::get));
        assertEquals(new CompactBotCommand.ConfigSource(CompactBotCommand.DEFAULT_CONFIG, false), CompactBotCommand.configSource(null, k -> null));
        String m = assertThrows(ConfigException.class,
                () -> CompactBotCommand.configSource(null, Map.of("COMPACT_BOT_CONFIG", dir.resolve("gone.yml").toString())::get)).getMessage();
        assertTrue(m.startsWith("COMPACT_BOT_CONFIG names the config file " + dir.resolve("gone.yml") + ", which does not exist"), m);
    }

    private record Run(int exit, String out, String err) {}

    private Run run(Map<String, String> env, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(Path.of("").toAbsolutePath().toFile())
                .redirectError(dir.resolve("err.txt").toFile()).redirectOutput(dir.resolve("out.txt").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("COMPACT_BOT_") || k.equals("LOG_LEVEL"));
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the command did not finish");
        return new Run(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void aProcessReadsItsConfigFileAndSettingsFromTheEnvironmentAndSaysWhatIsWrongInWords() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.yml"), "server: [port\n");
        Run r = run(Map.of("COMPACT_BOT_CONFIG", broken.toString()), "cases", "list");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(broken + ": not valid YAML"), r.err());
        Path good = Files.writeString(dir.resolve("good.yml"), "data: { dir: \"" + dir.resolve("data") + "\" }\n");
        r = run(Map.of("COMPACT_BOT_CONFIG", good.toString(), "COMPACT_BOT_CASES_REFERENCE_PREFIX", "cc-1", "LOG_LEVEL", "LOUD"), "cases", "list");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("warning: LOG_LEVEL=LOUD is not a level"), r.err());
        assertTrue(r.err().contains("error: environment variable COMPACT_BOT_CASES_REFERENCE_PREFIX (cases.reference-prefix): 'cc-1'"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        // --config wins over COMPACT_BOT_CONFIG
        r = run(Map.of("COMPACT_BOT_CONFIG", broken.toString()), "--config", good.toString(), "cases", "list");
        assertEquals(0, r.exit(), r.err());
    }
}
