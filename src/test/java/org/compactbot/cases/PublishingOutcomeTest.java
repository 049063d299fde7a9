package org.compactbot.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.compactbot.conversation.PastOutcomes;
import org.compactbot.store.SqlPublishedOutcomes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing an anonymised outcome, and finding the published outcomes like a group's question. */
class PublishingOutcomeTest {
    @TempDir Path dir;
    CaseFixture f;
    SqlPublishedOutcomes published;
    PublishingOutcome publishing;

    @BeforeEach
    void open() throws Exception {
        f = new CaseFixture(dir);
        published = new SqlPublishedOutcomes(f.db);
        publishing = new PublishingOutcome(f.store, f.directory, published, f.clock);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private String closed(String area, String org, String email, String respondent, boolean confidential) throws Exception {
        String ref = f.submit(area, org, email, respondent, "funding", confidential);
        f.service.routeNew();
        assertTrue(f.service.close(ref, CaseStatus.RESOLVED, "settled", "operator").ok());
        return ref;
    }

    @Test
    void aConfidentialComplainantIsNeverInThePublishedSummaryEvenWhenTheMediatorTypedThem() throws Exception {
        String ref = closed("west-cheshire", "Lunch Club", "sam@lunchclub.org.uk", "Cheshire West and Chester Council", true);
        CaseReply r = publishing.publish(ref, "PUBLISH Sam Patel from LUNCH CLUB (Sam.Patel@LunchClub.org.uk, also sam@other.example) "
                + "said Sam's lunchclub group got 27 days' notice; Morgan Lee mediated and the council restored the grant.\n\nThanks, Morgan", "mediator:m-funding");
        PublishedOutcome o = assertInstanceOf(CaseReply.OutcomePublished.class, r).outcome();
        for (String secret : List.of("Sam", "Patel", "LUNCH", "Lunch", "lunchclub", "LunchClub", "@", "Morgan", "Thanks")) {
            assertFalse(o.summary().contains(secret), secret + " in " + o.summary());
            assertFalse(r.message().contains(secret), secret + " in " + r.message());
        }
        assertTrue(o.summary().contains("got 27 days' notice") && o.summary().contains("the council restored the grant"), o.summary());
        assertEquals("Cheshire West and Chester Council", o.body());
        assertEquals(List.of("West Cheshire Compact › Managing Changes to Services › Public sector undertaking 3"), o.undertakings());
        assertEquals(CaseStatus.RESOLVED, o.outcome());
        assertEquals("2026-11", o.month());
        assertTrue(r.message().contains(o.inWords()), "the publisher sees exactly what was published: " + r.message());
        assertEquals(List.of(o), published.all());
    }

    @Test
    void onlyAClosedCaseWithASummaryIsPublishedAndPublishingAgainReplacesIt() throws Exception {
        String open = f.submit("west-cheshire", "Lunch Club", "sam@lunchclub.org.uk", "Cheshire West and Chester Council", "funding", false);
        assertInstanceOf(CaseReply.NotClosedYet.class, publishing.publish(open, "PUBLISH it went well", "operator"));
        assertInstanceOf(CaseReply.UnknownCase.class, publishing.publish("CC-1999-0001", "PUBLISH it went well", "operator"));
        f.service.close(open, CaseStatus.WITHDRAWN, "withdrawn", "operator");
        assertInstanceOf(CaseReply.NoSummary.class, publishing.publish(open, "PUBLISH   ", "operator"));
        assertTrue(published.all().isEmpty());
        publishing.publish(open, "first version", "operator");
        publishing.publish(open, "second version", "operator");
        assertEquals(List.of("second version"), published.all().stream().map(PublishedOutcome::summary).toList());
        assertInstanceOf(CaseReply.OutcomeUnpublished.class, publishing.unpublish(open));
        assertInstanceOf(CaseReply.NotPublished.class, publishing.unpublish(open));
    }

    @Test
    void theSearchFindsSimilarOutcomesPreferringThePersonsAreaAndUndertakings() throws Exception {
        PastOutcomesIndex index = new PastOutcomesIndex(published);
        assertTrue(index.similar(new PastOutcomes.Query("has this happened before?", "west-cheshire", List.of()), 3).isEmpty(), "none published yet");
        String cut = closed("west-cheshire", "Lunch Club", "sam@lunchclub.org.uk", "Cheshire West and Chester Council", false);
        String wolves = closed("wolverhampton", "Youth Club", "ali@youth.example", "City of Wolverhampton Council", false);
        String consult = closed("west-cheshire", "Arts Group", "jo@arts.example", "Cheshire West and Chester Council", false);
        String redcar = closed("redcar-cleveland", "Food Bank", "kim@food.example", "Redcar and Cleveland Borough Council", false);
        publishing.publish(cut, "The council cut a grant with four weeks' notice; after mediation it extended the funding to March.", "operator");
        publishing.publish(wolves, "A funding cut for a youth club was reversed after mediation.", "operator");
        publishing.publish(consult, "A consultation on library hours ran for two weeks; the council agreed to run it again for twelve.", "operator");

        List<PastOutcomes.Outcome> funding = index.similar(new PastOutcomes.Query("have other groups challenged a funding cut?", "wolverhampton", List.of()), 3);
        assertEquals(List.of(wolves, cut, consult), funding.stream().map(PastOutcomes.Outcome::ref).toList(), "their area first, then the words");
        List<PastOutcomes.Outcome> inCheshire = index.similar(new PastOutcomes.Query("has this happened before? funding cut", "west-cheshire", List.of()), 2);
        assertEquals(List.of(cut, consult), inCheshire.stream().map(PastOutcomes.Outcome::ref).toList());
        assertEquals("2026-11", inCheshire.get(0).month());

        publishing.publish(redcar, "A food bank's lease was ended early; the council agreed a six month extension.", "operator");
        List<PastOutcomes.Outcome> byUndertaking = index.similar(new PastOutcomes.Query("how did similar challenges end?", null,
                List.of("West Cheshire Compact › Managing Changes to Services › Public sector undertaking 3")), 4);
        assertEquals(4, byUndertaking.size(), "a new publication is found at once");
        publishing.unpublish(cut);
        assertFalse(index.similar(new PastOutcomes.Query("funding cut", "west-cheshire", List.of()), 3).stream().anyMatch(o -> o.ref().equals(cut)),
                "an unpublished outcome is gone");
    }
}
