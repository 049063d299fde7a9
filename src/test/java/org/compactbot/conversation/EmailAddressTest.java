package org.compactbot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one rule for an email address (config, mediators.yml, broken mail headers, the email slot), its edge cases in one table. */
class EmailAddressTest {
    @ParameterizedTest(name = "[{0}] is an address: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "morgan@mediation.example          | true",
            "compact@cheshirewest.gov.uk       | true",
            "o'neil+challenges@example.org     | true",
            "first.last@example.co             | true",
            "a@b.cd                            | true",
            "x@x-y.example                     | true",
            "UPPER@EXAMPLE.ORG                 | true",
            "user@sub.123.example              | true",
            "no-at-sign.example.org            | false",
            "morgan@                           | false",
            "@example.org                      | false",
            "two@@example.org                  | false",
            "a@b@example.org                   | false",
            "compact@example                   | false",
            "compact@localhost                 | false",
            ".lead@example.org                 | false",
            "lead.@example.org                 | false",
            "le..ad@example.org                | false",
            "lead@-example.org                 | false",
            "lead@example-.org                 | false",
            "lead@example..org                 | false",
            "lead@.example.org                 | false",
            "lead@example.org.                 | false",
            "lead@1.2.3.4                      | false",
            "lead@[192.0.2.1]                  | false",
            "`lead@exa mple.org`               | false",
            "`lead @example.org`               | false",
            "` lead@example.org`               | false",
            "Priya <priya@resolve.example>     | false",
            "<priya@resolve.example>           | false",
            "a@example.org,b@example.org       | false",
            "\"quoted\"@example.org            | false",
            "élodie@example.org                | false",
            "lead@exämple.org                  | false",
            "`lead@example.org\n`              | false",
            "``                                | false",
    })
    void tellsAnAddressFromWhatMerelyLooksLikeOne(String text, boolean expected) {
        assertEquals(expected, EmailAddress.isValid(text.replace("\\n", "\n")));
    }

    @Test
    void lengthLimitsAreThoseOfSmtp() {
        String label = "d".repeat(63);
        assertEquals(true, EmailAddress.isValid("l".repeat(64) + "@example.org"));
        assertEquals(false, EmailAddress.isValid("l".repeat(65) + "@example.org"));
        assertEquals(false, EmailAddress.isValid("a@" + "d".repeat(64) + ".org"));
        String longest = "a@" + label + "." + label + "." + label + "." + "d".repeat(56) + ".org"; // 254 characters
        assertEquals(254, longest.length());
        assertEquals(true, EmailAddress.isValid(longest));
        assertEquals(false, EmailAddress.isValid("a" + longest));
    }

    @Test
    void findsTheAddressesInBrokenHeaderText() {
        assertEquals(List.of("alice@example.org", "bob@example.net"),
                EmailAddress.findIn("\"Alice <alice@example.org>, (bob) bob@example.net; not@an@address, x@y", 10));
        assertEquals(List.of("a@example.org"), EmailAddress.findIn("a@example.org b@example.org", 1));
        assertEquals(List.of(), EmailAddress.findIn("<<<@>>>", 10));
    }
}
