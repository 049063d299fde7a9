package org.compactbot.cases;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The request to a body's Compact lead officer for its formal response (issue 16 step 2): the reference in the
 * subject, the facts, the undertakings quoted and the checks made, and the deadline (20 working days). It never
 * carries the complainant's email address, and for a complainant who asked for confidentiality neither their name
 * nor their organisation: those are left out of the fields and withheld wherever they appear in the free text. No
 * attachment. Pure.
 */
public final class BodyRequestEmail {
    /** Working days the body has to respond. */
    public static final int RESPOND_WITHIN = 20;
    public static final String PURPOSE = "body_request";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final String[][] FACTS = {
            {"what_happened", "What happened"}, {"undertakings", "Undertakings"}, {"dates", "Key dates"}, {"impact", "Impact"},
            {"informal_steps", "Steps already taken"}, {"desired_outcome", "Outcome wanted"}};

    private BodyRequestEmail() {}

    public static OutgoingEmail of(ChallengeCase c, PublicBody body, LocalDate deadline) {
        List<String> withheld = withheld(c);
        StringBuilder t = new StringBuilder("Dear ").append(body.contact().name()).append(",\n\n")
                .append("A Compact challenge has been raised about ").append(body.name()).append(" under the ")
                .append(CaseEmails.areaName(c.area())).append(" Compact, and an independent mediator is looking at it. ")
                .append("Please send the body's formal response to the points below by replying to this email by ")
                .append(DAY.format(deadline)).append(" (").append(RESPOND_WITHIN).append(" working days).\n\n");
        t.append("Reference: ").append(c.ref()).append('\n');
        if (c.confidential()) {
            t.append("Raised by: a group that has asked not to be named. Please respond to the points themselves; the mediator will "
                    + "pass your response on.\n");
        } else {
            String who = c.organisation() == null || c.organisation().isBlank() ? c.complainantName() : c.organisation();
            if (who != null && !who.isBlank()) t.append("Raised by: ").append(CaseEmails.oneLine(who)).append('\n');
        }
        for (String[] f : FACTS) {
            String v = c.answer(f[0]);
            if (v == null || v.isBlank()) continue;
            t.append(f[1]).append(": ").append(clean(v, withheld)).append('\n');
        }
        List<String> quoted = CaseEmails.quotedUndertakings(c);
        if (!quoted.isEmpty()) {
            t.append("\nUndertakings cited:\n");
            for (String q : quoted) t.append("  ").append(clean(q, withheld)).append('\n');
        }
        String checks = c.facts().get("checks");
        if (checks != null && !checks.isBlank()) t.append("\nChecked against the Compact:\n").append(clean(checks, withheld)).append('\n');
        t.append("\nPlease reply to this email (keep ").append(c.ref()).append(" in the subject); your reply is added to the case and ")
                .append("passed to the mediator and to the group that raised it. If we have no response by ").append(DAY.format(deadline))
                .append(", the area's Compact lead is told.\n\nCompact Bot\n");
        String text = t.toString();
        return new OutgoingEmail(body.contact().email(), "[" + c.ref() + "] Request for a formal response: Compact challenge about "
                + CaseEmails.oneLine(body.name()), text, CaseEmails.html(text), List.of(), null, PURPOSE);
    }

    /** What must not reach the body in the free text: the email address always, and name and organisation when confidential. */
    static List<String> withheld(ChallengeCase c) {
        List<String> out = new ArrayList<>();
        if (c.complainantEmail() != null && !c.complainantEmail().isBlank()) out.add(c.complainantEmail().strip());
        if (c.confidential()) {
            out.addAll(Redaction.identifiers(c.complainantName(), null, c.organisation()));
            String e = c.complainantEmail() == null ? "" : c.complainantEmail();
            if (e.contains("@")) out.add(e.substring(e.indexOf('@') + 1)); // the group's own domain names it too
        }
        return out;
    }

    private static String clean(String text, List<String> withheld) {
        return Redaction.withhold(text, withheld);
    }
}
