package org.compactbot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DraftNotesTest {
    @Test
    void theFlatFormCarriesTheKeysCasesReadAndComesBackTheSame() {
        DraftNotes n = DraftNotes.NONE
                .withDates(new KeyDates(LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 30), null, null),
                        Map.of("told", "They told us on 3 November that our grant ends on 30 November."), true)
                .withChecks("27 days' notice, less than the Compact's minimum of three months")
                .withChoice(List.of(1, 3), List.of("funding", "managing-change"))
                .withAreaFromStory().withRespondentSaid("the council").withEmailQuestions(List.of(Slot.ROLE, Slot.DATES))
                .withSearchedFor("notice").withUnsure(new DraftNotes.Unsure(Slot.CONSENT, "share", "I suppose they can know"));
        Map<String, String> m = n.toMap();
        assertEquals("2026-11-03", m.get("told"));
        assertEquals("2026-11-30", m.get("effective"));
        assertEquals("[1, 3]", m.get("undertaking_numbers"));
        assertEquals("funding,managing-change", m.get("codes"));
        assertEquals("They told us on 3 November that our grant ends on 30 November.", m.get("told_source"));
        assertTrue(m.get("checks").contains("27 days"));
        assertEquals(n, DraftNotes.fromMap(m));
    }

    @Test
    void aConversationSavedBeforeTheRecordReadsItsDetailsBack() {
        DraftNotes n = DraftNotes.fromMap(Map.of("told", "2026-10-12", "effective", "2026-10-31", "undertaking_numbers", "[2]",
                "codes", "funding", "batch", "role,organisation", "checks", "19 days' notice", "role_label", "A voluntary or community group",
                "consultation_opened", "not a date"));
        assertEquals(LocalDate.of(2026, 10, 12), n.dates().told());
        assertEquals(null, n.dates().consultationOpened(), "a date that does not parse is dropped, not thrown");
        assertEquals(List.of(2), n.chosen());
        assertEquals(List.of(Slot.ROLE, Slot.ORGANISATION), n.emailQuestions());
        assertFalse(n.datesUnsure());
    }

    @Test
    void randomFlatFormsNeverThrow() {
        Random r = new Random(20261202);
        String[] keys = {"told", "effective", "undertaking_numbers", "codes", "batch", "unsure_slot", "unsure_value", "dates_guessed", "checks"};
        String[] values = {"", "2026-13-40", "[1, x]", ",,", "role,,nope", "consent", "[", "true", "2026-11-03", "999999999999"};
        for (int i = 0; i < 2000; i++) {
            Map<String, String> m = new java.util.HashMap<>();
            for (String k : keys) if (r.nextBoolean()) m.put(k, values[r.nextInt(values.length)]);
            DraftNotes n = DraftNotes.fromMap(m);
            assertEquals(n, DraftNotes.fromMap(n.toMap()), m.toString());
        }
    }
}
