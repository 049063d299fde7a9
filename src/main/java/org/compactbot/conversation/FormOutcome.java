package org.compactbot.conversation;

import java.util.Map;

/** What became of a challenge sent as one completed form (Slack's modal). */
public sealed interface FormOutcome {
    /** Not submitted: what to tell the person next to each field that needs another look. */
    record Invalid(Map<Slot, String> errors) implements FormOutcome {}

    /** Submitted: the case was created in the same transaction as the turn that records it. */
    record Submitted(TurnResult turn) implements FormOutcome {}
}
