package org.compactbot.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The emails a case sends, worded for the people who read them: the mediator's summary they can
 * act on, the complainant's acknowledgement and updates, reminders and escalations. Pure.
 */
public final class CaseEmails {
    private static final String[][] FIELDS = {
            {"area", "Area"}, {"role", "Raised by"}, {"name", "Name"}, {"organisation", "Organisation"}, {"email", "Email"},
            {"respondent", "Respondent"}, {"what_happened", "What happened"}, {"undertakings", "Undertakings"},
            {"dates", "Key dates"}, {"impact", "Impact"}, {"informal_steps", "Steps already taken"},
            {"desired_outcome", "Outcome wanted"}, {"consent", "Confidentiality"}};

    private CaseEmails() {}

    /** The case's subject line; it names the complainant only when they agreed the respondent may know (subjects get forwarded). */
    public static String subject(ChallengeCase c) {
        String org = c.confidential() ? "(confidential complainant)"
                : c.organisation() == null || c.organisation().isBlank() ? c.complainantName() : c.organisation();
        return "[" + c.ref() + "] Compact challenge: " + oneLine(org) + " v " + oneLine(c.respondent()) + " (" + areaName(c.area()) + ")";
    }

    /** The summary a mediator can act on, with the transcript attached. */
    public static OutgoingEmail mediatorSummary(ChallengeCase c, String mediatorName, String mediatorEmail, List<String> transcript) {
        return summary(c, mediatorName, mediatorEmail, transcript, null);
    }

    /**
     * The summary for a Compact lead whose address is the body's ({@link BodyConcerned}) on a case whose complainant asked
     * to be kept from it: no name, organisation or email, their mentions in the answers withheld, and no transcript.
     */
    public static OutgoingEmail summaryKeptFromBody(ChallengeCase c, String leadName, String leadEmail, String bodyName) {
        return summary(c, leadName, leadEmail, List.of(), "The complainant's identity is withheld from this email, because your address is "
                + oneLine(bodyName) + "'s. Please assign an independent mediator, who will be sent the whole case.");
    }

