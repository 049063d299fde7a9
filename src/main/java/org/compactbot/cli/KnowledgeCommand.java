package org.compactbot.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.compactbot.app.Knowledge;
import org.compactbot.app.Storage;
import org.compactbot.config.AppConfig;
import org.compactbot.knowledge.BgeEmbedder;
import org.compactbot.knowledge.AreaDetector;
import org.compactbot.knowledge.KnowledgeGaps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** knowledge gaps [--area A]: what people asked that the Compacts did not answer well, most frequent first. */
@Command(name = "knowledge", description = "What the bot knows, and what people asked that it could not answer well.",
        subcommands = {KnowledgeCommand.Gaps.class})
public final class KnowledgeCommand implements Runnable {
    @ParentCommand CompactBotCommand main;
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "gaps", description = "Questions the bot declined or answered with low confidence, most frequent first "
            + "(the words only: no names, email addresses or phone numbers).")
    static final class Gaps implements Callable<Integer> {
        @ParentCommand KnowledgeCommand parent;
        @Spec CommandSpec spec;
        @Option(names = "--area", paramLabel = "A", description = "Only questions asked about this area.") String area;
        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N questions (default 50).") int limit;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if (limit < 1 || limit > 10_000) {
                spec.commandLine().getErr().println("error: --limit must be between 1 and 10000");
                return 2;
            }
            AppConfig config = parent.main.config();
            try (Storage storage = Storage.open(config, java.time.Clock.systemUTC())) {
                String a = null;
                if (area != null) {
                    AreaDetector areas;
                    try (Knowledge knowledge = Knowledge.open(config, new BgeEmbedder(), System.err)) {
                        areas = new AreaDetector(knowledge.index().areas());
                    }
                    a = areas.resolve(area).orElse(null);
                    if (a == null) {
                        spec.commandLine().getErr().println("error: unknown area '" + area.strip() + "'. Known areas: "
                                + String.join(", ", areas.areas()) + ".");
                        return 2;
                    }
                }
                List<KnowledgeGaps.Listed> gaps = storage.knowledgeGaps().list(a, limit);
                if (gaps.isEmpty()) {
                    out.println("No knowledge gaps" + (a != null ? " for " + AreaDetector.displayName(a) : "")
                            + " yet: every question asked so far was answered with confidence.");
                    return 0;
                }
                out.printf("%-6s %-8s %-17s %-11s %s%n", "asked", "declined", "area", "last asked", "question");
                for (KnowledgeGaps.Listed g : gaps) {
                    out.printf("%-6d %-8d %-17s %-11s %s%n", g.times(), g.declined(), g.area() == null ? "(none)" : g.area(),
                            g.lastAsked().substring(0, Math.min(10, g.lastAsked().length())), g.question());
                }
                out.println();
                out.println("To help the bot answer one of these, add it as an example question to the passage that answers it,");
                out.println("in the questions file next to the document (see index-data/README.md), then run `index`.");
            }
            return 0;
        }
    }
}
