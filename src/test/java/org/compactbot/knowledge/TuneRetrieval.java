package org.compactbot.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Developer tool: prints ranking figures and the abstention evidence for the dev questions. */
public final class TuneRetrieval {
    public static void main(String[] args) throws Exception {
        Path shared = DevQuestions.sharedDir();
        List<DevQuestions.Question> qs = DevQuestions.load(shared.resolve("eval/questions-dev.jsonl"));
        Path data = Files.createDirectories(Path.of("target/tune-data"));
        Embedder emb = new BgeEmbedder();
        try (KnowledgeIndex idx = KnowledgeIndex.openOrBuild(Path.of("index-data"), data, emb, new CorpusLoader(), (f, r) -> System.err.println(f + ": " + r))) {
            double[] lexWeights = args.length > 0 ? new double[] {Double.parseDouble(args[0])} : new double[] {0.0, 0.2, 0.3, 0.35, 0.4, 0.5, 0.7, 1.0};
            for (double lw : lexWeights) {
                Retriever.Tuning t = new Retriever.Tuning(lw, 1 - lw, 0.08, 100, 1.0f, 0.7f, 0.3f, 2.0f);
                AnswerService svc = new AnswerService(idx, new Retriever(idx, emb, t), new AnswerService.Abstention(-1, -1, 0));
                List<Answer> answers = new ArrayList<>();
                for (var q : qs) answers.add(svc.ask(q.question(), null, 5));
                DevQuestions.Scores s = DevQuestions.score(qs, answers);
                System.out.printf(Locale.ROOT, "lex=%.2f %s%n", lw, s);
                if (lexWeights.length == 1) {
                    s.misses().forEach(m -> System.out.println("  " + m));
                    for (int i = 0; i < qs.size(); i++) {
                        ScoredPassage b = answers.get(i).passages().get(0);
                        System.out.printf(Locale.ROOT, "  %s %s sem=%.3f lex=%.2f | %s%n", qs.get(i).id(),
                                qs.get(i).answerable() ? "A" : "N", b.semantic(), b.lexical(),
                                b.passage().text().substring(0, Math.min(70, b.passage().text().length())));
                    }
                }
            }
        }
    }
}
