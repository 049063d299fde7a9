package org.compactbot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GapTextTest {
    @Test
    void questionWordsAreKeptAndWaysToReachThePersonAreNot() {
        String kept = GapText.of("My name is Jane Smith, can the council stop our grant? Email jane.smith@foodbank.org.uk or ring 01642 123456, "
                + "we're at TS10 1AB, see www.foodbank.org.uk. Thanks, Jane");
        assertFalse(kept.contains("Jane"), kept);
        assertFalse(kept.contains("Smith"), kept);
        assertFalse(kept.contains("@"), kept);
        assertFalse(kept.contains("01642"), kept);
        assertFalse(kept.contains("TS10"), kept);
        assertFalse(kept.contains("www."), kept);
        assertTrue(kept.contains("can the council stop our grant?"), kept);
    }

    @Test
    void anOrdinaryQuestionIsUnchangedApartFromSpaces() {
        assertEquals("who is the leader of the council?", GapText.of("  who is the   leader\nof the council?  "));
    }

    @Test
    void ordinaryWordsAfterThisIsOrThanksStay() {
        assertEquals("this is about our grant, can they cut it? thanks a lot", GapText.of("this is about our grant, can they cut it? thanks a lot"));
        assertEquals("This is [name] from the lunch club: can they cut our grant?", GapText.of("This is Priya from the lunch club: can they cut our grant?"));
    }

    @Test
    void aLongMessageIsCut() {
        assertEquals(GapText.MAX, GapText.of("grant ".repeat(200)).length());
    }
}
