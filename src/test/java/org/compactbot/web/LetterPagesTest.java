package org.compactbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.compactbot.config.AppConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The early-resolution letter on the web, over HTTP: linked from the confirmation page, shown, downloaded, and only to its owner. */
class LetterPagesTest {
    @TempDir Path dir;
    private PageServer site;
    private ChallengeSession browser;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() throws Exception {
        site = new PageServer(dir, AppConfig.RateLimit.OFF);
        browser = new ChallengeSession(site);
    }

    @AfterEach
    void stop() {
        if (site != null) site.close();
    }

    private HttpResponse<byte[]> download(String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site.url(LetterPages.DOCX))).GET();
        if (cookie != null) b.header("Cookie", DraftCookie.NAME + "=" + cookie);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theConfirmationPageLinksToTheLetterWhichIsShownAndDownloadsAsAWordDocument() throws Exception {
        ChallengeSession.Page confirmation = browser.submit(browser.answerUpTo(null));
        assertEquals("/challenge/confirmation", confirmation.path());
        var link = confirmation.doc().selectFirst("main a[href=" + LetterPages.PAGE + "]");
        assertNotNull(link, confirmation.body());
        assertEquals("Draft a letter to send them", link.text());

        ChallengeSession.Page letter = browser.get(LetterPages.PAGE);
        assertEquals(200, letter.status());
        assertEquals("A letter to send the body – Raise a Compact challenge – Compact Bot", letter.doc().title());
        String shown = letter.doc().select(".compact-letter").text();
        assertTrue(shown.contains("To the Compact lead officer, Cheshire West and Chester Council"), shown);
        assertTrue(shown.contains("What happened: The council told us by letter that our grant will end in two weeks"), shown);
        assertTrue(shown.contains("14 days' notice"), shown);
        assertTrue(shown.contains("against a minimum of three months"), shown);
        assertEquals(1, letter.doc().select(".compact-letter blockquote").size(), "the undertaking chosen, quoted");
        assertTrue(letter.doc().selectFirst(".compact-letter blockquote").text().matches("\u201C.+\u201D \\(.+›.+\\)"),
                letter.doc().selectFirst(".compact-letter blockquote").text());
        assertFalse(shown.contains("Sam Patel") || shown.contains("Hope Street Youth Club"), "asked for confidentiality: not signed");
        assertEquals("no-store", site.browse(LetterPages.PAGE).headers().firstValue("Cache-Control").orElse(""));
        assertEquals(LetterPages.DOCX, letter.doc().selectFirst("main a[download]").attr("href"));

        HttpResponse<byte[]> docx = download(browser.cookie);
        assertEquals(200, docx.statusCode());
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                docx.headers().firstValue("Content-Type").orElse(""));
        // the body as the person typed it: this server has no public bodies configured to match it to
        assertEquals("attachment; filename=\"letter-to-cheshire-west-and-chester-council-grants-team.docx\"",
                docx.headers().firstValue("Content-Disposition").orElse(""));
        List<String> paragraphs;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()))) {
            paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
        }
        assertTrue(paragraphs.contains("To the Compact lead officer, Cheshire West and Chester Council, grants team"), paragraphs.toString());
        String quote = letter.doc().selectFirst(".compact-letter blockquote").text(); // as the page shows it, spaces collapsed
        assertTrue(paragraphs.stream().map(p -> p.replaceAll("\\s+", " ").strip()).anyMatch(quote::equals), quote + " not in " + paragraphs);
    }

    @Test
    void aStrangerOrABrowserWithOnlyADraftGetsNotFound() throws Exception {
        browser.submit(browser.answerUpTo(null));
        assertEquals(200, browser.get(LetterPages.PAGE).status());

        ChallengeSession stranger = new ChallengeSession(site);
        assertEquals(404, stranger.get(LetterPages.PAGE).status(), "no cookie");
        assertEquals(404, download(null).statusCode());
        assertEquals(404, download("made-up-cookie-value").statusCode(), "a cookie that is not a draft's");

        ChallengeSession drafting = new ChallengeSession(site);
        drafting.answerUpTo("consent");
        assertEquals(404, drafting.get(LetterPages.PAGE).status(), "a draft not yet sent has no letter page");
        HttpResponse<byte[]> theirs = download(drafting.cookie);
        assertEquals(404, theirs.statusCode());
        assertFalse(new String(theirs.body(), java.nio.charset.StandardCharsets.UTF_8).contains("Cheshire West and Chester Council, grants"),
                "nothing of another's letter");
    }
}
