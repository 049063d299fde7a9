package org.compactbot.knowledge;

import java.io.IOException;
import java.io.StringReader;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * English analysis for the Compact texts: tokens lower-cased, folded to ASCII and Porter-stemmed.
 * The query side adds the domain thesaurus (everyday word <-> Compact term) after stemming, so
 * "volunteers" and "volunteering" both meet a rule written for "volunteer".
 */
public final class CompactAnalyzers {
    /** Words that say nothing about what a question is about; stemmed like the index. */
    private static final Set<String> QUESTION_NOISE = Set.of(
            "what", "whats", "which", "who", "whom", "whose", "when", "where", "why", "how", "do", "doe", "did",
            "can", "could", "should", "would", "must", "may", "might", "shall", "we", "our", "us", "you", "your", "i",
            "me", "my", "am", "is", "ar", "wa", "were", "been", "be", "have", "ha", "had", "it", "its", "thi",
            "that", "these", "those", "there", "about", "anyth", "someth", "say", "sai", "tell", "mean",
            "know", "want", "need", "get", "got", "just", "realli", "actual", "so", "ani", "some", "veri",
            "re", "ll", "ve", "d", "s", "t", "m", "don", "doesn", "isn", "ok", "pleas", "thank", "hi", "hello");

    private final SynonymMap thesaurus;
    private final Set<String> stopStems;
    private final List<String> thesaurusProblems;

    public CompactAnalyzers(String thesaurusText) {
        // a CharArraySet hands out char[]: new String, not toString (which gave "[C@..." and so no stop words at all)
        this.stopStems = stemAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.stream()
                .map(o -> o instanceof char[] c ? new String(c) : o.toString()).toList());
        this.stopStems.addAll(QUESTION_NOISE);
        List<String> problems = new ArrayList<>();
        this.thesaurus = buildThesaurus(thesaurusText, problems);
        this.thesaurusProblems = List.copyOf(problems);
    }

    /** Analyzer for indexing passages. */
    public Analyzer index() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, base(source));
            }
        };
    }

    /** Analyzer for questions: the index analysis plus the thesaurus. */
    public Analyzer query() {
        SynonymMap map = thesaurus;
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = base(source);
                if (map != null && map.fst != null) ts = new SynonymGraphFilter(ts, map, true);
                return new TokenStreamComponents(source, ts);
            }
        };
    }

    /** True for a stemmed token that carries no meaning in a question. */
    public boolean isNoise(String stem) {
        return stopStems.contains(stem);
    }

    public List<String> thesaurusProblems() {
        return thesaurusProblems;
    }

    /** The stemmed tokens of text, as the index sees them (noise included). */
    public List<String> stems(String text) {
        return tokens(index(), text);
    }

    static List<String> tokens(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static TokenStream base(Tokenizer source) {
        TokenStream ts = new EnglishPossessiveFilter(source);
        ts = new LowerCaseFilter(ts);
        ts = new ASCIIFoldingFilter(ts);
        return new PorterStemFilter(ts);
    }

    private Set<String> stemAll(List<String> words) {
        Set<String> out = new HashSet<>();
        Analyzer a = index();
        for (String w : words) out.addAll(tokens(a, w));
        return out;
    }

    private SynonymMap buildThesaurus(String text, List<String> problems) {
        Analyzer a = index();
        try {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, a);
            StringBuilder good = new StringBuilder();
            int n = 0;
            for (String line : text.split("\\R")) {
                n++;
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) continue;
                try {
                    new SolrSynonymParser(true, true, a).parse(new StringReader(l));
                    good.append(l).append('\n');
                } catch (ParseException | IllegalArgumentException e) {
                    problems.add("thesaurus.txt line " + n + ": " + e.getMessage());
                }
            }
            parser.parse(new StringReader(good.toString()));
            return parser.build();
        } catch (IOException | ParseException e) {
            problems.add("thesaurus.txt: " + e.getMessage());
            return null;
        }
    }
}
