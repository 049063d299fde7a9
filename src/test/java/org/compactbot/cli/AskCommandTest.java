package org.compactbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `ask` as the contract in ARCHITECTURE.md describes it. */
class AskCommandTest {
    @TempDir Path dir;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void jsonPrintsOneObjectPerStdinQuestionInOrderWithTheContractFields() throws Exception {
        Path cfg = CliRun.testConfig(dir);
        CliRun r = CliRun.run("how long should a consultation run?\n\nhow do I renew my passport?\n",
                "--config", cfg.toString(), "ask", "--json");
        assertEquals(0, r.exit(), r.err());
        List<JsonNode> objs = new ArrayList<>();
        for (String line : r.out().strip().split("\n")) objs.add(json.readTree(line));
        assertEquals(2, objs.size(), r.out());

        JsonNode a = objs.get(0);
        assertEquals(List.of("question", "answered", "area", "passages"), fieldNames(a));
        assertEquals("how long should a consultation run?", a.get("question").asText());
        assertTrue(a.get("answered").asBoolean());
        assertTrue(a.get("area").isNull());
        JsonNode p = a.get("passages").get(0);
        assertEquals(List.of("text", "document", "area", "section", "ref", "score"), fieldNames(p));
        assertTrue(p.get("text").asText().length() <= 700);
        assertTrue(p.get("score").isNumber());
        assertTrue(a.get("passages").size() <= 5);

        JsonNode none = objs.get(1);
        assertFalse(none.get("answered").asBoolean());
        assertEquals(0, none.get("passages").size());
    }

    @Test
    void topAndAreaAreHonoured() throws Exception {
        Path cfg = CliRun.testConfig(dir);
        CliRun r = CliRun.run("", "--config", cfg.toString(), "ask", "--json", "--top", "2", "--area", "wolverhampton",
                "volunteer", "expenses");
        assertEquals(0, r.exit(), r.err());
        JsonNode a = json.readTree(r.out().strip());
        assertEquals("volunteer expenses", a.get("question").asText());
        assertEquals("wolverhampton", a.get("area").asText());
        assertEquals(2, a.get("passages").size());
        a.get("passages").forEach(p -> assertEquals("wolverhampton", p.get("area").asText()));
    }

    @Test
    void humanOutputQuotesAndCites() throws Exception {
        Path cfg = CliRun.testConfig(dir);
        CliRun r = CliRun.run("", "--config", cfg.toString(), "ask", "what", "is", "full", "cost", "recovery?");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("\""), r.out());
        assertTrue(r.out().contains("— "), r.out());
    }

    @Test
    void unknownAreaIsAClearErrorWithExitCode2() throws Exception {
        Path cfg = CliRun.testConfig(dir);
        CliRun r = CliRun.run("", "--config", cfg.toString(), "ask", "--area", "narnia", "grants");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown area 'narnia'"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void missingConfigFileIsAClearErrorNotAStackTrace() {
        CliRun r = CliRun.run("", "--config", dir.resolve("missing.yml").toString(), "ask", "grants");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("does not exist"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void unwritableDataDirectoryIsAClearError() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("blocker"), "a file where a folder should be");
        Path cfg = dir.resolve("c.yml");
        java.nio.file.Files.writeString(cfg, "data: { dir: \"" + dir.resolve("blocker").resolve("data") + "\" }\n");
        CliRun r = CliRun.run("", "--config", cfg.toString(), "ask", "grants");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("not writable"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
