package org.compactbot.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shipped index-data, indexed once per test run into a temporary data directory and shared
 * by the tests that need real answers (building it embeds every passage, which takes a while).
 */
public final class SharedKnowledge {
    private static BgeEmbedder embedder;
    private static KnowledgeIndex index;
    private static AnswerService answers;
    private static Path dataDir;

    private SharedKnowledge() {}

    public static synchronized BgeEmbedder embedder() {
        if (embedder == null) embedder = new BgeEmbedder();
        return embedder;
    }

    public static synchronized Path dataDir() {
        if (dataDir == null) {
            try {
                dataDir = Files.createTempDirectory("compact-bot-test-data");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dataDir;
    }

    public static synchronized KnowledgeIndex index() {
        if (index == null) {
            try {
                index = KnowledgeIndex.openOrBuild(Path.of("index-data"), dataDir(), embedder(), new CorpusLoader(),
                        (file, reason) -> { throw new AssertionError("shipped file " + file + " not indexed: " + reason); });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return index;
    }

    public static synchronized AnswerService answers() {
        if (answers == null) {
            answers = new AnswerService(index(), new Retriever(index(), embedder(), Retriever.Tuning.DEFAULT),
                    AnswerService.Abstention.DEFAULT);
        }
        return answers;
    }
}
