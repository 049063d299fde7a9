package org.compactbot.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.compactbot.app.Casework;
import org.compactbot.app.Storage;
import org.compactbot.cases.AreaLead;
import org.compactbot.cases.DigestEmail;
import org.compactbot.cases.SendingWeeklyDigests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** cases digest: an operator's preview of the weekly digests as they would go to the area leads today; nothing is sent or recorded. */
@Command(name = "digest", description = "Print today's weekly digest for each area's lead (or one area's) without sending it.")
final class DigestCommand implements Callable<Integer> {
    @ParentCommand CasesCommand parent;
    @Spec CommandSpec spec;
    @Option(names = "--area", paramLabel = "A", description = "Only this area (an id such as west-cheshire).") String area;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Clock clock = Clock.systemUTC();
        try (Storage w = parent.storage()) {
            SendingWeeklyDigests digests = Casework.of(parent.config(), w, clock, System.err).digests(w, clock);
            List<AreaLead> leads = digests.leads();
            if (area != null) {
                String a = area.strip().toLowerCase(java.util.Locale.ROOT);
                leads = leads.stream().filter(l -> l.area().equals(a)).toList();
                if (leads.isEmpty()) {
                    spec.commandLine().getErr().println("error: no lead is configured for area '" + area + "' in config/mediators.yml; areas with a lead: "
                            + String.join(", ", digests.leads().stream().map(AreaLead::area).toList()));
                    return 2;
                }
            } else if (leads.isEmpty()) {
                out.println("No area has a lead in the mediators file, so no digest would go.");
                return 0;
            }
            for (AreaLead lead : leads) {
                var d = digests.digest(lead.area());
                out.println("== " + DigestEmail.subject(d) + "  (to the " + lead.area() + " lead" + (lead.digest() ? "" : "; digest: off, not sent") + ")");
                out.println(DigestEmail.text(d));
            }
            out.println("Nothing was sent: the server sends these from Monday " + SendingWeeklyDigests.FROM + " UK time, once a week.");
        }
        return 0;
    }
}
