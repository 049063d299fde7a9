package org.compactbot.mail;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The shared acceptance corpus (../shared/eval/mail-corpus): every message parses without an exception,
 * and the reply/ text and mime/ auto, subject and attachment expectations hold, matched the way check.py does.
 */
class MailCorpusTest {
    private static final Path CORPUS = Path.of("..", "shared", "eval", "mail-corpus");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyCorpusMessageParsesAndMeetsItsExpectations() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS.resolve("reply")) && Files.isDirectory(CORPUS.resolve("mime")),
                "mail corpus not found at " + CORPUS.toAbsolutePath());
        MessageParser parser = new MessageParser();
        List<String> failures = new ArrayList<>();
        Map<String, ParsedEmail> parsed = new HashMap<>();
        int crashes = 0;
        long slowestNanos = 0;
        String slowestFile = "";
        for (String part : List.of("reply", "mime")) {
            try (Stream<Path> files = Files.list(CORPUS.resolve(part))) {
                for (Path f : files.sorted().toList()) {
                    if (f.getFileName().toString().equals("expected.jsonl") || !Files.isRegularFile(f)) continue;
                    byte[] raw = Files.readAllBytes(f);
                    long t0 = System.nanoTime();
                    try {
                        ParsedEmail e = parser.parse(raw);
                        assertNotNull(e);
                        assertNotNull(e.from());
                        assertNotNull(e.subject());
                        assertNotNull(e.text());
                        parsed.put(part + "/" + f.getFileName(), e);
                    } catch (Throwable t) {
                        crashes++;
                        failures.add(part + "/" + f.getFileName() + ": CRASH " + t);
                    }
                    long took = System.nanoTime() - t0;
                    if (took > slowestNanos) {
                        slowestNanos = took;
                        slowestFile = part + "/" + f.getFileName();
                    }
                }
            }
        }

        int replyOk = 0, replyTotal = 0, autoOk = 0, autoTotal = 0, subjOk = 0, subjTotal = 0, attOk = 0, attTotal = 0;
        for (String part : List.of("reply", "mime")) {
            for (JsonNode exp : expectations(part)) {
                String name = part + "/" + exp.get("file").asText();
                ParsedEmail e = parsed.get(name);
                if (part.equals("reply")) replyTotal++;
                JsonNode auto = exp.get("auto");
                boolean checksAuto = auto != null && !auto.isNull();
                if (checksAuto) autoTotal++;
                if (exp.has("subject_contains")) subjTotal++;
                JsonNode atts = exp.get("attachments");
                if (atts != null) attTotal += atts.size();
                if (e == null) {
                    failures.add(name + ": not parsed");
                    continue;
                }
                if (part.equals("reply")) {
                    String text = norm(e.text());
                    List<String> problems = new ArrayList<>();
                    for (JsonNode s : iter(exp.get("must_contain"))) {
                        if (!text.contains(norm(s.asText()))) problems.add("missing '" + s.asText() + "'");
                    }
                    for (JsonNode s : iter(exp.get("must_not_contain"))) {
                        if (text.contains(norm(s.asText()))) problems.add("should be stripped: '" + s.asText() + "'");
                    }
                    if (problems.isEmpty()) replyOk++;
                    else failures.add(name + ": text " + String.join("; ", problems) + " [text: " + shorten(e.text()) + "]");
                }
                if (checksAuto) {
                    if (auto.asBoolean() == e.auto()) autoOk++;
                    else failures.add(name + ": auto expected " + auto.asBoolean() + ", got " + e.auto() + " (reason: " + e.reason() + ")");
                }
                if (exp.has("subject_contains")) {
                    if (norm(e.subject()).contains(norm(exp.get("subject_contains").asText()))) subjOk++;
                    else failures.add(name + ": subject lacks '" + exp.get("subject_contains").asText() + "' (got '" + e.subject() + "')");
                }
                for (JsonNode a : iter(atts)) {
                    String want = Normalizer.normalize(a.get("name").asText(), Normalizer.Form.NFC);
                    List<ParsedEmail.Attachment> got = e.attachments().stream()
                            .filter(x -> Normalizer.normalize(x.name(), Normalizer.Form.NFC).equals(want)).toList();
                    if (got.isEmpty()) {
                        failures.add(name + ": attachment '" + want + "' not listed (got "
                                + e.attachments().stream().map(ParsedEmail.Attachment::name).toList() + ")");
                    } else if (a.has("bytes") && got.stream().noneMatch(x -> x.bytes() == a.get("bytes").asLong())) {
                        failures.add(name + ": attachment '" + want + "' has the wrong size");
                    } else {
                        attOk++;
                    }
                }
            }
        }
        System.out.printf("mail-corpus (JUnit): reply %d/%d, auto %d/%d, subject %d/%d, attachments %d/%d, crashes %d | slowest %.2fs (%s)%n",
                replyOk, replyTotal, autoOk, autoTotal, subjOk, subjTotal, attOk, attTotal, crashes, slowestNanos / 1e9, slowestFile);
        assertTrue(failures.isEmpty(), () -> failures.size() + " corpus failures:\n" + String.join("\n", failures));
        String slowest = slowestFile + " took " + slowestNanos / 1_000_000 + " ms";
        assertTrue(slowestNanos < 2_000_000_000L, slowest);
    }

    private static List<JsonNode> expectations(String part) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve(part).resolve("expected.jsonl"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) out.add(JSON.readTree(line));
        }
        return out;
    }

    private static Iterable<JsonNode> iter(JsonNode array) {
        return array == null ? List.of() : array;
    }

    /** As check.py: NFC, no format characters (zero-width, bidi marks), whitespace runs collapsed. */
    static String norm(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFC);
        StringBuilder b = new StringBuilder(n.length());
        n.codePoints().filter(cp -> Character.getType(cp) != Character.FORMAT).forEach(b::appendCodePoint);
        return b.toString().replaceAll("(?U)\\s+", " ").strip();
    }

    private static String shorten(String s) {
        return s.length() <= 160 ? s : s.substring(0, 157) + "...";
    }
}
