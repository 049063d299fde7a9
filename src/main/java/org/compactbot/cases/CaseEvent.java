package org.compactbot.cases;

import java.time.Instant;

/** One entry of a case's append-only history. */
public record CaseEvent(Instant at, String actor, String from, String to, String note) {}
