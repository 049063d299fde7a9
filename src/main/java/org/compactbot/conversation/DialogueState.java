package org.compactbot.conversation;

/** Where a conversation stands between turns. */
public sealed interface DialogueState {
    /** The contract's name for the state ("idle", "collecting", "confirming_cancel"). */
    String name();

    /** Answering questions; no challenge in progress. */
    record Idle() implements DialogueState {
        public String name() { return "idle"; }
    }

    /**
     * Raising a challenge, waiting for {@code slot}; after it, go to {@code returnTo} when the
     * person is correcting an earlier answer (null: the next slot in order).
     */
    record Collecting(Slot slot, Slot returnTo) implements DialogueState {
        public String name() { return "collecting"; }
    }

    /** Asked "cancel this challenge?"; {@code resume} is the slot to go back to on "no". */
    record ConfirmingCancel(Slot resume) implements DialogueState {
        public String name() { return "confirming_cancel"; }
    }
}
