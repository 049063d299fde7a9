package org.compactbot.knowledge;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene index over the Compact passages, persisted under data/index and rebuilt only when
 * the texts (or this format) change. Holds the passages in memory for fast answers.
 */
public final class KnowledgeIndex implements AutoCloseable {
    /** Bump when the index layout or passage extraction changes, so old indexes are rebuilt. */
    public static final int FORMAT_VERSION = 12;
    static final String F_ID = "id", F_AREA = "area", F_TEXT = "text", F_GLOSS = "gloss", F_SECTION = "section",
            F_TERM = "term", F_VECTOR = "vector", F_GLOSS_VECTOR = "gloss_vector",
            F_QUESTIONS = "questions", F_ALL = "all", F_QUESTION_VECTOR = "question_vector", F_KIND = "kind", F_TARGET = "target",
            F_OFF_TOPIC_VECTOR = "off_topic_vector", F_WORDING_VECTOR = "wording_vector";
    private static final String HASH_FILE = "corpus.sha256", DOCS_FILE = "documents.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FSDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final List<Passage> passages;
    private final Passage[] byDoc;
    private final int[] targetDoc;
    private final Map<String, Integer> docOfId = new HashMap<>();
    private final List<DocumentInfo> documents;
    private final CompactAnalyzers analyzers;
    private final boolean rebuilt;

    /** What the bot knows of a document besides its passages. */
    public record DocumentInfo(String file, String title, String citationName, String area, String kind, String contact) {}

    private KnowledgeIndex(Path dir, CompactAnalyzers analyzers, boolean rebuilt) throws IOException {
        this.directory = FSDirectory.open(dir);
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(new BM25Similarity());
        this.analyzers = analyzers;
        this.rebuilt = rebuilt;
        this.documents = JSON.readValue(dir.resolve(DOCS_FILE).toFile(), new TypeReference<List<DocumentInfo>>() {});
        this.byDoc = new Passage[reader.maxDoc()];
        this.targetDoc = new int[reader.maxDoc()];
        this.passages = readPassages(reader, byDoc, targetDoc);
        for (int d = 0; d < byDoc.length; d++) if (byDoc[d] != null) docOfId.put(byDoc[d].id(), d);
    }

    /**
     * Opens the index under {@code indexDir} if it was built from the same texts, else builds it
     * (reusing cached vectors where the text is unchanged).
     */
    public static KnowledgeIndex openOrBuild(Path knowledgeDir, Path dataDir, Embedder embedder, CorpusLoader loader,
                                            IndexListener listener) throws IOException {
        Corpus corpus = loader.load(knowledgeDir);
        corpus.problems().forEach(listener::problem);
        CompactAnalyzers analyzers = new CompactAnalyzers(corpus.thesaurus());
        analyzers.thesaurusProblems().forEach(p -> listener.problem(CorpusLoader.THESAURUS, p));
        Path indexDir = dataDir.resolve("index");
        String wanted = corpus.contentHash() + " " + embedder.modelId() + " transfer " + TRANSFER.threshold();
        Path hashFile = indexDir.resolve(HASH_FILE);
        if (Files.isRegularFile(hashFile) && Files.readString(hashFile, StandardCharsets.UTF_8).strip().equals(wanted)) {
            try {
                return new KnowledgeIndex(indexDir, analyzers, false);
            } catch (IOException | RuntimeException e) {
                listener.problem("data/index", "index unreadable, rebuilding (" + e.getMessage() + ")");
            }
        }
        build(corpus, analyzers, indexDir, dataDir.resolve("embeddings.bin"), embedder);
        Files.writeString(hashFile, wanted, StandardCharsets.UTF_8);
        return new KnowledgeIndex(indexDir, analyzers, true);
    }

    /** Receives the files that could not be indexed, with the reason. */
    public interface IndexListener {
        void problem(String file, String reason);
    }

