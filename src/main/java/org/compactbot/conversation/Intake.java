package org.compactbot.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.compactbot.knowledge.AnswerService;
import org.compactbot.knowledge.ScoredPassage;

/**
 * The challenge intake: from the first message that starts a challenge to the person's yes at the summary. Reads
 * each reply for what it says ({@link Understanding}), then as the answer to the question asked ({@link ChallengeFlow}),
 * keeps what follows from it (dates and their sentences, the Compact checks, the body by its configured name), asks
 * "just to check" when a reading is unsure, and moves to the next open question.
 */
final class Intake {
    static final int MAX_FAILURES = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChallengeFlow flow;
    private final CompactChecks checks;
    private final AnswerService answers;
    private final Questions questions;
    private final BodyNames bodies;
    private EmailIntake email;

    Intake(ChallengeFlow flow, CompactChecks checks, AnswerService answers, Questions questions, BodyNames bodies) {
        this.flow = flow;
        this.checks = checks;
        this.answers = answers;
        this.questions = questions;
        this.bodies = bodies;
    }

    /** The email intake, which sends the open questions as one list; set once by the engine. */
    void byEmail(EmailIntake email) {
        this.email = email;
    }

    ChallengeFlow flow() {
        return flow;
    }

    /** Starts a challenge from what the person said ({@code story}: the message, with what came before it). */
    void start(Turn t, String story) {
        Conversation c = t.c;
        c.clearDraft();
        t.say("I'll help you raise a Compact challenge. I'll ask a few questions; you can say help, back, skip, status or "
                + "cancel at any point, and ask me about the Compact along the way.");
        prefill(t, story, true);
        List<String> noticed = noticed(c);
        if (!noticed.isEmpty()) t.say("From what you said, I have noted: " + String.join("; ", noticed) + ". You can change any of these later.");
        refreshChecks(t);
        Slot first = ChallengeFlow.firstOpen(c);
        c.state = new DialogueState.Collecting(first, null);
        if (c.channel().equals(EmailIntake.CHANNEL)) {
            email.askAsList(t, List.of());
            return;
        }
        t.say(prompt(c, first));
    }

    /** A turn while collecting answers or confirming a cancel. */
    void act(Turn t) {
        Conversation c = t.c;
        if (c.state() instanceof DialogueState.ConfirmingCancel cc) {
            if (Understanding.confirmsCancel(t.text)) {
                c.clearDraft();
                c.state = new DialogueState.Idle();
                t.say("Cancelled. Nothing has been submitted. You can ask me a question or start a new challenge at any time.");
            } else {
                c.state = new DialogueState.Collecting(cc.resume(), null);
                t.say("OK, let's carry on.");
                t.say(prompt(c, cc.resume()));
            }
            return;
        }
        DialogueState.Collecting at = (DialogueState.Collecting) c.state();
        Slot slot = at.slot();
        Understanding.Said said = Understanding.at(slot, t.text, text -> readsAsAnswer(slot, text, t.today));
        if (said instanceof Understanding.Said.Command cmd && command(t, slot, at.returnTo(), cmd.word())) return;
        if (said instanceof Understanding.Said.Change ch) {
            if (ch.target() == null) whichToChange(t);
            else change(t, slot, ch.target(), ch.value());
        } else if (said instanceof Understanding.Said.Submit s) {
            submitOrCheck(t, s.sure());
        } else if (said instanceof Understanding.Said.Unclear) {
            t.say(Reply.of("Say yes to submit your challenge, or \"change\" and the item to correct it.", ChallengeFlow.SUBMIT_OR_CHANGE));
        } else if (said instanceof Understanding.Said.Question && (slot == Slot.CONFIRM || !readAsEmail(t))) {
            t.say(questions.answer(t.text, c.answer(Slot.AREA), false, c.answer(Slot.WHAT_HAPPENED)));
            t.say(prompt(c, slot));
        } else if (!(said instanceof Understanding.Said.Question) && !readAsEmail(t)) {
            accept(t, slot, at.returnTo(), t.text);
        }
    }

    /** By email, the reply to the last numbered list; false when it answers none of it (then it is read as usual). */
    private boolean readAsEmail(Turn t) {
        return t.c.channel().equals(EmailIntake.CHANNEL) && email.readList(t);
    }

