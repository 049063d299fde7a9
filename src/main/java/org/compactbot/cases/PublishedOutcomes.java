package org.compactbot.cases;

import java.util.List;

/** Where published outcome summaries are kept (port): one per case, replaced when published again. */
public interface PublishedOutcomes {
    void publish(PublishedOutcome outcome);

    /** Takes a case's summary down; false when none was published. */
    boolean unpublish(String ref);

    /** Every published summary, newest first. */
    List<PublishedOutcome> all();

    PublishedOutcomes NONE = new PublishedOutcomes() {
        public void publish(PublishedOutcome outcome) {}
        public boolean unpublish(String ref) { return false; }
        public List<PublishedOutcome> all() { return List.of(); }
    };
}
