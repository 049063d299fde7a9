package org.compactbot.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.compactbot.Main;
import org.compactbot.Wiring;
import org.compactbot.knowledge.KnowledgeIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** index: (re)builds the search index from index-data when the texts changed, and reports it. */
@Command(name = "index", description = "Build the search index from the Compact texts (only when they changed).")
public final class IndexCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        try (Wiring wiring = new Wiring(main.config(), System.err)) {
            KnowledgeIndex idx = wiring.knowledgeIndex();
            out.printf("%s: %d documents, %d passages, areas %s (%.1f s)%n",
                    idx.rebuilt() ? "index rebuilt" : "index up to date", idx.documents().size(), idx.passages().size(),
                    String.join(", ", idx.areas()), (System.nanoTime() - t0) / 1e9);
            for (var d : idx.documents()) {
                long n = idx.passages().stream().filter(p -> p.document().equals(d.title())).count();
                out.printf("  %-45s %-17s %4d passages%n", d.file(), d.area(), n);
            }
        }
        return 0;
    }
}