    /** Acts on a command word; false when it does not apply here (leave before a question proved tricky): then it is an answer. */
    private boolean command(Turn t, Slot slot, Slot returnTo, Understanding.Word word) {
        Conversation c = t.c;
        switch (word) {
            case HELP -> {
                t.say(flow.help(slot));
                t.say(prompt(c, slot));
            }
            case CANCEL -> {
                c.state = new DialogueState.ConfirmingCancel(slot);
                t.say(Reply.of("Do you want to cancel this challenge? Everything you have told me for it will be discarded.",
                        List.of(new Reply.Choice("Yes, cancel it", "yes"), new Reply.Choice("No, carry on", "no"))));
            }
            case STATUS -> {
                t.say(status(c, slot));
                t.say(prompt(c, slot));
            }
            case BACK -> back(t, slot);
            case SKIP -> {
                if (slot.optional()) {
                    skip(c, slot);
                    advance(t, slot, returnTo);
                } else {
                    t.say("I need " + slot.label() + " to raise the challenge, so this one can't be skipped.");
                    t.say(prompt(c, slot));
                }
            }
            case LEAVE -> {
                if (c.failures.getOrDefault(slot.id(), 0) < MAX_FAILURES) return false;
                c.answers.put(slot.id(), ChallengeFlow.LEFT_FOR_CASEWORKER);
                t.say("No problem: a caseworker will complete " + slot.label() + " with you.");
                advance(t, slot, returnTo);
            }
        }
        return true;
    }

    /** An answer that a slot's reader understands is taken as an answer even if it ends with "?". */
    private boolean readsAsAnswer(Slot slot, String text, LocalDate today) {
        if (slot == Slot.EMAIL || slot == Slot.DATES || slot == Slot.AREA) {
            return flow.read(slot, text, new Conversation("probe", "probe", java.time.Instant.EPOCH), today) instanceof Validation.Accepted;
        }
        return false;
    }

    /** Reads the reply as the answer to {@code slot} and keeps it, or says what is wrong. */
    void accept(Turn t, Slot slot, Slot returnTo, String text) {
        Conversation c = t.c;
        DraftNotes.Unsure unsure = c.notes.unsure();
        if (unsure != null && unsure.slot() == slot) {
            c.notes = c.notes.withUnsure(null);
            Agreement yes = Agreement.of(text);
            if (yes == Agreement.AGREE && flow.read(slot, unsure.said(), c, t.today) instanceof Validation.Accepted ok) {
                keep(t, slot, returnTo, unsure.said(), ok);
                advance(t, slot, returnTo);
                return;
            }
            if (yes == Agreement.DECLINE && text.split("\\s+").length <= 3) {
                t.say("OK.");
                t.say(prompt(c, slot));
                return;
            }
            if (Agreement.normalise(text).equals(Agreement.normalise(unsure.said()))
                    && flow.read(slot, text, c, t.today) instanceof Validation.Accepted ok) {
                keep(t, slot, returnTo, text, ok); // said again: that is what they mean
                advance(t, slot, returnTo);
                return;
            }
        }
        if (slot == Slot.DATES && c.has(Slot.DATES) && c.notes.datesUnsure()) {
            Agreement yes = Agreement.of(text);
            if (yes == Agreement.AGREE) {
                c.notes = c.notes.withDatesConfirmed();
                refreshChecks(t);
                advance(t, slot, returnTo);
                return;
            }
            if (yes == Agreement.DECLINE && !UkDates.mentionsADate(text)) {
                c.answers.remove(Slot.DATES.id());
                c.notes = c.notes.withoutDates();
                t.say("OK, let's get the dates right.");
                t.say(prompt(c, slot));
                return;
            }
        }
        Validation v = flow.read(slot, text, c, t.today);
        if (slot.optional() && NoAnswer.in(text) && (slot == Slot.ORGANISATION || v instanceof Validation.Rejected)) {
            // "no dates really", "just me": nothing to give for an optional question is not a wrong answer
            skip(c, slot);
            c.failures.remove(slot.id());
            t.say("OK, I'll leave " + slot.label() + " out.");
            advance(t, slot, returnTo);
            return;
        }
        if (v instanceof Validation.Accepted ok && !ok.sure()) {
            c.notes = c.notes.withUnsure(new DraftNotes.Unsure(slot, ok.value(), text));
            t.say(flow.checkUnsure(c.notes.unsure(), c));
            return;
        }
        if (v instanceof Validation.Accepted ok) {
            keep(t, slot, returnTo, text, ok);
            advance(t, slot, returnTo);
            return;
        }
        if (slot == Slot.UNDERTAKINGS && tellsMoreOfTheStory(text)) {
            // "They emailed on 20 November saying the grant stops on 1 December": not a choice, more of what happened
            String story = c.answer(Slot.WHAT_HAPPENED);
            c.answers.put(Slot.WHAT_HAPPENED.id(), story == null || story.startsWith("(") ? text : story + "\n" + text);
            prefill(t, text, false);
            if (!c.has(Slot.DATES) || c.notes.dates().told() == null) {
                // one date is enough here: the person is telling us, not being asked for both
                KeyDates.Reading r = KeyDates.reading(text, t.today, ChallengeFlow.aboutConsultation(c));
                if (!r.dates().isEmpty() && r.dates().problem(t.today) == null) takeDates(c, r);
            }
            refreshChecks(t);
            c.suggestions.clear();
            t.say("Thank you, I've added that to what happened.");
            t.say(prompt(c, slot));
            return;
        }
        if (slot == Slot.UNDERTAKINGS && refreshSuggestions(c, text)) {
            // "the consultation one" when none offered is about consultation: offer the ones closest to what they named
            t.say("Here are the undertakings closest to what you said.");
            t.say(prompt(c, slot));
            return;
        }
        int failures = c.failures.merge(slot.id(), 1, Integer::sum);
        if (failures > MAX_FAILURES && slot != Slot.AREA && slot != Slot.EMAIL) {
            // offered a way out and still stuck: a caseworker completes it, and the rest goes on (never the same offer again)
            c.answers.put(slot.id(), ChallengeFlow.LEFT_FOR_CASEWORKER);
            c.failures.remove(slot.id());
            t.say("Let's not get stuck on this: I'll leave " + slot.label() + " for a caseworker to complete with you, and move on.");
            advance(t, slot, returnTo);
            return;
        }
        t.say(((Validation.Rejected) v).message());
        if (failures >= MAX_FAILURES) {
            List<Reply.Choice> choices = new ArrayList<>();
            if (slot.optional()) choices.add(new Reply.Choice("Skip this question", "skip"));
            choices.add(new Reply.Choice("Leave it for a caseworker to complete", "leave"));
            t.say(Reply.of("This one seems tricky. You can " + (slot.optional() ? "skip it, or " : "")
                    + "leave it for a caseworker to complete with you, or try again.", choices));
        } else if (failures == MAX_FAILURES - 1) {
            t.say(flow.rephrase(slot, c)); // asked another way before a caseworker is offered
        } else {
            t.say(prompt(c, slot));
        }
    }

