package org.compactbot.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Hybrid retrieval: BM25 over the passage wording, gloss, section and glossary term (with the
 * thesaurus on the query side), and bge-small vectors in a Lucene KNN field; the two fused by a
 * weighted sum of normalised scores.
 */
public final class Retriever {
    /** Weights and depths, chosen by measurement on the dev questions (see README). */
    public record Tuning(double lexicalWeight, double semanticWeight, double areaBoost, int depth,
                        float textBoost, float glossBoost, float sectionBoost, float termBoost) {
        public static final Tuning DEFAULT = new Tuning(0.35, 0.65, 0.08, 100, 1.0f, 0.7f, 0.3f, 2.0f);
    }

    private final KnowledgeIndex index;
    private final Embedder embedder;
    private final Tuning tuning;

    public Retriever(KnowledgeIndex index, Embedder embedder, Tuning tuning) {
        this.index = index;
        this.embedder = embedder;
        this.tuning = tuning;
    }

    /**
     * The best passages for the question, best first.
     * @param onlyArea restrict to this area (null: all)
     * @param preferArea rank this area's passages a little higher (null: none)
     */
    public List<ScoredPassage> search(String question, String onlyArea, String preferArea, int limit) {
        try {
            Query filter = onlyArea == null ? null : new TermQuery(new Term(KnowledgeIndex.F_AREA, onlyArea));
            Map<Integer, double[]> found = new HashMap<>(); // doc -> {bm25, cosine}
            Query lexical = lexicalQuery(question);
            double maxBm25 = 0;
            if (lexical != null) {
                Query q = filter == null ? lexical : new BooleanQuery.Builder()
                        .add(lexical, BooleanClause.Occur.MUST).add(filter, BooleanClause.Occur.FILTER).build();
                for (ScoreDoc sd : index.searcher().search(q, tuning.depth()).scoreDocs) {
                    found.put(sd.doc, new double[] {sd.score, Double.NaN});
                    maxBm25 = Math.max(maxBm25, sd.score);
                }
            }
            float[] qv = embedder.embedQuery(question);
            Query knn = new KnnFloatVectorQuery(KnowledgeIndex.F_VECTOR, qv, tuning.depth(), filter);
            for (ScoreDoc sd : index.searcher().search(knn, tuning.depth()).scoreDocs) {
                found.computeIfAbsent(sd.doc, d -> new double[] {0, Double.NaN})[1] = sd.score * 2 - 1;
            }
            List<ScoredPassage> out = new ArrayList<>(found.size());
            for (var e : found.entrySet()) {
                double[] s = e.getValue();
                if (Double.isNaN(s[1])) s[1] = index.cosine(e.getKey(), qv);
                Passage p = index.passage(e.getKey());
                double lex = maxBm25 > 0 ? s[0] / maxBm25 : 0;
                double sem = semanticScale(s[1]);
                double score = tuning.lexicalWeight() * lex + tuning.semanticWeight() * sem;
                if (preferArea != null && preferArea.equals(p.area())) score += tuning.areaBoost();
                out.add(new ScoredPassage(p, score, s[0], s[1]));
            }
            out.sort((a, b) -> Double.compare(b.score(), a.score()));
            return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** bge cosines of related texts sit roughly between 0.5 and 0.9: spread that range to 0..1. */
    static double semanticScale(double cosine) {
        return Math.max(0, Math.min(1, (cosine - 0.5) / 0.4));
    }

    Query lexicalQuery(String question) {
        QueryBuilder qb = new QueryBuilder(index.analyzers().query());
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int clauses = 0;
        clauses += addField(all, qb, KnowledgeIndex.F_TEXT, question, tuning.textBoost());
        clauses += addField(all, qb, KnowledgeIndex.F_GLOSS, question, tuning.glossBoost());
        clauses += addField(all, qb, KnowledgeIndex.F_SECTION, question, tuning.sectionBoost());
        clauses += addField(all, qb, KnowledgeIndex.F_TERM, question, tuning.termBoost());
        return clauses == 0 ? null : all.build();
    }

    private int addField(BooleanQuery.Builder all, QueryBuilder qb, String field, String question, float boost) {
        Query q = qb.createBooleanQuery(field, question, BooleanClause.Occur.SHOULD);
        if (q == null) return 0;
        Query meaningful = dropNoise(q);
        if (meaningful == null) return 0;
        all.add(new BoostQuery(meaningful, boost), BooleanClause.Occur.SHOULD);
        return 1;
    }

    /** Removes single-term clauses for words such as "what" or "the", which only add noise. */
    private Query dropNoise(Query q) {
        if (q instanceof TermQuery tq) return index.analyzers().isNoise(tq.getTerm().text()) ? null : q;
        if (!(q instanceof BooleanQuery bq)) return q;
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int kept = 0;
        for (BooleanClause c : bq.clauses()) {
            Query sub = c.getQuery() instanceof TermQuery t && index.analyzers().isNoise(t.getTerm().text()) ? null : c.getQuery();
            if (sub != null) {
                b.add(sub, c.getOccur());
                kept++;
            }
        }
        return kept == 0 ? null : b.build();
    }
}