    /**
     * How close a plain passage's wording must come to an annotated one's to inherit its glosses and questions;
     * the system property {@code compactbot.transfer.threshold} overrides it, for measuring (1 turns it off).
     */
    static final KnowledgeTransfer TRANSFER = new KnowledgeTransfer(
            Double.parseDouble(System.getProperty("compactbot.transfer.threshold", String.valueOf(KnowledgeTransfer.DEFAULT_THRESHOLD))));

    static void build(Corpus corpus, CompactAnalyzers analyzers, Path indexDir, Path cacheFile, Embedder embedder)
            throws IOException {
        EmbeddingCache cache = new EmbeddingCache(cacheFile, embedder);
        // what two passages promise is compared without the lead-in their lists share ("Public sector partners
        // undertake to:"), or every short item of one Compact looks like every item of another under the same lead-in
        Map<String, String> items = LeadIns.items(corpus.passages());
        List<String> wording = corpus.passages().stream().map(p -> LEAD_IN_FREE ? items.get(p.id()) : p.text()).toList();
        List<float[]> wordingVectors = cache.vectorsFor(wording);
        List<Passage> all = TRANSFER.apply(corpus.passages(), wordingVectors);
        if (Boolean.getBoolean("compactbot.transfer.list")) {
            Map<String, Passage> byId = new HashMap<>();
            for (Passage p : all) byId.put(p.id(), p);
            for (Passage p : all) {
                if (p.inherited() == null) continue;
                System.err.printf("INHERIT %.3f %s <= %s%n", p.inherited().similarity(), p.text().substring(0, Math.min(90, p.text().length())),
                        byId.get(p.inherited().from()).text().substring(0, Math.min(90, byId.get(p.inherited().from()).text().length())));
            }
        }
        List<String> toEmbed = new ArrayList<>(all.stream().map(p -> embeddingText(p, items.get(p.id()))).toList());
        EverydayWords everyday = new EverydayWords(EVERYDAY ? corpus.thesaurus() : "");
        List<String> glosses = all.stream().map(p -> glossText(p, items.get(p.id()), everyday)).toList();
        List<float[]> vectors = cache.vectorsFor(toEmbed);
        List<float[]> glossVectors = cache.vectorsFor(glosses);
        List<String> questions = all.stream().flatMap(p -> p.searchQuestions().stream()).toList();
        List<float[]> questionVectors = cache.vectorsFor(questions);
        List<String> offTopic = corpus.offTopic(); // embedded like the passages' questions, to compare alike
        List<float[]> offTopicVectors = cache.vectorsFor(offTopic);
        toEmbed.addAll(glosses);
        toEmbed.addAll(questions);
        toEmbed.addAll(offTopic);
        toEmbed.addAll(wording);
        cache.save(toEmbed);

        Path tmp = indexDir.resolveSibling(indexDir.getFileName() + ".building");
        deleteRecursively(tmp);
        Files.createDirectories(tmp);
        IndexWriterConfig cfg = new IndexWriterConfig(analyzers.index());
        cfg.setSimilarity(new BM25Similarity());
        cfg.setRAMBufferSizeMB(128);
        try (FSDirectory dir = FSDirectory.open(tmp); IndexWriter w = new IndexWriter(dir, cfg)) {
            for (int i = 0; i < all.size(); i++) {
                Document d = toDocument(all.get(i), vectors.get(i), glossVectors.get(i));
                d.add(new KnnFloatVectorField(F_WORDING_VECTOR, wordingVectors.get(i), VectorSimilarityFunction.COSINE));
                w.addDocument(d);
            }
            for (float[] v : offTopicVectors) {
                Document d = new Document();
                d.add(new StringField(F_KIND, "off-topic", Field.Store.YES));
                d.add(new KnnFloatVectorField(F_OFF_TOPIC_VECTOR, v, VectorSimilarityFunction.COSINE));
                w.addDocument(d);
            }
            int q = 0;
            for (Passage p : all) {
                for (int j = 0; j < p.searchQuestions().size(); j++) {
                    Document d = new Document();
                    d.add(new StringField(F_KIND, "question", Field.Store.YES));
                    d.add(new StringField(F_AREA, p.area(), Field.Store.YES));
                    d.add(new StoredField(F_TARGET, p.id()));
                    d.add(new KnnFloatVectorField(F_QUESTION_VECTOR, questionVectors.get(q++), VectorSimilarityFunction.COSINE));
                    w.addDocument(d);
                }
            }
            w.forceMerge(1);
            w.commit();
        }
        List<DocumentInfo> infos = corpus.documents().stream().map(d -> new DocumentInfo(d.file(), d.title(),
                d.citationName(), d.area(), d.kind(), d.contact())).toList();
        JSON.writeValue(tmp.resolve(DOCS_FILE).toFile(), infos);
        deleteRecursively(indexDir);
        Files.move(tmp, indexDir);
    }

