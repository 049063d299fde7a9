package org.compactbot.conversation;

import java.util.List;

/**
 * The outcomes of earlier challenges that mediators published, anonymised (port): what a group asking "has this
 * happened before?" is shown. Implemented over the published summaries by {@code cases.PastOutcomesIndex}.
 */
public interface PastOutcomes {
    /** What the person asked, with their area and the undertakings in their draft when they have one (preferred). */
    record Query(String text, String area, List<String> undertakings) {
        public Query {
            undertakings = List.copyOf(undertakings);
        }
    }

    /** One published outcome, as the group is shown it. */
    record Outcome(String ref, String area, String body, List<String> undertakings, String outcome, String month, String summary) {
        public Outcome {
            undertakings = List.copyOf(undertakings);
        }
    }

    /** Up to {@code limit} published outcomes, most similar first; empty when none are published. */
    List<Outcome> similar(Query query, int limit);

    PastOutcomes NONE = (query, limit) -> List.of();
}
