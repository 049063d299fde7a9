package org.compactbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.compactbot.app.Casework;
import org.compactbot.config.ConfigException;
import org.compactbot.config.AppConfig;
import org.compactbot.app.Service;
import org.compactbot.app.Storage;
import org.compactbot.mail.MailMetrics;
import org.compactbot.cases.YearReport;
import org.compactbot.cases.PausedTime;
import org.compactbot.cases.CaseEvent;
import org.compactbot.cases.CaseReply;
import org.compactbot.cases.CaseService;
import org.compactbot.cases.CaseStatus;
import org.compactbot.cases.ChallengeCase;
import org.compactbot.cases.PersonalData;
import org.compactbot.cases.Retention;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** cases: list, show, assign, close, publish (and unpublish) and report Compact challenges; preview the weekly digests; export and erase a person's data; apply retention. */
@Command(name = "cases", description = "Work with Compact challenges (cases).",
        subcommands = {CasesCommand.ListCases.class, CasesCommand.Show.class, CasesCommand.Assign.class,
                CasesCommand.Close.class, CasesCommand.Report.class, CasesCommand.Export.class, CasesCommand.Erase.class,
                CasesCommand.RetentionRun.class, PublishCommands.Publish.class, PublishCommands.Unpublish.class, DigestCommand.class})
public final class CasesCommand implements Runnable {
    @ParentCommand CompactBotCommand main;
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private AppConfig config;

    /** The configuration, read once per command. */
    AppConfig config() throws ConfigException {
        if (config == null) config = main.config();
        return config;
    }

    private static final Clock CLOCK = Clock.systemUTC();

    Storage storage() throws Exception {
        return Storage.open(config(), CLOCK);
    }

    /** The case service on this storage, with the mediators file read. */
    CaseService caseService(Storage storage) throws ConfigException {
        return Casework.of(config(), storage, CLOCK, System.err).cases();
    }

    /** The case service, or null (with the warning on stderr) when the mediators file cannot be read. */
    CaseService caseServiceOrNull(Storage storage) {
        try {
            return caseService(storage);
        } catch (ConfigException e) {
            System.err.println("warning: " + e.getMessage());
            return null;
        }
    }

    /** The body asked for its formal response, and the time the case's clock stood still (issue 16 steps 2 and 3). */
    static void clock(PrintWriter out, ChallengeCase c, CaseService service) {
        if (c.body() != null) {
            var b = c.body();
            out.println("Body asked:  " + b.name() + " <" + b.email() + "> on " + b.askedAt()
                    + (service == null ? "" : ", due " + service.bodyDeadline(c))
                    + (b.answered() ? "; answered " + b.answeredAt() + " (" + b.answer().id().replace('_', ' ') + ")" : "; not answered"));
        }
        if (service == null) return;
        PausedTime p = service.pausedTime(c);
        out.println("Paused:      " + p.workingDays() + " working days" + (p.pausedNow() ? " (paused since " + p.since() + ", waiting: "
                + p.waitingFor().id() + ")" : ""));
    }

    private static CaseStatus status(String s) {
        return CaseStatus.byId(s.toLowerCase().replace('-', '_')).orElseThrow(() -> new IllegalArgumentException(
                "unknown status '" + s + "'; one of: " + String.join(", ", java.util.Arrays.stream(CaseStatus.values()).map(CaseStatus::id).toList())));
    }

