package org.compactbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.compactbot.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real `chat --json` process, killed with SIGKILL between turns, then started again. */
class ChatProcessKillTest {
    @TempDir Path dir;
    private final ObjectMapper json = new ObjectMapper();

    /** A running chat process, spoken to line by line. */
    private final class Chat implements AutoCloseable {
        final Process process;
        final Writer in;
        final BufferedReader out;

        Chat(Path cfg) throws Exception {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "--config", cfg.toString(), "chat", "--json", "--user", "kill-test")
                    .redirectError(dir.resolve("stderr.txt").toFile()).start();
            in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        JsonNode say(String line) throws Exception {
            in.write(line + "\n");
            in.flush();
            String reply = out.readLine();
            if (reply == null) throw new AssertionError("chat ended: " + Files.readString(dir.resolve("stderr.txt")));
            return json.readTree(reply);
        }

        @Override
        public void close() throws Exception {
            process.destroyForcibly(); // SIGKILL: no shutdown hooks, no clean close
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void conversationSurvivesTheProcessBeingKilledBetweenTurns() throws Exception {
        Path data = CliRun.dataWithIndex(dir);
        Path cfg = dir.resolve("c.yml");
        Files.writeString(cfg, "data: { dir: \"" + data + "\" }\nknowledge: { dir: \"" + Path.of("index-data").toAbsolutePath() + "\" }\n");
        try (Chat chat = new Chat(cfg)) {
            assertEquals("area", chat.say("raise a challenge").get("expecting").asText());
            assertEquals("role", chat.say("Wolverhampton").get("expecting").asText());
            assertEquals("name", chat.say("1").get("expecting").asText());
        }
        try (Chat again = new Chat(cfg)) {
            JsonNode t = again.say("Priya Shah");
            assertEquals("organisation", t.get("expecting").asText());
        }
    }
}
