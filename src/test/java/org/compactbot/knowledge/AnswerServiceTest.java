package org.compactbot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Answers from the real shipped Compacts, through the real index and model. */
class AnswerServiceTest {
    private final AnswerService answers = SharedKnowledge.answers();

    @ParameterizedTest
    @ValueSource(strings = {
            "how do I renew my passport?",
            "what time does the recycling centre open on Sundays?",
            "can I park on double yellow lines to unload my van?",
            "who won the premier league last season?",
            "what's the VAT rate on children's clothes?",
            "what is the weather forecast for the weekend?",
            "recipe for a victoria sponge",
            "how do we register a marriage at the town hall?",
    })
    void abstainsWhenTheCompactsSayNothingAboutIt(String question) {
        Answer a = answers.ask(question, null, 5);
        assertFalse(a.answered(), () -> "answered with: " + a.passages().get(0).passage().text());
        assertTrue(a.passages().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "how much notice should the council give before ending our funding?",
            "what is full cost recovery?",
            "can volunteers be used to replace paid staff?",
            "how long should a formal consultation last?",
            "will the council pay our grant in advance?",
    })
    void answersQuestionsTheCompactsCover(String question) {
        Answer a = answers.ask(question, null, 5);
        assertTrue(a.answered(), question);
        assertFalse(a.passages().isEmpty());
    }

    @Test
    void quotesTheThreeMonthsNoticeUndertakingForAFundingCutQuestion() {
        Answer a = answers.ask("how much written notice must they give before ending a funding relationship?", null, 3);
        assertTrue(a.passages().stream().anyMatch(p -> p.passage().text().toLowerCase().contains("three months")),
                () -> a.passages().stream().map(p -> p.passage().text()).toList().toString());
    }

    @Test
    void aGlossaryDefinitionLeadsOnlyWhenAMeaningIsAsked() {
        Answer meaning = answers.ask("what does decommissioning mean?", null, 3);
        assertEquals("decommissioning", meaning.passages().get(0).passage().term().toLowerCase(),
                () -> meaning.passages().get(0).passage().text());
        Answer ending = answers.ask("the council wants to stop paying for our advice service to cut its budget - what has to happen first?", null, 3);
        assertEquals("", ending.passages().get(0).passage().term(), () -> ending.passages().get(0).passage().text());
    }

    @Test
    void prefersTheAreaTheQuestionNames() {
        Answer a = answers.ask("In Redcar, what does the council promise about consultation?", null, 5);
        assertEquals("redcar-cleveland", a.area());
        assertEquals("redcar-cleveland", a.passages().get(0).passage().area());
    }

    @Test
    void areaOptionRestrictsToThatCompact() {
        Answer a = answers.ask("volunteering expenses", "wolverhampton", 5);
        assertEquals("wolverhampton", a.area());
        assertTrue(a.passages().stream().allMatch(p -> p.passage().area().equals("wolverhampton")));
    }

