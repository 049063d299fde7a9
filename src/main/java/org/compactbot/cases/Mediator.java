package org.compactbot.cases;

import java.time.LocalDate;
import java.util.List;

/**
 * A mediator appointed by a Compact Implementation Group.
 *
 * @param deputy the id of the mediator who takes their new cases and their reminders while they are absent, or null
 */
public record Mediator(String id, String name, String email, String organisation, List<String> areas,
                       List<String> specialisms, int capacity, List<Absence> absent, String deputy) {
    public Mediator {
        areas = List.copyOf(areas);
        specialisms = List.copyOf(specialisms);
        absent = List.copyOf(absent);
    }

    /** A mediator with no deputy. */
    public Mediator(String id, String name, String email, String organisation, List<String> areas, List<String> specialisms, int capacity,
                    List<Absence> absent) {
        this(id, name, email, organisation, areas, specialisms, capacity, absent, null);
    }

    /** Away from {@code from} to {@code to}, both days included. */
    public record Absence(LocalDate from, LocalDate to) {
        public boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    public boolean absentOn(LocalDate day) {
        return absent.stream().anyMatch(a -> a.covers(day));
    }
}
