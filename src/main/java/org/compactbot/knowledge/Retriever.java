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
import org.apache.lucene.search.IndexSearcher;
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
    /**
     * Weights and depths, chosen by measurement on the dev questions (see README); reciprocal-rank
     * fusion and separate wording/gloss/question fields were measured too and did worse.
     */
    public record Tuning(double lexicalWeight, double semanticWeight, double areaBoost, int depth,
                         float bodyBoost, float sectionBoost, float termBoost, double definitionPenalty,
                         int hops, double hopDistance) {
        public static final Tuning DEFAULT = new Tuning(Double.parseDouble(System.getProperty("compactbot.lexical", "0.3")), 1 - Double.parseDouble(System.getProperty("compactbot.lexical", "0.3")), 0.15, 50, 1.0f, 0.3f, 2.0f, 0.1,
                Integer.getInteger("compactbot.hops", 5), Double.parseDouble(System.getProperty("compactbot.hop-distance", "0.5")));

        public Tuning(double lexicalWeight, double semanticWeight, double areaBoost, int depth,
                      float bodyBoost, float sectionBoost, float termBoost, double definitionPenalty) {
            this(lexicalWeight, semanticWeight, areaBoost, depth, bodyBoost, sectionBoost, termBoost, definitionPenalty,
                    DEFAULT.hops(), DEFAULT.hopDistance());
        }

        public Tuning withLexicalWeight(double w) {
            return new Tuning(w, 1 - w, areaBoost, depth, bodyBoost, sectionBoost, termBoost, definitionPenalty, hops, hopDistance);
        }

        public Tuning withAreaBoost(double b) {
            return new Tuning(lexicalWeight, semanticWeight, b, depth, bodyBoost, sectionBoost, termBoost, definitionPenalty, hops, hopDistance);
        }

        public Tuning withDefinitionPenalty(double p) {
            return new Tuning(lexicalWeight, semanticWeight, areaBoost, depth, bodyBoost, sectionBoost, termBoost, p, hops, hopDistance);
        }
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
    /** The passages found, best first, and how close the question came to a known off-topic question. */
    public record Retrieval(List<ScoredPassage> passages, double offTopicSimilarity) {}

    public Retrieval search(String question, String onlyArea, String preferArea, int limit) {
        try {
            Query filter = onlyArea == null ? null : new TermQuery(new Term(KnowledgeIndex.F_AREA, onlyArea));
            // the words are searched while the model embeds the question: on two cores the answer waits for one, not both
            java.util.concurrent.Future<ScoreDoc[]> words = LEXICAL.submit(() -> lexicalHits(question, filter));
            float[] qv = embedder.embedQuery(question);
            Map<Integer, double[]> found = new HashMap<>(); // doc -> {bm25, cosine, asked-like, wording}
            double maxBm25 = 0;
            for (ScoreDoc sd : join(words)) {
                found.put(sd.doc, new double[] {sd.score, Double.NaN, 0, Double.NaN});
                maxBm25 = Math.max(maxBm25, sd.score);
            }
            ScoreDoc[] askedHits = null; // every Compact's example questions nearest the question, when no area narrows them
            for (String field : new String[] {KnowledgeIndex.F_VECTOR, KnowledgeIndex.F_GLOSS_VECTOR, KnowledgeIndex.F_QUESTION_VECTOR}) {
                int k = field.equals(KnowledgeIndex.F_QUESTION_VECTOR) ? tuning.depth() * 3 : tuning.depth();
                Query knn = new KnnFloatVectorQuery(field, qv, k, filter);
                ScoreDoc[] hits = index.searcher().search(knn, k).scoreDocs;
                if (field.equals(KnowledgeIndex.F_QUESTION_VECTOR) && filter == null) askedHits = hits;
                for (ScoreDoc sd : hits) {
                    int target = index.passageDoc(sd.doc);
                    if (target < 0) continue;
                    double[] s = found.computeIfAbsent(target, d -> new double[] {0, Double.NaN, 0, Double.NaN});
                    double cos = sd.score * 2 - 1;
                    s[1] = Double.isNaN(s[1]) ? cos : Math.max(s[1], cos);
                    if (field.equals(KnowledgeIndex.F_QUESTION_VECTOR)) s[2] = Math.max(s[2], cos);
                    else s[3] = Double.isNaN(s[3]) ? cos : Math.max(s[3], cos);
                }
            }
            if (tuning.hops() > 0) hop(qv, filter, askedHits, found);
            List<ScoredPassage> out = new ArrayList<>(found.size());
            boolean meaningAsked = QuestionKinds.asksForMeaning(question);
            for (var e : found.entrySet()) {
                double[] s = e.getValue();
                if (Double.isNaN(s[3])) {
                    s[3] = Math.max(index.cosine(e.getKey(), qv, KnowledgeIndex.F_VECTOR),
                            index.cosine(e.getKey(), qv, KnowledgeIndex.F_GLOSS_VECTOR));
                }
                if (Double.isNaN(s[1])) s[1] = s[3];
                Passage p = index.passage(e.getKey());
                double lex = maxBm25 > 0 ? s[0] / maxBm25 : 0;
                double sem = semanticScale(s[1]);
                double score = tuning.lexicalWeight() * lex + tuning.semanticWeight() * sem;
                if (preferArea != null && preferArea.equals(p.area())) score += tuning.areaBoost();
                // a glossary entry says what a word means, not what anyone undertakes: it leads only when a meaning is asked
                if (!p.term().isEmpty() && !meaningAsked) score -= tuning.definitionPenalty();
                out.add(new ScoredPassage(p, score, s[0], s[1], s[2], s[3]));
            }
            out.sort((a, b) -> Double.compare(b.score(), a.score()));
            double offTopic = 0;
            ScoreDoc[] near = index.searcher().search(new KnnFloatVectorQuery(KnowledgeIndex.F_OFF_TOPIC_VECTOR, qv, 1), 1).scoreDocs;
            if (near.length > 0) offTopic = near[0].score * 2 - 1;
            return new Retrieval(distinct(out, limit), offTopic);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Borrowing what the annotated Compacts know, at question time: the question is matched against every
     * Compact's example questions; the passages they ask for lead to passages nobody annotated that say the
     * same (close in wording). Such a passage scores as if asked for, less the distance between the two
     * wordings. Annotated passages keep their own evidence.
     */
    private void hop(float[] qv, Query filter, ScoreDoc[] askedHits, Map<Integer, double[]> found) throws IOException {
        Map<Integer, Double> via = new HashMap<>(); // annotated passage doc -> how close the question came to its questions
        ScoreDoc[] nearest = askedHits != null ? askedHits // the same search, already made (hits come best first)
                : index.searcher().search(new KnnFloatVectorQuery(KnowledgeIndex.F_QUESTION_VECTOR, qv, 40), 40).scoreDocs;
        for (ScoreDoc sd : java.util.Arrays.copyOf(nearest, Math.min(40, nearest.length))) {
            int target = index.passageDoc(sd.doc);
            if (target >= 0) via.merge(target, sd.score * 2 - 1.0, Math::max);
        }
        List<Map.Entry<Integer, Double>> best = via.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(tuning.hops()).toList();
        for (var a : best) {
            float[] v = index.vector(a.getKey(), KnowledgeIndex.F_WORDING_VECTOR);
            if (v == null) continue;
            for (ScoreDoc sd : index.searcher().search(new KnnFloatVectorQuery(KnowledgeIndex.F_WORDING_VECTOR, v, 10, filter), 10).scoreDocs) {
                int target = index.passageDoc(sd.doc);
                if (target < 0 || target == a.getKey() || KnowledgeTransfer.annotated(index.passage(target))) continue;
                double close = sd.score * 2 - 1;
                double score = a.getValue() - tuning.hopDistance() * (1 - close);
                double[] s = found.computeIfAbsent(target, d -> new double[] {0, Double.NaN, 0, Double.NaN});
                s[1] = Double.isNaN(s[1]) ? score : Math.max(s[1], score);
                s[2] = Math.max(s[2], score);
            }
        }
    }

    /** The first {@code limit} passages, the same words in two documents of one area (a shared introduction) once. */
    private static List<ScoredPassage> distinct(List<ScoredPassage> sorted, int limit) {
        List<ScoredPassage> out = new ArrayList<>(limit);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ScoredPassage sp : sorted) {
            if (out.size() == limit) break;
            if (seen.add(sp.passage().area() + "\u0000" + sp.passage().text())) out.add(sp);
        }
        return out;
    }

    /** Daemon threads, one per core, for the BM25 side of searches (each runs beside its question's embedding). */
    private static final java.util.concurrent.ExecutorService LEXICAL = java.util.concurrent.Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
        Thread t = new Thread(r, "lexical-search");
        t.setDaemon(true);
        return t;
    });

    private ScoreDoc[] lexicalHits(String question, Query filter) throws IOException {
        Query lexical = lexicalQuery(question);
        if (lexical == null) return new ScoreDoc[0];
        Query q = filter == null ? lexical : new BooleanQuery.Builder()
                .add(lexical, BooleanClause.Occur.MUST).add(filter, BooleanClause.Occur.FILTER).build();
        try {
            return index.searcher().search(q, tuning.depth()).scoreDocs;
        } catch (IndexSearcher.TooManyClauses e) {
            return new ScoreDoc[0]; // an unusually wordy question: the semantic side still answers it
        }
    }

    private static ScoreDoc[] join(java.util.concurrent.Future<ScoreDoc[]> words) throws IOException {
        try {
            return words.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while searching", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IOException(e.getCause());
        }
    }

    /** bge cosines of related texts sit roughly between 0.5 and 0.9: spread that range to 0..1. */
    static double semanticScale(double cosine) {
        return Math.max(0, Math.min(1, (cosine - 0.5) / 0.4));
    }

    /** Most distinct words a question contributes to the BM25 query (Lucene caps clauses at 1024). */
    static final int MAX_QUERY_WORDS = 48;

    Query lexicalQuery(String question) {
        question = distinctWords(question, MAX_QUERY_WORDS);
        QueryBuilder withThesaurus = new QueryBuilder(index.analyzers().query());
        withThesaurus.setAutoGenerateMultiTermSynonymsPhraseQuery(true); // "money up front" as a phrase: measured better
        QueryBuilder plain = new QueryBuilder(index.analyzers().index());
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int clauses = 0;
        // wording, gloss and example questions in one field: fewer clauses, and measured better than three
        clauses += addField(all, withThesaurus, KnowledgeIndex.F_ALL, question, tuning.bodyBoost());
        // headings and glossary terms are matched as written: the thesaurus there costs time (measured) for little gain
        clauses += addField(all, plain, KnowledgeIndex.F_SECTION, question, tuning.sectionBoost());
        clauses += addField(all, plain, KnowledgeIndex.F_TERM, question, tuning.termBoost());
        return clauses == 0 ? null : all.build();
    }

    /** The first {@code max} distinct words of the text, in order. */
    static String distinctWords(String text, int max) {
        java.util.LinkedHashSet<String> seen = new java.util.LinkedHashSet<>();
        StringBuilder sb = new StringBuilder();
        for (String w : text.split("\\s+")) {
            if (w.isEmpty() || !seen.add(w.toLowerCase(java.util.Locale.ROOT))) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append(w.length() > 40 ? w.substring(0, 40) : w);
            if (seen.size() >= max) break;
        }
        return sb.toString();
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
