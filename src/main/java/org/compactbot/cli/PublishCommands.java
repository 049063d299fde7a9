package org.compactbot.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.compactbot.app.Storage;
import org.compactbot.cases.CaseReply;
import org.compactbot.cases.PublishingOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cases publish REF "summary"} and {@code cases unpublish REF}: an anonymised outcome summary of a closed case,
 * for groups who ask the bot "has this happened before?" ({@link PublishingOutcome}). Prints exactly what was published.
 */
final class PublishCommands {
    private PublishCommands() {}

    private static PublishingOutcome publishing(CasesCommand parent, Storage w) throws Exception {
        return parent.caseService(w).publishing();
    }

    private static int said(CommandSpec spec, CaseReply o) {
        PrintWriter to = o.ok() ? spec.commandLine().getOut() : spec.commandLine().getErr();
        to.println(o.ok() ? o.message() : "error: " + o.message());
        to.flush();
        return o.ok() ? 0 : 2;
    }

    @Command(name = "publish", description = "Publish an anonymised outcome summary of a closed case (names, organisation and email withheld).")
    static final class Publish implements Callable<Integer> {
        @ParentCommand CasesCommand parent;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "REF") String ref;
        @Parameters(index = "1", paramLabel = "SUMMARY") String summary;

        @Override
        public Integer call() throws Exception {
            try (Storage w = parent.storage()) {
                return said(spec, publishing(parent, w).publish(ref.toUpperCase(), summary, CasesCommand.operator()));
            }
        }
    }

    @Command(name = "unpublish", description = "Take a case's published outcome summary down.")
    static final class Unpublish implements Callable<Integer> {
        @ParentCommand CasesCommand parent;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "REF") String ref;

        @Override
        public Integer call() throws Exception {
            try (Storage w = parent.storage()) {
                return said(spec, publishing(parent, w).unpublish(ref.toUpperCase()));
            }
        }
    }
}
