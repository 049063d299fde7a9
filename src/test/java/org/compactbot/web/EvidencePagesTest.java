package org.compactbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.compactbot.cases.ChallengeCase;
import org.compactbot.config.AppConfig;
import org.compactbot.store.SqlCaseStore;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evidence uploaded with a challenge in a browser without JavaScript: a multipart form, the email limits, and the files on the case. */
class EvidencePagesTest {
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

    /** Posts the files (name -> content) as a browser posts the page's form; the token is the draft's unless given. */
    private HttpResponse<String> upload(String token, Map<String, byte[]> files) throws Exception {
        String boundary = "----compactbot" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (token != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + token + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (var f : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\"" + f.getKey()
                    + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(f.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(site.url(EvidencePages.PATH)))
                .header("Cookie", DraftCookie.NAME + "=" + browser.cookie)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token() {
        return DraftCookie.of(browser.cookie).orElseThrow().formToken();
    }

    private static Document page(HttpResponse<String> r) {
        return Jsoup.parse(r.body());
    }

    @Test
    void filesUploadedFromCheckYourAnswersAreListedAndGoWithTheChallengeToItsCase() throws Exception {
        ChallengeSession.Page check = browser.answerUpTo(null);
        assertEquals("/challenge/check", check.path());
        var row = check.doc().select(".govuk-summary-list__row").stream()
                .filter(r -> r.selectFirst(".govuk-summary-list__key").text().equals("Evidence")).findFirst().orElseThrow();
        assertEquals("None uploaded", row.selectFirst(".govuk-summary-list__value").text());
        assertEquals(EvidencePages.PATH, row.selectFirst("a").attr("href"));

        ChallengeSession.Page form = browser.get(EvidencePages.PATH);
        assertEquals("Upload evidence – Raise a Compact challenge – Compact Bot", form.doc().title());
        assertEquals("multipart/form-data", form.doc().selectFirst("main form").attr("enctype"));
        assertNotNull(form.doc().selectFirst("input#evidence[type=file][multiple]"));
        assertEquals("no-store", site.browse(EvidencePages.PATH).headers().firstValue("Cache-Control").orElse(""));

        byte[] letter = "%PDF-1.4 the council's letter".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> sent = upload(token(), Map.of("C:\\Users\\sam\\council-letter.pdf", letter));
        assertEquals(303, sent.statusCode(), sent.body());
        assertEquals(EvidencePages.PATH, sent.headers().firstValue("Location").orElse(""), "POST-redirect-GET");
        ChallengeSession.Page listed = browser.get(EvidencePages.PATH);
        assertEquals("council-letter.pdf", listed.doc().selectFirst(".govuk-summary-list__key").text(), "the file's own name, no folders");
        assertEquals(letter.length + " bytes", listed.doc().selectFirst(".govuk-summary-list__value").text());

        ChallengeSession.Page again = browser.get("/challenge/check");
        assertTrue(again.doc().select(".govuk-summary-list").text().contains("council-letter.pdf"), again.doc().select(".govuk-summary-list").text());
        browser.submit(again);
        List<ChallengeCase> cases = new SqlCaseStore(site.db(), Clock.systemUTC(), PageServer.MAILBOX).list(null, null);
        assertEquals(1, cases.size());
        assertEquals(List.of(Map.entry("council-letter.pdf", (long) letter.length)),
                new SqlCaseStore(site.db(), Clock.systemUTC(), PageServer.MAILBOX).evidence(cases.get(0).ref()), "kept as the case's evidence");
    }

    @Test
    void aFileOverTheEmailLimitIsNamedAndNotKeptWhileTheOthersAre() throws Exception {
        browser.answerUpTo(null);
        java.util.LinkedHashMap<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("minutes.pdf", "minutes".getBytes(StandardCharsets.UTF_8));
        files.put("<img src=x onerror=alert(1)>.pdf", new byte[10_000_001]);
        HttpResponse<String> r = upload(token(), files);
        assertEquals(400, r.statusCode());
        Document d = page(r);
        assertEquals("#evidence", d.selectFirst(".govuk-error-summary a").attr("href"), "the error summary links to the field");
        assertTrue(d.selectFirst(".govuk-error-summary").text().contains("<img src=x onerror=alert(1)>.pdf was not uploaded: it must be smaller than 10 MB"),
                d.selectFirst(".govuk-error-summary").text());
        assertTrue(r.body().contains("&lt;img src=x onerror=alert(1)&gt;.pdf") && d.select("main img").isEmpty(), "a hostile name is shown as text");
        assertEquals(List.of("minutes.pdf"), d.select(".govuk-summary-list__key").eachText(), "the file within the limits is kept");
        assertTrue(d.title().startsWith("Error: "), d.title());
    }

    @Test
    void noFileChosenNoTokenOrNoDraftKeepNothing() throws Exception {
        assertEquals("/challenge/start", browser.get(EvidencePages.PATH).path(), "no draft yet: the start page");
        browser.answerUpTo(null);
        HttpResponse<String> none = upload(token(), Map.of());
        assertEquals(400, none.statusCode());
        assertTrue(page(none).selectFirst(".govuk-error-summary").text().contains("Select a file to upload"));
        assertEquals(403, upload(null, Map.of("a.pdf", new byte[] {1})).statusCode(), "a form without its token");
        assertEquals(403, upload("not-the-token", Map.of("a.pdf", new byte[] {1})).statusCode());
        assertTrue(browser.get(EvidencePages.PATH).doc().select(".govuk-summary-list__key").isEmpty(), "nothing was kept");
    }
}
