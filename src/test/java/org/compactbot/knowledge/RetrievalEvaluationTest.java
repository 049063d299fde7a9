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
        List<DevQuestions.Question> qs = DevQuestions.load(shared.resolve("eval/questions-dev.jsonl"));
        AnswerService answers = SharedKnowledge.answers();
        List<Answer> results = new ArrayList<>();
        for (var q : qs) results.add(answers.ask(q.question(), null, 5));
        DevQuestions.Scores s = DevQuestions.score(qs, results);
        System.out.println("[eval] questions-dev: " + s);
        s.misses().forEach(m -> System.out.println("[eval]   " + m));
        assertTrue(s.recall3() >= 0.60, "recall@3 fell to " + s.recall3());
        assertTrue(s.abstainAccuracy() >= 0.75, "abstention fell to " + s.abstainAccuracy());
    }
}
