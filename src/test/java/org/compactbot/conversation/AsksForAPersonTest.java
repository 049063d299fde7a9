package org.compactbot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whether a message asks the bot for a person: one row per way people say it, and the ways that only mention one. */
class AsksForAPersonTest {
    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Can I talk to a person?                                                        | true
            can i speak to someone                                                         | true
            I'd like to speak to someone                                                   | true
            I would really like to talk to a real person please                            | true
            is there a human I can talk to                                                 | true
            Is there someone I could speak to?                                             | true
            is there anyone to talk to about this                                          | true
            can someone call me                                                            | true
            Could somebody ring me back please?                                            | true
            I'd like someone to call me on 07700 900123                                    | true
            please can you get someone to contact me                                       | true
            real person please                                                             | true
            Human!                                                                         | true
            a human please                                                                 | true
            speak to an adviser                                                            | true
            talk to someone                                                                | true
            call me back please                                                            | true
            can I have a callback                                                          | true
            put me through to someone                                                      | true
            I don't want to talk to a bot                                                  | true
            why can't I just talk to a human?                                              | true
            how do I get in touch with someone?                                            | true
            Would I be able to speak to someone about our grant?                           | true
            I'd rather talk to a person, this is a lot to type                             | true
            could we have a chat with one of your advisers                                 | true
            can I speak to the Compact lead                                                | true
            I’m hoping to speak to someone today                                           | true
            Thanks for this. Our grant was cut last week. Can someone phone me? I work days | true
            the person who sent the letter                                                 | false
            a person from the council told us the grant was ending                         | false
            someone on facebook said there's a Compact thing you can complain under        | false
            just an email from someone in commissioning we've never heard of               | false
            I tried to speak to someone at the council but nobody called back              | false
            we spoke to a person in the grants team                                        | false
            Do I have to speak to someone at the council first?                            | false
            I'd like to speak to someone senior at the council about this                  | false
            can a person raise a challenge for a group?                                    | false
            Who is the person I should write to?                                           | false
            they said someone would call me but nobody did                                 | false
            I need to talk to my committee first                                           | false
            I don't need to speak to anyone                                                | false
            we wanted to talk to someone before the decision                               | false
            the council should contact us before cutting funding                           | false
            How long should a consultation last?                                           | false
            yes                                                                            | false
            Sam Jones                                                                      | false
            """)
    void readsARequestForAPerson(String message, boolean asks) {
        assertEquals(asks, AsksForAPerson.in(message));
    }
}
