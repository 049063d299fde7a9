package org.compactbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.compactbot.config.AppConfig;
import org.compactbot.knowledge.Answer;
import org.compactbot.knowledge.AreaDetector;
import org.compactbot.knowledge.SharedKnowledge;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public pages over HTTP as a browser without JavaScript gets them: plain HTML and GET forms. */
class PublicPagesTest {
    @TempDir Path dir;
    private PageServer site;

    @AfterEach
    void stop() {
        if (site != null) site.close();
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void theHomePageSaysWhatTheBotIsForAndHasAQuestionBoxWithEveryArea() throws Exception {
        site = new PageServer(dir, AppConfig.RateLimit.DEFAULT);
        HttpResponse<String> r = site.browse("/");
        assertEquals(200, r.statusCode());
        assertEquals("text/html;charset=utf-8", r.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase());
        Document page = Jsoup.parse(r.body());
        assertEquals("Ask about your local Compact – Compact Bot", page.title());
        assertEquals("Ask about your local Compact", page.selectFirst("h1").text());
        Element form = page.selectFirst("form[action=/answers]");
        assertNotNull(form, "a question form");
        assertEquals("get", form.attr("method"), "works without JavaScript, and an answer has its own address");
        assertEquals("Your question", page.selectFirst("label[for=q]").text());
        List<String> areas = page.select("select#area option").eachAttr("value");
        assertEquals("", areas.get(0), "all areas first");
        assertEquals(SharedKnowledge.answers().knownAreas(), areas.subList(1, areas.size()));
        assertTrue(page.selectFirst("a[href=mailto:" + PageServer.MAILBOX + "]") != null, "how to raise a challenge");
        assertFalse(r.body().contains("govuk-header__logotype"), "no GOV.UK crown: this is not a GOV.UK service");
    }

    @Test
    void anAnswerQuotesTheCompactWithItsCitationAndGlossAndKeepsTheAreaChosen() throws Exception {
        site = new PageServer(dir, AppConfig.RateLimit.DEFAULT);
        String question = "how much notice should the council give before it ends our funding?";
        Answer expected = SharedKnowledge.answers().ask(question, "west-cheshire", 5);
        assertTrue(expected.answered());
        HttpResponse<String> r = site.browse("/answers?q=" + q(question) + "&area=west-cheshire");
        assertEquals(200, r.statusCode());
        Document page = Jsoup.parse(r.body());
        assertEquals(question, page.selectFirst("h1").text());
        assertTrue(page.selectFirst(".govuk-caption-l").text().contains(AreaDetector.displayName("west-cheshire")));
        Element quote = page.selectFirst("figure.compact-quote");
        var best = expected.passages().get(0).passage();
        assertEquals(best.text().replaceAll("\\s+", " ").strip(), quote.selectFirst("blockquote").text(), "the Compact's own words");
        assertEquals("From " + best.citation(), quote.selectFirst("figcaption").text());
        if (!best.gloss().isEmpty()) assertTrue(page.text().contains("In plain words: " + best.gloss().replaceAll("\\s+", " ").strip()));
        assertEquals("west-cheshire", page.selectFirst("select#area option[selected]").attr("value"), "the area is kept for the next question");
        assertEquals("", page.selectFirst("textarea#q").text(), "the box is ready for another question");
        assertEquals("/", page.selectFirst("a.govuk-back-link").attr("href"));
    }

    @Test
    void aComplaintIsOfferedAChallengeAndAQuestionNoCompactAnswersGetsTheAreasContact() throws Exception {
        site = new PageServer(dir, AppConfig.RateLimit.DEFAULT);
        String grievance = "the council cut our grant with two weeks notice, is that allowed?";
        Answer a = SharedKnowledge.answers().ask(grievance, "west-cheshire", 5);
        Document page = Jsoup.parse(site.browse("/answers?q=" + q(grievance) + "&area=west-cheshire").body());
        assertEquals(a.answered() && a.grievance(), page.selectFirst(".compact-offer") != null, "the offer follows the answer's reading");
        assertTrue(a.grievance(), "reads as a grievance");

        String none = "how do I book the community room at the library?";
        Answer declined = SharedKnowledge.answers().ask(none, "redcar-cleveland", 5);
        assertFalse(declined.answered());
        Document no = Jsoup.parse(site.browse("/answers?q=" + q(none) + "&area=redcar-cleveland").body());
        assertEquals("No answer in the Compacts", no.selectFirst("h2").text());
        assertTrue(no.selectFirst(".compact-no-answer").text().contains(declined.contact().replaceAll("\\s+", " ").strip()),
                "the area's own contact: " + no.selectFirst(".compact-no-answer").text());
        assertTrue(no.select("figure.compact-quote").isEmpty(), "nothing quoted as if it answered");
    }

    private double questions(String outcome) throws Exception {
        String line = site.get("/metrics", "text/plain").body().lines()
                .filter(l -> l.startsWith("compactbot_questions_total{outcome=\"" + outcome + "\"}")).findFirst().orElseThrow();
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    @Test
    void aQuestionAskedOnAPageIsCountedOnceAndAnEmptyOneNot() throws Exception {
        site = new PageServer(dir, AppConfig.RateLimit.DEFAULT);
        double answered = questions("answered"), declined = questions("declined");
        site.browse("/answers?q=" + q("how long should a consultation run?") + "&area=west-cheshire");
        site.browse("/answers?q=" + q("how do I book the community room at the library?") + "&area=redcar-cleveland");
        site.browse("/answers?q=");
        assertEquals(answered + 1, questions("answered"));
        assertEquals(declined + 1, questions("declined"));
    }

    @Test
    void anEmptyQuestionIsShownAsAnErrorThatLinksToTheBoxAndATooLongOneKeepsWhatFits() throws Exception {
        site = new PageServer(dir, AppConfig.RateLimit.DEFAULT);
        HttpResponse<String> r = site.browse("/answers?q=%20%20&area=redcar-cleveland");
        assertEquals(400, r.statusCode());
        Document page = Jsoup.parse(r.body());
        assertTrue(page.title().startsWith("Error: "), page.title());
        Element link = page.selectFirst(".govuk-error-summary a");
        assertEquals("#q", link.attr("href"));
        assertEquals("Enter your question", link.text());
        assertTrue(page.selectFirst("#q-error").text().contains("Enter your question"));
        assertTrue(page.selectFirst("textarea#q").attr("aria-describedby").contains("q-error"));
        assertEquals("redcar-cleveland", page.selectFirst("select#area option[selected]").attr("value"));

        HttpResponse<String> controls = site.browse("/answers?q=%00%01%02");
        assertEquals(400, controls.statusCode(), "nothing left to ask once cleaned: " + controls.body());
        assertEquals("Enter your question", Jsoup.parse(controls.body()).selectFirst(".govuk-error-summary a").text());

        String tooLong = "notice ".repeat(700);
        Document longPage = Jsoup.parse(site.browse("/answers?q=" + q(tooLong)).body());
        assertTrue(longPage.selectFirst(".govuk-error-summary").text().contains("4,000 characters or fewer"));
        assertEquals(4000, longPage.selectFirst("textarea#q").wholeText().length(), "what was typed is kept, up to the limit");
    }

    @Test
    void whatSomeoneTypesIsShownAsTextNeverRunAsMarkup() throws Exception {
        site = new PageServer(dir, AppConfig.RateLimit.DEFAULT);
        String hostile = "<script>alert('x')</script><img src=x onerror=alert(1)> \"quoted\" & notice?";
        HttpResponse<String> r = site.browse("/answers?q=" + q(hostile) + "&area=%22%3E%3Cscript%3E");
        assertEquals(200, r.statusCode());
        assertFalse(r.body().contains("<script>alert"), "escaped");
        assertFalse(r.body().contains("<img src=x"), "escaped");
        Document page = Jsoup.parse(r.body());
        assertEquals(hostile, page.selectFirst("h1").text(), "shown as typed");
        assertEquals(1, page.select("script").size(), "only the page's own module script");
        assertTrue(page.select("select#area option[selected]").isEmpty(), "an unknown area is all areas");
    }

    @Test
    void pagesMayRunOnlyTheirOwnFilesAndTheStylesheetIsNotGovukBranded() throws Exception {
        site = new PageServer(dir, AppConfig.RateLimit.DEFAULT);
        for (String path : List.of("/", "/answers?q=notice", "/no-such-page")) {
            String csp = site.browse(path).headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && csp.contains("style-src 'self'"), path + ": " + csp);
            assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), path + ": " + csp);
            assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        }
        HttpResponse<String> css = site.get("/assets/compact-bot.css", "text/css");
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertTrue(css.body().contains(".govuk-button"), "GOV.UK Frontend's components");
        assertFalse(css.body().contains("GDS Transport"), "not the Transport font, which is for GOV.UK only");
        assertEquals(200, site.get("/assets/compact-bot.mjs", "*/*").statusCode());
        assertEquals(200, site.get("/assets/govuk/govuk-frontend.min.js", "*/*").statusCode());
        for (Element tag : Jsoup.parse(site.browse("/").body()).select("[style], script:not([src])")) {
            throw new AssertionError("inline style or script the policy would block: " + tag);
        }
    }

    @Test
    void aBrowserGetsErrorsAsPagesWhileTheApiKeepsItsJson() throws Exception {
        site = new PageServer(dir, new AppConfig.RateLimit(1, 2, 3000));
        HttpResponse<String> missing = site.browse("/no-such-page");
        assertEquals(404, missing.statusCode());
        assertEquals("Page not found", Jsoup.parse(missing.body()).selectFirst("h1").text());
        HttpResponse<String> api = site.get("/no-such-endpoint", "application/json");
        assertEquals(404, api.statusCode());
        assertTrue(api.body().startsWith("{\"error\""), api.body());

        assertEquals(200, site.browse("/answers?q=notice").statusCode());
        assertEquals(200, site.browse("/answers?q=notice").statusCode());
        HttpResponse<String> limited = site.browse("/answers?q=notice");
        assertEquals(429, limited.statusCode());
        assertTrue(limited.headers().firstValue("Retry-After").isPresent());
        assertEquals("Too many requests", Jsoup.parse(limited.body()).selectFirst("h1").text());
        assertEquals(200, site.browse("/").statusCode(), "the home page itself is not rate limited");
    }
}