    @Test
    void unknownAreaIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> answers.ask("consultation", "atlantis", 5));
        assertTrue(e.getMessage().contains("Unknown area 'atlantis'"), e.getMessage());
        assertTrue(e.getMessage().contains("west-cheshire"), e.getMessage());
    }

    @Test
    void emptyQuestionIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> answers.ask("   ", null, 5));
        assertTrue(e.getMessage().contains("empty"));
    }

    @Test
    void veryLongQuestionIsStillAnswered() {
        String rambling = "The council cut our grant with two weeks notice. ".repeat(250);
        assertEquals(12_250, rambling.length());
        Answer a = answers.ask(rambling, null, 5);
        assertTrue(a.answered());
        assertTrue(a.grievance());
    }

    @Test
    void noAnswerPointsToTheAreasContact() {
        Answer a = answers.ask("how do I renew my passport in Wolverhampton?", null, 5);
        assertFalse(a.answered());
        assertTrue(a.contact().toLowerCase().contains("wolverhampton"), a.contact());
        String shown = new AnswerFormatter().text(a);
        assertTrue(shown.startsWith("I couldn't find anything in the Compacts"), shown);
        assertTrue(shown.contains(a.contact()));
    }

    @Test
    void answerTextQuotesWithCitationAndOffersAChallengeForAGrievance() {
        Answer a = answers.ask("they cut our grant with two weeks warning, is that allowed?", null, 5);
        String shown = new AnswerFormatter().text(a);
        String best = a.passages().get(0).passage().text();
        assertTrue(shown.startsWith("\"" + best + "\""), shown);
        assertTrue(shown.contains("— " + a.passages().get(0).passage().citation()), shown);
        assertTrue(shown.contains("raise a challenge"), shown);
    }

    @Test
    void plainQuestionIsNotTreatedAsAGrievance() {
        Answer a = answers.ask("what is the jargon buster definition of stakeholder?", null, 5);
        assertFalse(a.grievance());
        assertNull(a.area());
    }

    @Test
    void aContactQuestionGetsThatAreasContactNotAPassage() {
        Answer a = answers.ask("who do I contact about the Wolverhampton compact?", null, 3);
        assertTrue(a.answered());
        assertTrue(a.contacts());
        assertEquals("wolverhampton", a.area());
        assertTrue(a.passages().stream().allMatch(p -> p.passage().area().equals("wolverhampton")), a.passages().toString());
        assertTrue(a.passages().get(0).passage().text().contains("01902"), a.passages().get(0).passage().text());

        Answer redcar = answers.ask("phone number for Redcar compact enquiries", null, 3);
        assertTrue(redcar.passages().get(0).passage().text().contains("01642 444018"), redcar.passages().get(0).passage().text());
    }

    @Test
    void aContactQuestionWithNoAreaNamesEachAreasContactAndAsksWhichArea() {
        Answer a = answers.ask("who should I contact about the compact?", null, 5);
        assertTrue(a.contacts());
        java.util.Set<String> areas = new java.util.HashSet<>();
        a.passages().forEach(p -> assertTrue(areas.add(p.passage().area()), "one contact per area: " + a.passages()));
        assertEquals(new java.util.HashSet<>(answers.knownAreas()), areas);
        String shown = new AnswerFormatter().text(a);
        assertTrue(shown.contains("tell me which area you are in"), shown);
        assertFalse(shown.contains("say the same"), shown);
    }

    @Test
    void aDeclinedQuestionWithNoAreaAsksWhichAreaInsteadOfGivingOneAreasContact() {
        Answer a = answers.ask("who won the premier league last season?", null, 5);
        assertFalse(a.answered());
        assertEquals("", a.contact());
        String shown = new AnswerFormatter().text(a);
        assertTrue(shown.contains("which area's Compact"), shown);
        for (String phone : java.util.List.of("01642", "01902", "01244")) assertFalse(shown.contains(phone), shown);
    }

    @Test
    void otherCompactsAreShownAsSayingTheSameOnlyWhenTheirWordingIsClose() {
        KnowledgeIndex index = SharedKnowledge.index();
        for (String q : java.util.List.of("how much notice before our funding ends?", "how long should a consultation last?",
                "will the council pay our grant in advance?", "can volunteers replace paid staff?", "what is full cost recovery?")) {
            Answer a = answers.ask(q, null, 5);
            String best = a.passages().get(0).passage().id();
            for (ScoredPassage s : a.alsoSaid()) {
                assertFalse(s.passage().area().equals(a.passages().get(0).passage().area()), q);
                assertTrue(index.wordingSimilarity(best, s.passage().id()) >= KnowledgeTransfer.SAME_MEANING,
                        q + ": shown as the same: " + s.passage().text());
                assertFalse(s.passage().text().startsWith("It is for all the public sector bodies"), q);
            }
        }
    }
}