    private static OutgoingEmail summary(ChallengeCase c, String mediatorName, String mediatorEmail, List<String> transcript, String withheld) {
        List<String> identifiers = withheld == null ? List.of() : Redaction.identifiers(c);
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<html><body style=\"font-family:sans-serif\">");
        text.append("Dear ").append(mediatorName).append(",\n\nA Compact challenge has been assigned to you.\n\n");
        html.append("<p>Dear ").append(esc(mediatorName)).append(",</p><p>A Compact challenge has been assigned to you.</p>");
        if (c.confidential()) {
            String warn = "CONFIDENTIAL: the complainant has asked that their identity is NOT disclosed to the respondent.";
            text.append(warn).append("\n\n");
            html.append("<p><strong>").append(esc(warn)).append("</strong></p>");
        }
        if (withheld != null) {
            text.append(withheld).append("\n\n");
            html.append("<p><strong>").append(esc(withheld)).append("</strong></p>");
        }
        String urgency = urgency(c);
        if (!urgency.isEmpty()) {
            text.append(urgency).append("\n\n");
            html.append("<p><strong>").append(esc(urgency)).append("</strong></p>");
        }
        text.append("Reference: ").append(c.ref()).append('\n');
        html.append("<table cellpadding=\"4\"><tr><th align=\"left\">Reference</th><td>").append(esc(c.ref())).append("</td></tr>");
        for (String[] f : FIELDS) {
            String v = shown(c, f[0]);
            if (v == null || withheld != null && List.of("name", "organisation", "email").contains(f[0])) continue;
            v = Redaction.withhold(v, identifiers);
            text.append(f[1]).append(": ").append(v).append('\n');
            html.append("<tr><th align=\"left\" valign=\"top\">").append(esc(f[1])).append("</th><td>").append(esc(v)).append("</td></tr>");
        }
        html.append("</table>");
        List<String> quoted = quotedUndertakings(c);
        if (!quoted.isEmpty()) {
            text.append("\nUndertakings cited:\n");
            html.append("<h3>Undertakings cited</h3>");
            for (String q : quoted) { // the Compact's words: nothing to withhold
                text.append("  ").append(q).append('\n');
                html.append("<blockquote>").append(esc(q)).append("</blockquote>");
            }
        }
        String checks = Redaction.withhold(c.facts().get("checks"), identifiers);
        if (checks != null && !checks.isBlank()) {
            text.append("\nChecked against the Compact:\n").append(checks).append('\n');
            html.append("<h3>Checked against the Compact</h3><p>").append(esc(checks).replace("\n", "<br>")).append("</p>");
        }
        String how = withheld != null ? "Assign an independent mediator by hand: compact-bot cases assign " + c.ref() + " <mediator id>.\n"
                + "A formal response is due within 20 working days." : "Reply to this email with one of:\n  ACCEPT\n  DECLINE <reason>\n  INFO <question for the complainant>\n  RESOLVED <outcome>\n"
                + "Please accept or decline within 2 working days; a formal response is due within 20 working days.";
        String attached = withheld == null ? "The conversation with the complainant is attached." : "The conversation is not attached, as it names them.";
        text.append('\n').append(how).append("\n\n").append(attached).append("\n\nCompact Bot\n");
        html.append("<h3>What to do</h3><pre>").append(esc(how)).append("</pre><p>").append(attached).append("</p></body></html>");
        List<OutgoingEmail.Attachment> att = withheld != null ? List.of() : List.of(new OutgoingEmail.Attachment(c.ref() + "-transcript.txt", "text/plain",
                String.join("\n", transcript)));
        return new OutgoingEmail(mediatorEmail, subject(c), text.toString(), html.toString(), att, null, "mediator_summary");
    }

    public static OutgoingEmail acknowledgement(ChallengeCase c) {
        String text = "Dear " + c.complainantName() + ",\n\nThank you for raising a Compact challenge. Your reference is " + c.ref() + ".\n\n"
                + "What happens next:\n"
                + "1. An independent mediator appointed by the Compact Implementation Group is asked to take your case; "
                + "they should accept it within 2 working days.\n"
                + "2. The mediator will contact you to talk it through, and may ask you for more information.\n"
                + "3. A formal response is due within 20 working days.\n"
                + (c.confidential() ? "\nAs you asked, your name will not be shared with " + oneLine(c.respondent()) + ".\n" : "")
                + "\nPlease quote " + c.ref() + " in any reply.\n\nCompact Bot\n";
        return new OutgoingEmail(c.complainantEmail(), "[" + c.ref() + "] Your Compact challenge has been received", text,
                html(text), List.of(), null, "acknowledgement");
    }

    public static OutgoingEmail toComplainant(ChallengeCase c, String subject, String body, String purpose) {
        String text = "Dear " + c.complainantName() + ",\n\n" + body + "\n\nPlease quote " + c.ref() + " in any reply.\n\nCompact Bot\n";
        return new OutgoingEmail(c.complainantEmail(), "[" + c.ref() + "] " + subject, text, html(text), List.of(), null, purpose);
    }

    public static OutgoingEmail notice(String to, String name, ChallengeCase c, String subject, String body, String purpose) {
        String text = "Dear " + name + ",\n\n" + body + "\n\nCase: " + subject(c) + "\n\nCompact Bot\n";
        return new OutgoingEmail(to, "[" + c.ref() + "] " + subject, text, html(text), List.of(), null, purpose);
    }

    static String urgency(ChallengeCase c) {
        String checks = c.facts().getOrDefault("checks", "");
        for (String line : checks.split("\n")) if (line.startsWith("Urgent")) return line;
        return "";
    }

    static List<String> quotedUndertakings(ChallengeCase c) {
        List<String> out = new ArrayList<>();
        String numbers = c.facts().get("undertaking_numbers");
        Object s = c.details().get("suggestions");
        if (numbers == null || !(s instanceof List<?> list)) return out;
        for (String n : numbers.replaceAll("[\\[\\] ]", "").split(",")) {
            try {
                Object o = list.get(Integer.parseInt(n) - 1);
                if (o instanceof Map<?, ?> m) out.add("\"" + m.get("text") + "\" (" + m.get("citation") + ")");
            } catch (RuntimeException ignored) {
                // a number that no longer matches a suggestion is skipped
            }
        }
        return out;
    }

    private static String shown(ChallengeCase c, String slot) {
        String v = c.answer(slot);
        if (v == null) return null;
        return switch (slot) {
            case "area" -> areaName(v);
            case "role", "consent" -> c.facts().getOrDefault(slot + "_label", v);
            default -> v;
        };
    }

    static String areaName(String area) {
        return org.compactbot.knowledge.AreaDetector.displayName(area);
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n\\p{Cntrl}]+", " ").strip();
    }

    static String html(String text) {
        return "<html><body style=\"font-family:sans-serif\"><p>" + esc(text).replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p></body></html>";
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
