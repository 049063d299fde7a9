package org.compactbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.compactbot.cases.YearReport;
import org.compactbot.config.AppConfig;
import org.compactbot.knowledge.KnowledgeGaps;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Compact lead's report and knowledge gaps pages over HTTP: their own area's figures only, drawn and tabled, the
 * downloads as {@code cases report} writes them, hostile names escaped, and nothing for a mediator who leads no area.
 */
class DeskReportPagesTest {
    private static final String PRIYA = "priya@resolve.example", LEAD = "compact@cheshirewest.example",
            HOSTILE_BODY = "<script>alert('x')</script> & \"Parish\" Council";
    @TempDir Path dir;
    private DeskSite site;

    @BeforeEach
    void start() throws Exception {
        site = new DeskSite(dir, AppConfig.RateLimit.OFF);
        site.raise("west-cheshire", "Alex", "Hope Street", "alex@example.org", "Cheshire West and Chester Council", "They cut our grant.",
                false, "m-consult");
        site.raise("west-cheshire", "Sam", "Riverside", "sam@example.org", HOSTILE_BODY, "No notice given.", false, "m-funding");
        site.raise("wolverhampton", "Jo", "Wolves Food Bank", "jo@example.org", "City of Wolverhampton Council", "No consultation.", false,
                "m-wolves");
    }

    @AfterEach
    void stop() {
        if (site != null) site.close();
    }

    private static List<String> tableRows(Element section) {
        return section.select("table tbody tr").stream().map(r -> r.select("th").text() + " = " + r.select("td").text()).toList();
    }

    @Test
    void aLeadSeesTheirAreasFiguresAsChartsEachFollowedByItsTableAndNoOtherAreasCases() throws Exception {
        DeskSite.Browser lead = site.new Browser();
        DeskSite.Browser.Page list = lead.signIn(LEAD);
        assertEquals("/desk/report", list.doc().select("a:containsOwn(Report)").attr("href"), "the desk header links a lead to the report");
        DeskSite.Browser.Page page = lead.get("/desk/report?year=2026");
        assertEquals(200, page.status());
        assertEquals("2", page.doc().selectFirst(".compact-report-total strong").text(), "two West Cheshire challenges, not Wolverhampton's");
        assertFalse(page.body().contains("Wolverhampton Council"), "another area's body is not on the page");
        Element bodies = page.doc().getElementById("section-respondent");
        assertEquals(List.of(HOSTILE_BODY + " = 1", "Cheshire West and Chester Council = 1"), tableRows(bodies).stream().sorted().toList());
        Element svg = bodies.selectFirst("svg[role=img]");
        assertEquals("Challenges by body", svg.selectFirst("title").text());
        assertEquals(2, svg.select("rect.compact-chart__bar").size(), "a bar per body");
        assertTrue(svg.select("text.compact-chart__label").eachText().contains(BarChart.shorten(HOSTILE_BODY)), "the label reads as typed");
        assertFalse(page.body().contains("<script>alert"), "never markup");
        assertTrue(page.body().contains("&lt;script&gt;alert"));
        assertTrue(page.doc().select("svg").stream().allMatch(s -> s.hasAttr("role") && s.selectFirst("title") != null));
        assertTrue(page.doc().select("[style]").isEmpty() && page.doc().select("script:not([src]), style").isEmpty(), "no inline style or script for the CSP");
        for (String id : List.of("code", "undertaking", "respondent", "outcome", "time", "body", "survey-satisfied", "survey-outcome")) {
            Element s = page.doc().getElementById("section-" + id);
            assertTrue(s != null && s.selectFirst("svg") != null && s.selectFirst("table") != null, "chart and table for " + id);
        }
        assertEquals(List.of("open (assigned) = 2"), tableRows(page.doc().getElementById("section-outcome")));
    }

