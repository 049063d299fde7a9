package org.compactbot.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusRequestTest {
    @ParameterizedTest(name = "[{index}] subject \"{0}\", first line \"{1}\", thread {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "STATUS CC-2026-0001        | -                            | -            | CC-2026-0001",
            "status cc-2026-0001        | Thanks, Sam                  | -            | CC-2026-0001",
            "Re: STATUS [CC-2026-0012]  | -                            | -            | CC-2026-0012",
            "Our challenge              | STATUS CC-2026-0003          | -            | CC-2026-0003",
            "Our challenge              | Status: CC-2026-0003 please. | -            | CC-2026-0003",
            "Our challenge              | status of CC-2026-0003?      | -            | CC-2026-0003",
            "Re: [CC-2026-0004] Compact | STATUS                       | CC-2026-0004 | CC-2026-0004",
            "Re: [CC-2026-0004] Compact | status please                | CC-2026-0004 | CC-2026-0004",
            "Hello                      | STATUS                       | -            | -",
            "Hello                      | what is the status of our grant review? | - | -",
            "Status update on funding   | We want to know about CC-2026-0001 | -      | -",
            "Re: [CC-2026-0004] Compact | The status quo is not acceptable | CC-2026-0004 | -",
    })
    void aStatusRequestIsTheCommandAndAReferenceNotAWordInASentence(String subject, String firstLine, String thread, String expected) {
        String text = firstLine == null ? "" : firstLine + "\n\nKind regards,\nSam";
        assertEquals(Optional.ofNullable(expected), StatusRequest.in(subject, text, thread));
    }
}
