package org.compactbot.conversation;

import java.util.Map;

/** The outcome of reading an answer to a slot. */
public sealed interface Validation {
    /** Understood: the value to keep (as shown back to the person) and what was worked out from it. */
    record Accepted(String value, Map<String, String> details) implements Validation {
        public Accepted(String value) {
            this(value, Map.of());
        }
    }

    /** Not understood or not acceptable: what to tell the person. */
    record Rejected(String message) implements Validation {}
}
