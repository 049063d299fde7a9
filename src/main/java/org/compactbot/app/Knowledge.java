package org.compactbot.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.compactbot.config.AppConfig;
import org.compactbot.knowledge.AnswerService;
import org.compactbot.knowledge.CorpusLoader;
import org.compactbot.knowledge.Embedder;
import org.compactbot.knowledge.ExampleQuestions;
import org.compactbot.knowledge.KnowledgeGaps;
import org.compactbot.knowledge.KnowledgeIndex;
import org.compactbot.knowledge.Retriever;

/**
 * The Compact texts of knowledge.dir as a search index (built, or opened from the data directory's cache when the
 * texts have not changed), and the answers drawn from it. A file that cannot be read is skipped with a warning.
 */
public record Knowledge(Embedder embedder, KnowledgeIndex index) implements AutoCloseable {

    public static Knowledge open(AppConfig config, Embedder embedder, PrintStream notices) throws IOException {
        Path texts = config.knowledge().dir();
        KnowledgeIndex index = KnowledgeIndex.openOrBuild(texts, Storage.writableDataDir(config), embedder, new CorpusLoader(),
                (file, reason) -> notices.println("warning: " + texts.resolve(file)
                        + (file.endsWith(ExampleQuestions.SUFFIX) ? ": " : " skipped: ") + reason));
        return new Knowledge(embedder, index);
    }

    /** Answers for people in the channels: what they asked and the bot could not answer well joins the knowledge gaps. */
    public AnswerService answers(KnowledgeGaps gaps) {
        return new AnswerService(index, new Retriever(index, embedder, Retriever.Tuning.DEFAULT), AnswerService.Abstention.DEFAULT, gaps);
    }

    /** Answers for an operator's own trials (`ask`, `bench`): they do not count as knowledge gaps. */
    public AnswerService answersWithoutGaps() {
        return answers(KnowledgeGaps.NONE);
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
