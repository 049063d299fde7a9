package org.compactbot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeIndexTest {
    @TempDir Path knowledge;
    @TempDir Path data;

    /** Counts what the real model is asked to embed. */
    static final class CountingEmbedder implements Embedder {
        final AtomicInteger passages = new AtomicInteger();

        @Override public float[] embedQuery(String q) { return SharedKnowledge.embedder().embedQuery(q); }

        @Override public List<float[]> embedPassages(List<String> texts) {
            passages.addAndGet(texts.size());
            return SharedKnowledge.embedder().embedPassages(texts);
        }

        @Override public String modelId() { return SharedKnowledge.embedder().modelId(); }
    }

    @Test
    void restartWithUnchangedTextsReusesTheIndexWithoutEmbedding() throws Exception {
        Files.writeString(knowledge.resolve("a.md"), "---\narea: test\n---\n## Funding\n\n- Pay grants in advance where possible.\n  > Money up front.\n");
        CountingEmbedder e = new CountingEmbedder();
        List<String> problems = new ArrayList<>();
        try (KnowledgeIndex first = KnowledgeIndex.openOrBuild(knowledge, data, e, new CorpusLoader(), (f, r) -> problems.add(f))) {
            assertTrue(first.rebuilt());
            assertEquals(1, first.passages().size());
        }
        int embedded = e.passages.get();
        assertTrue(embedded > 0);
        try (KnowledgeIndex second = KnowledgeIndex.openOrBuild(knowledge, data, e, new CorpusLoader(), (f, r) -> problems.add(f))) {
            assertFalse(second.rebuilt());
            assertEquals("Pay grants in advance where possible.", second.passages().get(0).text());
        }
        assertEquals(embedded, e.passages.get(), "a restart must not re-embed");
        assertTrue(problems.isEmpty());
    }

    @Test
    void changedTextRebuildsAndEmbedsOnlyWhatIsNew() throws Exception {
        Files.writeString(knowledge.resolve("a.md"), "## Funding\n\n- Pay grants in advance where possible.\n");
        CountingEmbedder e = new CountingEmbedder();
        KnowledgeIndex.openOrBuild(knowledge, data, e, new CorpusLoader(), (f, r) -> {}).close();
        int before = e.passages.get();
        Files.writeString(knowledge.resolve("b.md"), "## Consultation\n\n- Consult for twelve weeks.\n");
        try (KnowledgeIndex idx = KnowledgeIndex.openOrBuild(knowledge, data, e, new CorpusLoader(), (f, r) -> {})) {
            assertTrue(idx.rebuilt());
            assertEquals(2, idx.passages().size());
        }
        assertEquals(before + 1, e.passages.get(), "only the new passage is embedded");
    }
}
