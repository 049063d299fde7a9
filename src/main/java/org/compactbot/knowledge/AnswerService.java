package org.compactbot.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * Answers a question from the Compacts: finds the area it names, retrieves, and abstains when
 * the best passage is not close enough to be an answer.
 */
public final class AnswerService {
    /** Longest question searched; longer text is cut (long emails still carry their point early). */
    public static final int MAX_QUESTION_CHARS = 4000;

    /**
     * When to answer, from the closest any found passage came to the question (cosine over its
     * views): always at {@code sure} or above; never below {@code floor}; in between only when the
     * question is closer to the Compacts than to the known off-topic questions by {@code margin}.
     * Set by measurement (see README).
     */
    public record Abstention(double floor, double sure, double margin) {
        public static final Abstention DEFAULT = new Abstention(0.60, 0.80, -0.01);

        boolean answers(Retriever.Retrieval r) {
            double best = r.passages().stream().mapToDouble(ScoredPassage::semantic).max().orElse(0);
            if (best >= sure) return true;
            if (best < floor) return false;
            return best >= r.offTopicSimilarity() + margin;
        }
    }

    private final KnowledgeIndex index;
    private final Retriever retriever;
    private final AreaDetector areas;
    private final Abstention abstention;

    public AnswerService(KnowledgeIndex index, Retriever retriever, Abstention abstention) {
        this.index = index;
        this.retriever = retriever;
        this.areas = new AreaDetector(index.areas());
        this.abstention = abstention;
    }

    public AreaDetector areaDetector() {
        return areas;
    }

    /**
     * @param area restrict to this area id (null: all areas, preferring one the question names)
     * @throws IllegalArgumentException for an empty question or an unknown area, with a message for the user
     */
    public Answer ask(String question, String area, int top) {
        String q = question == null ? "" : question.strip();
        if (q.isEmpty()) throw new IllegalArgumentException("The question is empty: type a question about your local Compact.");
        if (q.length() > MAX_QUESTION_CHARS) q = q.substring(0, MAX_QUESTION_CHARS);
        String only = null;
        if (area != null && !area.isBlank()) {
            only = areas.resolve(area).orElseThrow(() -> new IllegalArgumentException(
                    "Unknown area '" + area.strip() + "'. Known areas: " + String.join(", ", areas.areas()) + "."));
        }
        String prefer = only != null ? only : areas.detect(q).orElse(null);
        Retriever.Retrieval r = retriever.search(areas.withoutAreaNames(q), only, prefer, Math.max(1, top));
        List<ScoredPassage> found = r.passages();
        boolean answered = !found.isEmpty() && abstention.answers(r);
        return new Answer(question.strip(), answered, prefer, answered ? found : List.of(),
                GrievanceSignal.in(q), contactFor(prefer));
    }

    /** The passages closest to a description (e.g. what happened), in the area, whether or not they answer it. */
    public List<ScoredPassage> suggest(String text, String area, int top) {
        String only = area == null ? null : areas.resolve(area).orElseThrow(() -> new IllegalArgumentException("Unknown area '" + area + "'"));
        String q = text.length() > MAX_QUESTION_CHARS ? text.substring(0, MAX_QUESTION_CHARS) : text;
        // undertakings only: a definition, a heading or a list of the codes' names cannot have been broken
        return retriever.search(q, only, only, Math.max(top * 4, 12)).passages().stream()
                .filter(sp -> Undertakings.isUndertaking(sp.passage())).limit(top).toList();
    }

    /** The contact the area's texts give (the first document that has one), or any contact when no area. */
    public String contactFor(String area) {
        Optional<String> c = index.documents().stream()
                .filter(d -> area == null || area.equals(d.area()))
                .map(KnowledgeIndex.DocumentInfo::contact)
                .filter(s -> s != null && !s.isBlank())
                .findFirst();
        return c.orElse("");
    }

    public List<String> knownAreas() {
        return areas.areas();
    }
}
