package org.compactbot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which messages ask the bot for the early-resolution letter, in people's own words, and which only mention a letter. */
class AsksForALetterTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            draft a letter                                                           | true
            Draft a letter to Cheshire West and Chester Council                      | true
            can you write a letter to the council for us?                            | true
            letter please                                                            | true
            Letter pls                                                               | true
            the letter                                                               | true
            I'd like a letter I can send them myself                                 | true
            we would like a letter we can send to the council                        | true
            Could you draft us a letter?                                             | true
            please write me a letter to send to the council                          | true
            can I have the letter                                                    | true
            yes please draft the letter                                              | true
            How do I write a letter to the council about this?                       | true
            Thanks. Can you help us write a letter to them?                          | true
            I need you to write a complaint letter to the trust                      | true
            is there a template letter                                               | true
            early resolution letter                                                  | true
            Could you prepare a formal letter for us, please?                        | true
            ok, give me the letter                                                   | true
            I got a letter from the council                                          | false
            the letter they sent said 27 days                                        | false
            They sent us a letter on 3 November saying the grant ends                | false
            We received a letter from the commissioning team                         | false
            we want a letter of apology                                              | false
            We'd like a letter from them confirming the grant continues              | false
            an apology letter and the money back                                     | false
            I wrote a letter to the council last month and heard nothing             | false
            The council's letter was dated 1 November                                | false
            can you read the letter they sent?                                       | false
            We'd like them to write a letter explaining the decision                 | false
            Can I talk to a person?                                                  | false
            How long should a consultation last?                                     | false
            letters from the council keep arriving                                   | false
            They wrote to us by letter                                               | false
            """)
    void readsARequestForTheLetter(String message, boolean asks) {
        assertEquals(asks, AsksForALetter.in(message), message);
    }
}
