package org.compactbot.conversation;

import java.util.ArrayList;
import java.util.List;

/**
 * The answers so far, and moving about them while raising a challenge: "status" (what is answered and what is still to
 * do), "back" (to the question before), and "change" (an answer already given, then back to where the person was).
 */
final class AnswersSoFar {
    private final Intake intake;

    AnswersSoFar(Intake intake) {
        this.intake = intake;
    }

    /** "back": the question asked before this one, with what was said to it. */
    void back(Turn t, Slot current) {
        Conversation c = t.c;
        int i = c.asked.lastIndexOf(current.id());
        Slot previous = null;
        for (int j = (i < 0 ? c.asked.size() : i) - 1; j >= 0; j--) {
            Slot s = Slot.byId(c.asked.get(j)).orElse(null);
            if (s != null && s != current) {
                previous = s;
                break;
            }
        }
        if (previous == null) {
            t.say("This is the first question, so there's nothing to go back to.");
            t.say(intake.prompt(c, current));
            return;
        }
        while (!c.asked.isEmpty() && !c.asked.get(c.asked.size() - 1).equals(previous.id())) c.asked.remove(c.asked.size() - 1);
        c.state = new DialogueState.Collecting(previous, null);
        String had = intake.flow().shown(previous, c);
        t.say("Going back." + (had == null ? "" : " You said: " + ChallengeFlow.shorten(had, 200)));
        t.say(intake.flow().prompt(previous, c));
    }

    /** "change" without the item: the items so far, as choices. */
    void whichToChange(Turn t) {
        List<Reply.Choice> items = new ArrayList<>();
        for (Slot s : ChallengeFlow.ORDER) {
            if (s != Slot.CONFIRM && t.c.has(s)) items.add(s.changeChoice());
        }
        t.say(Reply.of("What would you like to change? Say \"change\" and the item, for example \"change email\" or \"change dates\".", items));
    }

    /** "change X" (to {@code newValue}, when given): asks X again, or reads the new value as its answer, then comes back to {@code current}. */
    void change(Turn t, Slot current, Slot target, String newValue) {
        Conversation c = t.c;
        Slot returnTo = current;
        if (newValue != null && !newValue.isBlank()) {
            Validation v = intake.flow().read(target, newValue, c, t.today);
            if (v instanceof Validation.Rejected r) {
                t.say(r.message());
                t.say(intake.prompt(c, current));
                return;
            }
            c.state = new DialogueState.Collecting(target, returnTo);
            int at = t.replies.size();
            intake.accept(t, target, returnTo, newValue);
            t.replies.add(at, Reply.of("Changed " + target.label() + "."));
            return;
        }
        c.state = new DialogueState.Collecting(target, returnTo);
        String had = intake.flow().shown(target, c);
        t.say("Let's change " + target.label() + "." + (had == null ? "" : " At the moment it is: " + ChallengeFlow.shorten(had, 200)));
        t.say(intake.prompt(c, target));
    }

    /** "status": how many questions are answered, which, and which are still to do. */
    static String status(Conversation c, Slot slot) {
        List<String> done = new ArrayList<>(), open = new ArrayList<>();
        for (Slot s : ChallengeFlow.ORDER) {
            if (s == Slot.CONFIRM) continue;
            (c.has(s) ? done : open).add(s.label());
        }
        return "Challenge in progress: " + done.size() + " of " + (ChallengeFlow.ORDER.size() - 1) + " answered"
                + (done.isEmpty() ? "" : " (" + String.join(", ", done) + ")")
                + ". Now: " + slot.label() + (open.isEmpty() ? "" : ". Still to do: " + String.join(", ", open)) + ".";
    }
}
