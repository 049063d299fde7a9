package org.compactbot.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A challenge handed on at the person's yes: the answers, what followed from them ({@link DraftNotes}, the labels of
 * role and consent), the undertakings offered and the channel, as the {@link ConversationStore.NewCase} the store
 * creates in the same transaction as the turn. The draft is cleared and the person told their reference.
 */
final class CaseSubmission {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseSubmission() {}

    /** Submits the challenge: the case is created in the same transaction as the turn that records the person's yes. */
    static void submit(Turn t) {
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
        java.util.Optional<Reply> letter = LetterRequest.offer(c);
        t.submitted = new ConversationStore.NewCase(c.answer(Slot.AREA), c.answer(Slot.RESPONDENT),
                orEmpty(c.answer(Slot.ORGANISATION)), c.answer(Slot.NAME), c.answer(Slot.EMAIL), json);
        c.clearDraft();
        c.state = new DialogueState.Idle();
        t.say("Thank you. Your Compact challenge has been submitted: your reference is " + Conversation.PENDING_REF + ". "
                + "We will acknowledge it by email within 5 working days and pass it to an independent mediator, "
                + "who will be in touch. Say status at any time to see where it stands.");
        letter.ifPresent(t::say);
    }

    private static String orEmpty(String s) {
        return s == null || s.startsWith("(") ? "" : s;
    }
}
