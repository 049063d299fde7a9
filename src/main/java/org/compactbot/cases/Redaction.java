package org.compactbot.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an anonymised case keeps, and how a case-history note loses personal data: a note keeps
 * its leading words and ends in {@link #MARKER}, the only change the case_events table accepts.
 * Pure; used by erasure on request, by the retention schedule and by the annual report.
 */
public final class Redaction {
    /** Ends every redacted note; the database allows an update of a note only to a prefix of it plus this. */
    public static final String MARKER = "[redacted]";
    /** Shown for a respondent whose description named the complainant. */
    public static final String WITHHELD = "(withheld)";

    /** Intake answers kept after anonymisation: categories and Compact references, no free text. */
    private static final Set<String> KEPT_ANSWERS = Set.of("area", "role", "undertakings", "consent", "suggestions", "channel");
    /** Worked-out facts kept: codes, chosen undertakings, labels of choices, the dates and the checks made of them. */
    private static final Set<String> KEPT_FACTS = Set.of("codes", "undertaking_numbers", "role_label", "consent_label", "told",
            "effective", "consultation_opened", "consultation_closed", "checks", "prefilled_area");
    /** Notes whose text after the prefix came from a person (a question, a reason, file names). */
    private static final List<Pattern> FREE_TEXT_NOTES = List.of(Pattern.compile("^(mediator asked: )"),
            Pattern.compile("^(passed over: \\S+ declined: )"), Pattern.compile("^(complainant wrote; evidence: )"),
            Pattern.compile("^(complainant has had the body's final response; evidence: )"), Pattern.compile("^(body replied: )"));

    private Redaction() {}

    /** The strings that identify a complainant: name (and its words of 3+ letters), email, organisation. */
    public static List<String> identifiers(String name, String email, String organisation) {
        List<String> out = new ArrayList<>();
        for (String s : new String[] {name, email, organisation}) if (s != null && !s.isBlank()) out.add(s.strip());
        if (name != null) for (String w : name.strip().split("[\\s,]+")) if (w.length() >= 3 && !out.contains(w)) out.add(w);
        return out;
    }

    public static List<String> identifiers(ChallengeCase c) {
        return identifiers(c.complainantName(), c.complainantEmail(), c.organisation());
    }

    /** What is withheld of a confidential complainant from the body: their identifiers, and their email domain where it is their own (not a public webmail domain). */
    public static List<String> fromTheBody(ChallengeCase c) {
        List<String> ids = new ArrayList<>(Redaction.identifiers(c));
        String email = c.complainantEmail();
        int at = email == null ? -1 : email.lastIndexOf('@');
        if (at > 0) {
            String domain = email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
            // the whole domain, also in a web address (www.lunchclub.org.uk); not its first label alone, which may be a
            // word the body's emails need ("council" of council.gov.uk)
            if (!domain.isEmpty() && !RoutingPolicy.WEBMAIL.contains(domain)) ids.add(domain);
        }
        return ids;
    }

    /** True when the text contains one of the identifiers as a whole word, in any case. */
    public static boolean mentions(String text, List<String> identifiers) {
        if (text == null || text.isEmpty()) return false;
        for (String id : identifiers) {
            if (id.isBlank()) continue;
            Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(id) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
            if (m.find()) return true;
        }
        return false;
    }

    /**
     * The redacted form of a case-history note, or empty when it may stay: notes carrying a
     * person's words are always redacted, others only when they mention the complainant.
     */
    public static Optional<String> note(String note, List<String> identifiers) {
        if (note == null || note.endsWith(MARKER)) return Optional.empty();
        for (Pattern p : FREE_TEXT_NOTES) {
            Matcher m = p.matcher(note);
            if (m.find() && note.length() > m.end()) return Optional.of(m.group(1) + MARKER);
        }
        if (!mentions(note, identifiers)) return Optional.empty();
        int colon = note.indexOf(": ");
        String keep = colon < 0 ? "" : note.substring(0, colon + 2);
        return Optional.of(mentions(keep, identifiers) ? MARKER : keep + MARKER);
    }

    /**
     * The text with every whole-word mention of the identifiers (longest first, in any case) replaced by {@link #WITHHELD}:
     * what the body is shown of a confidential complainant's free text.
     */
    public static String withhold(String text, List<String> identifiers) {
        if (text == null || text.isEmpty()) return text;
        List<String> ids = new ArrayList<>(identifiers.stream().filter(i -> i != null && !i.isBlank()).map(String::strip).toList());
        ids.sort((a, b) -> Integer.compare(b.length(), a.length()));
        String out = text;
        for (String id : ids) {
            out = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(id) + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    .matcher(out).replaceAll(Matcher.quoteReplacement(WITHHELD));
        }
        return out;
    }

    /** A respondent as reports may show it: withheld when the complainant wrote themselves into it. */
    public static String respondent(String respondent, List<String> identifiers) {
        return mentions(respondent, identifiers) ? WITHHELD : respondent;
    }

    /** Free text kept with a case (the outcome): redacted when it mentions the complainant. */
    public static String freeText(String text, List<String> identifiers) {
        return mentions(text, identifiers) ? MARKER : text;
    }

    /**
     * The organisation is the complainant's own, and goes with their personal data, unless they
     * raised the challenge for a group or a public body and it does not name them.
     */
    public static boolean organisationIsOwn(String role, String organisation, String name, String email) {
        if (organisation == null || organisation.isBlank()) return false;
        boolean forAnOrganisation = "group".equals(role) || "public-body".equals(role);
        return !forAnOrganisation || mentions(organisation, identifiers(name, email, null));
    }

    /** A case's details with the personal data taken out; see {@link #KEPT_ANSWERS} and {@link #KEPT_FACTS}. */
    public static Map<String, Object> details(Map<String, Object> details, List<String> identifiers) {
        Map<String, Object> out = new LinkedHashMap<>();
        details.forEach((k, v) -> {
            if (KEPT_ANSWERS.contains(k)) out.put(k, v);
        });
        if (details.get("respondent") instanceof String r) out.put("respondent", respondent(r, identifiers));
        if (details.get("details") instanceof Map<?, ?> facts) {
            Map<String, Object> kept = new LinkedHashMap<>();
            facts.forEach((k, v) -> {
                if (KEPT_FACTS.contains(String.valueOf(k))) kept.put(String.valueOf(k), v);
            });
            out.put("details", kept);
        }
        return out;
    }

    /** The address as matched: trimmed and lower case. */
    public static String address(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
