package org.compactbot.knowledge;

/** A passage found for a question, with its fused relevance and the evidence behind it. */
public record ScoredPassage(Passage passage, double score, double lexical, double semantic) {}
