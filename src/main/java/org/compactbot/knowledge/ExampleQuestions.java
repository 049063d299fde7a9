package org.compactbot.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An operator's example questions for one document, in a side file next to it ({@code northfield-compact.questions.md}
 * for {@code northfield-compact.txt}), so the document's verbatim wording is never touched:
 * <pre>
 * ## 4.3
 * - how much notice do we get before our grant ends?
 *
 * ## "pay grants in advance"
 * - do we get the money up front?
 * </pre>
 * A heading names passages by their ref ({@code 4.3}), by a section's words and a ref within it
 * ({@code 6. When things change › 3}, for Compacts that number each section's items from 1) or by words of their
 * text in quotes; the list under it holds questions. Headings that match no passage are reported, never fatal. Pure.
 */
public final class ExampleQuestions {
    public static final String SUFFIX = ".questions.md";

    /** The document's passages with the questions added, and the headings that matched nothing. */
    public record Applied(List<Passage> passages, List<String> unmatched) {}

    public static Applied apply(String sideFile, List<Passage> passages) {
        Map<String, List<String>> bySelector = new LinkedHashMap<>();
        String selector = null;
        for (String raw : sideFile.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("#")) {
                selector = line.replaceFirst("^#+\\s*", "").strip();
                if (!selector.isEmpty()) bySelector.computeIfAbsent(selector, k -> new ArrayList<>());
                else selector = null;
            } else if (selector != null && line.matches("^[-*]\\s+\\S.*")) {
                String q = line.substring(1).strip();
                if (q.toLowerCase(Locale.ROOT).startsWith("q:")) q = q.substring(2).strip();
                if (!q.isEmpty() && q.length() <= 500) bySelector.get(selector).add(q);
            }
        }
        List<Passage> out = new ArrayList<>(passages);
        List<String> unmatched = new ArrayList<>();
        for (var e : bySelector.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            boolean any = false;
            for (int i = 0; i < out.size(); i++) {
                Passage p = out.get(i);
                if (!matches(e.getKey(), p)) continue;
                any = true;
                List<String> qs = new ArrayList<>(p.questions());
                for (String q : e.getValue()) if (!qs.contains(q)) qs.add(q);
                out.set(i, new Passage(p.id(), p.text(), p.gloss(), p.document(), p.citationName(), p.area(), p.sectionPath(),
                        p.ref(), p.party(), p.term(), qs, p.inherited()));
            }
            if (!any) unmatched.add(e.getKey());
        }
        return new Applied(out, unmatched);
    }

    static boolean matches(String selector, Passage p) {
        String s = selector.strip();
        // "## 6. When things change › 3": the ref within a section, where each section numbers its items from 1
        int within = Math.max(s.lastIndexOf('›'), s.lastIndexOf(" > "));
        if (within > 0) {
            String section = fold(s.substring(0, within).strip());
            String rest = s.substring(within + (s.charAt(within) == '›' ? 1 : 3)).strip();
            return !section.isEmpty() && fold(p.section()).contains(section) && matches(rest, p);
        }
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("“") && s.endsWith("”"))) {
            String words = fold(s.substring(1, s.length() - 1));
            return !words.isBlank() && fold(p.text()).contains(words);
        }
        String ref = s.replaceFirst("(?i)^ref\\s*:?\\s*", "").replaceAll("[.:]+$", "");
        return p.ref() != null && p.ref().replaceAll("[.:]+$", "").equalsIgnoreCase(ref);
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT).replace('’', '\'').replace('‘', '\'').replaceAll("\\s+", " ").strip();
    }
}
