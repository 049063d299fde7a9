package org.compactbot.conversation;

import java.util.List;
import java.util.Optional;

/** Where conversations, their transcripts and the cases they create are kept. */
public interface ConversationStore {

    /** What a stored conversation row held: its state, or the reason it could not be read. */
    sealed interface Loaded {
        record Found(Conversation conversation) implements Loaded {}
        record Missing() implements Loaded {}
        record Corrupt(String reason) implements Loaded {}
    }

    Loaded load(String conversationId);

    /** A line of the transcript. */
    record Line(String direction, String text) {}

    /**
     * Saves a turn atomically: the conversation, the transcript lines and, when the person has just
     * confirmed their challenge, the new case (with its first audit entry and the outbox row that
     * routing picks up). Returns the new case's reference, if one was created.
     */
    Optional<String> commitTurn(Conversation conversation, List<Line> transcript, NewCase newCase);

    /** Keeps a file sent before the challenge exists; it becomes evidence on the case when the challenge is submitted. */
    void keepDraftEvidence(String conversationId, String name, String type, byte[] content);

    /** The status and mediator of a case, if it exists. */
    Optional<CaseInfo> caseInfo(String ref);

    /** A challenge ready to become a case. */
    record NewCase(String area, String respondent, String organisation, String complainantName,
                   String complainantEmail, String detailsJson) {}
}
