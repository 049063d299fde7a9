package org.compactbot.conversation;

/** What became of one page's answer (the web's question pages). */
public sealed interface PageAnswer {
    /** Kept (or, blank on an optional question, skipped); {@code next} is the first question still open, CONFIRM when none is. */
    record Kept(Slot next) implements PageAnswer {}

    /** Blank, where the question must be answered. */
    record Missing(Slot slot) implements PageAnswer {}

    /** Not understood or not acceptable: what to tell the person beside the field. Nothing was kept. */
    record Rejected(Slot slot, String message) implements PageAnswer {}

    /** No challenge in progress (never started, expired, or already submitted): nothing was kept. */
    record NoDraft() implements PageAnswer {}
}
