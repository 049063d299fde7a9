package org.compactbot.knowledge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuestionKindsTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "what does decommissioning mean?",
            "What is a volunteer",
            "define full cost recovery",
            "what's a BME organisation?",
            "who counts as a community group?",
            "what is commissioning?",
            "What is the Compact?",
            "meaning of third sector",
    })
    void meaningQuestions(String q) {
        assertTrue(QuestionKinds.asksForMeaning(q), q);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "how much notice should the council give before ending our funding?",
            "what is the notice period for a grant cut?",
            "they're decommissioning our lunch club - what should happen first?",
            "can volunteers claim expenses?",
            "what should happen after a consultation closes?",
    })
    void otherQuestions(String q) {
        assertFalse(QuestionKinds.asksForMeaning(q), q);
    }
}
