package org.compactbot.knowledge;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Compact's codes of practice, by the ids that are a contract: a mediator's specialisms in
 * {@code config/mediators.yml}, the codes a case records and is routed by, the code a passage belongs to. The one list
 * of them; its order is the order they are named in.
 */
public enum PracticeCode {
    FUNDING("funding"),
    CONSULTATION("consultation"),
    VOLUNTEERING("volunteering"),
    EQUALITY("equality"),
    BME("bme"),
    COMMUNITY_GROUPS("community-groups"),
    PARTNERSHIPS("partnerships"),
    MANAGING_CHANGE("managing-change");

    /** Every code's id, in order. */
    public static final List<String> IDS = Arrays.stream(values()).map(PracticeCode::id).toList();

    private final String id;

    PracticeCode(String id) {
        this.id = id;
    }

    /** The id as configured and stored, e.g. {@code community-groups}. */
    public String id() {
        return id;
    }

    public static Optional<PracticeCode> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
