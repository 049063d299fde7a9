package org.compactbot.knowledge;

import java.util.List;

/**
 * What a passage nobody annotated borrowed from an annotated passage that says the same thing (in another
 * Compact): its gloss and the ways people ask for it. Used only to find the passage; never shown, because
 * it describes the other Compact's wording (its numbers may differ).
 *
 * @param from       the annotated passage's id
 * @param similarity cosine between the two passages' wording
 */
public record Inherited(String from, double similarity, String gloss, List<String> questions) {
    public Inherited {
        gloss = gloss == null ? "" : gloss;
        questions = questions == null ? List.of() : List.copyOf(questions);
    }
}
