package org.compactbot.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A challenge sent as one completed form (Slack's modal): every field is read the way its question reads an answer;
 * with any field wrong, nothing is kept and each problem is returned against its field. Otherwise the case is created
 * as at the end of the conversation, replacing any draft in progress, and the turn is recorded in the transcript.
 */
final class ChallengeForm {
    private final Intake intake;
    private final TurnRunner runner;

    ChallengeForm(Intake intake, TurnRunner runner) {
        this.intake = intake;
        this.runner = runner;
    }

    FormOutcome submit(String conversationId, String channel, Map<Slot, String> form) {
        return runner.locked(conversationId, () -> once(conversationId, channel, form));
    }

    private FormOutcome once(String conversationId, String channel, Map<Slot, String> form) {
        Instant now = runner.now();
        Conversation draft = new Conversation(conversationId, channel, now);
        Turn reading = new Turn(draft, "", Map.of(), runner.today());
        Map<Slot, String> errors = new LinkedHashMap<>();
        for (Slot s : ChallengeFlow.ORDER) {
            if (s == Slot.CONFIRM || s == Slot.UNDERTAKINGS) continue;
            String value = TurnRunner.clean(form.getOrDefault(s, "")).strip();
            if (value.isEmpty()) {
                if (!s.optional()) errors.put(s, "Please fill this in.");
                continue;
            }
            Validation v = intake.flow().read(s, value, draft, reading.today);
            // a form is read as written: no "just to check", the person sees every field before sending it
            if (v instanceof Validation.Accepted ok) intake.keep(reading, s, null, value, ok);
            else errors.put(s, ((Validation.Rejected) v).message());
        }
        if (!errors.isEmpty()) return new FormOutcome.Invalid(errors);
        intake.suggest(draft);
        String chosen = TurnRunner.clean(form.getOrDefault(Slot.UNDERTAKINGS, "")).strip();
        draft.answers.put(Slot.UNDERTAKINGS.id(), !chosen.isEmpty() ? ChallengeFlow.shorten(chosen, ChallengeFlow.MAX_ANSWER)
                : draft.suggestions().isEmpty() ? "(none chosen)" : "(not chosen: the closest undertakings are suggested below)");
        for (Slot s : ChallengeFlow.ORDER) if (s.optional() && !draft.has(s)) draft.answers.put(s.id(), "(skipped)");

        Conversation c = runner.loadOrBegin(conversationId, channel, now, new ArrayList<>());
        c.clearDraft();
        c.answers.putAll(draft.answers);
        c.notes = draft.notes;
        c.suggestions.addAll(draft.suggestions);
        Turn t = new Turn(c, "", Map.of(), reading.today);
        CaseSubmission.submit(t);
        String checks = draft.notes.checks();
        if (!checks.isBlank()) t.say("Checked against the Compact:\n" + checks);
        c.updatedAt = now;
        c.lastTurnKey = null;
        c.lastReplies = List.of();
        TurnResult result = runner.commit(c, "(challenge form)\n" + intake.flow().summary(draft), t.replies, t.submitted);
        return new FormOutcome.Submitted(result);
    }
}
