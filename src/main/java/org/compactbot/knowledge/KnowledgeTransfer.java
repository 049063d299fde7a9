package org.compactbot.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Local Compacts reuse the national Compact's undertakings, so a passage nobody annotated often says what an
 * annotated passage elsewhere says. When their wording is close enough ({@link #threshold}), the plain one
 * inherits the annotated one's gloss and example questions for search (see {@link Inherited}). Pure: the
 * vectors are given.
 */
public final class KnowledgeTransfer {
    /** Cosine between the two wordings at or above which a passage inherits: measured (README, "Any council's Compact"). */
    public static final double DEFAULT_THRESHOLD = 0.92;
    /** Two passages whose wording is this close say the same thing ("Other Compacts say the same"): the same measure. */
    public static final double SAME_MEANING = DEFAULT_THRESHOLD;

    private final double threshold;

    public KnowledgeTransfer(double threshold) {
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    /**
     * The passages with what each inherits (unchanged where nothing is close enough, or where it has its own
     * gloss or questions).
     * @param wording unit vectors of each passage's wording, in the same order
     */
    public List<Passage> apply(List<Passage> passages, List<float[]> wording) {
        List<Integer> sources = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) if (annotated(passages.get(i))) sources.add(i);
        List<Passage> out = new ArrayList<>(passages.size());
        for (int i = 0; i < passages.size(); i++) {
            Passage p = passages.get(i);
            if (annotated(p) || sources.isEmpty()) {
                out.add(p);
                continue;
            }
            int best = -1;
            double bestCos = -1;
            for (int j : sources) {
                if (passages.get(j).document().equals(p.document())) continue;
                double c = dot(wording.get(i), wording.get(j));
                if (c > bestCos) {
                    bestCos = c;
                    best = j;
                }
            }
            if (best < 0 || bestCos < threshold) {
                out.add(p);
                continue;
            }
            Passage src = passages.get(best);
            out.add(p.inheriting(new Inherited(src.id(), Math.round(bestCos * 1000) / 1000.0, src.gloss(), src.questions())));
        }
        return out;
    }

    static boolean annotated(Passage p) {
        return !p.gloss().isBlank() || !p.questions().isEmpty();
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) s += a[k] * b[k];
        return s;
    }
}
