package org.compactbot.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "We've had their final response", in the complainant's own words, and what is not that. */
class FinalResponseToldTest {
    @ParameterizedTest(name = "[{index}] {1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "We've had their final response.                                               | true",
            "we have had the council's final response                                      | true",
            "Just to let you know the council sent us its final reply today.               | true",
            "Final response received, copy attached.                                       | true",
            "Hi, CWaC have given us their final decision on the grant. Thanks, Sam         | true",
            "We got a final written response from them this morning                        | true",
            "They’ve now issued their final response                                       | true",
            "Thanks for the update.\\nWe received the final response from the council on Friday. | true",
            // not yet, waiting, hoping, asking
            "We haven't had their final response                                           | false",
            "We have not received a final response yet.                                    | false",
            "Still waiting for their final response.                                       | false",
            "We expect the final response next week                                        | false",
            "Have we had their final response?                                             | false",
            "When will the council give its final answer?                                  | false",
            "They said a final response would follow.                                      | false",
            "No final response from them so far                                            | false",
            "They promised a final decision by March                                       | false",
            // other things said on the thread
            "We had a meeting with the council last week.                                  | false",
            "The council responded to our letter but it is not final.                      | false",
            "Please find attached the response to the mediator's question.                 | false",
            "> Please reply if you have had their final response                           | false",
            "ok                                                                            | false",
    })
    void readsTheComplainantsOwnWords(String text, boolean told) {
        assertEquals(told, FinalResponseTold.in(text.replace("\\n", "\n")));
    }
}
