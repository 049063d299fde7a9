package org.compactbot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a reply says at a question, before it is read as an answer: one row per reply. */
class UnderstandingTest {
    static Stream<Arguments> replies() {
        return Stream.of(
                // commands, as typed
                Arguments.of(Slot.EMAIL, "help", "Command[word=HELP]"),
                Arguments.of(Slot.EMAIL, "Cancel.", "Command[word=CANCEL]"),
                Arguments.of(Slot.DATES, "skip it", "Command[word=SKIP]"),
                Arguments.of(Slot.NAME, "go back", "Command[word=BACK]"),
                Arguments.of(Slot.IMPACT, "where are we", "Command[word=STATUS]"),
                Arguments.of(Slot.ROLE, "leave it", "Command[word=LEAVE]"),
                // changes and corrections of another answer
                Arguments.of(Slot.IMPACT, "change email to sam@x.org", "Change[target=EMAIL, value=sam@x.org]"),
                Arguments.of(Slot.CONFIRM, "change dates", "Change[target=DATES, value=null]"),
                Arguments.of(Slot.CONSENT, "actually my email is pat@hooletots.test", "Change[target=EMAIL, value=pat@hooletots.test]"),
                Arguments.of(Slot.CONFIRM, "change something", "Change[target=null, value=null]"),
                Arguments.of(Slot.CONFIRM, "no", "Change[target=null, value=null]"),
                Arguments.of(Slot.CONFIRM, "not quite", "Change[target=null, value=null]"),
                // a correction of the slot being asked is simply its answer
                Arguments.of(Slot.EMAIL, "sorry, my email is sam@x.org", "Answer[]"),
                // "change" inside a story is part of the story
                Arguments.of(Slot.WHAT_HAPPENED, "change of plan: they cut the grant", "Answer[]"),
                // the summary
                Arguments.of(Slot.CONFIRM, "looks good, send it", "Submit[sure=true]"),
                Arguments.of(Slot.CONFIRM, "that's grand, send it off", "Submit[sure=true]"),
                Arguments.of(Slot.CONFIRM, "yes", "Submit[sure=true]"),
                Arguments.of(Slot.CONFIRM, "I think so, yes", "Submit[sure=false]"),
                Arguments.of(Slot.CONFIRM, "i guess so", "Submit[sure=false]"),
                Arguments.of(Slot.CONFIRM, "yes but the email is wrong", "Unclear[]"),
                Arguments.of(Slot.CONFIRM, "what happens next?", "Question[]"),
                // questions and answers
                Arguments.of(Slot.EMAIL, "how long should a consultation run?", "Question[]"),
                Arguments.of(Slot.EMAIL, "sam@x.org?", "Answer[]"),
                Arguments.of(Slot.IMPACT, "40 families, what else can I say?", "Answer[]"),
                Arguments.of(Slot.ROLE, "sorry, what is the Compact?", "Question[]"),
                Arguments.of(Slot.ROLE, "we're a youth club", "Answer[]"),
                Arguments.of(Slot.IMPACT, "one of our committee wrote to the Gazette about the council. can they stop our grant because of that?", "Question[]"),
                Arguments.of(Slot.INFORMAL_STEPS, "We emailed them twice. Is that allowed, ignoring us?", "Question[]"),
                Arguments.of(Slot.IMPACT, "30 kids lose their club. what are we supposed to do now?", "Answer[]"),
                Arguments.of(Slot.WHAT_HAPPENED, "They cut our grant. Can they do that?", "Answer[]"));
    }

    @ParameterizedTest(name = "{0}: \"{1}\" -> {2}")
    @MethodSource("replies")
    void readsWhatTheReplySays(Slot slot, String reply, String expected) {
        Understanding.Said said = Understanding.at(slot, reply, text -> text.contains("@"));
        assertEquals(expected, said.toString());
    }
}
