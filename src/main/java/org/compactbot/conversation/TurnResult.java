package org.compactbot.conversation;

import java.util.List;

/** What one turn produced: the replies, where the conversation now stands, and its case if any. */
public record TurnResult(List<Reply> replies, String state, Slot expecting, CaseInfo caseInfo) {
    public TurnResult {
        replies = List.copyOf(replies);
    }
}
