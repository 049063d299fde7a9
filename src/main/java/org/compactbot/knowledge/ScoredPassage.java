package org.compactbot.knowledge;

/**
 * A passage found for a question, with its fused relevance and the evidence behind it: BM25 score, best
 * cosine over all its views, best cosine to the questions it is known (or inherited) to answer, and best
 * cosine to its own wording (and gloss), which every passage has.
 */
public record ScoredPassage(Passage passage, double score, double lexical, double semantic, double askedLike, double wording) {}