    /** Marks an optional question as skipped; skipped dates leave nothing to check. */
    static void skip(Conversation c, Slot slot) {
        c.answers.put(slot.id(), "(skipped)");
        if (slot == Slot.DATES) c.notes = c.notes.withoutDates();
    }

    /** Keeps an accepted answer and what follows from it (dates, checks, the body's name, facts in the story). */
    void keep(Turn t, Slot slot, Slot returnTo, String text, Validation.Accepted ok) {
        Conversation c = t.c;
        c.failures.remove(slot.id());
        String previous = c.answer(slot);
        c.answers.put(slot.id(), ok.value());
        if (ok.found() instanceof Validation.Found.Dates d) c.notes = c.notes.withDates(d.reading().dates(), d.reading().sources(), false);
        if (slot == Slot.UNDERTAKINGS) {
            c.notes = ok.found() instanceof Validation.Found.Undertakings u ? c.notes.withChoice(u.numbers(), u.codes())
                    : c.notes.withChoice(List.of(), List.of());
        }
        if (slot == Slot.AREA && previous != null && !previous.equals(ok.value())) {
            c.suggestions.clear();
            c.answers.remove(Slot.UNDERTAKINGS.id());
        }
        if (slot == Slot.RESPONDENT) c.notes = c.notes.withRespondentSaid(null);
        if (slot == Slot.AREA || slot == Slot.RESPONDENT) nameBody(c);
        if (slot == Slot.WHAT_HAPPENED) {
            prefill(t, text, false);
            if (!ok.value().equals(previous)) {
                c.suggestions.clear();
                if (returnTo != null && c.has(Slot.UNDERTAKINGS)) c.answers.remove(Slot.UNDERTAKINGS.id());
            }
        }
        if (slot == Slot.DATES || slot == Slot.AREA || slot == Slot.WHAT_HAPPENED) refreshChecks(t);
    }

