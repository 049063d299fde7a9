package org.compactbot.knowledge;

import java.util.ArrayList;
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
    private final KnowledgeGaps gaps;
    private final Retriever retriever;
    private final AreaDetector areas;
    private final Abstention abstention;

    public AnswerService(KnowledgeIndex index, Retriever retriever, Abstention abstention) {
        this(index, retriever, abstention, KnowledgeGaps.NONE);
    }

    public AnswerService(KnowledgeIndex index, Retriever retriever, Abstention abstention, KnowledgeGaps gaps) {
        this.gaps = gaps;
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
        if (ContactQuestion.asks(q)) {
            List<ScoredPassage> contacts = contacts(prefer);
            if (!contacts.isEmpty()) {
                return new Answer(question.strip(), true, prefer, contacts.subList(0, Math.min(contacts.size(), Math.max(top, 1))),
                        false, contactFor(prefer), List.of(), 1.0, true);
            }
        }
        int wanted = Math.max(1, top);
        boolean named = only == null && prefer != null;
        Retriever.Retrieval r = retriever.search(areas.withoutAreaNames(q), only, prefer, Math.max(wanted, named ? AREA_DEPTH : 8));
        if (named) r = ownAreaFirst(r, prefer);
        if (SIGNALS) printSignals(r);
        List<ScoredPassage> found = r.passages();
        double confidence = abstention.confidence(r);
        boolean answered = !found.isEmpty() && (NEVER_ABSTAIN || abstention.answers(r));
        if (!answered || confidence < abstention.sure()) {
            gaps.record(new KnowledgeGaps.Gap(GapText.of(q), prefer, !answered));
        }
        return new Answer(question.strip(), answered, prefer, answered ? found.subList(0, Math.min(wanted, found.size())) : List.of(),
                GrievanceSignal.in(q), contactFor(prefer), answered ? sameElsewhere(found) : List.of(), confidence, false);
    }

    /**
     * Passages of other Compacts that say what the best one says: ranked close to it and close to its wording
     * (the same test that lets a plain passage inherit an annotated one's glosses), at most two.
     */
    private List<ScoredPassage> sameElsewhere(List<ScoredPassage> found) {
        ScoredPassage best = found.get(0);
        List<ScoredPassage> out = new ArrayList<>();
        java.util.Set<String> docs = new java.util.HashSet<>();
        docs.add(best.passage().document());
        for (ScoredPassage s : found.subList(1, found.size())) {
            if (out.size() == 2 || s.score() < best.score() * SAME_SCORE_RATIO) break;
            if (s.passage().area().equals(best.passage().area()) || !docs.add(s.passage().document())) continue;
            if (index.wordingSimilarity(best.passage().id(), s.passage().id()) >= KnowledgeTransfer.SAME_MEANING) out.add(s);
        }
        return out;
    }

    /** How far down the ranking of every Compact a named area's passages are looked for. */
    private static final int AREA_DEPTH = 40;

    /**
     * A question that names its area ("the council in Northfield gave us 3 weeks notice...") is answered from that
     * area's Compact when its passages answer it, even where another Compact's annotated passage ranks higher: the
     * area's own numbers are the ones that apply. The others follow (for "say the same"). Otherwise unchanged.
     */
    private Retriever.Retrieval ownAreaFirst(Retriever.Retrieval r, String area) {
        List<ScoredPassage> own = new ArrayList<>(), others = new ArrayList<>();
        for (ScoredPassage sp : r.passages()) (sp.passage().area().equals(area) ? own : others).add(sp);
        if (own.isEmpty() || !abstention.answers(new Retriever.Retrieval(own, r.offTopicSimilarity()))) return r;
        own.addAll(others);
        return new Retriever.Retrieval(own, r.offTopicSimilarity());
    }

    /** How close (relative to the best) another Compact's passage must rank to be shown as saying the same. */
    private static final double SAME_SCORE_RATIO = 0.8;

    /**
     * The contact block of the area (or, with no area, of each area, one each), as passages a channel shows
     * like any other, cited to the document it came from.
     */
    private List<ScoredPassage> contacts(String area) {
        List<ScoredPassage> out = new ArrayList<>();
        for (String a : area != null ? List.of(area) : areas.areas()) {
            contactDocument(a).ifPresent(d -> out.add(new ScoredPassage(new Passage(
                    MarkdownCompactParser.stripExtension(d.file()) + "#contact", cut(d.contact()), "", d.title(), d.citationName(),
                    d.area(), List.of("Contact"), null, Party.NONE, "", List.of()), 1.0, 0, 1.0, 0, 1.0)));
        }
        return out;
    }

    private static String cut(String s) {
        if (s.length() <= Passage.MAX_TEXT) return s;
        int cut = s.lastIndexOf(' ', Passage.MAX_TEXT - 2);
        return s.substring(0, cut > 0 ? cut : Passage.MAX_TEXT - 2) + " …";
    }

    /** The area's document whose contact gives a way to reach someone (an email address or phone number), else any. */
    private Optional<KnowledgeIndex.DocumentInfo> contactDocument(String area) {
        List<KnowledgeIndex.DocumentInfo> withContact = index.documents().stream()
                .filter(d -> area.equals(d.area()) && d.contact() != null && !d.contact().isBlank()).toList();
        return withContact.stream()
                .filter(d -> ContactBlocks.EMAIL.matcher(d.contact()).find() || ContactBlocks.PHONE.matcher(d.contact()).find())
                .findFirst().or(() -> withContact.stream().findFirst());
    }

    private static void printSignals(Retriever.Retrieval r) {
        ScoredPassage b = r.passages().isEmpty() ? null : r.passages().get(0);
        double wording = r.passages().stream().mapToDouble(ScoredPassage::wording).max().orElse(0);
        double asked = r.passages().stream().mapToDouble(ScoredPassage::askedLike).max().orElse(0);
        double sem = r.passages().stream().mapToDouble(ScoredPassage::semantic).max().orElse(0);
        System.err.printf(java.util.Locale.ROOT, "SIGNALS {\"top\":%s,\"semantic\":%.4f,\"wording\":%.4f,\"asked\":%.4f,\"offtopic\":%.4f,\"lexical\":%.3f}%n",
                SIGNAL_JSON.apply(r.passages().stream().limit(5).map(sp -> sp.passage().text()).toList()), sem, wording, asked,
                r.offTopicSimilarity(), b == null ? 0 : b.lexical());
    }

    /** The passages closest to a description (e.g. what happened), in the area, whether or not they answer it. */
    public List<ScoredPassage> suggest(String text, String area, int top) {
        String only = area == null ? null : areas.resolve(area).orElseThrow(() -> new IllegalArgumentException("Unknown area '" + area + "'"));
        String q = text.length() > MAX_QUESTION_CHARS ? text.substring(0, MAX_QUESTION_CHARS) : text;
        // undertakings only: a definition, a heading or a list of the codes' names cannot have been broken
        return retriever.search(q, only, only, Math.max(top * 4, 12)).passages().stream()
                .filter(sp -> Undertakings.isUndertaking(sp.passage())).limit(top).toList();
    }

    /** The contact the area's texts give, or "" with no area: one area's contact is never everyone's. */
    public String contactFor(String area) {
        if (area == null) return "";
        return contactDocument(area).map(KnowledgeIndex.DocumentInfo::contact).orElse("");
    }

    public List<String> knownAreas() {
        return areas.areas();
    }
}
