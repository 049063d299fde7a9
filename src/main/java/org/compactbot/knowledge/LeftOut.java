package org.compactbot.knowledge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The source lines a raw text keeps out of every passage: {@link #drop} by 0-based index, and each one once as a
 * {@link RawCompactReader.Skipped} (1-based, with why) for {@code index --explain}.
 */
final class LeftOut {
    final boolean[] drop;
    private final List<RawCompactReader.Skipped> skipped = new ArrayList<>();

    LeftOut(int lines) {
        drop = new boolean[lines];
    }

    /** Leaves line {@code i} out for {@code reason}; a line already left out keeps its first reason. */
    void skip(int i, String raw, String reason) {
        if (drop[i]) return;
        drop[i] = true;
        skipped.add(new RawCompactReader.Skipped(i + 1, raw.strip(), reason));
    }

    /** The page numbers and running headers left out: a paragraph may carry on over them. */
    Set<Integer> pageFurniture() {
        Set<Integer> furniture = new HashSet<>();
        for (RawCompactReader.Skipped k : skipped) {
            if (k.reason().equals("page number") || k.reason().startsWith("running header")) furniture.add(k.line() - 1);
        }
        return furniture;
    }

    /** Every line left out, in the order of the text. */
    List<RawCompactReader.Skipped> inOrder() {
        skipped.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return skipped;
    }
}
