package org.compactbot.conversation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Composes the early-resolution letter (issue 16, step 1): the letter a group sends the body itself, before a formal
 * challenge. It says what happened, gives the key dates, quotes the undertakings that apply with where the Compact
 * says them, gives the checks' figures ("27 days' notice ... against a minimum of three months"), says what the group
 * asks for, and asks the body to respond in writing within 20 working days, the Compact's resolution process being the
 * next step otherwise. A fact that is missing is left out, sentence and all. Pure: {@link LetterFacts} and the date
 * in, a {@link Letter} out; tested in EarlyResolutionLetterTest.
 */
public final class EarlyResolutionLetter {
    /** The working days the body is asked to answer within, as the Compact's formal response allows. */
    public static final int RESPONSE_WORKING_DAYS = 20;

    private EarlyResolutionLetter() {}

    public static Letter compose(LetterFacts f, LocalDate today) {
        String body = f.body() != null ? f.body() : "the public body concerned";
        String compact = f.area() != null ? "the " + Wording.areaName(f.area()) + " Compact" : "the local Compact";
        boolean signed = !f.confidential();
        String org = signed ? f.senderOrganisation() : null;
        List<Letter.Paragraph> out = new ArrayList<>();
        out.add(plain("To the Compact lead officer, " + body));
        out.add(plain(Wording.date(today)));
        out.add(plain("Dear Compact lead officer,"));
        out.add(plain("I am writing" + (org != null ? " on behalf of " + org : "") + " about a decision by " + body
                + " that we believe does not keep to " + compact + ", the agreement between public bodies and the voluntary and "
                + "community sector. We would like to resolve this with you directly, before taking it further."));
        if (f.whatHappened() != null) out.add(plain("What happened: " + sentence(f.whatHappened())));
        String dates = dates(f.dates());
        if (dates != null) out.add(plain(dates));
        if (!f.undertakings().isEmpty()) {
            out.add(plain(f.undertakings().size() == 1 ? "The Compact's undertaking that applies says:" : "The Compact's undertakings that apply say:"));
            for (LetterFacts.Quoted q : f.undertakings()) {
                out.add(new Letter.Paragraph("\u201C" + q.text() + "\u201D" + (q.citation() != null ? " (" + q.citation() + ")" : ""), true));
            }
        }
        if (!f.checks().isEmpty()) {
            out.add(plain("Measured against " + compact + ":"));
            for (String check : f.checks()) out.add(plain(check));
        }
        if (f.desiredOutcome() != null) out.add(plain("What we are asking for: " + sentence(f.desiredOutcome())));
        out.add(plain("Please respond in writing within " + RESPONSE_WORKING_DAYS + " working days of the date of this letter, saying "
                + "how you will put this right. If we cannot resolve it between us, our next step is the Compact's resolution "
                + "process: a formal challenge to your Compact lead officer and, if it is still not resolved, mediation by an "
                + "independent mediator."));
        out.add(plain("Yours faithfully,"));
        List<String> signature = new ArrayList<>();
        if (signed && f.senderName() != null) signature.add(f.senderName());
        if (org != null) signature.add(org);
        if (!signature.isEmpty()) out.add(plain(String.join("\n", signature)));
        return new Letter(body, "Keeping to " + compact + ": a request to " + body + " to respond", out);
    }

    /** "We were told on 4 November 2026; the change takes effect on 1 December 2026." or null when no date is known. */
    static String dates(KeyDates d) {
        List<String> parts = new ArrayList<>();
        if (d.told() != null) parts.add("we were told on " + Wording.date(d.told()));
        if (d.effective() != null) parts.add("the change takes effect on " + Wording.date(d.effective()));
        if (d.consultationOpened() != null && d.consultationClosed() != null) {
            parts.add("the consultation ran from " + Wording.date(d.consultationOpened()) + " to " + Wording.date(d.consultationClosed()));
        } else if (d.consultationOpened() != null) {
            parts.add("the consultation opened on " + Wording.date(d.consultationOpened()));
        } else if (d.consultationClosed() != null) {
            parts.add("the consultation closed on " + Wording.date(d.consultationClosed()));
        }
        if (parts.isEmpty()) return null;
        String s = "The key dates: " + String.join("; ", parts) + ".";
        return s;
    }

    /** The person's words as a sentence: ending with a full stop unless they end it otherwise. */
    private static String sentence(String words) {
        String t = words.strip();
        return t.matches("(?s).*[.!?\u201D\"')]$") ? t : t + ".";
    }

    private static Letter.Paragraph plain(String text) {
        return Letter.Paragraph.plain(text);
    }
}
