package org.compactbot.slack;

import java.util.Optional;
import org.compactbot.conversation.CaseInfo;

/** Finds a case by reference for the person asking: only a case raised in their own conversation. */
@FunctionalInterface
public interface CaseStatusLookup {
    Optional<CaseInfo> raisedIn(String ref, String conversationId);
}
