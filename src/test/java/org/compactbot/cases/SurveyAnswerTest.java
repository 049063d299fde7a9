package org.compactbot.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.compactbot.cases.SurveyAnswer.Answered;
import org.compactbot.cases.SurveyAnswer.Reading;
import org.compactbot.cases.SurveyAnswer.Unclear;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The closing survey's replies, in each style the product reads, and replies that answer nothing. */
class SurveyAnswerTest {
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # numbered
            1. yes 2. not really                                                   | yes    | no
            1. Yes\\n2. Partly                                                      | yes    | partly
            1) no 2) no                                                            | no     | no
            Q1: partly, Q2: yes                                                    | partly | yes
            1 - Yes, very much\\n2 - Not entirely                                   | yes    | partly
            # labelled
            Satisfied: yes / Outcome: partly                                       | yes    | partly
            satisfied - no\\noutcome - no                                           | no     | no
            Outcome: yes; Satisfied: partly                                        | partly | yes
            # just the answers, one a line (the quoted questions taken away)
            Yes\\nPartly                                                            | yes    | partly
            No\\nYes                                                                | no     | yes
            # answered under the quoted questions
            > 1. Were you satisfied with how your challenge was handled? (yes / partly / no)\\nYes\\n> 2. Was the outcome what you asked for? (yes / partly / no)\\nNo, the cut went ahead | yes | no
            Were you satisfied with how your challenge was handled?\\nMostly\\nWas the outcome what you asked for?\\nyes | partly | yes
            # own words
            Yes thanks, very happy with how it was handled, but we didn't get the funding back | yes | no
            The mediator was really helpful and we got the grant reinstated, thank you       | yes | yes
            We were not happy with how it was handled but the council did reverse the decision | no | yes
            Disappointed with the outcome but the mediator listened to us well                 | yes | no
            Handled well. Outcome partly what we wanted                                        | yes | partly
            The process was fine although we only got some of the funding back                 | yes | partly
            Yes to both                                                                        | yes | yes
            No to both, a waste of time                                                        | no  | no
            yes and yes                                                                        | yes | yes
            Not really, and no, the funding was still cut                                      | no  | no
            Happy with the support. Sadly the lease was not renewed                            | yes | no
            It was handled badly and we lost the contract                                      | no  | no
            Great service! We got what we asked for.                                           | yes | yes
            """)
    void readsBothAnswers(String reply, String satisfied, String outcome) {
        Reading r = SurveyAnswer.read(reply.replace("\\n", "\n"));
        Answered a = assertInstanceOf(Answered.class, r, reply);
        assertEquals(satisfied, a.satisfied().id(), "satisfied, in: " + reply);
        assertEquals(outcome, a.outcomeAsAsked().id(), "outcome, in: " + reply);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Thanks
            What happens now?
            Can I reopen my case?
            Who do I contact at the Ombudsman?
            No
            Yes thanks
            Not sure yet, too early to say
            I'll think about it and get back to you
            1. yes
            Satisfied: yes
            Best wishes\\nSam
            """)
    void aReplyThatDoesNotAnswerBothIsUnclear(String reply) {
        assertInstanceOf(Unclear.class, SurveyAnswer.read(reply.replace("\\n", "\n")), reply);
    }

    @Test
    void emptyAndNullRepliesAreUnclear() {
        assertInstanceOf(Unclear.class, SurveyAnswer.read(null));
        assertInstanceOf(Unclear.class, SurveyAnswer.read("   \n "));
    }

    @Test
    void ownWordsAreKeptAsTheCommentAndBareAnswersAreNot() {
        Answered words = (Answered) SurveyAnswer.read("Yes thanks, very happy with how it was handled, but we didn't get the funding back");
        assertEquals("Yes thanks, very happy with how it was handled, but we didn't get the funding back", words.comment());
        assertNull(((Answered) SurveyAnswer.read("1. yes 2. no")).comment());
        assertNull(((Answered) SurveyAnswer.read("> 1. Were you satisfied with how your challenge was handled? (yes / partly / no)\nyes\n"
                + "> 2. Was the outcome what you asked for? (yes / partly / no)\npartly")).comment(), "the quoted questions are not a comment");
        Answered more = (Answered) SurveyAnswer.read("1. yes 2. partly\nThe mediator kept us informed throughout.");
        assertTrue(more.comment().contains("kept us informed"), more.comment());
    }

    @Test
    void seededRandomAnswersInEveryStyleAreReadAndNoReplyBreaksTheReader() {
        java.util.Random random = new java.util.Random(16);
        java.util.Map<SurveyAnswer.Answer, java.util.List<String>> words = java.util.Map.of(
                SurveyAnswer.Answer.YES, java.util.List.of("yes", "Yes", "yep", "definitely", "yes, very"),
                SurveyAnswer.Answer.PARTLY, java.util.List.of("partly", "Partly", "somewhat", "mostly", "not entirely", "sort of"),
                SurveyAnswer.Answer.NO, java.util.List.of("no", "No", "not really", "nope", "not at all"));
        SurveyAnswer.Answer[] all = SurveyAnswer.Answer.values();
        for (int i = 0; i < 500; i++) {
            SurveyAnswer.Answer s = all[random.nextInt(3)], o = all[random.nextInt(3)];
            String a = pick(random, words.get(s)), b = pick(random, words.get(o));
            String reply = switch (random.nextInt(4)) {
                case 0 -> "1. " + a + " 2. " + b;
                case 1 -> "Satisfied: " + a + "\nOutcome: " + b;
                case 2 -> "> " + ClosingSurvey.QUESTIONS.lines().toList().get(0) + "\n" + a + "\n> " + ClosingSurvey.QUESTIONS.lines().toList().get(1) + "\n" + b;
                default -> "1) " + a + "\n2) " + b + "\n\nThanks again";
            };
            Answered r = assertInstanceOf(Answered.class, SurveyAnswer.read(reply), reply);
            assertEquals(java.util.List.of(s, o), java.util.List.of(r.satisfied(), r.outcomeAsAsked()), reply);
        }
        String alphabet = "ab yes no 12.:/>\n,;!?-partly";
        for (int i = 0; i < 500; i++) {
            StringBuilder junk = new StringBuilder();
            for (int k = random.nextInt(300); k > 0; k--) junk.append(alphabet.charAt(random.nextInt(alphabet.length())));
            SurveyAnswer.read(junk.toString()); // any reply is read without an exception
        }
        assertInstanceOf(Reading.class, SurveyAnswer.read("yes ".repeat(50_000)));
    }

    private static String pick(java.util.Random random, java.util.List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
