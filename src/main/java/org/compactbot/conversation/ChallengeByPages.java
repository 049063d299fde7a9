package org.compactbot.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A challenge raised one question per page (the web's pages): each answer read the way its question reads it in chat
 * ({@link ChallengeFlow#read}), kept in the conversation's draft with what follows from it ({@link Intake#keep}: dates,
 * the Compact checks, the body by its configured name), the undertakings suggested as soon as the story and area are
 * known; then checked by the person and submitted as the same case as at the end of a chat. A page is read as written:
 * no "just to check", since the person sees every answer again before sending it. Each answer is a turn, saved with
 * its transcript line.
 */
final class ChallengeByPages {
    private final Intake intake;
    private final TurnRunner runner;

    ChallengeByPages(Intake intake, TurnRunner runner) {
        this.intake = intake;
        this.runner = runner;
    }

    /** Begins a new draft, replacing any in progress; the first question is the area. */
    void start(String conversationId, String channel) {
        runner.locked(conversationId, () -> {
            Conversation c = runner.loadOrBegin(conversationId, channel, runner.now(), new ArrayList<>());
            c.clearDraft();
            c.state = new DialogueState.Collecting(ChallengeFlow.firstOpen(c), null);
            return save(c, "(started a challenge on the web)", List.of());
        });
    }

    /** Reads one page's answer; blank is a skip where the question is optional. */
    PageAnswer answer(String conversationId, Slot slot, String raw) {
        if (slot == Slot.CONFIRM) throw new IllegalArgumentException("confirm is not a question page");
        return runner.locked(conversationId, () -> {
            Optional<Conversation> found = runner.find(conversationId);
            if (found.isEmpty() || !runner.draftLive(found.get())) return new PageAnswer.NoDraft();
            Conversation c = found.get();
            String text = TurnRunner.clean(raw == null ? "" : raw);
            Turn t = new Turn(c, text, Map.of(), runner.today());
            if (text.isEmpty()) {
                if (!slot.optional()) return new PageAnswer.Missing(slot);
                Intake.skip(c, slot);
            } else {
                Validation v = intake.flow().read(slot, text, c, t.today);
                if (v instanceof Validation.Rejected r) return new PageAnswer.Rejected(slot, r.message());
                // an answer given again is a change: what depended on the old one (undertakings chosen from a story) goes
                intake.keep(t, slot, c.has(slot) ? Slot.CONFIRM : null, text, (Validation.Accepted) v);
            }
            // the undertakings to offer, found once the story is told (again after the area or the story changes)
            if ((slot == Slot.AREA || slot == Slot.WHAT_HAPPENED) && c.suggestions().isEmpty()) intake.suggest(c);
            Slot next = ChallengeFlow.firstOpen(c);
            c.state = new DialogueState.Collecting(next, null);
            save(c, slot.label() + ": " + (text.isEmpty() ? "(skipped)" : text), t.replies);
            return new PageAnswer.Kept(next);
        });
    }

    /**
     * Takes up a saved draft under another conversation (the browser that opened the emailed link): the first question
     * still open, or empty when the draft has expired, been sent or moved, or the new conversation exists already.
     */
    Optional<Slot> takeUp(String from, String to) {
        return runner.locked(from, () -> {
            Optional<Conversation> found = runner.find(from).filter(runner::draftLive);
            if (found.isEmpty()) return Optional.<Slot>empty();
            if (!from.equals(to) && !runner.move(from, to)) return Optional.<Slot>empty();
            return Optional.of(ChallengeFlow.firstOpen(found.get()));
        });
    }

    /** The draft as its pages show it, if one is in progress; reads only. */
    Optional<PageDraft> draft(String conversationId) {
        return runner.find(conversationId).filter(runner::draftLive).map(this::shown);
    }

    private PageDraft shown(Conversation c) {
        Map<Slot, String> answers = new EnumMap<>(Slot.class), shown = new EnumMap<>(Slot.class);
        for (Slot s : ChallengeFlow.ORDER) {
            String v = c.answer(s);
            if (s == Slot.CONFIRM || v == null) continue;
            answers.put(s, v);
            if (!v.startsWith("(")) shown.put(s, intake.flow().shown(s, c));
        }
        List<PageDraft.Offer> offers = new ArrayList<>();
        // the numbers chosen count while the choice stands (a changed story or area asks for it again)
        List<Integer> chosen = c.has(Slot.UNDERTAKINGS) ? c.notes().chosen() : List.of();
        for (int i = 0; i < c.suggestions().size(); i++) {
            Conversation.Suggestion s = c.suggestions().get(i);
            offers.add(new PageDraft.Offer(i + 1, s.text(), s.citation(), chosen.contains(i + 1)));
        }
        String respondent = shown.get(Slot.RESPONDENT) == null ? null : c.answer(Slot.RESPONDENT);
        return new PageDraft(ChallengeFlow.firstOpen(c), answers, shown, offers, c.notes().checks(), respondent);
    }

    /** Submits the draft once every question is answered: the case is created in the same transaction as the turn. */
    PageSubmission submit(String conversationId) {
        return runner.locked(conversationId, () -> {
            Optional<Conversation> found = runner.find(conversationId);
            if (found.isEmpty() || !runner.draftLive(found.get())) {
                return found.map(Conversation::lastCaseRef).<PageSubmission>map(PageSubmission.AlreadySubmitted::new)
                        .orElseGet(PageSubmission.NoDraft::new);
            }
            Conversation c = found.get();
            Slot open = ChallengeFlow.firstOpen(c);
            if (open != Slot.CONFIRM) return new PageSubmission.Incomplete(open);
            Turn t = new Turn(c, "", Map.of(), runner.today());
            String summary = intake.flow().summary(c);
            CaseSubmission.submit(t);
            c.updatedAt = runner.now();
            TurnResult result = runner.commit(c, "(challenge checked and sent on the web)\n" + summary, t.replies, t.submitted);
            return new PageSubmission.Submitted(result.caseInfo());
        });
    }

    private TurnResult save(Conversation c, String said, List<Reply> replies) {
        Instant now = runner.now();
        c.updatedAt = now;
        c.lastTurnKey = null;
        c.lastReplies = List.of();
        return runner.commit(c, said, replies, null);
    }
}
