package org.compactbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compactbot.config.AppConfig;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.conversation.IntentClassifier;
import org.compactbot.knowledge.AnswerService;
import org.compactbot.knowledge.SharedKnowledge;
import org.compactbot.store.Database;
import org.compactbot.store.SqlConversationStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;

/** Safe to run: rate limits, body limits, security headers, request ids and error bodies, over real HTTP on loopback. */
class WebSecurityTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private WebServer server;
    private Database db;
    @TempDir Path dir;

    private WebServer start(AppConfig.RateLimit limit, List<String> trustedProxies, String apiToken, String mailToken) throws Exception {
        return start(limit, trustedProxies, apiToken, mailToken, SharedKnowledge.answers());
    }

    private WebServer start(AppConfig.RateLimit limit, List<String> trustedProxies, String apiToken, String mailToken, AnswerService answers)
            throws Exception {
        AppConfig d = AppConfig.defaults();
        AppConfig.Mail mail = new AppConfig.Mail(d.mail().address(), d.mail().smtp(), d.mail().imap(), "", mailToken);
        AppConfig cfg = new AppConfig(new AppConfig.Server(0, limit, trustedProxies), d.data(), d.knowledge(), new AppConfig.Api(apiToken),
                d.slack(), mail, d.cases());
        db = Database.open(dir.resolve("web.db"));
        var engine = new ConversationEngine(new SqlConversationStore(db, "CC", java.time.Clock.systemUTC()), answers,
                new IntentClassifier(null), java.time.Clock.systemUTC());
        server = new WebServer(WebServer.Parts.of(cfg, answers, engine));
        server.start();
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop();
        if (db != null) db.close();
    }

    private HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).method(method, body);
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        return send("POST", path, HttpRequest.BodyPublishers.ofString(body), headers);
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        return send("GET", path, HttpRequest.BodyPublishers.noBody(), headers);
    }

    private String error(HttpResponse<String> r) throws Exception {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        return json.readTree(r.body()).get("error").asText();
    }

    @Test
    void aClientOverItsLimitGets429WithRetryAfterAndOthersAreStillServed() throws Exception {
        start(new AppConfig.RateLimit(1, 2, 3000), List.of(), "t0ken", "");
        String ask = "{\"question\":\"grants\"}";
        assertEquals(200, post("/api/ask", ask, "Authorization", "Bearer t0ken").statusCode());
        assertEquals(200, post("/api/ask", ask, "Authorization", "Bearer t0ken").statusCode());
        HttpResponse<String> third = post("/api/ask", ask, "Authorization", "Bearer t0ken");
        assertEquals(429, third.statusCode());
        long retryAfter = Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertTrue(error(third).contains("Too many requests"), third.body());
        // a caller without the token is counted by its address, not against the token holder's bucket
        assertEquals(401, post("/api/ask", ask).statusCode());
        // health and metrics are never throttled
        for (int i = 0; i < 5; i++) {
            assertEquals(200, get("/healthz").statusCode());
            assertEquals(200, get("/metrics").statusCode());
        }
        assertEquals(1, Scrape.of(get("/metrics").body()).value("compactbot_http_throttled_total{route=\"/api/ask\"}"));
    }

    @Test
    void wrongTokensAreThrottledByAddressSoGuessingIsSlow() throws Exception {
        start(new AppConfig.RateLimit(1, 3, 3000), List.of(), "t0ken", "");
        for (int i = 0; i < 3; i++) assertEquals(401, post("/api/ask", "{}", "Authorization", "Bearer guess" + i).statusCode());
        assertEquals(429, post("/api/ask", "{}", "Authorization", "Bearer guess4").statusCode());
        assertEquals(200, post("/api/ask", "{\"question\":\"grants\"}", "Authorization", "Bearer t0ken").statusCode());
    }

    @Test
    void forwardedForCountsOnlyFromATrustedProxy() throws Exception {
        start(new AppConfig.RateLimit(1, 1, 3000), List.of(), "", "");
        String ask = "{\"question\":\"grants\"}";
        // untrusted: two "different" clients are one caller, and a forwarded request is not a local one
        assertEquals(401, post("/api/ask", ask, "X-Forwarded-For", "198.51.100.1").statusCode());
        assertEquals(429, post("/api/ask", ask, "X-Forwarded-For", "198.51.100.2").statusCode());
        server.stop();
        db.close();

        start(new AppConfig.RateLimit(1, 1, 3000), List.of("127.0.0.1", "::1"), "", "");
        // trusted: each forwarded client has its own bucket, and a remote one is not given the local-only API
        assertEquals(401, post("/api/ask", ask, "X-Forwarded-For", "198.51.100.1").statusCode());
        assertEquals(401, post("/api/ask", ask, "X-Forwarded-For", "198.51.100.2").statusCode());
        assertEquals(429, post("/api/ask", ask, "X-Forwarded-For", "198.51.100.2").statusCode());
        assertEquals(200, post("/api/ask", ask).statusCode());
    }

    @Test
    void slackEventsHaveOnlyAGlobalCap() throws Exception {
        start(new AppConfig.RateLimit(1, 1, 3), List.of(), "", "");
        // Slack is off in this server (404), but the limits run first: per-address limits do not apply ...
        for (int i = 0; i < 3; i++) assertEquals(404, post("/slack/events", "{}").statusCode());
        // ... only the cap for all of Slack together
        assertEquals(429, post("/slack/events", "{}").statusCode());
    }

    @Test
    void bodiesOverARoutesLimitGet413WithAClearMessage() throws Exception {
        start(AppConfig.RateLimit.DEFAULT, List.of(), "", "in-t0ken");
        String big = "{\"question\":\"" + "a".repeat(1_100_000) + "\"}";
        HttpResponse<String> api = post("/api/ask", big);
        assertEquals(413, api.statusCode());
        assertTrue(error(api).contains("larger than 1 MB"), api.body());
        // no Content-Length (chunked): measured as it is read
        HttpResponse<String> chunked = send("POST", "/api/ask",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))));
        assertEquals(413, chunked.statusCode());
        HttpResponse<String> slack = post("/slack/events", big);
        assertEquals(413, slack.statusCode());
        assertTrue(error(slack).contains("larger than 1 MB"), slack.body());
        // (an email may be far larger: PublicEndpointAbuseTest sends one to a server with the mail channel on)
    }

    @Test
    void aRequestRefusedBeforeItsBodyIsReadStillGetsItsAnswerAndTheConnectionStaysUsable() throws Exception {
        start(AppConfig.RateLimit.DEFAULT, List.of(), "", "in-t0ken");
        // 8 MB: far more than the socket buffers hold, so the server must read it for the sender to get its answer
        byte[] body = new byte[8_000_000];
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 2; i++) {
                // the mail channel is off here: answered 503 without the handler reading the body
                out.write(("POST /mail/inbound HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer in-t0ken\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body); // without the server reading it, this write fails: connection reset
                out.flush();
                String response = readResponse(in);
                assertTrue(response.startsWith("HTTP/1.1 503"), response);
                assertTrue(response.contains("\"error\""), response);
            }
        }
    }

    /** One HTTP/1.1 response with a Content-Length: status line, headers and body. */
    private static String readResponse(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) throw new AssertionError("connection closed after: " + head);
            head.append((char) c);
        }
        Matcher m = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        assertTrue(m.find(), head.toString());
        return head + new String(in.readNBytes(Integer.parseInt(m.group(1))), StandardCharsets.UTF_8);
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        start(new AppConfig.RateLimit(1, 2, 3000), List.of(), "t0ken", "");
        List<HttpResponse<String>> responses = List.of(get("/healthz"), get("/metrics"), get("/nowhere"),
                get("/api/ask", "Authorization", "Bearer t0ken"), post("/api/ask", "{}"), post("/api/ask", "{}"), post("/api/ask", "{}"),
                post("/api/ask", "x".repeat(1_100_000), "Authorization", "Bearer t0ken"));
        assertEquals(List.of(200, 200, 404, 405, 401, 401, 429, 413), responses.stream().map(HttpResponse::statusCode).toList());
        for (HttpResponse<String> r : responses) {
            var h = r.headers();
            String where = r.request().method() + " " + r.uri().getPath() + " " + r.statusCode();
            assertEquals("nosniff", h.firstValue("X-Content-Type-Options").orElse(null), where);
            assertEquals("DENY", h.firstValue("X-Frame-Options").orElse(null), where);
            // a path that is no route may be a page someone mistyped: it gets the pages' policy, which runs only our own files
            assertEquals(r.uri().getPath().equals("/nowhere") ? SecurityHeaders.PAGE_POLICY : "default-src 'none'; frame-ancestors 'none'",
                    h.firstValue("Content-Security-Policy").orElse(null), where);
            assertEquals("no-referrer", h.firstValue("Referrer-Policy").orElse(null), where);
            assertFalse(h.firstValue("Strict-Transport-Security").isPresent(), where + ": HSTS over plain http");
            if (r.uri().getPath().startsWith("/api/")) assertEquals("no-store", h.firstValue("Cache-Control").orElse(null), where);
        }
    }

    @Test
    void hstsWhenATrustedProxySaysTheRequestCameOverHttps() throws Exception {
        start(AppConfig.RateLimit.DEFAULT, List.of(), "", "");
        assertFalse(get("/healthz", "X-Forwarded-Proto", "https").headers().firstValue("Strict-Transport-Security").isPresent());
        server.stop();
        db.close();
        start(AppConfig.RateLimit.DEFAULT, List.of("127.0.0.0/8", "::1"), "", "");
        assertTrue(get("/healthz", "X-Forwarded-Proto", "https").headers().firstValue("Strict-Transport-Security").orElse("")
                .startsWith("max-age="));
        assertFalse(get("/healthz").headers().firstValue("Strict-Transport-Security").isPresent());
    }

    @Test
    void errorsNeverShowAStackTrace() throws Exception {
        AnswerService failing = Mockito.mock(AnswerService.class);
        Mockito.when(failing.ask(Mockito.anyString(), Mockito.any(), Mockito.anyInt()))
                .thenThrow(new IllegalStateException("index file /srv/secret/path broken at org.apache.lucene"));
        start(AppConfig.RateLimit.DEFAULT, List.of(), "", "", failing);
        HttpResponse<String> crash = post("/api/ask", "{\"question\":\"grants\"}");
        assertEquals(500, crash.statusCode());
        assertEquals("Something went wrong on our side; please try again.", error(crash));
        HttpResponse<String> notFound = get("/nowhere");
        assertEquals("No such endpoint: GET /nowhere", error(notFound));
        HttpResponse<String> wrongMethod = get("/api/ask");
        assertEquals(405, wrongMethod.statusCode());
        assertTrue(error(wrongMethod).contains("not allowed"), wrongMethod.body());
        for (HttpResponse<String> r : List.of(crash, notFound, wrongMethod)) assertNoStackTrace(r.body());
        // below Javalin: a request Jetty itself refuses (a broken URI)
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write("GET /%zz%%/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(raw.startsWith("HTTP/1.1 4"), raw);
            assertNoStackTrace(raw);
        }
    }

    private static void assertNoStackTrace(String body) {
        for (String sign : List.of("Exception", "\tat ", ".java:", "org.eclipse", "io.javalin", "/srv/secret")) {
            assertFalse(body.contains(sign), "'" + sign + "' in: " + body);
        }
    }

    @Test
    void eachResponseHasARequestIdTheCallersOwnWhenSane() throws Exception {
        start(AppConfig.RateLimit.DEFAULT, List.of(), "", "");
        assertEquals("abc-123.x", get("/healthz", "X-Request-Id", "abc-123.x").headers().firstValue("X-Request-Id").orElse(null));
        String replaced = get("/healthz", "X-Request-Id", "<script>alert(1)</script>").headers().firstValue("X-Request-Id").orElseThrow();
        assertTrue(replaced.matches("[0-9a-f-]{36}"), replaced);
        String a = get("/healthz").headers().firstValue("X-Request-Id").orElseThrow();
        String b = get("/healthz").headers().firstValue("X-Request-Id").orElseThrow();
        assertNotEquals(a, b);
    }

    @Test
    void metricsHaveCountersAndLatencyHistogramsByRoute() throws Exception {
        start(AppConfig.RateLimit.DEFAULT, List.of(), "", "");
        Scrape before = Scrape.of(get("/metrics").body());
        for (String zero : List.of("compactbot_questions_total{outcome=\"answered\"}", "compactbot_questions_total{outcome=\"declined\"}",
                "compactbot_turns_total{channel=\"api\"}", "compactbot_mail_in_total{outcome=\"replied\"}",
                "compactbot_mail_out_total{result=\"sent\"}", "compactbot_mail_out_total{result=\"failed\"}")) {
            assertEquals(0, before.value(zero), zero);
        }
        post("/api/ask", "{\"question\":\"what does co-production mean?\"}");
        post("/api/ask", "{\"question\":\"what is the best pizza topping in Naples?\"}");
        post("/api/chat/abc", "{\"text\":\"hello\"}");
        String m = get("/metrics").body();
        Scrape s = Scrape.of(m);
        assertEquals(1, s.value("compactbot_turns_total{channel=\"api\"}"));
        assertEquals("histogram", s.type().get("compactbot_ask_seconds"));
        assertEquals(2, s.value("compactbot_ask_seconds_count"));
        assertEquals(1, s.value("compactbot_turn_seconds_count{channel=\"api\"}"));
        assertEquals(2, s.value("compactbot_http_request_seconds_count{route=\"/api/ask\",status=\"200\"}"));
        assertEquals(1, s.value("compactbot_http_request_seconds_bucket{route=\"/api/chat/{conversationId}\",status=\"200\",le=\"+Inf\"}"));
        assertEquals(1, m.lines().filter(l -> l.equals("# TYPE compactbot_http_request_seconds histogram")).count());
        // paths callers make up do not become series of their own
        get("/wp-admin/" + System.nanoTime());
        assertTrue(get("/metrics").body().contains("route=\"other\",status=\"404\""));
        assertFalse(get("/metrics").body().contains("wp-admin"));
    }
}
