package org.compactbot.knowledge;

import java.util.List;

/**
 * Questions the bot declined or answered with low confidence, kept for the operator ({@code knowledge gaps}):
 * the question's words only, with email addresses, phone numbers, postcodes, web addresses and names given
 * as "my name is ..." or in a sign-off removed first (see {@link GapText}); no one's id is kept with it.
 * Implemented by the store.
 */
public interface KnowledgeGaps {
    /** A question worth an operator's look: declined, or answered below the confident level. */
    record Gap(String question, String area, boolean declined) {}

    /** How often a question was asked (most frequent first), with when it was last asked. */
    record Listed(String question, String area, int times, int declined, String lastAsked) {}

    void record(Gap gap);

    List<Listed> list(String area, int limit);

    KnowledgeGaps NONE = new KnowledgeGaps() {
        @Override public void record(Gap gap) {}

        @Override public List<Listed> list(String area, int limit) { return List.of(); }
    };
}
