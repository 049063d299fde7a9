package org.compactbot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.compactbot.knowledge.Answer;
import org.compactbot.knowledge.AnswerFormatter;
import org.compactbot.knowledge.AnswerService;

/**
 * Answers a question asked in a conversation: about the challenge process itself from what the bot knows of it, about
 * the Compact from the conversation's area when it has one and the question names no other.
 */
final class Questions {
    private final AnswerService answers;
    private final AnswerFormatter formatter = new AnswerFormatter();
    private final PastOutcomes past;

    Questions(AnswerService answers) {
        this(answers, PastOutcomes.NONE);
    }

    /** @param past the published outcomes of earlier challenges, for "has this happened before?" ({@link PastOutcomesAsked}) */
    Questions(AnswerService answers, PastOutcomes past) {
        this.answers = answers;
        this.past = past;
    }

    /**
     * Answers the turn's words as a question, and notes on the turn whether it was answered (a question about the
     * process, answered from what the bot knows of it, is answered).
     *
     * @param area           the conversation's area, or null
     * @param offerChallenge whether a grievance gets the offer to raise a challenge (not while one is being raised)
     */
    Reply answer(Turn t, String area, boolean offerChallenge) {
        return answer(t, area, offerChallenge, null);
    }

    /**
     * @param story what the person has said happened, when a challenge is being raised: a short question that finds
     *              nothing on its own ("how much notice are they meant to give us anyway?") is asked again with it,
     *              since it is about their situation (still one question)
     */
    Reply answer(Turn t, String area, boolean offerChallenge, String story) {
        String text = t.text;
        if (PastOutcomesAsked.in(text)) { // how earlier challenges ended: the person's area and draft undertakings preferred
            t.asked(true);
            String u = t.c.answer(Slot.UNDERTAKINGS);
            return Reply.of(PastOutcomesAsked.answer(past, new PastOutcomes.Query(text + (t.c.answer(Slot.WHAT_HAPPENED) == null ? ""
                    : " " + t.c.answer(Slot.WHAT_HAPPENED)), area != null ? area : t.c.answer(Slot.AREA),
                    u == null || u.startsWith("(") ? List.of() : List.of(u.split("; ")))));
        }
        Optional<String> ours = ProcessAnswers.to(text);
        if (ours.isPresent()) {
            t.asked(true);
            return Reply.of(ours.get());
        }
        Answer a;
        try {
            String within = area == null || area.startsWith("(") || answers.areaDetector().detect(text).isPresent() ? null : area;
            a = answers.ask(text, within, 3);
            if (!a.answered() && story != null && !story.startsWith("(")) {
                Answer withStory = answers.ask(text + " " + ChallengeFlow.shorten(story, 300), within, 3);
                if (withStory.answered()) a = withStory;
            }
        } catch (IllegalArgumentException e) {
            return Reply.of(e.getMessage());
        }
        t.asked(a.answered());
        AnswerFormatter.Shown shown = formatter.shape(a);
        List<AnswerFormatter.Quote> quotes = new ArrayList<>();
        if (shown.best() != null) {
            quotes.add(shown.best());
            quotes.addAll(shown.alsoIn());
        }
        List<Reply.Choice> choices = offerChallenge && a.grievance()
                ? List.of(new Reply.Choice("Raise a Compact challenge", "challenge")) : List.of();
        String body = formatter.text(a);
        if (!offerChallenge && !shown.offer().isEmpty()) body = body.replace(shown.offer(), "").strip();
        return new Reply(body, choices, quotes);
    }

    /** Whether a reply offers to help raise a challenge. */
    static boolean offersChallenge(Reply r) {
        return r.choices().stream().anyMatch(ch -> ch.value().equals("challenge"));
    }
}
