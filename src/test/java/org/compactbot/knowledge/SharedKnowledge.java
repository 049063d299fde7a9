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

    /** {@code dir/index-data} holding a copy of the shipped texts, for a test that adds a council's own beside them. */
    public static Path shippedKnowledgeCopy(Path dir) throws IOException {
        Path knowledge = Files.createDirectories(dir.resolve("index-data"));
        try (var shipped = Files.list(Path.of("index-data"))) {
            for (Path f : shipped.filter(Files::isRegularFile).toList()) Files.copy(f, knowledge.resolve(f.getFileName()));
        }
        return knowledge;
    }

    /** {@code dir/data} holding the shared index's embedding cache, so only texts the test adds are embedded. */
    public static Path dataWithEmbeddingCache(Path dir) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        index();
        Files.copy(dataDir().resolve("embeddings.bin"), data.resolve("embeddings.bin"));
        return data;
    }

    public static synchronized AnswerService answers() {
        if (answers == null) {
            answers = new AnswerService(index(), new Retriever(index(), embedder(), Retriever.Tuning.DEFAULT),
                    AnswerService.Abstention.DEFAULT);
        }
        return answers;
    }
}
