package org.compactbot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.compactbot.knowledge.AnswerService;

/**
 * What the person's own words already answer, taken without asking: the facts a channel knows ({@code Turn.known}),
 * the area, the body (by its configured name, {@link BodyNames}), the story and the key dates in the message that
 * starts a challenge or in more of the story told later. Never overwrites an answer; says what it noted.
 */
final class Prefill {
    private final ChallengeFlow flow;
    private final AnswerService answers;
    private final BodyNames bodies;

    Prefill(ChallengeFlow flow, AnswerService answers, BodyNames bodies) {
        this.flow = flow;
        this.answers = answers;
        this.bodies = bodies;
    }

    /** Fills slots the person's free text already answers (area, body, story, dates), without overwriting answers. */
    void fill(Turn t, String text, boolean storyFromStart) {
        Conversation c = t.c;
        if (storyFromStart) {
            t.known.forEach((slot, value) -> {
                if (!c.has(slot) && flow.read(slot, value, c, t.today) instanceof Validation.Accepted ok) c.answers.put(slot.id(), ok.value());
            });
        }
        if (!c.has(Slot.AREA)) answers.areaDetector().detect(text).ifPresent(a -> {
            c.answers.put(Slot.AREA.id(), a);
            c.notes = c.notes.withAreaFromStory();
        });
        if (!c.has(Slot.RESPONDENT)) FactsFromText.respondent(text).ifPresent(r -> c.answers.put(Slot.RESPONDENT.id(), r));
        nameBody(c);
        if (storyFromStart && !c.has(Slot.WHAT_HAPPENED)) {
            String story = text.replaceAll("(?i)^\\s*(hi|hello)[,!.]?\\s*", "")
                    .replaceAll("(?i)\\bi('d| would)? (want|like|need|wish)( to)? (raise|make|start|lodge)? ?(a |an |another )?(new )?(compact )?(challenge|complaint|complain)( about)?[:,.]?\\s*", "").strip();
            if (story.split("\\s+").length >= 6) c.answers.put(Slot.WHAT_HAPPENED.id(), story);
        }
        if (!c.has(Slot.DATES)) {
            KeyDates.Reading r = KeyDates.reading(text, t.today, false);
            KeyDates d = r.dates();
            if (!d.isEmpty() && d.problem(t.today) == null && (d.told() != null && d.effective() != null
                    || d.consultationOpened() != null && d.consultationClosed() != null)) {
                takeDates(c, r);
            }
        }
    }

    /** Keeps dates read from free text as the key dates; when which is which was a guess, they are confirmed before any check. */
    static void takeDates(Conversation c, KeyDates.Reading r) {
        c.answers.put(Slot.DATES.id(), r.dates().describe());
        c.notes = c.notes.withDates(r.dates(), r.sources(), r.guessed());
    }

    /**
     * The body by its configured name when what the person called it ("CWaC", "the council" in its area) is one:
     * the case and the Implementation Group's figures then name one body one way. What they said is kept beside it.
     */
    void nameBody(Conversation c) {
        String said = c.notes.respondentSaid() != null ? c.notes.respondentSaid() : c.answer(Slot.RESPONDENT);
        if (said == null || said.startsWith("(")) return;
        Optional<String> name = bodies.nameOf(said, c.answer(Slot.AREA));
        if (name.isPresent() && !name.get().equalsIgnoreCase(said.strip())) {
            c.answers.put(Slot.RESPONDENT.id(), name.get());
            c.notes = c.notes.withRespondentSaid(said);
        } else if (name.isEmpty() && c.notes.respondentSaid() != null) {
            c.answers.put(Slot.RESPONDENT.id(), said); // the area changed and the name no longer applies
            c.notes = c.notes.withRespondentSaid(null);
        }
    }

    static List<String> noticed(Conversation c) {
        List<String> out = new ArrayList<>();
        if (c.has(Slot.NAME)) out.add("name: " + c.answer(Slot.NAME));
        if (c.has(Slot.EMAIL)) out.add("email: " + c.answer(Slot.EMAIL));
        if (c.has(Slot.ORGANISATION)) out.add("organisation: " + c.answer(Slot.ORGANISATION));
        if (c.has(Slot.AREA)) out.add("area: " + Wording.areaName(c.answer(Slot.AREA)));
        if (c.has(Slot.RESPONDENT)) out.add("about: " + c.answer(Slot.RESPONDENT));
        if (c.has(Slot.DATES)) {
            out.add("dates: " + c.answer(Slot.DATES) + (c.notes.datesUnsure() ? " (I'll check with you which date is which)" : ""));
        }
        if (c.has(Slot.WHAT_HAPPENED)) out.add("what happened: \"" + ChallengeFlow.shorten(c.answer(Slot.WHAT_HAPPENED), 80) + "\"");
        return out;
    }
}
