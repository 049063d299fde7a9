package org.compactbot.cases;

/**
 * The email that tells the complainant their case is closed: the outcome, the next steps after a case that mediation
 * did not settle ({@link Signposting}) and, when due, the closing survey's two questions ({@link ClosingSurvey}), so
 * that closing sends one email. Pure.
 */
final class ClosingNotice {
    private ClosingNotice() {}

    static OutgoingEmail email(ChallengeCase c, CaseStatus outcome, String text, boolean survey) {
        String next = Signposting.inWords(outcome);
        String body = "Your Compact challenge has been closed (" + outcome.id().replace('_', ' ') + "): " + text
                + (next.isEmpty() ? "" : "\n\n" + next.strip())
                + (survey ? "\n\n" + ClosingSurvey.invitation() : "");
        return CaseEmails.toComplainant(c, "Your Compact challenge has been closed", body, "closed_notice");
    }
}
