package org.compactbot.cases;

import java.time.LocalDate;
import java.util.List;

/**
 * How an area runs the Compact Resolution Process, as its {@code leads:} entry in config/mediators.yml says: when the
 * body is asked for its formal response ({@code ask-body}), and the area's own closure days ({@code closed}, a Christmas
 * shutdown say), which no case timer of the area counts, on top of weekends and bank holidays.
 */
public record AreaProcess(String area, AskBody askBody, List<Closure> closed) {
    public AreaProcess {
        closed = List.copyOf(closed);
    }

    /** When the body's Compact lead officer is asked for a formal response. */
    public enum AskBody {
        /** when the mediator accepts the case (the default) */
        ON_ACCEPT("on-accept"),
        /** as soon as the case is routed, while the mediator decides */
        AT_ONCE("at-once");

        private final String id;

        AskBody(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static java.util.Optional<AskBody> byId(String id) {
            for (AskBody a : values()) if (a.id.equals(id)) return java.util.Optional.of(a);
            return java.util.Optional.empty();
        }
    }

    /** Days from {@code from} to {@code to}, both included, when the area's offices are closed. */
    public record Closure(LocalDate from, LocalDate to) {
        boolean covers(LocalDate d) {
            return !d.isBefore(from) && !d.isAfter(to);
        }
    }

    /** What an area without settings does: asks the body on acceptance, and closes only at weekends and on bank holidays. */
    public static AreaProcess standard(String area) {
        return new AreaProcess(area, AskBody.ON_ACCEPT, List.of());
    }

    /** Whether the area is closed on this day (its own closures only; weekends and bank holidays are {@link WorkingDays}'). */
    public boolean closedOn(LocalDate d) {
        for (Closure c : closed) if (c.covers(d)) return true;
        return false;
    }
}
