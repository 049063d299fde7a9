package org.compactbot.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.compactbot.conversation.PastOutcomes;
import org.compactbot.knowledge.CompactAnalyzers;

/**
 * {@link PastOutcomes} over the published outcome summaries: a small Lucene index in memory (the knowledge package's
 * English analysis), rebuilt from the store whenever the published summaries differ from those indexed (at the first
 * question, and after each publish or unpublish, by this process or the CLI). Ranks by the words of the question and
 * the person's draft, then prefers their area and their draft's undertakings; every published outcome can be shown.
 */
public final class PastOutcomesIndex implements PastOutcomes {
    private final PublishedOutcomes published;
    private final CompactAnalyzers analysis = new CompactAnalyzers("");
    private List<PublishedOutcome> indexed;
    private ByteBuffersDirectory dir;

    public PastOutcomesIndex(PublishedOutcomes published) {
        this.published = published;
    }

    @Override
    public synchronized List<Outcome> similar(Query query, int limit) {
        List<PublishedOutcome> now = published.all();
        if (now.isEmpty() || limit <= 0) return List.of();
        if (!now.equals(indexed)) rebuild(now);
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            BooleanQuery.Builder q = new BooleanQuery.Builder().add(new BoostQuery(new MatchAllDocsQuery(), 0.01f), Occur.SHOULD);
            for (String stem : analysis.stems(query.text())) {
                if (!analysis.isNoise(stem)) q.add(new TermQuery(new Term("text", stem)), Occur.SHOULD);
            }
            if (query.area() != null && !query.area().isBlank()) q.add(new BoostQuery(new TermQuery(new Term("area", query.area())), 3f), Occur.SHOULD);
            for (String u : query.undertakings()) q.add(new BoostQuery(new TermQuery(new Term("undertaking", u.strip())), 2f), Occur.SHOULD);
            List<Outcome> out = new ArrayList<>();
            for (ScoreDoc d : searcher.search(q.build(), limit).scoreDocs) {
                PublishedOutcome p = now.get(Integer.parseInt(searcher.storedFields().document(d.doc).get("i")));
                out.add(new Outcome(p.ref(), p.area(), p.body(), p.undertakings(), p.outcome().id(), p.month(), p.summary()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void rebuild(List<PublishedOutcome> all) {
        ByteBuffersDirectory fresh = new ByteBuffersDirectory();
        Analyzer analyzer = analysis.index();
        try (IndexWriter w = new IndexWriter(fresh, new IndexWriterConfig(analyzer))) {
            for (int i = 0; i < all.size(); i++) {
                PublishedOutcome p = all.get(i);
                Document d = new Document();
                d.add(new StoredField("i", String.valueOf(i)));
                d.add(new StringField("area", p.area(), Field.Store.NO));
                for (String u : p.undertakings()) d.add(new StringField("undertaking", u.strip(), Field.Store.NO));
                d.add(new TextField("text", p.summary() + "\n" + p.body() + "\n" + String.join("\n", p.undertakings()) + "\n"
                        + p.outcome().id().replace('_', ' '), Field.Store.NO));
                w.addDocument(d);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dir = fresh;
        indexed = List.copyOf(all);
    }
}
