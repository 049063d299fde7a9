package org.compactbot.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What is held about a person, found by their email address (case-insensitive), for UK GDPR
 * requests and the retention schedule: export it, erase it, and anonymise what has been kept
 * long enough. Erasing keeps a case's anonymised figures (reference, area, codes, undertakings,
 * respondent, status, dates, outcome) and adds an audit entry without personal data.
 *
 * <p>{@link PersonalDataService} is the one implementation: every store that holds personal data answers for its own
 * tables through {@link PersonalRecords}, all in one transaction.
 */
public interface PersonalData {

    /** Everything held about the address, as a JSON-ready tree (maps, lists, strings, numbers). */
    Map<String, Object> export(String email, boolean withFileContent);

    /** What an erasure of the address would remove; nothing is changed. */
    Holdings heldAbout(String email);

    /** Erases the address's personal data in one transaction and returns what was erased. */
    Holdings erase(String email, String actor);

    /**
     * The retention schedule: cases closed before {@code casesClosedBefore} are anonymised as in an
     * erasure; conversations untouched since {@code untouchedBefore} that hold no kept case (abandoned
     * drafts) are deleted with their transcript and draft files, as are mail logs of that age that
     * belong to no case. With {@code dryRun} nothing is changed.
     */
    Sweep sweep(Instant casesClosedBefore, Instant untouchedBefore, boolean dryRun, String actor);

    /** Counts of what is held about a person (or was erased). */
    record Holdings(List<String> cases, List<String> openCases, int conversations, int transcriptLines, int caseFiles,
                    int draftFiles, int emails, int inboundMessages, int eventNotes) {
        public Holdings {
            cases = List.copyOf(cases);
            openCases = List.copyOf(openCases);
        }

        /** Nothing held. */
        public static final Holdings NONE = new Holdings(List.of(), List.of(), 0, 0, 0, 0, 0, 0, 0);

        /** What two stores hold, together. */
        public Holdings plus(Holdings o) {
            return new Holdings(joined(cases, o.cases), joined(openCases, o.openCases), conversations + o.conversations,
                    transcriptLines + o.transcriptLines, caseFiles + o.caseFiles, draftFiles + o.draftFiles, emails + o.emails,
                    inboundMessages + o.inboundMessages, eventNotes + o.eventNotes);
        }

        public boolean isEmpty() {
            return cases.isEmpty() && conversations == 0 && transcriptLines == 0 && caseFiles == 0 && draftFiles == 0
                    && emails == 0 && inboundMessages == 0 && eventNotes == 0;
        }

        /** In words, one item a line. */
        public String describe() {
            StringBuilder sb = new StringBuilder();
            sb.append("  cases as complainant: ").append(cases.size()).append(cases.isEmpty() ? "" : " (" + String.join(", ", cases) + ")").append('\n');
            if (!openCases.isEmpty()) sb.append("    still open: ").append(String.join(", ", openCases)).append('\n');
            sb.append("  case history notes redacted: ").append(eventNotes).append('\n');
            sb.append("  evidence files: ").append(caseFiles).append('\n');
            sb.append("  conversations: ").append(conversations).append(" (").append(transcriptLines).append(" transcript lines, ")
                    .append(draftFiles).append(" draft files)\n");
            sb.append("  emails to them or about their cases: ").append(emails).append('\n');
            sb.append("  emails received from them (log entries): ").append(inboundMessages).append('\n');
            return sb.toString();
        }
    }

    /** What a retention run anonymised or deleted (or would, on a dry run). */
    record Sweep(List<String> casesAnonymised, int abandonedConversations, int transcriptLines, int files, int emails,
                 int inboundMessages) {
        public Sweep {
            casesAnonymised = List.copyOf(casesAnonymised);
        }

        /** Nothing done. */
        public static final Sweep NONE = new Sweep(List.of(), 0, 0, 0, 0, 0);

        /** What two stores did, together. */
        public Sweep plus(Sweep o) {
            return new Sweep(joined(casesAnonymised, o.casesAnonymised), abandonedConversations + o.abandonedConversations,
                    transcriptLines + o.transcriptLines, files + o.files, emails + o.emails, inboundMessages + o.inboundMessages);
        }

        public String describe() {
            return "  cases anonymised: " + casesAnonymised.size() + (casesAnonymised.isEmpty() ? "" : " (" + String.join(", ", casesAnonymised) + ")")
                    + "\n  abandoned conversations deleted: " + abandonedConversations
                    + "\n  transcript lines deleted: " + transcriptLines
                    + "\n  files deleted: " + files
                    + "\n  emails deleted: " + emails
                    + "\n  inbound mail log entries deleted: " + inboundMessages + "\n";
        }
    }

    private static List<String> joined(List<String> a, List<String> b) {
        if (b.isEmpty()) return a;
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
