package org.compactbot.soak;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What the simulated users did and saw, for the checks at the end. */
final class SoakFigures {
    final AtomicLong turns = new AtomicLong();
    /** Requests that failed (server down or cut off) and were then checked. */
    final AtomicLong failedRequests = new AtomicLong();
    /** Chat turns found applied although their answer was lost, so not sent again. */
    final AtomicLong appliedButUnanswered = new AtomicLong();
    /** Chat turns found not applied, so sent again. */
    final AtomicLong resent = new AtomicLong();
    final AtomicLong conversationsStarted = new AtomicLong();
    final AtomicLong conversationsStuck = new AtomicLong();
    final AtomicLong mailResent = new AtomicLong();
    /** Conversation id -> the case reference the client saw confirmed. */
    final Map<String, String> confirmed = new ConcurrentHashMap<>();
    /** Message-ID of each email posted to /mail/inbound -> the outcome the server answered. */
    final Map<String, String> mailed = new ConcurrentHashMap<>();
}
