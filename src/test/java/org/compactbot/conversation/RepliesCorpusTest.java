package org.compactbot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * People's replies, read as the intake reads them: 400-odd rows in src/test/resources/conversation/replies.tsv, written
 * by someone who had not seen the readers, from how people answer each kind of question (yes or no, taking up an
 * offer, confirming a summary, confidentiality, who they are, which undertakings, nothing to give, email labels).
 */
class RepliesCorpusTest {
    static final List<String> OFFERED = List.of(
            "Give a minimum of three months' notice in writing when changing or ending a funding relationship",
            "Consult for a minimum of 12 weeks on changes that affect the sector",
            "Pay grants in advance where appropriate so groups are not out of pocket");

    static Stream<Arguments> rows() throws Exception {
        List<Arguments> out = new ArrayList<>();
        // replies.tsv was written blind; replies-found.tsv holds replies later persona sets showed were misread
        for (String file : List.of("replies.tsv", "replies-found.tsv")) {
            List<String> lines = Files.readAllLines(Path.of("src/test/resources/conversation", file), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                out.add(Arguments.of(f[0], f[1], f[2]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: \"{1}\" -> {2}")
    @MethodSource("rows")
    void eachReplyIsReadAsThePersonMeantIt(String kind, String reply, String expected) {
        assertEquals(expected, read(kind, reply));
    }

    static String read(String kind, String reply) {
        return switch (kind) {
            case "agreement" -> Agreement.of(reply).name();
            case "takes_up" -> String.valueOf(Agreement.takesUp(reply));
            case "confirms" -> String.valueOf(Agreement.confirms(reply));
            case "consent" -> ConsentAnswer.read(reply).orElse("none");
            case "role" -> RoleAnswer.read(reply).orElse("none");
            case "undertaking" -> {
                UndertakingChoice.Choice c = UndertakingChoice.read(reply, OFFERED);
                if (c instanceof UndertakingChoice.Choice.Picked p) yield String.join(",", p.numbers().stream().sorted().map(String::valueOf).toList());
                yield c instanceof UndertakingChoice.Choice.NoneOfThese ? "none" : "unclear";
            }
            case "no_answer" -> String.valueOf(NoAnswer.in(reply));
            case "grievance" -> String.valueOf(org.compactbot.knowledge.GrievanceSignal.in(reply));
            case "label" -> {
                Slot s = BatchAnswers.slotOfLabel(reply);
                yield s == null ? "none" : s.id();
            }
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
    }
}
