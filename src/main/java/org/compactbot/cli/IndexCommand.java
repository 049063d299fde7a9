package org.compactbot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.compactbot.app.Knowledge;
import org.compactbot.knowledge.BgeEmbedder;
import org.compactbot.knowledge.CorpusLoader;
import org.compactbot.knowledge.KnowledgeIndex;
import org.compactbot.knowledge.Party;
import org.compactbot.knowledge.Passage;
import org.compactbot.knowledge.RawCompactReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * index: (re)builds the search index from index-data when the texts changed, and reports it;
 * {@code index --explain FILE} shows what structure the indexer finds in one file, without building anything.
 */
@Command(name = "index", description = "Build the search index from the Compact texts (only when they changed).")
public final class IndexCommand implements Callable<Integer> {
    @ParentCommand CompactBotCommand main;
    @Spec CommandSpec spec;

    @Option(names = "--explain", paramLabel = "FILE",
            description = "Show what the indexer finds in one file: sections, refs, parties, passages, contact, and what it skipped.")
    Path explain;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (explain != null) return explain(out);
        long t0 = System.nanoTime();
        try (Knowledge knowledge = Knowledge.open(main.config(), new BgeEmbedder(), System.err)) {
            KnowledgeIndex idx = knowledge.index();
            out.printf("%s: %d documents, %d passages, areas %s (%.1f s)%n",
                    idx.rebuilt() ? "index rebuilt" : "index up to date", idx.documents().size(), idx.passages().size(),
                    String.join(", ", idx.areas()), (System.nanoTime() - t0) / 1e9);
            boolean anyRaw = false;
            Map<String, List<Passage>> byDocument = idx.passages().stream().collect(java.util.stream.Collectors.groupingBy(Passage::document));
            for (var d : idx.documents()) {
                List<Passage> ps = byDocument.getOrDefault(d.title(), List.of());
                boolean raw = ps.stream().allMatch(p -> p.gloss().isEmpty()); // no glosses: nobody annotated it (a side file adds questions only)
                String note = "";
                if (raw) {
                    anyRaw = true;
                    long borrowed = ps.stream().filter(p -> p.inherited() != null).count();
                    note = "  raw text: " + borrowed + " borrow from annotated passages"
                            + (d.contact() == null || d.contact().isBlank() ? "; no contact found" : "");
                }
                out.printf("  %-45s %-17s %4d passages%s%n", d.file(), d.area(), ps.size(), note);
            }
            if (anyRaw) out.println("Check what was found in a raw text with: index --explain FILE (see index-data/README.md)");
        }
        return 0;
    }

    private int explain(PrintWriter out) throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        CorpusLoader.Explanation e;
        try {
            e = new CorpusLoader().explain(explain, main.config().knowledge().dir());
        } catch (IOException ex) {
            err.println("Cannot read " + explain + ": " + ex.getMessage());
            return 1;
        }
        var d = e.document();
        out.printf("%s%n", d.file());
        out.printf("  read as:  %s%n", e.annotated() ? "annotated Markdown (front matter, glosses kept as written)"
                : "a text nobody annotated: structure found by the indexer");
        out.printf("  title:    %s%n", d.title());
        out.printf("  area:     %s%s%n", d.area(), d.area().equals("other")
                ? "  (put the file in a folder named for its area, e.g. index-data/northfield/)" : "");
        out.printf("  contact:  %s%n", d.contact().isBlank() ? "(none found: contact questions will get no answer from this file)" : d.contact());
        List<Passage> ps = d.passages();
        out.printf("%nsections:%n");
        List<String> last = List.of();
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        for (Passage p : ps) counts.merge(p.sectionPath(), 1, Integer::sum);
        for (var s : counts.entrySet()) {
            List<String> path = s.getKey();
            int common = 0;
            while (common < path.size() && common < last.size() && path.get(common).equals(last.get(common))) common++;
            for (int k = common; k < path.size(); k++) {
                Party party = Party.fromHeading(path.get(k));
                out.printf("  %s%s%s%n", "  ".repeat(k), path.get(k), party == Party.NONE ? "" : "  [party: " + party.label().toLowerCase() + "]");
            }
            out.printf("  %s(%d passage%s)%n", "  ".repeat(path.size()), s.getValue(), s.getValue() == 1 ? "" : "s");
            last = path;
        }
        long withRef = ps.stream().filter(p -> p.ref() != null).count();
        Map<String, Integer> parties = new LinkedHashMap<>();
        for (Passage p : ps) parties.merge(p.party() == Party.NONE ? "none" : p.party().label().toLowerCase(), 1, Integer::sum);
        List<String> terms = ps.stream().map(Passage::term).filter(t -> !t.isBlank()).distinct().toList();
        out.printf("%npassages: %d (%d with a ref; party: %s; %d glossary entr%s%s)%n", ps.size(), withRef, parties,
                terms.size(), terms.size() == 1 ? "y" : "ies", terms.isEmpty() ? "" : ": " + String.join(", ", terms));
        for (Passage p : ps) {
            String text = p.text().length() > 110 ? p.text().substring(0, 107) + "..." : p.text();
            List<String> tags = new ArrayList<>();
            if (p.ref() != null) tags.add(p.ref());
            if (p.party() != Party.NONE) tags.add(p.party().label().toLowerCase());
            if (!p.term().isBlank()) tags.add("term");
            out.printf("  %-5s %-28s %s%n", p.id().substring(p.id().lastIndexOf('#')), tags.isEmpty() ? "" : "[" + String.join(", ", tags) + "]", text);
        }
        out.printf("%nskipped: %d line%s%n", e.skipped().size(), e.skipped().size() == 1 ? "" : "s");
        for (RawCompactReader.Skipped s : e.skipped()) {
            String text = s.text().length() > 80 ? s.text().substring(0, 77) + "..." : s.text();
            out.printf("  line %-5d %-26s %s%n", s.line(), s.reason(), text);
        }
        return 0;
    }
}
