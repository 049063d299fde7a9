package org.compactbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.compactbot.app.ChannelEndpoints;
import org.compactbot.config.AppConfig;
import org.compactbot.knowledge.SharedKnowledge;
import org.compactbot.mail.MailChannel;
import org.compactbot.mail.MailOutcome;
import org.junit.jupiter.api.Test;

/** Stopping the server for a shutdown: running requests finish, new ones are turned away. */
class WebServerStopTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(int port, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        b = body == null ? b.GET() : b.POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRunningRequestFinishesWhileNewOnesGet503AndThenThePortCloses() throws Exception {
        CountDownLatch inside = new CountDownLatch(1), release = new CountDownLatch(1);
        MailChannel mail = mock(MailChannel.class); // stands in for a slow inbound email
        when(mail.receive(any())).thenAnswer(call -> {
            inside.countDown();
            release.await();
            return new MailOutcome.Turn("answered on the thread");
        });
        AppConfig d = AppConfig.defaults();
        AppConfig cfg = new AppConfig(new AppConfig.Server(0), new AppConfig.Data(Path.of("target/unused")), d.knowledge(), d.api(),
                d.slack(), new AppConfig.Mail(d.mail().address(), d.mail().smtp(), d.mail().imap(), "", "inbound-secret"), d.cases());
        WebServer server = new WebServer(WebServer.Parts.of(cfg, SharedKnowledge.answers(), null).withMail(ChannelEndpoints.mailInbox(mail)));
        server.start();
        int port = server.port();

        CompletableFuture<HttpResponse<String>> running = CompletableFuture.supplyAsync(() -> {
            try {
                return send(port, "/mail/inbound", "From: a@b.org\r\n\r\nhello", "inbound-secret");
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        inside.await();
        CompletableFuture<Integer> stopped = CompletableFuture.supplyAsync(() -> server.stopGracefully(Duration.ofSeconds(60)));

        HttpResponse<String> ready;
        do {
            ready = send(port, "/readyz", null, null);
        } while (ready.statusCode() == 200);
        assertEquals(503, ready.statusCode());
        assertTrue(ready.body().contains("shutting down"), ready.body());
        HttpResponse<String> refused = send(port, "/api/ask", "{\"question\":\"how long should a consultation run?\"}", null);
        assertEquals(503, refused.statusCode(), refused.body());
        assertEquals("30", refused.headers().firstValue("Retry-After").orElse(""));
        assertTrue(refused.body().contains("try again"), refused.body());

        release.countDown();
        HttpResponse<String> finished = running.get();
        assertEquals(200, finished.statusCode(), finished.body());
        assertTrue(finished.body().contains("replied"), finished.body());
        assertEquals(0, stopped.get(), "no request was cut off");
        assertThrows(ConnectException.class, () -> send(port, "/healthz", null, null));
    }
}
