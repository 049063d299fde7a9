package org.compactbot.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.compactbot.conversation.ConversationId;

/**
 * One store's part of what is held about people, for UK GDPR requests and the retention schedule: each store answers
 * for its own tables. {@link PersonalDataService} asks every store in turn, inside one transaction, and adds up what
 * they say; a store with no personal data needs no part.
 *
 * <p>A person is found by their email address; a store may link more to them ({@link #link}): the case store their
 * cases and the conversations that raised them, the conversation store the conversations from that address or that
 * collected it. The other stores then act on all of it (the outbox on the emails about those cases, say).
 */
public interface PersonalRecords {

    /** The person as found so far, with what this store links to them. */
    default Person link(Person person) {
        return person;
    }

    /** What an erasure would take from this store's tables. */
    PersonalData.Holdings held(Person person);

    /** This store's sections of the person's export (JSON-ready, in order); each section a list. */
    Map<String, Object> export(Person person, boolean withFileContent);

    /** Erases the person's data from this store's tables (a case is anonymised, with an audit entry by {@code actor}). */
    void erase(Person person, Instant now, String actor);

    /** What the retention schedule has found due so far, with what this store adds (cases closed long enough, kept conversations). */
    default Due due(Due due) {
        return due;
    }

    /** Anonymises or deletes what is due in this store's tables (on a dry run, only counts it). */
    PersonalData.Sweep sweep(Due due, boolean dryRun, Instant now, String actor);

    /**
     * A person by email address (lower-cased), their cases as complainant (by reference, oldest first) and their
     * conversations (first those that raised their cases, then others in the order they began).
     */
    record Person(String address, List<String> cases, Set<ConversationId> conversations) {
        public Person {
            cases = List.copyOf(cases);
            conversations = Collections.unmodifiableSet(new LinkedHashSet<>(conversations));
        }

        public static Person byAddress(String address) {
            return new Person(Redaction.address(address), List.of(), Set.of());
        }

        public Person withCases(List<String> more) {
            List<String> all = new ArrayList<>(cases);
            for (String ref : more) if (!all.contains(ref)) all.add(ref);
            return new Person(address, all, conversations);
        }

        public Person withConversations(Set<ConversationId> more) {
            Set<ConversationId> all = new LinkedHashSet<>(conversations);
            all.addAll(more);
            return new Person(address, cases, all);
        }
    }

    /**
     * What the retention schedule finds due: cases closed before {@code casesClosedBefore} (not yet anonymised) and the
     * conversations that hold a case that is kept; conversations untouched since {@code untouchedBefore} that hold none
     * are abandoned drafts, as are mail logs of that age that belong to no case.
     */
    record Due(Instant casesClosedBefore, Instant untouchedBefore, List<ClosedCase> cases, Set<ConversationId> kept) {
        public Due {
            cases = List.copyOf(cases);
            kept = Collections.unmodifiableSet(new LinkedHashSet<>(kept));
        }

        public static Due at(Instant casesClosedBefore, Instant untouchedBefore) {
            return new Due(casesClosedBefore, untouchedBefore, List.of(), Set.of());
        }

        public Due with(List<ClosedCase> closed, Set<ConversationId> keptConversations) {
            List<ClosedCase> all = new ArrayList<>(cases);
            all.addAll(closed);
            Set<ConversationId> k = new LinkedHashSet<>(kept);
            k.addAll(keptConversations);
            return new Due(casesClosedBefore, untouchedBefore, all, k);
        }

        public List<String> refs() {
            return cases.stream().map(ClosedCase::ref).toList();
        }
    }

    /** A case due for anonymisation: its reference, the conversation that raised it (or null) and when it closed. */
    record ClosedCase(String ref, ConversationId conversation, Instant closedAt) {}
}
