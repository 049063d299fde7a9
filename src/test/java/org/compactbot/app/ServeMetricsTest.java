package org.compactbot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.compactbot.config.AppConfig;
import org.compactbot.knowledge.SharedKnowledge;
import org.compactbot.web.Scrape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator scrapes from /metrics of the service as {@code serve} builds it (the composition root), over HTTP. */
class ServeMetricsTest {
    private static final String MAIL_TOKEN = "inbound-secret";
    private static final String ANSWERED = "compactbot_questions_total{outcome=\"answered\"}";
    private static final String DECLINED = "compactbot_questions_total{outcome=\"declined\"}";
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir Path dir;
    private Service service;

    private Service start(AppConfig.Store store) throws Exception {
        AppConfig d = AppConfig.defaults();
        AppConfig.Mail mail = new AppConfig.Mail(d.mail().address(), d.mail().smtp(), d.mail().imap(), "", MAIL_TOKEN);
        AppConfig cfg = new AppConfig(new AppConfig.Server(0), new AppConfig.Data(SharedKnowledge.dataWithEmbeddingCache(dir)),
                d.knowledge(), d.api(), d.slack(), mail, d.cases(), store);
        service = Service.build(cfg, new PrintStream(OutputStream.nullOutputStream()), Clock.systemUTC(), SharedKnowledge.embedder());
        service.start();
        return service;
    }

    @AfterEach
    void stop() throws Exception {
        if (service != null) for (Service.Stop s : service.stops(Duration.ofSeconds(5))) s.work().call();
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.web().port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Scrape scrape() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.web().port() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        return Scrape.of(r.body());
    }

    private static String email(String from, String messageId, String body) {
        return "From: " + from + "\r\nTo: compact@example.org\r\nSubject: A question\r\nMessage-ID: " + messageId + "\r\n"
                + "Date: Tue, 24 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n";
    }

    @Test
    void aQuestionByEmailAndOneInTheWebChatEachMoveTheQuestionsCounterOnce() throws Exception {
        start(AppConfig.Store.DEFAULT);
        String question = email("jo@bilston.org.uk", "<q1@bilston.org.uk>", "what does co-production mean?");
        assertEquals(200, post("/mail/inbound", question, MAIL_TOKEN).statusCode());
        assertEquals(1, scrape().value(ANSWERED), "the emailed question counted");
        assertEquals(200, post("/mail/inbound", question, MAIL_TOKEN).statusCode(), "the same message delivered again");
        assertEquals(1, scrape().value(ANSWERED), "and not counted again");

        assertEquals(200, post("/api/chat/web-1", "{\"text\":\"what is full cost recovery?\"}", null).statusCode());
        assertEquals(200, post("/api/chat/web-1", "{\"text\":\"what is the best pizza topping in Naples?\"}", null).statusCode());
        Scrape s = scrape();
        assertEquals(2, s.value(ANSWERED), "the chat's question counted once");
        assertEquals(1, s.value(DECLINED), "and the one it could not answer as declined");
    }

    @Test
    void aQuestionOnTheApiCountsOnce() throws Exception {
        start(AppConfig.Store.DEFAULT);
        assertEquals(200, post("/api/ask", "{\"question\":\"what does co-production mean?\"}", null).statusCode());
        Scrape s = scrape();
        assertEquals(1, s.value(ANSWERED));
        assertEquals(0, s.value(DECLINED));
        assertEquals(1, s.value("compactbot_ask_seconds_count"));
    }
}