    /** What the model reads for a passage: where it sits, its words, and our gloss. */
    static String embeddingText(Passage p, String item) {
        String where = where(p.sectionPath());
        return (where.isEmpty() ? "" : where + ": ") + item + (p.gloss().isEmpty() ? "" : " " + p.gloss());
    }

    /** "Volunteering Code › Public Sector Undertakings": the subject, then the party when a heading names one. */
    static String where(List<String> path) {
        String topic = topic(path);
        String last = path.isEmpty() ? "" : path.get(path.size() - 1);
        return last.equals(topic) || topic.isEmpty() ? last : topic + " › " + last;
    }

    /**
     * What the passage is about, from where it sits: the nearest heading that names a subject rather than a party
     * ("Volunteering Code", not "Public Sector Undertakings", which a dozen codes share; the party is in the text's
     * lead-in).
     */
    static String topic(List<String> path) {
        for (int i = path.size() - 1; i >= 0; i--) {
            if (Party.fromHeading(path.get(i)) == Party.NONE) return path.get(i);
        }
        return path.isEmpty() ? "" : path.get(path.size() - 1);
    }

    /** The second view: our plain-English gloss (or the one it inherited), which is worded the way people ask. */
    static String glossText(Passage p, String item, EverydayWords everyday) {
        if (!p.searchGloss().isEmpty()) return p.searchGloss();
        String words = everyday.of(p.text());
        return words.isEmpty() ? embeddingText(p, item) : embeddingText(p, item) + " (" + words + ")";
    }

    static final boolean LEAD_IN_FREE = Boolean.parseBoolean(System.getProperty("compactbot.lead-in-free", "true"));

    static final boolean EVERYDAY = Boolean.parseBoolean(System.getProperty("compactbot.everyday", "true"));

    private static Document toDocument(Passage p, float[] vector, float[] glossVector) {
        Document d = new Document();
        d.add(new StringField(F_ID, p.id(), Field.Store.YES));
        d.add(new StringField(F_AREA, p.area(), Field.Store.YES));
        d.add(new StoredField(F_TEXT, p.text()));
        d.add(new StoredField(F_GLOSS, p.gloss()));
        d.add(new TextField(F_SECTION, String.join("\u001f", p.sectionPath()), Field.Store.YES));
        d.add(new TextField(F_TERM, p.term(), Field.Store.YES));
        d.add(new StoredField(F_QUESTIONS, String.join("\n", p.questions())));
        d.add(new TextField(F_ALL, p.text() + "\n" + p.searchGloss() + "\n" + String.join("\n", p.searchQuestions()), Field.Store.NO));
        if (p.inherited() != null) {
            d.add(new StoredField("inherited_from", p.inherited().from()));
            d.add(new StoredField("inherited_similarity", p.inherited().similarity()));
            d.add(new StoredField("inherited_gloss", p.inherited().gloss()));
            d.add(new StoredField("inherited_questions", String.join("\n", p.inherited().questions())));
        }
        d.add(new StoredField("document", p.document()));
        d.add(new StoredField("citationName", p.citationName()));
        if (p.ref() != null) d.add(new StoredField("ref", p.ref()));
        d.add(new StoredField("party", p.party().name()));
        d.add(new KnnFloatVectorField(F_VECTOR, vector, VectorSimilarityFunction.COSINE));
        d.add(new KnnFloatVectorField(F_GLOSS_VECTOR, glossVector, VectorSimilarityFunction.COSINE));
        return d;
    }

