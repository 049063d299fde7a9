package org.compactbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.compactbot.app.ChannelEndpoints;
import org.compactbot.cases.CaseService;
import org.compactbot.cases.MediatorDirectoryLoader;
import org.compactbot.config.AppConfig;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.conversation.IntentClassifier;
import org.compactbot.knowledge.SharedKnowledge;
import org.compactbot.mail.MailChannel;
import org.compactbot.mail.MessageParser;
import org.compactbot.store.Database;
import org.compactbot.store.SqlCaseStore;
import org.compactbot.store.SqlConversationStore;
import org.compactbot.store.SqlInboundLog;
import org.compactbot.store.SqlOutbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public endpoints under abuse, over real HTTP on loopback: bodies refused before they are read, chunked
 * bodies counted as they stream, client errors answered 400, rate limits keyed on the right thing.
 */
class PublicEndpointAbuseTest {
    static final String BOT = "compact@example.org";
    private final HttpClient http = HttpClient.newHttpClient();
    private WebServer server;
    private Database db;
    @TempDir Path dir;

    /** A server with the API (token "api-t0ken" unless none) and the real email channel behind /mail/inbound. */
    private WebServer start(AppConfig.RateLimit limit, List<String> trustedProxies, String apiToken) throws Exception {
        AppConfig d = AppConfig.defaults();
        AppConfig.Mail mail = new AppConfig.Mail(BOT, d.mail().smtp(), d.mail().imap(), "", "in-t0ken");
        AppConfig cfg = new AppConfig(new AppConfig.Server(0, limit, trustedProxies), d.data(), d.knowledge(), new AppConfig.Api(apiToken),
                d.slack(), mail, d.cases());
        db = Database.open(dir.resolve("web.db"));
        Clock clock = Clock.systemUTC();
        var engine = new ConversationEngine(new SqlConversationStore(db, "CC", clock), SharedKnowledge.answers(), new IntentClassifier(null), clock);
        var cases = new CaseService(new SqlCaseStore(db, clock, BOT), MediatorDirectoryLoader.load(Path.of("config/mediators.yml")), clock);
        var channel = new MailChannel(new MessageParser(), new SqlInboundLog(db, clock), engine, cases, new SqlOutbox(db, clock, BOT), BOT);
        server = new WebServer(WebServer.Parts.of(cfg, SharedKnowledge.answers(), engine).withMail(ChannelEndpoints.mailInbox(channel)));
        server.start();
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop();
        if (db != null) db.close();
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Posts {@code bytes} of body in 64 kB chunks over a raw socket and returns the whole response (status line,
     * headers and body); a connection the server closed mid-body gives "reset".
     */
    static String chunkedPost(int port, String path, String headers, long bytes) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(120_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                    + headers + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                for (long sent = 0; sent < bytes; sent += chunk.length) {
                    out.write(size);
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (java.io.IOException e) {
                // the server answered and closed before taking the rest: read what it said
            }
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "reset: " + e.getMessage();
        }
    }

    @Test
    void twentyConcurrentChunkedPostsOf35MbWithoutATokenLeaveTheHeapUnder256Mb() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), BareServer.class.getName(),
                dir.resolve("data").toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            int port = -1;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("port ")) {
                    port = Integer.parseInt(line.substring(5).strip());
                    break;
                }
            }
            assertTrue(port > 0, "the server did not start");
            int at = port;
            ExecutorService pool = Executors.newFixedThreadPool(20);
            List<Future<String>> posts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String path = i % 2 == 0 ? "/api/ask" : "/mail/inbound";
                posts.add(pool.submit(() -> chunkedPost(at, path, "", 35_000_000)));
            }
            List<String> statuses = new ArrayList<>();
            for (Future<String> f : posts) statuses.add(f.get(5, TimeUnit.MINUTES).lines().findFirst().orElse(""));
            pool.shutdown();
            for (String status : statuses) assertTrue(status.startsWith("HTTP/1.1 401"), statuses.toString());
            // still serving, with a token
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            p.getOutputStream().close();
            long peak = -1;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("peak-heap-bytes ")) peak = Long.parseLong(line.substring(16).strip());
                assertFalse(line.contains("OutOfMemoryError"), line);
            }
            assertTrue(peak > 0 && peak < 256L * 1024 * 1024, "peak heap " + peak);
            System.out.printf("[memory] 20 concurrent 35 MB chunked posts without a token: all 401, peak heap %.0f MiB (-Xmx256m)%n", peak / 1048576.0);
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aChunkedBodyIsCountedAsItStreamsAndStoppedAtItsRoutesLimit() throws Exception {
        start(AppConfig.RateLimit.DEFAULT, List.of(), "api-t0ken");
        String api = chunkedPost(server.port(), "/api/ask", "Authorization: Bearer api-t0ken\r\n", 3_000_000);
        assertTrue(api.startsWith("HTTP/1.1 413"), api);
        assertTrue(api.contains("larger than 1 MB"), api);
        String mail = chunkedPost(server.port(), "/mail/inbound", "Authorization: Bearer in-t0ken\r\n", WebServer.MAX_MAIL_BYTES + 100_000);
        assertTrue(mail.startsWith("HTTP/1.1 413"), mail);
        assertTrue(mail.contains("larger than 36 MB"), mail);
    }

    @Test
    void aBrokenChunkedEncodingIsA400WithAMessageNotAServerError() throws Exception {
        start(AppConfig.RateLimit.DEFAULT, List.of(), "api-t0ken");
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/ask HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer api-t0ken\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\n{\"que\r\nzz-not-a-size\r\nstion\"}\r\n0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(raw.startsWith("HTTP/1.1 400"), raw);
            for (String sign : List.of("Exception", "\tat ", ".java:", "org.eclipse")) assertFalse(raw.contains(sign), raw);
        }
    }

    @Test
    void theBearerSchemeIsCaseInsensitiveAndA401SaysHowToAuthenticate() throws Exception {
        start(AppConfig.RateLimit.DEFAULT, List.of(), "api-t0ken");
        String ask = "{\"question\":\"how long should a consultation run?\"}";
        assertEquals(200, post("/api/ask", ask, "Authorization", "bearer api-t0ken").statusCode());
        assertEquals(200, post("/api/ask", ask, "Authorization", "BEARER  api-t0ken").statusCode());
        HttpResponse<String> none = post("/api/ask", ask);
        assertEquals(401, none.statusCode());
        assertEquals("Bearer realm=\"compact-bot\"", none.headers().firstValue("WWW-Authenticate").orElse(null));
        HttpResponse<String> wrong = post("/mail/inbound", "x", "Authorization", "Bearer nope");
        assertEquals(401, wrong.statusCode());
        assertEquals("Bearer realm=\"compact-bot\", error=\"invalid_token\"", wrong.headers().firstValue("WWW-Authenticate").orElse(null));
        assertTrue(new ObjectMapper().readTree(wrong.body()).get("error").asText().contains("bearer token"), wrong.body());
    }

    @Test
    void oneAddressWrittenThreeWaysIsOneClientToTheRateLimit() throws Exception {
        start(new AppConfig.RateLimit(1, 2, 3000), List.of("127.0.0.1", "::1"), "api-t0ken");
        assertEquals(401, post("/api/ask", "{}", "X-Forwarded-For", "9.9.9.1").statusCode());
        assertEquals(401, post("/api/ask", "{}", "X-Forwarded-For", "::ffff:9.9.9.1").statusCode());
        assertEquals(429, post("/api/ask", "{}", "X-Forwarded-For", "09.009.9.01").statusCode(), "the same address, written otherwise");
        assertEquals(401, post("/api/ask", "{}", "X-Forwarded-For", "9.9.9.2").statusCode(), "another address has its own bucket");
    }

    static String email(String from, String messageId, String body) {
        return "From: " + from + "\r\nTo: " + BOT + "\r\nSubject: A question\r\nMessage-ID: " + messageId + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n";
    }

    @Test
    void theMailLimitCountsEachSendingAddressSoOneSenderCannotUseUpEveryonesAllowance() throws Exception {
        start(new AppConfig.RateLimit(1, 5, 3000), List.of(), "api-t0ken");
        List<Integer> spammer = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            spammer.add(post("/mail/inbound", email("Bulk <bulk@spam.test>", "<s" + i + "@spam.test>", "hello"), "Authorization", "Bearer in-t0ken")
                    .statusCode());
        }
        assertEquals(List.of(200, 200, 200, 200, 200, 429, 429, 429), spammer);
        HttpResponse<String> jo = post("/mail/inbound", email("jo@bilston.org.uk", "<j1@bilston.org.uk>", "what is full cost recovery?"),
                "Authorization", "Bearer in-t0ken");
        assertEquals(200, jo.statusCode(), jo.body());
        assertTrue(jo.body().contains("\"outcome\":\"replied\""), jo.body());
    }
}
