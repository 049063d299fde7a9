package org.compactbot.knowledge;

/**
 * A passage found for a question, with its fused relevance and the evidence behind it: BM25
 * score, best cosine over its views, and best cosine to the questions it is known to answer.
 */
public record ScoredPassage(Passage passage, double score, double lexical, double semantic, double askedLike) {}
