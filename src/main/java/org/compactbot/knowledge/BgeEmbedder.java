package org.compactbot.knowledge;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** The bge-small-en-v1.5 model bundled in the jar (quantised, ONNX Runtime, no network). */
public final class BgeEmbedder implements Embedder {
    static final String QUERY_PREFIX = "Represent this sentence for searching relevant passages: ";
    private static final int MAX_QUERY_CHARS = 2000;

    /** Loading the model takes about 2 s: it loads on its own thread while the caller opens the database and index. */
    private final FutureTask<BgeSmallEnV15QuantizedEmbeddingModel> loading;

    public BgeEmbedder() {
        // embeddings run in the caller's thread: the index builder batches, and a query is one call
        loading = new FutureTask<>(() -> new BgeSmallEnV15QuantizedEmbeddingModel(Runnable::run));
        Thread loader = new Thread(loading, "bge-model-load");
        loader.setDaemon(true);
        loader.start();
    }

    /** The model, waiting for it to finish loading the first time. */
    private BgeSmallEnV15QuantizedEmbeddingModel model() {
        try {
            return loading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the embedding model was loading", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException("the embedding model did not load", e.getCause());
        }
    }

    @Override
    public float[] embedQuery(String question) {
        String q = question.length() > MAX_QUERY_CHARS ? question.substring(0, MAX_QUERY_CHARS) : question;
        return normalise(model().embed(QUERY_PREFIX + q).content().vector());
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        int batch = 32;
        for (int i = 0; i < texts.size(); i += batch) {
            List<TextSegment> segs = texts.subList(i, Math.min(texts.size(), i + batch)).stream().map(TextSegment::from).toList();
            model().embedAll(segs).content().forEach(e -> out.add(normalise(e.vector())));
        }
        return out;
    }

    @Override
    public String modelId() {
        return "bge-small-en-v1.5-q";
    }

    static float[] normalise(float[] v) {
        double n = 0;
        for (float x : v) n += x * x;
        n = Math.sqrt(n);
        if (n == 0) return v;
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / n);
        return out;
    }
}