    /**
     * The body by its configured name when what the person called it ("CWaC", "the council" in its area) is one:
     * the case and the Implementation Group's figures then name one body one way. What they said is kept beside it.
     */
    private void nameBody(Conversation c) {
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

    /** Re-runs the Compact checks on the dates given; shows the result when it is new. None on dates not yet confirmed. */
    void refreshChecks(Turn t) {
        Conversation c = t.c;
        String area = c.answer(Slot.AREA);
        KeyDates d = c.notes.dates();
        if (area == null || d.isEmpty() || c.notes.datesUnsure()) return;
        List<CompactChecks.Finding> findings = checks.check(area, d, t.today);
        String text = String.join("\n", findings.stream().map(CompactChecks.Finding::text).toList());
        if (!text.equals(c.notes.checks()) && !text.isEmpty()) {
            c.notes = c.notes.withChecks(text);
            t.say("Checked against the Compact:\n" + text);
        }
    }

    void advance(Turn t, Slot answered, Slot returnTo) {
        Slot next = ChallengeFlow.next(t.c, answered, returnTo);
        t.c.state = new DialogueState.Collecting(next, null);
        t.say(prompt(t.c, next));
    }

    /** Asks a slot, first preparing what it needs (the undertakings to offer); dates read from the story are checked. */
    Reply prompt(Conversation c, Slot slot) {
        if (c.asked.isEmpty() || !c.asked.get(c.asked.size() - 1).equals(slot.id())) {
            c.asked.add(slot.id());
            if (c.asked.size() > 100) c.asked.remove(0);
        }
        if (slot == Slot.UNDERTAKINGS && c.suggestions().isEmpty()) suggest(c);
        if (slot == Slot.DATES && c.has(Slot.DATES) && c.notes.datesUnsure()) return flow.checkDates(c);
        return flow.prompt(slot, c);
    }

    void suggest(Conversation c) {
        String story = c.answer(Slot.WHAT_HAPPENED);
        if (story == null || story.startsWith("(")) return;
        suggest(c, story);
    }

    private void suggest(Conversation c, String text) {
        String area = c.answer(Slot.AREA);
        try {
            for (ScoredPassage p : answers.suggest(text, area, 3)) {
                c.suggestions.add(new Conversation.Suggestion(p.passage().citation(), p.passage().text(), CodeOfPractice.of(p.passage())));
            }
        } catch (IllegalArgumentException e) {
            // an area that no longer exists: no suggestions, the person can say none
        }
    }

    /** A reply to "which apply?" that gives dates or several sentences of facts rather than a choice. */
    private static boolean tellsMoreOfTheStory(String text) {
        return UkDates.mentionsADate(text) && text.split("\\s+").length >= 6;
    }

    /**
     * Offers again, from the person's own words for the undertaking they mean, once per wording; false when those words
     * name nothing new to search for (then the reply is simply unclear).
     */
    private boolean refreshSuggestions(Conversation c, String words) {
        String topic = Agreement.normalise(words);
        if (topic.split(" ").length > 30 || !topic.matches(".*\\p{L}{4,}.*") || topic.equals(c.notes.searchedFor())) return false;
        List<Conversation.Suggestion> before = List.copyOf(c.suggestions);
        c.notes = c.notes.withSearchedFor(topic);
        c.suggestions.clear();
        String story = c.answer(Slot.WHAT_HAPPENED);
        suggest(c, words + (story == null || story.startsWith("(") ? "" : ". " + story));
        if (c.suggestions.isEmpty() || c.suggestions.equals(before)) {
            c.suggestions.clear();
            c.suggestions.addAll(before);
            return false;
        }
        return true;
    }

    private void back(Turn t, Slot current) {
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
            t.say(prompt(c, current));
            return;
        }
        while (!c.asked.isEmpty() && !c.asked.get(c.asked.size() - 1).equals(previous.id())) c.asked.remove(c.asked.size() - 1);
        c.state = new DialogueState.Collecting(previous, null);
        String had = flow.shown(previous, c);
        t.say("Going back." + (had == null ? "" : " You said: " + ChallengeFlow.shorten(had, 200)));
        t.say(flow.prompt(previous, c));
    }

    /** "change" without the item: the items so far, as choices. */
    private void whichToChange(Turn t) {
        List<Reply.Choice> items = new ArrayList<>();
        for (Slot s : ChallengeFlow.ORDER) {
            if (s != Slot.CONFIRM && t.c.has(s)) items.add(s.changeChoice());
        }
        t.say(Reply.of("What would you like to change? Say \"change\" and the item, for example \"change email\" or \"change dates\".", items));
    }

