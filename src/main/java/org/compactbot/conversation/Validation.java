package org.compactbot.conversation;

import java.util.List;

/** The outcome of reading an answer to a slot. */
public sealed interface Validation {
    /** How sure a reading must be to be kept without asking "Just to check: ...?". */
    double SURE = 0.7;

    /**
     * Understood: the value to keep (as shown back to the person), what was worked out from it, and how sure the
     * reading is (1: the words say it plainly; below {@link #SURE}: confirmed with the person before it is kept).
     */
    record Accepted(String value, Found found, double confidence) implements Validation {
        public Accepted(String value) {
            this(value, new Found.Nothing(), 1.0);
        }

        public Accepted(String value, Found found) {
            this(value, found, 1.0);
        }

        boolean sure() {
            return confidence >= SURE;
        }
    }

    /** Not understood or not acceptable: what to tell the person. */
    record Rejected(String message) implements Validation {}

    /** What an accepted answer gave besides its value. */
    sealed interface Found {
        record Nothing() implements Found {}

        /** Key dates, with the sentences they came from. */
        record Dates(KeyDates.Reading reading) implements Found {}

        /** Offered undertakings chosen by number, with their codes of practice. */
        record Undertakings(List<Integer> numbers, List<String> codes) implements Found {}
    }
}
