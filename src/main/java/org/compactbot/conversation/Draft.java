package org.compactbot.conversation;

import java.time.Instant;
import java.util.Map;

/**
 * A challenge being raised and not yet submitted, as a channel shows it: the question it is at,
 * the answers so far (by slot, as stored: area and choice ids, free text as given) and when it was last touched.
 */
public record Draft(Slot at, Map<Slot, String> answers, Instant updatedAt) {}
