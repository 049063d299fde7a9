package org.compactbot.cases;

import java.time.Clock;
import org.compactbot.cases.SurveyAnswer.Answered;
import org.compactbot.cases.Surveys.Survey;

/**
 * The two-question survey a complainant gets at closure, in the closed notice (one email), once per case, and their
 * reply on the case's thread: read by {@link SurveyAnswer}; a second answer replaces the first; a reply that cannot be
 * read is answered once with the questions again, and after that its words are kept as a comment (never a loop).
 */
public final class ClosingSurvey {
    /** The questions as the closed notice asks them (the reader knows them when they come back quoted). */
    public static final String QUESTIONS = "1. Were you satisfied with how your challenge was handled? (yes / partly / no)\n"
            + "2. Was the outcome what you asked for? (yes / partly / no)";

    private final Surveys surveys;
    private final Clock clock;

    public ClosingSurvey(Surveys surveys, Clock clock) {
        this.surveys = surveys;
        this.clock = clock;
    }

    /** Whether a survey goes with this case's closed notice: surveys are kept, the complainant has an address, none sent yet. */
    boolean due(ChallengeCase c) {
        return surveys != Surveys.NONE && c.complainantEmail() != null && !c.complainantEmail().isBlank() && surveys.find(c.ref()).isEmpty();
    }

    /** The paragraph of the closed notice that asks the two questions. */
    static String invitation() {
        return "Two quick questions, to help the Compact Implementation Group improve the process. Please reply to this email "
                + "with your answers (for example \"1. yes 2. partly\"), and anything you would like to add:\n\n" + QUESTIONS;
    }

    /** The complainant wrote on the thread of their closed case: their survey answers, or the reason nothing was kept. */
    CaseReply reply(ChallengeCase c, String text) {
        Survey s = surveys.find(c.ref()).orElse(null);
        if (s == null) return new CaseReply.NotAllowed(c.ref(), CaseReply.Move.ADD_TO_CLOSED, c.status());
        if (SurveyAnswer.read(text) instanceof Answered a) {
            surveys.answered(c.ref(), a.satisfied(), a.outcomeAsAsked(), a.comment(), clock.instant());
            return new CaseReply.SurveyAnswered(c.ref(), a.satisfied(), a.outcomeAsAsked(), s.answered());
        }
        if (!s.reasked() && !s.answered()) {
            surveys.reasked(c.ref());
            return new CaseReply.SurveyNotRead(c.ref());
        }
        String words = text == null ? "" : text.strip();
        if (!words.isEmpty()) surveys.answered(c.ref(), null, null, words.length() > 2000 ? words.substring(0, 2000) : words, clock.instant());
        return new CaseReply.SurveyCommentKept(c.ref(), s.answered() ? s.satisfied() : null, s.answered() ? s.outcomeAsAsked() : null);
    }
}
