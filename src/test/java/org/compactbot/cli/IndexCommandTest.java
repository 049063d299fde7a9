package org.compactbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.compactbot.knowledge.SharedKnowledge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An operator adds their council's Compact as plain text, indexes it and checks what was found. */
class IndexCommandTest {
    @TempDir Path dir;

    @Test
    void aRawCompactInAnAreaFolderIsIndexedMarkedRawAndExplained() throws Exception {
        Path knowledge = SharedKnowledge.shippedKnowledgeCopy(dir);
        Path raw = Files.createDirectories(knowledge.resolve("northfield")).resolve("northfield-compact.txt");
        Files.copy(Path.of("src/test/resources/eval/byoc/northfield/northfield-compact.txt"), raw);
        Files.writeString(knowledge.resolve("northfield/northfield-compact.questions.md"), "## 8.3\n- how long before they stop our money?\n\n## 99.9\n- nothing\n");
        Path data = SharedKnowledge.dataWithEmbeddingCache(dir);
        Path cfg = dir.resolve("c.yml");
        Files.writeString(cfg, "data: { dir: \"" + data + "\" }\nknowledge: { dir: \"" + knowledge + "\" }\n");

        CliRun index = CliRun.run("", "--config", cfg.toString(), "index");
        assertEquals(0, index.exit(), index.err());
        assertTrue(index.out().matches("(?s).*northfield/northfield-compact.txt\\s+northfield\\s+\\d+ passages  raw text: .*"), index.out());
        assertTrue(index.out().contains("index --explain FILE"), index.out());
        assertTrue(index.err().contains("northfield-compact.questions.md: no passage of") && index.err().contains("\"99.9\""), index.err());
        assertFalse(index.err().contains("questions.md skipped"), index.err());

        CliRun explain = CliRun.run("", "--config", cfg.toString(), "index", "--explain", raw.toString());
        assertEquals(0, explain.exit(), explain.err());
        assertTrue(explain.out().contains("title:    Northfield Compact"), explain.out());
        assertTrue(explain.out().contains("area:     northfield"), explain.out());
        assertTrue(explain.out().contains("compact@northfield.gov.uk"), explain.out());
        assertTrue(explain.out().contains("[8.3, public sector]"), explain.out());
        assertTrue(explain.out().contains("contents list"), explain.out());

        CliRun missing = CliRun.run("", "--config", cfg.toString(), "index", "--explain", dir.resolve("nope.txt").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().startsWith("Cannot read"), missing.err());
    }
}
