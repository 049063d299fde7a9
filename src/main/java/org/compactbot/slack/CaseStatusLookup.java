package org.compactbot.slack;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.compactbot.cases.CaseProgress;
import org.compactbot.cases.CaseStore;
import org.compactbot.conversation.ConversationId;

/** The cases a person raised, for showing them where each stands: only ever the person's own. */
public interface CaseStatusLookup {
    ZoneId UK = ZoneId.of("Europe/London");

    /** Where a case stands (its stage, next deadline and next step), if it was raised in this conversation. */
    Optional<CaseProgress> raisedIn(String ref, ConversationId conversation);

    /** The cases raised in this conversation, newest first. */
    List<OwnCase> raisedBy(ConversationId conversation);

    /** One of the person's own cases, as their App Home lists it. */
    record OwnCase(String ref, String status, String respondent, LocalDate raisedOn) {}

    /** The lookup over the case store, each case's progress as {@code progress} works it out (CaseService's: paused time counted). */
    static CaseStatusLookup of(CaseStore store, java.util.function.Function<org.compactbot.cases.ChallengeCase, CaseProgress> progress) {
        return new CaseStatusLookup() {
            @Override
            public Optional<CaseProgress> raisedIn(String ref, ConversationId conversation) {
                return store.find(ref).filter(c -> conversation.value().equals(c.conversationId()))
                        .map(progress);
            }

            @Override
            public List<OwnCase> raisedBy(ConversationId conversation) {
                return store.raisedIn(conversation.value()).stream().map(c -> new OwnCase(c.ref(), c.status().id(), c.respondent(),
                        LocalDate.ofInstant(c.createdAt(), UK))).toList();
            }
        };
    }

    /** No cases anywhere (tests, or before the case store exists). */
    CaseStatusLookup NONE = new CaseStatusLookup() {
        @Override
        public Optional<CaseProgress> raisedIn(String ref, ConversationId conversation) {
            return Optional.empty();
        }

        @Override
        public List<OwnCase> raisedBy(ConversationId conversation) {
            return List.of();
        }
    };
}