    /** Reads the passages into {@code byDoc} (null for question documents) and maps questions to them. */
    private static List<Passage> readPassages(DirectoryReader reader, Passage[] byDoc, int[] targetDoc) throws IOException {
        List<Passage> out = new ArrayList<>(reader.maxDoc());
        StoredFields stored = reader.storedFields();
        Map<String, Integer> docOfId = new HashMap<>();
        Map<Integer, String> targets = new HashMap<>();
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            Document d = stored.document(doc);
            targetDoc[doc] = -1;
            if ("off-topic".equals(d.get(F_KIND))) continue;
            if ("question".equals(d.get(F_KIND))) {
                targets.put(doc, d.get(F_TARGET));
                continue;
            }
            String section = d.get(F_SECTION);
            List<String> path = section == null || section.isEmpty() ? List.of() : Arrays.asList(section.split("\u001f"));
            String qs = d.get(F_QUESTIONS);
            Inherited inherited = null;
            if (d.get("inherited_from") != null) {
                String iq = d.get("inherited_questions");
                inherited = new Inherited(d.get("inherited_from"), d.getField("inherited_similarity").numericValue().doubleValue(),
                        d.get("inherited_gloss"), iq == null || iq.isEmpty() ? List.of() : List.of(iq.split("\n")));
            }
            Passage p = new Passage(d.get(F_ID), d.get(F_TEXT), d.get(F_GLOSS), d.get("document"), d.get("citationName"),
                    d.get(F_AREA), path, d.get("ref"), Party.valueOf(d.get("party")), d.get(F_TERM),
                    qs == null || qs.isEmpty() ? List.of() : List.of(qs.split("\n")), inherited);
            byDoc[doc] = p;
            docOfId.put(p.id(), doc);
            targetDoc[doc] = doc;
            out.add(p);
        }
        targets.forEach((doc, id) -> targetDoc[doc] = docOfId.getOrDefault(id, -1));
        return List.copyOf(out);
    }

    public IndexSearcher searcher() { return searcher; }

    public CompactAnalyzers analyzers() { return analyzers; }

    public Passage passage(int doc) { return byDoc[doc]; }

    /** The passage document a hit stands for: itself, or the passage a question document asks for (-1: none). */
    public int passageDoc(int doc) { return targetDoc[doc]; }

    public List<Passage> passages() { return passages; }

    public List<DocumentInfo> documents() { return documents; }

    public boolean rebuilt() { return rebuilt; }

    public List<String> areas() {
        return documents.stream().map(DocumentInfo::area).distinct().sorted().toList();
    }

    /** Cosine between two passages' wording (0 when either is unknown). */
    public double wordingSimilarity(String idA, String idB) {
        Integer a = docOfId.get(idA), b = docOfId.get(idB);
        if (a == null || b == null) return 0;
        float[] va = vector(a, F_WORDING_VECTOR), vb = vector(b, F_WORDING_VECTOR);
        if (va == null || vb == null) return 0;
        double dot = 0;
        for (int k = 0; k < va.length; k++) dot += va[k] * vb[k];
        return dot;
    }

    /** The stored vector of a document's field, or null. */
    public float[] vector(int doc, String field) {
        try {
            LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
            FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
            if (values == null || values.advance(doc - leaf.docBase) != doc - leaf.docBase) return null;
            return values.vectorValue().clone();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cosine similarity between a query vector and the passage's stored vector. */
    public float cosine(int doc, float[] query, String field) {
        try {
            LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
            FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
            if (values == null || values.advance(doc - leaf.docBase) != doc - leaf.docBase) return 0f;
            return VectorSimilarityFunction.DOT_PRODUCT.compare(values.vectorValue(), query) * 2 - 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }

    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
        }
    }

}
