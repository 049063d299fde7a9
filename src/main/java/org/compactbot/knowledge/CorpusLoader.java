package org.compactbot.knowledge;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads index-data/: Markdown Compacts, plain text, PDF and Word files, and thesaurus.txt.
 * A file in a sub-folder belongs to the area the folder names; a file that cannot be read is
 * reported in {@link Corpus#problems()} and skipped, never fatal.
 */
public final class CorpusLoader {
    public static final String THESAURUS = "thesaurus.txt";
    public static final String OFF_TOPIC = "off-topic.txt";
    /** The area of a raw file put straight into index-data/, outside any area folder. */
    public static final String NO_AREA = "other";
    private static final long MAX_FILE_BYTES = 50L * 1024 * 1024;

    private final MarkdownCompactParser markdown = new MarkdownCompactParser();
    private final RawCompactReader raw = new RawCompactReader();
    private final TextExtractor extractor = new TextExtractor();

    public Corpus load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException("knowledge directory " + dir + " does not exist");
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).filter(CorpusLoader::indexable).sorted().toList();
        }
        MessageDigest digest = sha256();
        digest.update(("format-" + KnowledgeIndex.FORMAT_VERSION).getBytes(StandardCharsets.UTF_8));
        List<CompactDocument> docs = new ArrayList<>();
        Map<String, String> problems = new LinkedHashMap<>();
        String thesaurus = "";
        List<String> offTopic = new ArrayList<>();
        Map<String, String> questionFiles = new LinkedHashMap<>(); // document stem -> side file with example questions
        for (Path f : files) {
            String rel = dir.relativize(f).toString().replace('\\', '/');
            try {
                if (Files.size(f) > MAX_FILE_BYTES) throw new IOException("larger than 50 MB");
                byte[] bytes = Files.readAllBytes(f);
                digest.update(rel.getBytes(StandardCharsets.UTF_8));
                digest.update(bytes);
                if (rel.equals(THESAURUS)) {
                    thesaurus = decodeText(bytes);
                    continue;
                }
                if (rel.endsWith(ExampleQuestions.SUFFIX)) {
                    questionFiles.put(rel.substring(0, rel.length() - ExampleQuestions.SUFFIX.length()), decodeText(bytes));
                    continue;
                }
                if (rel.equals(OFF_TOPIC)) {
                    decodeText(bytes).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(offTopic::add);
                    continue;
                }
                CompactDocument doc = parse(f, rel, bytes);
                if (doc.passages().isEmpty()) throw new IOException("no passages found in it");
                docs.add(doc);
            } catch (IOException | RuntimeException e) {
                problems.put(rel, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
        for (int i = 0; i < docs.size(); i++) {
            CompactDocument d = docs.get(i);
            String stem = d.file().contains(".") ? d.file().substring(0, d.file().lastIndexOf('.')) : d.file();
            String side = questionFiles.remove(stem);
            if (side == null) continue;
            ExampleQuestions.Applied applied = ExampleQuestions.apply(side, d.passages());
            docs.set(i, new CompactDocument(d.file(), d.title(), d.citationName(), d.area(), d.kind(), d.source(), d.date(), d.contact(),
                    applied.passages()));
            if (!applied.unmatched().isEmpty()) {
                problems.put(stem + ExampleQuestions.SUFFIX, "no passage of " + d.file() + " matches " + applied.unmatched().stream()
                        .map(u -> "\"" + u + "\"").collect(java.util.stream.Collectors.joining(", "))
                        + " (name a passage by its ref, such as 4.3, by a section and a ref, such as \"When things change › 3\", or by words of its text in quotes); the other questions were added");
            }
        }
        questionFiles.keySet().forEach(stem -> problems.put(stem + ExampleQuestions.SUFFIX, "no document " + stem + ".* next to it"));
        return new Corpus(docs, thesaurus, offTopic, HexFormat.of().formatHex(digest.digest()), problems);
    }

    private CompactDocument parse(Path f, String rel, byte[] bytes) throws IOException {
        String area = areaOf(rel);
        if (annotated(rel, bytes)) return markdown.parse(rel, decodeText(bytes), area);
        return markdown.parse(rel, read(f, rel, bytes), area);
    }

    /**
     * How a file nobody annotated reads: the structure found in its text (for PDF and Word, in the
     * headings and lists Tika reports). Annotated Markdown is not read this way.
     */
    public RawCompactReader.Reading read(Path f, String rel, byte[] bytes) throws IOException {
        String text = switch (extension(rel)) {
            case "md", "markdown", "txt" -> decodeText(bytes);
            default -> extractor.extract(f);
        };
        return raw.read(text, rel);
    }

    /** Whether a file is in the annotated Markdown format (front matter, glosses), which is read as written. */
    static boolean annotated(String rel, byte[] bytes) throws IOException {
        String ext = extension(rel);
        return (ext.equals("md") || ext.equals("markdown")) && MarkdownCompactParser.annotated(decodeText(bytes));
    }

    /** What the indexer makes of one file: the document and, for a file nobody annotated, the lines it left out. */
    public record Explanation(CompactDocument document, boolean annotated, List<RawCompactReader.Skipped> skipped) {}

    /** Reads one file the way {@link #load} would, for an operator to see what was found ({@code index --explain}). */
    public Explanation explain(Path file, Path knowledgeDir) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(file + " is not a file");
        if (Files.size(file) > MAX_FILE_BYTES) throw new IOException(file + " is larger than 50 MB");
        Path abs = file.toAbsolutePath().normalize();
        Path root = knowledgeDir.toAbsolutePath().normalize();
        String rel = abs.startsWith(root) ? root.relativize(abs).toString().replace('\\', '/') : file.getFileName().toString();
        byte[] bytes = Files.readAllBytes(file);
        if (annotated(rel, bytes)) return new Explanation(parse(file, rel, bytes), true, List.of());
        RawCompactReader.Reading reading = read(file, rel, bytes);
        return new Explanation(markdown.parse(rel, reading, areaOf(rel)), false, reading.skipped());
    }

    private static String areaOf(String rel) {
        return rel.contains("/") ? rel.substring(0, rel.indexOf('/')).toLowerCase(Locale.ROOT) : NO_AREA;
    }

    /** UTF-8 text, or a clear error for binary content that only pretends to be text. */
    static String decodeText(byte[] bytes) throws IOException {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) throw new IOException("it is binary, not text");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString().replace("\uFEFF", "");
        } catch (CharacterCodingException e) {
            return new String(bytes, java.nio.charset.Charset.forName("windows-1252"));
        }
    }

    private static boolean indexable(Path p) {
        String name = p.getFileName().toString();
        if (name.startsWith("_") || name.startsWith(".") || name.equalsIgnoreCase("README.md")) return false;
        return switch (extension(name)) {
            case "md", "markdown", "txt", "pdf", "docx", "doc", "odt", "rtf" -> true;
            default -> false;
        };
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