    void change(Turn t, Slot current, Slot target, String newValue) {
        Conversation c = t.c;
        Slot returnTo = current;
        if (newValue != null && !newValue.isBlank()) {
            Validation v = flow.read(target, newValue, c, t.today);
            if (v instanceof Validation.Rejected r) {
                t.say(r.message());
                t.say(prompt(c, current));
                return;
            }
            c.state = new DialogueState.Collecting(target, returnTo);
            int at = t.replies.size();
            accept(t, target, returnTo, newValue);
            t.replies.add(at, Reply.of("Changed " + target.label() + "."));
            return;
        }
        c.state = new DialogueState.Collecting(target, returnTo);
        String had = flow.shown(target, c);
        t.say("Let's change " + target.label() + "." + (had == null ? "" : " At the moment it is: " + ChallengeFlow.shorten(had, 200)));
        t.say(prompt(c, target));
    }

    private String status(Conversation c, Slot slot) {
        List<String> done = new ArrayList<>(), open = new ArrayList<>();
        for (Slot s : ChallengeFlow.ORDER) {
            if (s == Slot.CONFIRM) continue;
            (c.has(s) ? done : open).add(s.label());
        }
        return "Challenge in progress: " + done.size() + " of " + (ChallengeFlow.ORDER.size() - 1) + " answered"
                + (done.isEmpty() ? "" : " (" + String.join(", ", done) + ")")
                + ". Now: " + slot.label() + (open.isEmpty() ? "" : ". Still to do: " + String.join(", ", open)) + ".";
    }

    /** Where a challenge in progress stands and the question it is at, for a channel that shows it without a turn. */
    List<Reply> whereItStands(Conversation c) {
        Slot slot = c.state() instanceof DialogueState.Collecting col ? col.slot()
                : c.state() instanceof DialogueState.ConfirmingCancel cc ? cc.resume() : null;
        if (slot == null) return List.of();
        return List.of(Reply.of(status(c, slot)), prompt(c, slot));
    }

    /** A yes at the summary: submitted, unless it was hedged and not yet checked ("Shall I send it now?"). */
    private void submitOrCheck(Turn t, boolean sure) {
        Conversation c = t.c;
        DraftNotes.Unsure asked = c.notes.unsure();
        if (!sure && (asked == null || asked.slot() != Slot.CONFIRM)) {
            c.notes = c.notes.withUnsure(new DraftNotes.Unsure(Slot.CONFIRM, "submit", t.text));
            t.say(Reply.of("Just to check: shall I send your challenge now, as it is above?", ChallengeFlow.SUBMIT_OR_CHANGE));
            return;
        }
        submit(t);
    }

    /** Submits the challenge: the case is created in the same transaction as the turn that records the person's yes. */
    void submit(Turn t) {
        Conversation c = t.c;
        Map<String, Object> details = new LinkedHashMap<>();
        for (Slot s : ChallengeFlow.ORDER) if (s != Slot.CONFIRM && c.has(s)) details.put(s.id(), c.answer(s));
        Map<String, String> facts = new LinkedHashMap<>(c.notes.withUnsure(null).withEmailQuestions(List.of()).toMap());
        for (Slot s : List.of(Slot.ROLE, Slot.CONSENT)) {
            if (c.has(s) && !c.answer(s).startsWith("(")) facts.put(s.id() + "_label", ChallengeFlow.label(s, c.answer(s)));
        }
        details.put("details", facts);
        details.put("suggestions", c.suggestions());
        details.put("channel", c.channel());
        String json;
        try {
            json = JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        t.submitted = new ConversationStore.NewCase(c.answer(Slot.AREA), c.answer(Slot.RESPONDENT),
                orEmpty(c.answer(Slot.ORGANISATION)), c.answer(Slot.NAME), c.answer(Slot.EMAIL), json);
        c.clearDraft();
        c.state = new DialogueState.Idle();
        t.say("Thank you. Your Compact challenge has been submitted: your reference is " + Conversation.PENDING_REF + ". "
                + "We will acknowledge it by email within 5 working days and pass it to an independent mediator, "
                + "who will be in touch. Say status at any time to see where it stands.");
    }

    private static String orEmpty(String s) {
        return s == null || s.startsWith("(") ? "" : s;
    }

    /** Fills slots the person's free text already answers (area, body, story, dates), without overwriting answers. */
    void prefill(Turn t, String text, boolean storyFromStart) {
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
    private static void takeDates(Conversation c, KeyDates.Reading r) {
        c.answers.put(Slot.DATES.id(), r.dates().describe());
        c.notes = c.notes.withDates(r.dates(), r.sources(), r.guessed());
    }

    private static List<String> noticed(Conversation c) {
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
