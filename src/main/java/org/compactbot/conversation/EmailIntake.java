package org.compactbot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The intake by email, where one reply answers many questions: the open questions go out as one numbered list, and
 * the reply is read however the person wrote it (numbered lines, answers under the quoted questions, "Label: answer"
 * lines or prose; see {@link BatchAnswers}). Only what is still missing or unclear goes back, in one email.
 */
final class EmailIntake {
    private final Intake intake;

    EmailIntake(Intake intake) {
        this.intake = intake;
    }

    /** Asks every open question (but the undertakings, which need the story first) as one numbered list. */
    void askAsList(Turn t, List<String> problems) {
        Conversation c = t.c;
        List<Slot> open = new ArrayList<>();
        for (Slot s : ChallengeFlow.ORDER) if (s != Slot.UNDERTAKINGS && s != Slot.CONFIRM && ChallengeFlow.open(c, s)) open.add(s);
        if (open.isEmpty()) {
            c.notes = c.notes.withEmailQuestions(List.of());
            Slot next = ChallengeFlow.firstOpen(c);
            c.state = new DialogueState.Collecting(next, null);
            if (!problems.isEmpty()) t.say(String.join("\n", problems));
            t.say(intake.prompt(c, next));
            return;
        }
        c.notes = c.notes.withEmailQuestions(open);
        c.state = new DialogueState.Collecting(open.get(0), null);
        StringBuilder sb = new StringBuilder();
        if (!problems.isEmpty()) sb.append(String.join("\n", problems)).append("\n\n");
        sb.append("Please answer these by number, each on its own line (for example \"1. West Cheshire\"):");
        for (int i = 0; i < open.size(); i++) {
            Reply p = intake.prompt(c, open.get(i));
            String choices = p.choices().isEmpty() ? "" : " (" + String.join(" / ", p.choices().stream().map(Reply.Choice::label).toList()) + ")";
            sb.append("\n").append(i + 1).append(". ").append(p.text().replace("\n", " ")).append(choices);
        }
        t.say(sb.toString());
    }

    /** Reads the answers to the last list; false when the message answers none of them. */
    boolean readList(Turn t) {
        Conversation c = t.c;
        List<Slot> asked = c.notes.emailQuestions();
        if (asked.isEmpty()) return false;
        Map<Slot, String> answered = BatchAnswers.read(t.text, asked);
        if (answered.isEmpty()) return false;
        List<String> problems = new ArrayList<>();
        for (var e : answered.entrySet()) {
            Slot slot = e.getKey();
            String answer = e.getValue().strip();
            int number = asked.indexOf(slot) + 1;
            if (slot.optional() && (answer.equalsIgnoreCase("skip") || NoAnswer.in(answer))) {
                Intake.skip(c, slot);
                continue;
            }
            if (slot == Slot.DATES && c.has(Slot.DATES) && c.notes.datesUnsure() && Agreement.of(answer) == Agreement.AGREE) {
                c.notes = c.notes.withDatesConfirmed(); // "3. yes": the dates read from their first email are right
                continue;
            }
            Validation v = intake.flow().read(slot, answer, c, t.today);
            // by email there is no quick "just to check": an answer is kept as read, and shown in the summary to confirm
            if (v instanceof Validation.Accepted ok) intake.keep(t, slot, null, answer, ok);
            else problems.add(number + ". " + ((Validation.Rejected) v).message());
        }
        intake.refreshChecks(t);
        if (problems.size() == answered.size()) t.misunderstood = true; // not one answer could be read
        askAsList(t, problems);
        return true;
    }
}
