package org.compactbot.knowledge;

import java.util.List;
import java.util.Map;

/**
 * The Compact texts as loaded from index-data: documents, the thesaurus text, a content hash that
 * changes whenever any of them changes, and the files that could not be read (with the reason).
 */
public record Corpus(List<CompactDocument> documents, String thesaurus, List<String> offTopic, String contentHash,
                     Map<String, String> problems) {
    public Corpus {
        documents = List.copyOf(documents);
        offTopic = List.copyOf(offTopic);
        problems = Map.copyOf(problems);
    }

    public List<Passage> passages() {
        return documents.stream().flatMap(d -> d.passages().stream()).toList();
    }

    public List<String> areas() {
        return documents.stream().map(CompactDocument::area).distinct().sorted().toList();
    }
}
