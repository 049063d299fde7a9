package org.compactbot.knowledge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactQuestionTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "who do I contact about the Wolverhampton compact?",
            "phone number for Redcar compact enquiries",
            "Who should we speak to about the compact?",
            "what's the email address for the compact team",
            "how can I get in touch with someone about the Compact?",
            "who runs the compact in West Cheshire",
            "contact details please",
            "Who’s the contact for the Northfield compact?",
            "what's the phone number for the compact people",
            "we need an email for someone who deals with compact complaints",
            "is there a number I can ring about our grant being cut?"})
    void questionsAboutWhomToContactAreContactQuestions(String q) {
        assertTrue(ContactQuestion.asks(q), q);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "does the council have to give us a single point of contact?",
            "how much notice do we get before our grant ends?",
            "should the council provide a named point of contact for volunteers",
            "can we contact the media about a council decision?",
            "what does the compact say about consultation?",
            "what is the number of weeks a consultation should run?",
            "is there a contact policy for volunteers?",
            "can we email the council about a consultation?"})
    void questionsAboutUndertakingsAreNot(String q) {
        assertFalse(ContactQuestion.asks(q), q);
    }
}
