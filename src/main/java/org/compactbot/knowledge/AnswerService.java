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
     * When to answer, from signals every passage has, annotated or not. A passage's confidence is the closer
     * of two views: its own wording (and gloss), and the example questions it answers (own or inherited)
     * less {@code askedDiscount}, because a question is always closer to another question than to policy
     * wording. Answer at {@code sure} or above; never below {@code floor}; in between only when the question
     * is closer to the Compacts than to the known off-topic questions, by {@code margin}. Set by measurement
     * on raw and annotated texts (README, "Any council's Compact").
     */
    public record Abstention(double floor, double sure, double margin, double askedDiscount) {
        public static final Abstention DEFAULT = new Abstention(0.55, 0.75, -0.05, 0.07);

        public Abstention(double floor, double sure, double margin) {
            this(floor, sure, margin, DEFAULT.askedDiscount());
        }

        /** How sure the bot is that this passage answers: the closer of its two views. */
        public double confidence(ScoredPassage p) {
            return Math.max(p.askedLike() - askedDiscount, p.wording());
        }

        public double confidence(Retriever.Retrieval r) {
            return r.passages().stream().mapToDouble(this::confidence).max().orElse(0);
        }

        boolean answers(Retriever.Retrieval r) {
            double best = confidence(r);
            if (best >= sure) return true;
            if (best < floor) return false;
            return best >= r.offTopicSimilarity() + margin;
        }
    }

    private static final boolean SIGNALS = Boolean.getBoolean("compactbot.signals");
    private static final boolean NEVER_ABSTAIN = Boolean.getBoolean("compactbot.never-abstain");
    private static final java.util.function.Function<List<String>, String> SIGNAL_JSON = l -> {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(l);
        } catch (Exception e) {
            return "[]";
        }
    };
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
        if (SIGNALS) {
            ScoredPassage b = r.passages().isEmpty() ? null : r.passages().get(0);
            double wording = r.passages().stream().mapToDouble(ScoredPassage::wording).max().orElse(0);
            double asked = r.passages().stream().mapToDouble(ScoredPassage::askedLike).max().orElse(0);
            double sem = r.passages().stream().mapToDouble(ScoredPassage::semantic).max().orElse(0);
            System.err.printf(java.util.Locale.ROOT, "SIGNALS {\"top\":%s,\"semantic\":%.4f,\"wording\":%.4f,\"asked\":%.4f,\"offtopic\":%.4f,\"lexical\":%.3f,\"top_annotated\":%b,\"top_inherited\":%b}%n",
                    SIGNAL_JSON.apply(r.passages().stream().limit(5).map(sp -> sp.passage().text()).toList()), sem, wording, asked, r.offTopicSimilarity(), b == null ? 0 : b.lexical(),
                    b != null && KnowledgeTransfer.annotated(b.passage()), b != null && b.passage().inherited() != null);
        }
        List<ScoredPassage> found = r.passages();
        boolean answered = !found.isEmpty() && (NEVER_ABSTAIN || abstention.answers(r));
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
