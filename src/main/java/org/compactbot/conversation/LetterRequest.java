package org.compactbot.conversation;

import java.util.List;
import java.util.Optional;

/**
 * The early-resolution letter on request ("draft a letter"), at any point: from the challenge being drafted once the
 * body and at least one undertaking are known (then the question it was at is asked again), or from the case the
 * conversation raised; before that, what is still needed. Also the offer at the end of the intake. The letter is
 * composed each time from what the draft or case holds now ({@link EarlyResolutionLetter}); nothing is stored for it.
 */
final class LetterRequest {
    /** What the offer's choice sends back. */
    static final String ASK = "draft a letter";

    private final Intake intake;
    private final TurnRunner runner;

    LetterRequest(Intake intake, TurnRunner runner) {
        this.intake = intake;
        this.runner = runner;
    }

    /** Whether this turn asked for the letter, and was answered. */
    boolean act(Turn t) {
        Conversation c = t.c;
        if (c.state() instanceof DialogueState.ConfirmingCancel || !AsksForALetter.in(t.text)) return false;
        if (c.state() instanceof DialogueState.Collecting col) {
            LetterFacts facts = LetterFacts.of(c);
            if (facts.enough()) t.say(reply(EarlyResolutionLetter.compose(facts, t.today), facts));
            else t.say("I can draft a letter for you to send the body yourself once I know " + String.join(" and ", facts.missing()) + ".");
            t.say(intake.prompt(c, col.slot()));
            return true;
        }
        fromCase(t, c.lastCaseRef());
        return true;
    }

    /**
     * Gives the letter for case {@code ref} in this turn (a channel that has proven the person raised it asks, e.g. an
     * email on the case's thread), or says why it cannot.
     */
    void fromCase(Turn t, String ref) {
        Optional<LetterFacts> fromCase = ref == null ? Optional.empty() : runner.caseFacts(ref).map(LetterFacts::of);
        if (fromCase.isPresent() && fromCase.get().enough()) {
            t.say(reply(EarlyResolutionLetter.compose(fromCase.get(), t.today), fromCase.get()));
        } else if (fromCase.isPresent()) {
            t.say("Your challenge " + ref + " does not say " + String.join(" or ", fromCase.get().missing())
                    + ", so I can't draft the letter from it. The mediator can help you write to the body.");
        } else {
            t.say(Reply.of("I can draft a letter for you to send the public body yourself, quoting the Compact. First I need to know "
                    + "what happened, who the body is and which of the Compact's undertakings apply: raise a challenge and I'll ask.",
                    Talk.startChoices()));
        }
    }

    /** The letter for the case this conversation raised, if it raised one; reads only. */
    Optional<Letter> forCase(Conversation c, java.time.LocalDate today) {
        if (c.lastCaseRef() == null) return Optional.empty();
        return runner.caseFacts(c.lastCaseRef()).map(LetterFacts::of).filter(LetterFacts::enough).map(f -> EarlyResolutionLetter.compose(f, today));
    }

    /** The offer made as the case is created: one sentence and a choice, when the draft has enough for a letter. */
    static Optional<Reply> offer(Conversation c) {
        LetterFacts facts = LetterFacts.of(c);
        if (!facts.enough()) return Optional.empty();
        return Optional.of(Reply.of("You can also write to " + facts.body() + " yourself now, which often settles things sooner: "
                + "I can draft a letter that sets out what happened and quotes the Compact.",
                List.of(new Reply.Choice("Draft a letter to " + shorten(facts.body()), ASK))));
    }

    private static Reply reply(Letter letter, LetterFacts facts) {
        String intro = "Here is a letter you can send " + letter.to() + " yourself, to their Compact lead officer. It is the first "
                + "step of the Compact's resolution process, and often the quickest. Check it and change anything you like before you send it."
                + (facts.confidential() ? " As you asked for your name to be kept from them, I have not signed it: sending it yourself "
                + "will tell them who you are, so you may prefer to leave it to the mediator." : "");
        return new Reply(intro + "\n\n" + letter.text(), List.of(), List.of(), letter);
    }

    private static String shorten(String s) {
        return ChallengeFlow.shorten(s, 60);
    }
}
