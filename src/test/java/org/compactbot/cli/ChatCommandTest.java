package org.compactbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `chat --json` as the contract describes it: exactly one object per input line. */
class ChatCommandTest {
    @TempDir Path dir;
    private final ObjectMapper json = new ObjectMapper();

    private Path config() throws Exception {
        Path data = CliRun.dataWithIndex(dir);
        Path cfg = dir.resolve("c.yml");
        Files.writeString(cfg, "data: { dir: \"" + data + "\" }\n");
        return cfg;
    }

    private List<JsonNode> chat(Path cfg, String user, String input) throws Exception {
        CliRun r = CliRun.run(input, "--config", cfg.toString(), "chat", "--json", "--user", user);
        assertEquals(0, r.exit(), r.err());
        List<JsonNode> out = new ArrayList<>();
        for (String line : r.out().split("\n")) if (!line.isBlank()) out.add(json.readTree(line));
        return out;
    }

    @Test
    void oneObjectPerLineThroughAWholeChallengeAndAcrossRuns() throws Exception {
        Path cfg = config();
        List<JsonNode> first = chat(cfg, "alex", "raise a challenge\nRedcar\n\n1\n");
        assertEquals(4, first.size(), "one object per input line, the empty one included");
        assertEquals("area", first.get(0).get("expecting").asText());
        assertEquals("role", first.get(1).get("expecting").asText());
        assertEquals("role", first.get(2).get("expecting").asText());
        assertEquals("name", first.get(3).get("expecting").asText());
        for (JsonNode o : first) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            assertEquals(List.of("replies", "state", "expecting", "case"), names);
        }
        // a new process picks the conversation up where it was
        List<JsonNode> rest = chat(cfg, "alex", String.join("\n", "Alex Doe", "skip", "alex@example.org", "Redcar and Cleveland Council",
                "They closed the consultation on our centre after four weeks.", "none", "opened 1 Oct 2026, closed 29 Oct 2026",
                "skip", "skip", "A full twelve week consultation", "1", "yes") + "\n");
        JsonNode last = rest.get(rest.size() - 1);
        assertEquals("idle", last.get("state").asText());
        assertTrue(last.get("case").get("ref").asText().matches("CC-\\d{4}-\\d{4}"), last.toString());
        assertEquals("submitted", last.get("case").get("status").asText());
        assertTrue(last.get("case").get("mediator").isNull());
        JsonNode beforeConfirm = rest.get(rest.size() - 2);
        assertEquals("confirm", beforeConfirm.get("expecting").asText());
        assertTrue(beforeConfirm.toString().contains("4 weeks"), beforeConfirm.toString());
    }
}
