package org.compactbot.cases;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where cases, their history and their outgoing mail are kept. */
public interface CaseStore {
    Optional<ChallengeCase> find(String ref);

    /** Cases, newest first; null filters match everything. */
    List<ChallengeCase> list(CaseStatus status, String area);

    /**
     * The cases in any of {@code areas} or with any of {@code mediatorIds}, at {@code status} (null: any), newest first:
     * what the case desk may show one person, read without the rest (the desk still checks each case it shows).
     */
    List<ChallengeCase> listFor(List<String> areas, List<String> mediatorIds, CaseStatus status);

    /** The cases raised in one conversation (a person's own), newest first. */
    List<ChallengeCase> raisedIn(String conversationId);

    List<CaseEvent> history(String ref);

    /** References of submitted cases not yet routed, oldest first. */
    List<String> unrouted();

    Map<String, Integer> openCasesByMediator();

    /** How many cases stand at each status. */
    Map<String, Integer> countByStatus();

    /** The mediator who got the latest case in the area (for round-robin), or null. */
    String lastAssigned(String area);

    /** Mediators who declined or timed out on this case. */
    List<String> passedOver(String ref);

    boolean timerFired(String ref, String timer);

    /** The conversation's transcript as "> in" / "< out" lines. */
    List<String> transcript(String conversationId);

    /** Keeps a file the complainant sent as evidence on the case. */
    void addEvidence(String ref, String name, String type, byte[] content);

    /** The evidence files on a case: name and size. */
    List<Map.Entry<String, Long>> evidence(String ref);

    /** Applies the change in one transaction; false when the move is not allowed or the timer already fired. */
    boolean apply(CaseChange change);
}
