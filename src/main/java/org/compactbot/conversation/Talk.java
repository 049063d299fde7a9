package org.compactbot.conversation;

import java.util.List;
import org.compactbot.knowledge.GrievanceSignal;

/**
 * A turn with no challenge in progress: greetings, thanks, help and status; questions answered (with the offer to
 * raise a challenge when one reads like a grievance); and the start of a challenge, by asking for one or by taking
 * up the bot's offer ("yes please"), with what was said just before as its story.
 */
final class Talk {
    private final IntentClassifier intents;
    private final Questions questions;
    private final Intake intake;
    private final TurnRunner runner;

    Talk(IntentClassifier intents, Questions questions, Intake intake, TurnRunner runner) {
        this.intents = intents;
        this.questions = questions;
        this.intake = intake;
        this.runner = runner;
    }

    void act(Turn t) {
        Conversation c = t.c;
        String command = Understanding.command(t.text);
        if (command.equals("help")) {
            t.say(Reply.of("I can answer questions about your local Compact (the agreement between public bodies and the voluntary "
                    + "and community sector), quoting its exact words. If a public body has not kept to it, I can help you raise a "
                    + "Compact challenge, which goes to an independent mediator.", startChoices()));
            return;
        }
        if (command.equals("status")) {
            t.say(status(c));
            return;
        }
        if (command.equals("cancel") || command.equals("back") || command.equals("skip")) {
            t.say(Reply.of("There's no challenge in progress to " + command + ". You can ask me a question or start a challenge.", startChoices()));
            return;
        }
        String offeredFor = c.offeredFor; // an offer stands for one reply
        c.offeredFor = null;
        String asked = c.lastQuestion;
        if ((offeredFor != null || asked != null) && Agreement.takesUp(t.text)) {
            // "yes please" after the bot offered (or after an answer to someone asking about their own situation)
            intake.start(t, offeredFor != null ? offeredFor : asked);
            return;
        }
        if (offeredFor != null && Agreement.of(t.text) == Agreement.DECLINE && t.text.split("\\s+").length <= 6) {
            t.say("OK. Ask me anything else about the Compact, or say \"raise a challenge\" whenever you want to.");
            return;
        }
        Intent intent = command.equals("challenge") || command.equals("start") ? Intent.START_CHALLENGE : intents.classify(t.text);
        String before = offeredFor != null ? offeredFor : asked;
        if (intent == Intent.START_CHALLENGE && before != null && !t.text.equals(before)) {
            // what was said just before ("our grant in Redcar ends on Friday, is that allowed?") belongs to the challenge
            intake.start(t, before + "\n" + t.text);
            return;
        }
        switch (intent) {
            case GREETING -> t.say(Reply.of("Hello! I can answer questions about your local Compact, or help you raise a Compact challenge.", startChoices()));
            case THANKS -> t.say("You're welcome. Ask me anything else about the Compact, or start a challenge if you need to.");
            case START_CHALLENGE -> intake.start(t, t.text);
            case QUESTION -> question(t);
        }
    }

    private void question(Turn t) {
        Conversation c = t.c;
        boolean byEmail = Channel.named(c.channel()).asksAllAtOnce();
        Reply answer = questions.answer(t, null, !byEmail);
        t.say(answer);
        // by email a concern is the usual case: answer it and start the challenge in the same reply
        if (byEmail && GrievanceSignal.in(t.text)) {
            intake.start(t, t.text);
            return;
        }
        c.lastQuestion = ChallengeFlow.shorten(t.text, 2000);
        // the bot offered to help raise a challenge: "yes please" next accepts it, with this question as its story
        if (Questions.offersChallenge(answer)) c.offeredFor = c.lastQuestion;
    }

    private String status(Conversation c) {
        if (c.lastCaseRef() == null) return "You have no challenge in progress.";
        CaseInfo info = runner.caseInfo(c.lastCaseRef()).orElse(new CaseInfo(c.lastCaseRef(), "submitted", null));
        return info.statusSentence();
    }

    static List<Reply.Choice> startChoices() {
        return List.of(new Reply.Choice("Ask a question", "help"), new Reply.Choice("Raise a Compact challenge", "challenge"));
    }
}
