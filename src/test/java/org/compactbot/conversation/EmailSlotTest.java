package org.compactbot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.compactbot.conversation.EmailAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The email slot takes what the project's one rule ({@link EmailAddress}) calls an address, and nothing else: an
 * address the intake accepted but the mail side refused would be a case nobody can write to.
 */
class EmailSlotTest {
    private final ChallengeFlow flow = new ChallengeFlow(List.of("west-cheshire"));

    private Validation read(String reply) {
        return flow.read(Slot.EMAIL, reply, new Conversation("t", "test", Instant.parse("2026-11-03T10:00:00Z")), LocalDate.of(2026, 11, 3));
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            // the two rules used to disagree on these
            "sam..patel@lunchclub.org.uk           | REFUSED",
            ".sam@lunchclub.org.uk                 | REFUSED",
            "sam@-lunchclub.org.uk                 | REFUSED",
            "sam@lunchclub-.org.uk                 | REFUSED",
            "sam!club@lunchclub.org.uk             | sam!club@lunchclub.org.uk",
            "sam@lunchclub.example2                | sam@lunchclub.example2",
            // and they agree on these
            "Sam@LunchClub.org.uk                  | sam@lunchclub.org.uk",
            "sorry, my email is sam@x.org          | sam@x.org",
            "sam@x.org.                            | sam@x.org",
            "o'neil+cc@example.org                 | o'neil+cc@example.org",
            "still@not                             | REFUSED",
            "not an email                          | REFUSED",
            "lead@1.2.3.4                          | REFUSED",
    })
    void acceptsExactlyWhatTheProjectsAddressRuleAccepts(String reply, String expected) {
        Validation v = read(reply);
        if (expected.equals("REFUSED")) {
            assertEquals(Validation.Rejected.class, v.getClass(), reply + " was taken as " + v);
            assertEquals(true, ((Validation.Rejected) v).message().contains("doesn't look like an email address"), v.toString());
        } else {
            assertEquals(new Validation.Accepted(expected), v, reply);
            assertEquals(true, EmailAddress.isValid(expected), "the mail side takes it too");
        }
    }
}