    @Command(name = "list", description = "List cases, newest first.")
    static final class ListCases implements Callable<Integer> {
        @ParentCommand CasesCommand parent;
        @Spec CommandSpec spec;
        @Option(names = "--status", paramLabel = "S") String status;
        @Option(names = "--area", paramLabel = "A") String area;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (Storage w = parent.storage()) {
                List<ChallengeCase> cases = w.cases().list(status == null ? null : status(status), area);
                if (cases.isEmpty()) out.println("No cases" + (status != null || area != null ? " match." : " yet."));
                for (ChallengeCase c : cases) {
                    out.printf("%-14s %-17s %-17s %-12s %s v %s%n", c.ref(), c.status().id(), c.area(),
                            c.mediatorId() == null ? "-" : c.mediatorId(), complainant(c), c.respondent());
                }
            }
            return 0;
        }
    }

    /** Who raised a case, as a list shows it: never the name of a complainant who asked for confidentiality. */
    static String complainant(ChallengeCase c) {
        if (c.complainantEmail().isBlank()) return "(erased)";
        if (c.confidential()) return "(confidential)";
        return c.organisation().isBlank() ? c.complainantName() : c.organisation();
    }

    @Command(name = "show", description = "Show a case with its full history.")
    static final class Show implements Callable<Integer> {
        @ParentCommand CasesCommand parent;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "REF") String ref;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (Storage w = parent.storage()) {
                var store = w.cases();
                ChallengeCase c = store.find(ref.toUpperCase()).orElse(null);
                if (c == null) {
                    spec.commandLine().getErr().println("error: no case " + ref);
                    return 2;
                }
                out.println(c.ref() + "  " + c.status().id() + "  (" + c.area() + ")");
                if (c.complainantEmail().isBlank()) {
                    out.println("Complainant: (personal data erased)" + (c.organisation().isBlank() ? "" : ", " + c.organisation()));
                } else {
                    out.println("Complainant: " + c.complainantName() + " <" + c.complainantEmail() + ">"
                            + (c.organisation().isBlank() ? "" : ", " + c.organisation()) + (c.confidential() ? "  [CONFIDENTIAL from respondent]" : ""));
                }
                out.println("Respondent:  " + c.respondent());
                out.println("Mediator:    " + (c.mediatorId() == null ? "-" : c.mediatorId()) + (c.routingReason() == null ? "" : "  (" + c.routingReason() + ")"));
                for (String k : List.of("what_happened", "undertakings", "dates", "impact", "informal_steps", "desired_outcome")) {
                    if (c.answer(k) != null) out.println(k.replace('_', ' ') + ": " + c.answer(k));
                }
                String checks = c.facts().get("checks");
                if (checks != null) out.println("Checks: " + checks.replace("\n", "\n        "));
                var evidence = store.evidence(c.ref());
                if (!evidence.isEmpty()) {
                    out.println("Evidence: " + String.join(", ", evidence.stream().map(e -> e.getKey() + " (" + e.getValue() + " bytes)").toList()));
                }
                clock(out, c, parent.caseServiceOrNull(w));
                w.surveys().find(c.ref()).ifPresent(v -> out.println("Survey:      sent " + v.sentAt() + (v.answered() ? "; satisfied: "
                        + v.satisfied().id() + ", outcome as asked: " + v.outcomeAsAsked().id() : "; not answered")
                        + (v.comment() == null ? "" : "; comment: " + v.comment().replace("\n", " "))));
                out.println("History:");
                for (CaseEvent e : store.history(c.ref())) {
                    out.println("  " + e.at() + "  " + e.actor() + "  " + (e.from() == null ? "" : e.from() + " -> ") + e.to() + "  " + e.note());
                }
            }
            return 0;
        }
    }

    @Command(name = "assign", description = "Assign a case to a mediator by hand.")
    static final class Assign implements Callable<Integer> {
        @ParentCommand CasesCommand parent;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "REF") String ref;
        @Parameters(index = "1", paramLabel = "MEDIATOR") String mediator;

        @Override
        public Integer call() throws Exception {
            try (Storage w = parent.storage()) {
                CaseReply o = parent.caseService(w).assign(ref.toUpperCase(), mediator, operator());
                return report(spec, parent.config(), w, o);
            }
        }
    }

    @Command(name = "close", description = "Close a case with an outcome: resolved, withdrawn, closed_unresolved or signposted.")
    static final class Close implements Callable<Integer> {
        @ParentCommand CasesCommand parent;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "REF") String ref;
        @Option(names = "--outcome", required = true, paramLabel = "OUTCOME") String outcome;
        @Option(names = "--note", paramLabel = "TEXT") String note;

        @Override
        public Integer call() throws Exception {
            try (Storage w = parent.storage()) {
                CaseReply o = parent.caseService(w).close(ref.toUpperCase(), status(outcome), note, operator());
                return report(spec, parent.config(), w, o);
            }
        }
    }

    private static int report(CommandSpec spec, AppConfig config, Storage w, CaseReply o) throws Exception {
        if (!o.ok()) {
            spec.commandLine().getErr().println("error: " + o.message());
            return 2;
        }
        Service.outboxSender(config, w, CLOCK, MailMetrics.NONE).drainOnce();
        spec.commandLine().getOut().println(o.message());
        return 0;
    }

    @Command(name = "report", description = "The Compact Implementation Group's figures for a year.")
    static final class Report implements Callable<Integer> {
        @ParentCommand CasesCommand parent;
        @Spec CommandSpec spec;
        @Option(names = "--year", paramLabel = "YEAR") Integer year;
        @Option(names = "--format", defaultValue = "md", paramLabel = "csv|md") String format;
        @Option(names = "--out", paramLabel = "FILE") Path file;

        @Override
        public Integer call() throws Exception {
            if (!format.equals("csv") && !format.equals("md")) {
                spec.commandLine().getErr().println("error: --format is csv or md");
                return 2;
            }
            try (Storage w = parent.storage()) {
                int y = year == null ? Year.now().getValue() : year;
                List<ChallengeCase> all = w.cases().list(null, null);
                var report = YearReport.of(y, all, w.surveys().all(), parent.caseServiceOrNull(w), // issue 16's parts too
                        java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")));
                String text = format.equals("csv") ? report.csv() : report.markdown();
                if (file != null) Files.writeString(file, text);
                else {
                    spec.commandLine().getOut().print(text);
                    spec.commandLine().getOut().flush();
                }
            }
            return 0;
        }
    }

    static String operator() {
        return "operator:" + System.getProperty("user.name", "cli");
    }

    /** An email address as given on the command line, or an IllegalArgumentException with what is wrong. */
    private static String address(String email) {
        String a = email == null ? "" : email.strip();
        if (!a.matches("[^@\\s]+@[^@\\s]+")) throw new IllegalArgumentException("'" + a + "' is not an email address");
        return a;
    }

    @Command(name = "export", description = "UK GDPR: everything held about a person, as one JSON document.")
    static final class Export implements Callable<Integer> {
        @ParentCommand CasesCommand parent;
        @Spec CommandSpec spec;
        @Option(names = "--email", required = true, paramLabel = "ADDR", description = "The person's email address (any case).") String email;
        @Option(names = "--to", paramLabel = "FILE", description = "Write the JSON here instead of standard output.") Path file;
        @Option(names = "--with-files", description = "Include the content of their files (base64).") boolean withFiles;

        @Override
        public Integer call() throws Exception {
            String addr = address(email);
            try (Storage w = parent.storage()) {
                Map<String, Object> doc = w.personalData().export(addr, withFiles);
                String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n";
                if (doc.containsKey("note")) spec.commandLine().getErr().println(doc.get("note"));
                if (file != null) {
                    Files.writeString(file, json);
                    spec.commandLine().getErr().println("Written to " + file + ".");
                } else {
                    spec.commandLine().getOut().print(json);
                    spec.commandLine().getOut().flush();
                }
            }
            return 0;
        }
    }

    @Command(name = "erase", description = "UK GDPR: erase a person's personal data (shows what would go; --yes to do it).")
    static final class Erase implements Callable<Integer> {
        @ParentCommand CasesCommand parent;
        @Spec CommandSpec spec;
        @Option(names = "--email", required = true, paramLabel = "ADDR", description = "The person's email address (any case).") String email;
        @Option(names = "--yes", description = "Erase it: without this, nothing is changed.") boolean yes;

        @Override
        public Integer call() throws Exception {
            String addr = address(email);
            PrintWriter out = spec.commandLine().getOut();
            try (Storage w = parent.storage()) {
                PersonalData data = w.personalData();
                PersonalData.Holdings held = data.heldAbout(addr);
                if (held.isEmpty()) {
                    out.println("Nothing is held about " + addr.toLowerCase(java.util.Locale.ROOT) + ".");
                    return 0;
                }
                if (!yes) {
                    out.println("Held about " + addr.toLowerCase(java.util.Locale.ROOT) + ", to be erased:");
                    out.print(held.describe());
                    if (!held.openCases().isEmpty()) {
                        out.println("Open cases keep running without the complainant's contact details: no more emails can reach them.");
                    }
                    out.println("Anonymised figures (reference, area, codes, undertakings, respondent, status, dates, outcome) are kept.");
                    out.println("Nothing has been changed. Run again with --yes to erase it.");
                    return 0;
                }
                PersonalData.Holdings erased = data.erase(addr, operator());
                out.println("Erased for " + addr.toLowerCase(java.util.Locale.ROOT) + ":");
                out.print(erased.describe());
            }
            return 0;
        }
    }

    @Command(name = "retention", description = "Apply the retention periods now (the server does this daily).")
    static final class RetentionRun implements Callable<Integer> {
        @ParentCommand CasesCommand parent;
        @Spec CommandSpec spec;
        @Option(names = "--dry-run", description = "Only say what would be anonymised or deleted.") boolean dryRun;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (Storage w = parent.storage()) {
                Retention r = Service.retention(parent.config(), w, CLOCK);
                PersonalData.Sweep s = r.run(dryRun, operator());
                out.println((dryRun ? "Would anonymise or delete" : "Anonymised or deleted") + " (cases closed more than "
                        + r.policy().casesYearsAfterClosure() + " years ago, drafts untouched for " + r.policy().abandonedDraftsDays() + " days):");
                out.print(s.describe());
                if (dryRun) out.println("Nothing has been changed.");
            }
            return 0;
        }
    }
}
