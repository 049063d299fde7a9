package org.compactbot.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shared evaluation questions and a scorer that does what ../shared/eval/score.py does:
 * recall@1/3/5 and MRR@5 on answerable questions (a passage counts when it contains a gold
 * substring), abstention accuracy on no-answer questions, and answerable ones wrongly abstained.
 */
public final class DevQuestions {
    public record Question(String id, String question, List<String> gold, String compact) {
        boolean answerable() { return !gold.isEmpty(); }
    }

    public record Scores(int answerable, double recall1, double recall3, double recall5, double mrr5, int noAnswer,
                         double abstainAccuracy, int falseAbstain, List<String> misses) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "answerable=%d recall@1=%.3f recall@3=%.3f recall@5=%.3f mrr@5=%.3f "
                    + "noanswer=%d abstain_accuracy=%.3f false_abstain=%d", answerable, recall1, recall3, recall5, mrr5,
                    noAnswer, abstainAccuracy, falseAbstain);
        }
    }

    /** ../shared relative to the project, or the path in -Dcompactbot.shared; null when absent. */
    public static Path sharedDir() {
        String prop = System.getProperty("compactbot.shared");
        Path p = prop != null ? Path.of(prop) : Path.of("..", "shared");
        return Files.isDirectory(p.resolve("eval")) ? p : null;
    }

    public static List<Question> load(Path file) throws IOException {
        ObjectMapper om = new ObjectMapper();
        List<Question> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) continue;
            JsonNode n = om.readTree(line);
            List<String> gold = new ArrayList<>();
            n.get("gold").forEach(g -> gold.add(g.asText()));
            out.add(new Question(n.get("id").asText(), n.get("question").asText(), gold,
                    n.has("compact") ? n.get("compact").asText() : "any"));
        }
        return out;
    }

    static String norm(String s) {
        s = s.replace('\u00a0', ' ').replace('\u2019', '\'').replace('\u2018', '\'')
                .replace('\u201c', '"').replace('\u201d', '"').replace("*", "");
        return s.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    public static Scores score(List<Question> qs, List<Answer> answers) {
        int n = 0, h1 = 0, h3 = 0, h5 = 0, na = 0, naOk = 0, falseAbstain = 0;
        double rr = 0;
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < qs.size(); i++) {
            Question q = qs.get(i);
            Answer a = answers.get(i);
            if (!q.answerable()) {
                na++;
                if (!a.answered()) naOk++; else misses.add(q.id() + " answered a no-answer question: " + q.question());
                continue;
            }
            n++;
            if (!a.answered()) falseAbstain++;
            int rank = 0;
            List<String> gold = q.gold().stream().map(DevQuestions::norm).toList();
            for (int r = 0; r < Math.min(5, a.passages().size()); r++) {
                String t = a.passages().get(r).passage().text();
                if (t.length() > 800) continue;
                String nt = norm(t);
                if (gold.stream().anyMatch(nt::contains)) { rank = r + 1; break; }
            }
            if (rank > 0) {
                rr += 1.0 / rank;
                if (rank <= 1) h1++;
                if (rank <= 3) h3++;
                h5++;
            } else {
                misses.add(q.id() + " miss: " + q.question());
            }
        }
        return new Scores(n, (double) h1 / n, (double) h3 / n, (double) h5 / n, rr / n, na,
                na == 0 ? 1 : (double) naOk / na, falseAbstain, misses);
    }
}
