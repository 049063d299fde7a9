package org.compactbot.knowledge;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Answer quality on ../shared/eval/questions-dev.jsonl, scored as score.py scores `ask --json`.
 * Prints the figures; fails only on a clear regression. Skipped where ../shared is absent.
 */
class RetrievalEvaluationTest {
    @Test
    void devQuestionsScoreAboveTheRegressionFloor() throws Exception {
        Path shared = DevQuestions.sharedDir();
        assumeTrue(shared != null, "../shared/eval not present: evaluation skipped");
        DevQuestions.Scores s = scoreAndPrint("questions-dev", shared.resolve("eval/questions-dev.jsonl"));
        assertTrue(s.recall3() >= 0.60, "recall@3 fell to " + s.recall3());
        assertTrue(s.abstainAccuracy() >= 0.75, "abstention fell to " + s.abstainAccuracy());
    }

    /**
     * Our own set (src/test/resources/eval/questions-own.jsonl): 70 questions in the dev set's style, written
     * from the Compact texts by someone who had not seen the retrieval code, with 20 near-domain questions the
     * Compacts do not answer. It travels with the code, so it runs without ../shared too.
     */
    @Test
    void ownQuestionsScoreAboveTheRegressionFloor() throws Exception {
        DevQuestions.Scores s = scoreAndPrint("questions-own", Path.of("src/test/resources/eval/questions-own.jsonl"));
        assertTrue(s.recall3() >= 0.75, "recall@3 fell to " + s.recall3());
        assertTrue(s.abstainAccuracy() >= 0.55, "abstention fell to " + s.abstainAccuracy());
        assertTrue(s.falseAbstain() <= 2, "answerable questions declined: " + s.falseAbstain());
    }

    /** Asks every question of the file through the real index and model, prints the figures and the misses. */
    private static DevQuestions.Scores scoreAndPrint(String name, Path file) throws Exception {
        List<DevQuestions.Question> qs = DevQuestions.load(file);
        AnswerService answers = SharedKnowledge.answers();
        List<Answer> results = new ArrayList<>();
        for (var q : qs) results.add(answers.ask(q.question(), null, 5));
        DevQuestions.Scores s = DevQuestions.score(qs, results);
        System.out.println("[eval] " + name + ": " + s);
        s.misses().forEach(m -> System.out.println("[eval]   " + m));
        return s;
    }
}
