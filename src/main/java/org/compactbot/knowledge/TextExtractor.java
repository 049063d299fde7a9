package org.compactbot.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tika.Tika;
import org.apache.tika.exception.TikaException;

/** Plain text out of PDF and Word files, through Apache Tika. */
public final class TextExtractor {
    /** Made on first use: Tika loads all its parsers (about a second), and most corpora are Markdown only. */
    private Tika tika;

    private synchronized Tika tika() {
        if (tika == null) {
            tika = new Tika();
            tika.setMaxStringLength(20_000_000);
        }
        return tika;
    }

    /** The document's text; an {@link IOException} whose message says why when it has none. */
    public String extract(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            String text = tika().parseToString(in);
            if (text == null || text.isBlank()) throw new IOException("no text could be extracted (scanned image or empty document?)");
            return text;
        } catch (TikaException | RuntimeException e) {
            throw new IOException("could not read it as " + extensionOf(file) + " (" + rootMessage(e) + ")");
        }
    }

    private static String extensionOf(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot >= 0 ? n.substring(dot + 1).toUpperCase() : "a document";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
