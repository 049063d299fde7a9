package org.compactbot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KnowledgeTransferTest {
    private static Passage plain(String doc, String text) {
        return new Passage(doc + "#" + text.hashCode(), text, "", doc, doc, doc, List.of("Funding"), "1", Party.NONE, "", List.of());
    }

    private static Passage annotated(String doc, String text, String gloss, String question) {
        return new Passage(doc + "#" + text.hashCode(), text, gloss, doc, doc, doc, List.of("Funding"), "1", Party.NONE, "", List.of(question));
    }

    /** A unit vector at the given cosine to {@code base} (base a unit vector orthogonal to {@code other}). */
    private static float[] at(float[] base, float[] other, double cos) {
        float[] v = new float[base.length];
        double sin = Math.sqrt(1 - cos * cos);
        for (int i = 0; i < v.length; i++) v[i] = (float) (cos * base[i] + sin * other[i]);
        return v;
    }

    private static float[] axis(int dim, int i) {
        float[] v = new float[dim];
        v[i] = 1;
        return v;
    }

    @Test
    void aPlainPassageInheritsFromTheClosestAnnotatedOneInAnotherCompactAtOrAboveTheThreshold() {
        Passage source = annotated("west-cheshire", "give three months notice when ending funding", "You get three months' warning.",
                "how much notice before our grant ends?");
        Passage close = plain("northfield", "the council will give at least three months notice");
        Passage far = plain("northfield", "the council will publish an annual report");
        float[] a = axis(4, 0), b = axis(4, 1), c = axis(4, 2);
        List<Passage> out = new KnowledgeTransfer(0.84).apply(List.of(source, close, far), List.of(a, at(a, b, 0.90), at(a, c, 0.60)));

        assertEquals(source, out.get(0));
        Inherited got = out.get(1).inherited();
        assertEquals(source.id(), got.from());
        assertEquals(0.9, got.similarity(), 1e-3);
        assertEquals("You get three months' warning.", out.get(1).searchGloss());
        assertEquals(List.of("how much notice before our grant ends?"), out.get(1).searchQuestions());
        assertEquals("", out.get(1).gloss(), "what is shown as the Compact's own stays its own");
        assertEquals(List.of(), out.get(1).questions());
        assertNull(out.get(2).inherited());
    }

    @Test
    void nothingIsInheritedFromThePassagesOwnDocumentOrBelowTheThreshold() {
        Passage source = annotated("northfield", "give three months notice", "gloss", "q?");
        Passage sameDoc = plain("northfield", "three months notice again");
        Passage otherDoc = plain("eastmoor", "three months notice");
        float[] a = axis(3, 0), b = axis(3, 1);
        List<Passage> out = new KnowledgeTransfer(0.84).apply(List.of(source, sameDoc, otherDoc),
                List.of(a, at(a, b, 0.99), at(a, b, 0.8399)));
        assertNull(out.get(1).inherited());
        assertNull(out.get(2).inherited());
    }

    /** Seeded random corpora: every inheritance is from another document, at or above the threshold, from the best source. */
    @Test
    void inheritanceAlwaysComesFromTheBestSourceInAnotherDocument() {
        Random rnd = new Random(20261202L);
        for (int round = 0; round < 200; round++) {
            int n = 3 + rnd.nextInt(10), dim = 8;
            List<Passage> ps = new java.util.ArrayList<>();
            List<float[]> vs = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                String doc = "doc" + rnd.nextInt(3);
                ps.add(rnd.nextBoolean() ? annotated(doc, "text " + i, "gloss " + i, "q " + i) : plain(doc, "text " + i));
                float[] v = new float[dim];
                double norm = 0;
                for (int k = 0; k < dim; k++) norm += (v[k] = (float) rnd.nextGaussian()) * v[k];
                for (int k = 0; k < dim; k++) v[k] /= (float) Math.sqrt(norm);
                vs.add(v);
            }
            double threshold = 0.3 + rnd.nextDouble() * 0.6;
            List<Passage> out = new KnowledgeTransfer(threshold).apply(ps, vs);
            for (int i = 0; i < n; i++) {
                Passage p = ps.get(i);
                double best = -2;
                String bestId = null;
                for (int j = 0; j < n; j++) {
                    if (!KnowledgeTransfer.annotated(ps.get(j)) || ps.get(j).document().equals(p.document())) continue;
                    double c = 0;
                    for (int k = 0; k < dim; k++) c += vs.get(i)[k] * vs.get(j)[k];
                    if (c > best) { best = c; bestId = ps.get(j).id(); }
                }
                Inherited got = out.get(i).inherited();
                if (KnowledgeTransfer.annotated(p) || best < threshold) assertNull(got, "round " + round + " passage " + i);
                else assertEquals(bestId, got.from(), "round " + round + " passage " + i);
            }
        }
    }
}
