package org.compactbot.knowledge;

import java.util.List;

/** One Compact text as indexed: what it is, where it applies, whom to contact, and its passages. */
public record CompactDocument(
        String file,
        String title,
        String citationName,
        String area,
        String kind,
        String source,
        String date,
        String contact,
        List<Passage> passages) {

    public CompactDocument {
        passages = List.copyOf(passages);
    }
}
