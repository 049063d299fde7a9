package org.compactbot.knowledge;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Passage vectors kept on disk by the hash of the text embedded, so that rebuilding the index after
 * one file changes embeds only what is new. A damaged cache file is ignored and rewritten.
 */
public final class EmbeddingCache {
    private final Path file;
    private final Embedder embedder;
    private final Map<String, float[]> vectors = new HashMap<>();

    public EmbeddingCache(Path file, Embedder embedder) {
        this.file = file;
        this.embedder = embedder;
        load();
    }

    /** Vectors for the texts, embedding only those not seen before. */
    public List<float[]> vectorsFor(List<String> texts) {
        List<String> keys = texts.stream().map(this::key).toList();
        List<String> missing = new ArrayList<>();
        List<String> missingKeys = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!vectors.containsKey(keys.get(i)) && !missingKeys.contains(keys.get(i))) {
                missing.add(texts.get(i));
                missingKeys.add(keys.get(i));
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> fresh = embedder.embedPassages(missing);
            for (int i = 0; i < fresh.size(); i++) vectors.put(missingKeys.get(i), fresh.get(i));
        }
        return keys.stream().map(vectors::get).toList();
    }

    public void save(List<String> keep) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        List<String> keys = keep.stream().map(this::key).distinct().filter(vectors::containsKey).toList();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            out.writeUTF(embedder.modelId());
            out.writeInt(keys.size());
            for (String k : keys) {
                float[] v = vectors.get(k);
                out.writeUTF(k);
                out.writeInt(v.length);
                for (float x : v) out.writeFloat(x);
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void load() {
        if (!Files.isRegularFile(file)) return;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!in.readUTF().equals(embedder.modelId())) return;
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String k = in.readUTF();
                int len = in.readInt();
                if (len <= 0 || len > 10_000) throw new IOException("bad vector length");
                float[] v = new float[len];
                for (int j = 0; j < len; j++) v[j] = in.readFloat();
                vectors.put(k, v);
            }
        } catch (EOFException | RuntimeException e) {
            vectors.clear();
        } catch (IOException e) {
            vectors.clear();
        }
    }

    private String key(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
