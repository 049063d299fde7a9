package org.compactbot.cases;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Where a Compact challenge stands (DOMAIN.md, "Case lifecycle we adopt"). */
public enum CaseStatus {
    SUBMITTED, ASSIGNED, ACCEPTED, IN_MEDIATION, RESOLVED, WITHDRAWN, CLOSED_UNRESOLVED, SIGNPOSTED, ESCALATED,
    /** The mediator asked the complainant for information: the case's timers stop until they reply. */
    AWAITING_COMPLAINANT,
    /** The body's Compact lead officer was asked for a formal response: the case's timers stop until the body replies. */
    AWAITING_BODY;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CaseStatus> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }

    /** The status in words, as the person who raised the case would say it (their App Home lists their cases so). */
    public String inWords() {
        return switch (this) {
            case SUBMITTED -> "received, waiting for a mediator";
            case ASSIGNED -> "with a mediator, waiting for them to accept";
            case ACCEPTED -> "accepted by a mediator";
            case IN_MEDIATION -> "in mediation";
            case ESCALATED -> "escalated to the Compact lead";
            case RESOLVED -> "resolved";
            case WITHDRAWN -> "withdrawn";
            case CLOSED_UNRESOLVED -> "closed without agreement";
            case SIGNPOSTED -> "closed, signposted elsewhere";
            case AWAITING_COMPLAINANT -> "waiting for your reply to the mediator";
            case AWAITING_BODY -> "waiting for the body's formal response";
        };
    }

    public boolean closed() {
        return this == RESOLVED || this == WITHDRAWN || this == CLOSED_UNRESOLVED || this == SIGNPOSTED;
    }

    /** The statuses a case may move to from this one. */
    public Set<CaseStatus> next() {
        return switch (this) {
            case SUBMITTED -> Set.of(ASSIGNED, ESCALATED, WITHDRAWN, SIGNPOSTED, CLOSED_UNRESOLVED);
            case ASSIGNED -> Set.of(ASSIGNED, ACCEPTED, ESCALATED, WITHDRAWN, SIGNPOSTED, CLOSED_UNRESOLVED, RESOLVED);
            case ACCEPTED -> Set.of(IN_MEDIATION, ASSIGNED, RESOLVED, WITHDRAWN, CLOSED_UNRESOLVED, SIGNPOSTED, ESCALATED, AWAITING_COMPLAINANT,
                    AWAITING_BODY);
            case IN_MEDIATION -> Set.of(RESOLVED, WITHDRAWN, CLOSED_UNRESOLVED, SIGNPOSTED, ESCALATED, ASSIGNED, AWAITING_COMPLAINANT, AWAITING_BODY);
            case AWAITING_COMPLAINANT, AWAITING_BODY -> Set.of(IN_MEDIATION, AWAITING_COMPLAINANT, AWAITING_BODY, RESOLVED, WITHDRAWN,
                    CLOSED_UNRESOLVED, SIGNPOSTED, ESCALATED, ASSIGNED);
            case ESCALATED -> Set.of(ASSIGNED, ACCEPTED, IN_MEDIATION, RESOLVED, WITHDRAWN, CLOSED_UNRESOLVED, SIGNPOSTED);
            case RESOLVED, WITHDRAWN, CLOSED_UNRESOLVED, SIGNPOSTED -> Set.of();
        };
    }
}
