package org.compactbot.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Developer tool: prints ranking figures and the abstention evidence for the dev questions. */
public final class TuneRetrieval {
    static int goldRank(DevQuestions.Question q, List<ScoredPassage> list) {
        List<String> gold = q.gold().stream().map(DevQuestions::norm).toList();
        for (int r = 0; r < list.size(); r++) {
            String nt = DevQuestions.norm(list.get(r).passage().text());
            if (gold.stream().anyMatch(nt::contains)) return r + 1;
        }
        return -1;
    }

    public static void main(String[] args) throws Exception {
        String file = System.getProperty("questions");
        List<DevQuestions.Question> qs = DevQuestions.load(file != null ? Path.of(file) : DevQuestions.sharedDir().resolve("eval/questions-dev.jsonl"));
        Path data = Files.createDirectories(Path.of("target/tune-data"));
        Embedder emb = new BgeEmbedder();
        try (KnowledgeIndex idx = KnowledgeIndex.openOrBuild(Path.of("index-data"), data, emb, new CorpusLoader(), (f, r) -> System.err.println(f + ": " + r))) {
            double[] lexWeights = args.length > 0 ? new double[] {Double.parseDouble(args[0])} : new double[] {0.0, 0.2, 0.3, 0.35, 0.4, 0.5, 0.7, 1.0};
            for (double lw : lexWeights) {
                Retriever.Tuning t = Retriever.Tuning.DEFAULT.withLexicalWeight(lw)
                        .withAreaBoost(Double.parseDouble(System.getProperty("ab", String.valueOf(Retriever.Tuning.DEFAULT.areaBoost()))))
                        .withDefinitionPenalty(Double.parseDouble(System.getProperty("def", String.valueOf(Retriever.Tuning.DEFAULT.definitionPenalty()))));
                AnswerService svc = new AnswerService(idx, new Retriever(idx, emb, t), new AnswerService.Abstention(Double.parseDouble(System.getProperty("floor", "0.6")), Double.parseDouble(System.getProperty("sure", "0.8")), Double.parseDouble(System.getProperty("margin", "0"))));
                List<Answer> answers = new ArrayList<>();
                for (var q : qs) answers.add(svc.ask(q.question(), null, 5));
                DevQuestions.Scores s = DevQuestions.score(qs, answers);
                System.out.printf(Locale.ROOT, "lex=%.2f %s%n", lw, s);
                if (lexWeights.length == 1 && args.length > 1) {
                    Retriever lexOnly = new Retriever(idx, emb, Retriever.Tuning.DEFAULT.withLexicalWeight(1));
                    Retriever semOnly = new Retriever(idx, emb, Retriever.Tuning.DEFAULT.withLexicalWeight(0));
                    for (var q : qs) {
                        if (!q.answerable()) continue;
                        int lr = goldRank(q, lexOnly.search(q.question(), null, null, 100).passages());
                        int sr = goldRank(q, semOnly.search(q.question(), null, null, 100).passages());
                        int fr = goldRank(q, new Retriever(idx, emb, t).search(q.question(), null, null, 100).passages());
                        System.out.printf("  %s lexRank=%d semRank=%d fusedRank=%d%n", q.id(), lr, sr, fr);
                    }
                }
                if (lexWeights.length == 1) {
                    s.misses().forEach(m -> System.out.println("  " + m));
                    for (int i = 0; i < qs.size(); i++) {
                        if (answers.get(i).passages().isEmpty()) { System.out.println("  " + qs.get(i).id() + " abstained"); continue; }
                        ScoredPassage b = answers.get(i).passages().get(0);
                        double maxSem = answers.get(i).passages().stream().mapToDouble(ScoredPassage::semantic).max().orElse(0);
                        double maxAsked = answers.get(i).passages().stream().mapToDouble(ScoredPassage::askedLike).max().orElse(0);
                        System.out.printf(Locale.ROOT, "  %s %s sem=%.3f asked=%.3f maxSem5=%.3f maxAsked5=%.3f lex=%.2f | %s%n", qs.get(i).id(),
                                qs.get(i).answerable() ? "A" : "N", b.semantic(), b.askedLike(), maxSem, maxAsked, b.lexical(),
                                b.passage().text().substring(0, Math.min(70, b.passage().text().length())));
                    }
                }
            }
        }
    }
}
