package org.compactbot.conversation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.compactbot.knowledge.AnswerService;

/**
 * The challenge intake: from the first message that starts a challenge to the person's yes at the summary. Reads
 * each reply for what it says ({@link Understanding}), then as the answer to the question asked ({@link ChallengeFlow}),
 * keeps what follows from it (dates and their sentences, the Compact checks, the body by its configured name), asks
 * "just to check" when a reading is unsure, and moves to the next open question.
 *
 * <p>It coordinates; the jobs are its helpers': {@link Prefill} (what the person's own words already answer),
 * {@link JustToCheck} (an unsure reading or a hedged yes put back to the person), {@link AnswersSoFar} (status, back,
 * change), {@link UndertakingSuggestions} (the undertakings offered) and {@link CaseSubmission} (the case at the yes).
 */
final class Intake {
    static final int MAX_FAILURES = 3;

    private final ChallengeFlow flow;
    private final CompactChecks checks;
    private final Questions questions;
    private final Prefill prefill;
    private final UndertakingSuggestions suggestions;
    private final JustToCheck justToCheck = new JustToCheck(this);
    private final AnswersSoFar soFar = new AnswersSoFar(this);
    private EmailIntake email;

    Intake(ChallengeFlow flow, CompactChecks checks, AnswerService answers, Questions questions, BodyNames bodies) {
        this.flow = flow;
        this.checks = checks;
        this.questions = questions;
        this.prefill = new Prefill(flow, answers, bodies);
        this.suggestions = new UndertakingSuggestions(answers);
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
        prefill.fill(t, story, true);
        List<String> noticed = Prefill.noticed(c);
        if (!noticed.isEmpty()) t.say("From what you said, I have noted: " + String.join("; ", noticed) + ". You can change any of these later.");
        refreshChecks(t);
        Slot first = ChallengeFlow.firstOpen(c);
        c.state = new DialogueState.Collecting(first, null);
        if (Channel.named(c.channel()).asksAllAtOnce()) {
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
            if (ch.target() == null) soFar.whichToChange(t);
            else soFar.change(t, slot, ch.target(), ch.value());
        } else if (said instanceof Understanding.Said.Submit s) {
            justToCheck.submitOrCheck(t, s.sure());
        } else if (said instanceof Understanding.Said.Unclear) {
            t.misunderstood = true;
            t.say(Reply.of("Say yes to submit your challenge, or \"change\" and the item to correct it.", ChallengeFlow.SUBMIT_OR_CHANGE));
        } else if (said instanceof Understanding.Said.Question && (slot == Slot.CONFIRM || !readAsEmail(t))) {
            t.say(questions.answer(t, c.answer(Slot.AREA), false, c.answer(Slot.WHAT_HAPPENED)));
            t.say(prompt(c, slot));
        } else if (!(said instanceof Understanding.Said.Question) && !readAsEmail(t)) {
            accept(t, slot, at.returnTo(), t.text);
        }
    }

    /** By email, the reply to the last numbered list; false when it answers none of it (then it is read as usual). */
    private boolean readAsEmail(Turn t) {
        return Channel.named(t.c.channel()).asksAllAtOnce() && email.readList(t);
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
                t.say(AnswersSoFar.status(c, slot));
                t.say(prompt(c, slot));
            }
            case BACK -> soFar.back(t, slot);
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
        if (justToCheck.settles(t, slot, returnTo, text)) return;
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
            justToCheck.ask(t, slot, ok, text);
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
            prefill.fill(t, text, false);
            if (!c.has(Slot.DATES) || c.notes.dates().told() == null) {
                // one date is enough here: the person is telling us, not being asked for both
                KeyDates.Reading r = KeyDates.reading(text, t.today, ChallengeFlow.aboutConsultation(c));
                if (!r.dates().isEmpty() && r.dates().problem(t.today) == null) Prefill.takeDates(c, r);
            }
            refreshChecks(t);
            c.suggestions.clear();
            t.say("Thank you, I've added that to what happened.");
            t.say(prompt(c, slot));
            return;
        }
        if (slot == Slot.UNDERTAKINGS && suggestions.offerAgain(c, text)) {
            // "the consultation one" when none offered is about consultation: offer the ones closest to what they named
            t.say("Here are the undertakings closest to what you said.");
            t.say(prompt(c, slot));
            return;
        }
        int failures = c.failures.merge(slot.id(), 1, Integer::sum);
        t.misunderstood = true;
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
        if (slot == Slot.AREA || slot == Slot.RESPONDENT) prefill.nameBody(c);
        if (slot == Slot.WHAT_HAPPENED) {
            prefill.fill(t, text, false);
            if (!ok.value().equals(previous)) {
                c.suggestions.clear();
                if (returnTo != null && c.has(Slot.UNDERTAKINGS)) c.answers.remove(Slot.UNDERTAKINGS.id());
            }
        }
        if (slot == Slot.DATES || slot == Slot.AREA || slot == Slot.WHAT_HAPPENED) refreshChecks(t);
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
        if (slot == Slot.UNDERTAKINGS && c.suggestions().isEmpty()) suggestions.offer(c);
        if (slot == Slot.DATES && c.has(Slot.DATES) && c.notes.datesUnsure()) return flow.checkDates(c);
        return flow.prompt(slot, c);
    }

    /** A reply to "which apply?" that gives dates or several sentences of facts rather than a choice. */
    private static boolean tellsMoreOfTheStory(String text) {
        return UkDates.mentionsADate(text) && text.split("\\s+").length >= 6;
    }

    /** Where a challenge in progress stands and the question it is at, for a channel that shows it without a turn. */
    List<Reply> whereItStands(Conversation c) {
        Slot slot = c.state() instanceof DialogueState.Collecting col ? col.slot()
                : c.state() instanceof DialogueState.ConfirmingCancel cc ? cc.resume() : null;
        if (slot == null) return List.of();
        return List.of(Reply.of(AnswersSoFar.status(c, slot)), prompt(c, slot));
    }

    /** The undertakings closest to the story, for a form that shows them without asking. */
    void suggest(Conversation c) {
        suggestions.offer(c);
    }
}