    @Test
    void theDownloadsAreTheTextCasesReportWritesForTheLeadsArea() throws Exception {
        DeskSite.Browser lead = site.new Browser();
        lead.signIn(LEAD);
        YearReport expected = YearReport.ofAreas(2026, List.of("west-cheshire"), site.store.list(null, null), site.surveys.all(), site.cases,
                LocalDate.of(2026, 11, 24));
        DeskSite.Browser.Page csv = lead.get("/desk/report.csv?year=2026");
        assertEquals(200, csv.status());
        assertEquals(expected.csv(), csv.body());
        assertTrue(csv.body().startsWith("dimension,value,count\ntotal,all,2\n"));
        assertTrue(csv.raw().headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertEquals("attachment; filename=\"compact-challenges-2026.csv\"", csv.raw().headers().firstValue("Content-Disposition").orElse(""));
        DeskSite.Browser.Page md = lead.get("/desk/report.md?year=2026");
        assertEquals(expected.markdown(), md.body());
        assertTrue(md.body().startsWith("# Compact challenges 2026\n\n2 challenges raised."));
        assertFalse(md.body().contains("Wolverhampton"));
        DeskSite.Browser.Page page = lead.get("/desk/report?year=2026");
        assertEquals("/desk/report.csv?year=2026", page.doc().select("a:containsOwn(CSV)").attr("href"));
    }

    @Test
    void aYearWithNoCasesShowsZerosAndABadYearIsToldClearly() throws Exception {
        DeskSite.Browser lead = site.new Browser();
        lead.signIn(LEAD);
        DeskSite.Browser.Page empty = lead.get("/desk/report?year=2025");
        assertEquals(200, empty.status());
        assertEquals("0", empty.doc().selectFirst(".compact-report-total strong").text());
        assertTrue(empty.doc().getElementById("section-respondent").text().contains("None in 2025."));
        DeskSite.Browser.Page bad = lead.get("/desk/report?year=20x6");
        assertEquals(400, bad.status());
        assertEquals("#year", bad.doc().selectFirst(".govuk-error-summary a").attr("href"));
        assertTrue(bad.doc().title().startsWith("Error: "));
        DeskSite.Browser.Page future = lead.get("/desk/report.csv?year=2099");
        assertEquals(400, future.status());
        assertTrue(future.body().startsWith("Enter a year from 2000 to 2026"));
    }

    @Test
    void aMediatorWhoLeadsNoAreaIsToldThesePagesAreNotFoundAndSomeoneSignedOutIsSentToSignIn() throws Exception {
        DeskSite.Browser priya = site.new Browser();
        DeskSite.Browser.Page list = priya.signIn(PRIYA);
        assertTrue(list.doc().select("a:containsOwn(Report)").isEmpty(), "no Report link for a mediator");
        for (String path : List.of("/desk/report?year=2026", "/desk/report.csv?year=2026", "/desk/report.md", "/desk/gaps")) {
            DeskSite.Browser.Page p = priya.get(path);
            assertEquals(404, p.status(), path);
            assertFalse(p.body().contains("Cheshire West and Chester Council"), path);
        }
        DeskSite.Browser nobody = site.new Browser();
        DeskSite.Browser.Page p = nobody.get("/desk/report");
        assertEquals(List.of("/desk/sign-in"), nobody.redirects);
        assertEquals("/desk/sign-in", p.path());
    }

    @Test
    void theGapsPageListsTheAreasQuestionsMostFrequentFirstEscapedAndNeverAnotherAreas() throws Exception {
        for (int i = 0; i < 3; i++) site.gaps.record(new KnowledgeGaps.Gap("Can the council stop our grant mid-year?", "west-cheshire", false));
        site.gaps.record(new KnowledgeGaps.Gap("<img src=x onerror=alert(1)> who pays?", "west-cheshire", true));
        for (int i = 0; i < 5; i++) site.gaps.record(new KnowledgeGaps.Gap("Wolverhampton volunteering rules?", "wolverhampton", true));
        DeskSite.Browser lead = site.new Browser();
        lead.signIn(LEAD);
        DeskSite.Browser.Page gaps = lead.get("/desk/gaps");
        assertEquals(200, gaps.status());
        assertEquals(List.of("Can the council stop our grant mid-year?", "<img src=x onerror=alert(1)> who pays?"),
                gaps.doc().select("td.compact-gap-question").eachText());
        assertFalse(gaps.body().contains("Wolverhampton volunteering"));
        assertTrue(gaps.doc().select("main img").isEmpty(), "the hostile question is text, not an image");
        assertTrue(gaps.main().contains(".questions.md"), "how to add example questions");
    }
}
