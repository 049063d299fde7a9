package org.compactbot.knowledge;

import java.util.List;

/** Text to unit-length vectors, for semantic search. */
public interface Embedder {
    float[] embedQuery(String question);

    List<float[]> embedPassages(List<String> texts);

    /** Identifies the model, so vectors from another model are never mixed in. */
    String modelId();
}
