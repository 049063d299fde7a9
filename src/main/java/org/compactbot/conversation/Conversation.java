package org.compactbot.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One person's conversation with the bot: where it stands, the challenge draft being filled in,
 * and the case it produced. Changed only inside one turn, under that conversation's lock.
 */
public final class Conversation {
    /** Bump when slots or their meaning change; older conversations are carried over, never stranded. */
    public static final int FLOW_VERSION = 1;

    final String id;
    final String channel;
    DialogueState state = new DialogueState.Idle();
    /** Answers by slot id, as the person gave them (normalised where the slot has choices). */
    final Map<String, String> answers = new LinkedHashMap<>();
    /** What the bot worked out from the answers: dates and their sentences, checks, chosen undertakings. */
    DraftNotes notes = DraftNotes.NONE;
    /**
     * Before a challenge: the message after which the bot offered to help raise one (null: no offer standing), and the
     * last question the person asked. "yes please" takes up the offer; what they said starts the challenge.
     */
    String offeredFor, lastQuestion;
    /** Undertakings offered for this challenge, so the choice is stable across turns. */
    final List<Suggestion> suggestions = new ArrayList<>();
    /** Slots asked, in order, for "back". */
    final List<String> asked = new ArrayList<>();
    final Map<String, Integer> failures = new LinkedHashMap<>();
    /** Asking for a person: a request waiting for the area or contact details, the last handover, turns not understood. */
    PersonNotes person = PersonNotes.NONE;
    String lastCaseRef;
    /** The key of the last message acted on (e.g. an email's Message-ID) and what the bot replied to it. */
    String lastTurnKey;
    List<Reply> lastReplies = List.of();
    /** Stands in replies for the reference of a case being created in the same transaction. */
    static final String PENDING_REF = "\u0000REF\u0000";
    Instant createdAt;
    Instant updatedAt;
    /** The version of this conversation the store holds (-1: not stored yet); a turn is saved only over that version. */
    private long storedVersion = -1;

    /** An undertaking offered as a likely fit: where it is, what it says, its code of practice. */
    public record Suggestion(String citation, String text, String code) {}

    public Conversation(String id, String channel, Instant now) {
        this.id = id;
        this.channel = channel;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String id() { return id; }

    public String channel() { return channel; }

    public DialogueState state() { return state; }

    public Map<String, String> answers() { return answers; }

    public DraftNotes notes() { return notes; }

    public List<Suggestion> suggestions() { return suggestions; }

    public String lastCaseRef() { return lastCaseRef; }

    public Instant updatedAt() { return updatedAt; }

    public Instant createdAt() { return createdAt; }

    public long storedVersion() { return storedVersion; }

    /** Records the version the store now holds (called by the store as it loads or saves the conversation). */
    public void stored(long version) {
        this.storedVersion = version;
    }

    /** Records the case this conversation's challenge became (called by the store as it saves the case). */
    public void caseCreated(String ref) {
        this.lastCaseRef = ref;
        this.lastReplies = lastReplies.stream().map(r -> r.withText(r.text().replace(PENDING_REF, ref))).toList();
    }

    /** Forgets the draft (after cancel, expiry or submission). */
    void clearDraft() {
        answers.clear();
        notes = DraftNotes.NONE;
        offeredFor = null;
        lastQuestion = null;
        suggestions.clear();
        asked.clear();
        failures.clear();
    }

    String answer(Slot s) {
        return answers.get(s.id());
    }

    boolean has(Slot s) {
        return answers.containsKey(s.id());
    }

    /** Where the stored form keeps {@link #offeredFor} and {@link #lastQuestion}, beside the notes. */
    private static final String OFFER_CONTEXT = "offer_context", LAST_QUESTION = "last_question";

    /** The serialisable form, for the store. */
    public Snapshot snapshot() {
        String slot = null, returnTo = null, kind = "idle";
        if (state instanceof DialogueState.Collecting c) {
            kind = "collecting";
            slot = c.slot().id();
            returnTo = c.returnTo() == null ? null : c.returnTo().id();
        } else if (state instanceof DialogueState.ConfirmingCancel cc) {
            kind = "confirming_cancel";
            slot = cc.resume().id();
        }
        Map<String, String> details = new LinkedHashMap<>(notes.toMap());
        if (offeredFor != null) details.put(OFFER_CONTEXT, offeredFor);
        if (lastQuestion != null) details.put(LAST_QUESTION, lastQuestion);
        details.putAll(person.toMap());
        return new Snapshot(FLOW_VERSION, kind, slot, returnTo, Map.copyOf(answers), Map.copyOf(details),
                List.copyOf(suggestions), List.copyOf(asked), Map.copyOf(failures), lastCaseRef,
                createdAt.toString(), updatedAt.toString(), lastTurnKey, List.copyOf(lastReplies));
    }

    /** The stored form of a conversation (JSON in the store). */
    public record Snapshot(int flowVersion, String state, String slot, String returnTo, Map<String, String> answers,
                           Map<String, String> details, List<Suggestion> suggestions, List<String> asked,
                           Map<String, Integer> failures, String lastCaseRef, String createdAt, String updatedAt,
                           String lastTurnKey, List<Reply> lastReplies) {}

    /**
     * Rebuilds a conversation from its stored form. Slots that no longer exist (a newer flow) are
     * dropped and the conversation continues at the first unanswered slot, never stranded.
     */
    public static Conversation restore(String id, String channel, Snapshot s) {
        Conversation c = new Conversation(id, channel, Instant.parse(s.createdAt()));
        c.updatedAt = Instant.parse(s.updatedAt());
        if (s.answers() != null) s.answers().forEach((k, v) -> { if (Slot.byId(k).isPresent() && v != null) c.answers.put(k, v); });
        if (s.details() != null) {
            c.notes = DraftNotes.fromMap(s.details());
            c.offeredFor = s.details().get(OFFER_CONTEXT);
            c.lastQuestion = s.details().get(LAST_QUESTION);
            c.person = PersonNotes.fromMap(s.details());
        }
        if (s.suggestions() != null) c.suggestions.addAll(s.suggestions());
        if (s.asked() != null) s.asked().stream().filter(a -> Slot.byId(a).isPresent()).forEach(c.asked::add);
        if (s.failures() != null) c.failures.putAll(s.failures());
        c.lastCaseRef = s.lastCaseRef();
        c.lastTurnKey = s.lastTurnKey();
        c.lastReplies = s.lastReplies() == null ? List.of() : List.copyOf(s.lastReplies());
        Slot slot = s.slot() == null ? null : Slot.byId(s.slot()).orElse(null);
        Slot returnTo = s.returnTo() == null ? null : Slot.byId(s.returnTo()).orElse(null);
        switch (s.state() == null ? "idle" : s.state()) {
            case "collecting" -> c.state = new DialogueState.Collecting(slot != null ? slot : ChallengeFlow.firstOpen(c), returnTo);
            case "confirming_cancel" -> c.state = new DialogueState.ConfirmingCancel(slot != null ? slot : ChallengeFlow.firstOpen(c));
            default -> c.state = new DialogueState.Idle();
        }
        return c;
    }
}
