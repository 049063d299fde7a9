package org.compactbot.conversation;

import java.util.List;
import java.util.Optional;

/** Where conversations, their transcripts and the cases they create are kept. */
public interface ConversationStore {

    /** What a stored conversation row held: its state, or the reason it could not be read. */
    sealed interface Loaded {
        record Found(Conversation conversation) implements Loaded {}
        record Missing() implements Loaded {}
        /** A row that could not be read; {@code version} lets a fresh start be saved over it. */
        record Corrupt(String reason, long version) implements Loaded {}
    }

    Loaded load(String conversationId);

    /** A line of the transcript. */
    record Line(String direction, String text) {}

    /**
     * Saves a turn atomically: the conversation, the transcript lines and, when the person has just
     * confirmed their challenge, the new case (with its first audit entry and the outbox row that
     * routing picks up). Returns the new case's reference, if one was created. Saved only over the
     * version the conversation was loaded at: if another turn (on another instance sharing the
     * database) saved it meanwhile, nothing is saved and {@link ConcurrentTurn} is thrown.
     */
    Optional<String> commitTurn(Conversation conversation, List<Line> transcript, NewCase newCase);

    /** Another turn of the same conversation was saved between this turn's load and its save; nothing of this one was. */
    final class ConcurrentTurn extends RuntimeException {
        public ConcurrentTurn(String conversationId) {
            super("conversation " + conversationId + " changed while this turn ran");
        }
    }

    /**
     * Moves a conversation, with its transcript, draft files and the cases it raised, to another id (a saved draft taken
     * up in another browser). False, and nothing moved, when there is none at {@code from} or there is one at {@code to}.
     */
    default boolean move(String from, String to) {
        return false; // a store that cannot move conversations: a saved draft opens only where it was saved
    }

    /** Keeps a file sent before the challenge exists; it becomes evidence on the case when the challenge is submitted. */
    void keepDraftEvidence(String conversationId, String name, String type, byte[] content);

    /** A file kept for a challenge not yet sent: its name, type and size. */
    record DraftFile(String name, String type, long bytes) {}

    /** The files kept so far for the conversation's challenge (not yet sent), oldest first. */
    default List<DraftFile> draftEvidence(String conversationId) {
        return List.of();
    }

    /** The status and mediator of a case, if it exists. */
    Optional<CaseInfo> caseInfo(String ref);

    /**
     * What a case holds that its early-resolution letter is composed from: its columns as they stand now (erasure and
     * anonymisation change them) and the details it was submitted with. Empty when there is no such case. Nothing is
     * kept for the letter itself: it is composed again each time it is asked for.
     */
    default Optional<CaseFacts> caseFacts(String ref) {
        return Optional.empty();
    }

    /** A case's parts a letter reads; see {@link #caseFacts(String)}. */
    record CaseFacts(String area, String respondent, String organisation, String complainantName, String detailsJson) {}

    /** A challenge ready to become a case. */
    record NewCase(String area, String respondent, String organisation, String complainantName,
                   String complainantEmail, String detailsJson) {}
}
