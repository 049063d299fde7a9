package org.compactbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.compactbot.config.AppConfig;
import org.compactbot.knowledge.SharedKnowledge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real server on a free loopback port, spoken to over HTTP. */
class WebServerTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private WebServer server;
    private org.compactbot.store.Database db;
    @org.junit.jupiter.api.io.TempDir Path dir;

    private WebServer start(String token, int port) throws Exception {
        AppConfig d = AppConfig.defaults();
        AppConfig cfg = new AppConfig(new AppConfig.Server(port), new AppConfig.Data(Path.of("target/unused")), d.knowledge(),
                new AppConfig.Api(token), d.slack(), d.mail(), d.cases());
        db = org.compactbot.store.Database.open(dir.resolve("web.db"));
        var engine = new org.compactbot.conversation.ConversationEngine(
                new org.compactbot.store.SqlConversationStore(db, "CC", java.time.Clock.systemUTC()), SharedKnowledge.answers(),
                new org.compactbot.conversation.IntentClassifier(null), java.time.Clock.systemUTC());
        WebServer s = new WebServer(WebServer.Parts.of(cfg, SharedKnowledge.answers(), engine));
        s.start();
        return s;
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop();
        if (db != null) db.close();
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthzSaysOk() throws Exception {
        server = start("", 0);
        HttpResponse<String> r = get("/healthz");
        assertEquals(200, r.statusCode());
        assertEquals("ok", json.readTree(r.body()).get("status").asText());
    }

    @Test
    void askAnswersOverHttpWithTheContractObject() throws Exception {
        server = start("", 0);
        HttpResponse<String> r = post("/api/ask", "{\"question\":\"what does co-production mean?\"}", null);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode a = json.readTree(r.body());
        assertTrue(a.get("answered").asBoolean());
        assertTrue(a.get("passages").get(0).get("text").asText().toLowerCase().contains("co-production"), r.body());
        assertEquals(1, Scrape.of(get("/metrics").body()).value("compactbot_questions_total{outcome=\"answered\"}"));
    }

    @Test
    void askWithAreaRestricts() throws Exception {
        server = start("", 0);
        JsonNode a = json.readTree(post("/api/ask", "{\"question\":\"consultation\",\"area\":\"redcar-cleveland\"}", null).body());
        assertEquals("redcar-cleveland", a.get("area").asText());
        a.get("passages").forEach(p -> assertEquals("redcar-cleveland", p.get("area").asText()));
    }

    @Test
    void badRequestsGetClearJsonErrors() throws Exception {
        server = start("", 0);
        HttpResponse<String> notJson = post("/api/ask", "question=grants", null);
        assertEquals(400, notJson.statusCode());
        assertTrue(json.readTree(notJson.body()).get("error").asText().contains("JSON"));
        assertEquals(400, post("/api/ask", "{\"question\":\"  \"}", null).statusCode());
        HttpResponse<String> area = post("/api/ask", "{\"question\":\"grants\",\"area\":\"mars\"}", null);
        assertEquals(400, area.statusCode());
        assertTrue(area.body().contains("Unknown area"), area.body());
        assertEquals(404, get("/api/nothing").statusCode());
    }

    @Test
    void tokenIsRequiredWhenConfigured() throws Exception {
        server = start("t0ken", 0);
        assertEquals(401, post("/api/ask", "{\"question\":\"grants\"}", null).statusCode());
        assertEquals(401, post("/api/ask", "{\"question\":\"grants\"}", "wrong").statusCode());
        assertEquals(200, post("/api/ask", "{\"question\":\"grants\"}", "t0ken").statusCode());
    }

    @Test
    void withoutATokenOnlyLoopbackCallersAreServed() {
        assertTrue(new ApiAccess("").allows(null, "127.0.0.1"));
        assertTrue(new ApiAccess("").allows(null, "[::1]"));
        assertFalse(new ApiAccess("").allows(null, "192.0.2.10"));
        assertFalse(new ApiAccess("x").allows("Bearer y", "127.0.0.1"));
    }

    @Test
    void chatRunsAConversationOverHttpWithTheContractObject() throws Exception {
        server = start("", 0);
        JsonNode first = json.readTree(post("/api/chat/abc-123", "{\"text\":\"raise a challenge\"}", null).body());
        assertEquals(java.util.List.of("replies", "state", "expecting", "case"), fieldNames(first));
        assertEquals("collecting", first.get("state").asText());
        assertEquals("area", first.get("expecting").asText());
        assertTrue(first.get("case").isNull());
        JsonNode choice = first.get("replies").get(first.get("replies").size() - 1).get("choices").get(0);
        assertEquals(java.util.List.of("label", "value"), fieldNames(choice));
        JsonNode second = json.readTree(post("/api/chat/abc-123", "{\"text\":\"" + choice.get("value").asText() + "\"}", null).body());
        assertEquals("role", second.get("expecting").asText());
        JsonNode other = json.readTree(post("/api/chat/someone-else", "{\"text\":\"hello\"}", null).body());
        assertEquals("idle", other.get("state").asText());
        assertTrue(other.get("expecting").isNull());
    }

    @Test
    void chatRejectsBadIdsAndBodies() throws Exception {
        server = start("", 0);
        assertEquals(400, post("/api/chat/" + "x".repeat(200), "{\"text\":\"hi\"}", null).statusCode());
        assertEquals(400, post("/api/chat/abc", "{\"message\":\"hi\"}", null).statusCode());
        assertEquals(400, post("/api/chat/abc", "not json", null).statusCode());
    }

    private static java.util.List<String> fieldNames(JsonNode n) {
        java.util.List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void readyzReportsEachPartAndMetricsCarryTheGauges() throws Exception {
        AppConfig d = AppConfig.defaults();
        AppConfig cfg = new AppConfig(new AppConfig.Server(0), new AppConfig.Data(dir.resolve("data")), d.knowledge(),
                d.api(), d.slack(), d.mail(), d.cases());
        try (org.compactbot.app.Storage w = org.compactbot.app.Storage.open(cfg, java.time.Clock.systemUTC())) {
            var engine = new org.compactbot.conversation.ConversationEngine(w.conversations(), SharedKnowledge.answers(),
                    new org.compactbot.conversation.IntentClassifier(null), java.time.Clock.systemUTC());
            server = new WebServer(WebServer.Parts.of(cfg, SharedKnowledge.answers(), engine).withHealth(new org.compactbot.app.Readiness(cfg, w, java.time.Clock.systemUTC())));
            server.start();
            engine.handle(org.compactbot.conversation.ConversationId.unlisted("test", "x"), "hello");
            HttpResponse<String> r = get("/readyz");
            assertEquals(200, r.statusCode(), r.body());
            JsonNode checks = json.readTree(r.body()).get("checks");
            assertEquals("ok", checks.get("database").asText());
            assertTrue(checks.get("smtp").asText().startsWith("off"), r.body());
            Scrape metrics = Scrape.of(get("/metrics").body());
            assertEquals(0, metrics.value("compactbot_outbox_depth"));
            assertEquals(0, metrics.value("compactbot_outbox_oldest_seconds"));
            assertEquals("gauge", metrics.type().get("compactbot_outbox_depth"));
            assertEquals(0, metrics.value("compactbot_cases{status=\"submitted\"}"), "every status shows, at 0 when empty");
            assertEquals("Cases, by status", metrics.help().get("compactbot_cases"));
            server.stop();
            server = null;
        }
    }

    /** A server with the stores' probes and gauges (app.Readiness) on the store given: SQLite under dir, or PostgreSQL. */
    private org.compactbot.app.Storage serveWithStores(AppConfig.Store store) throws Exception {
        AppConfig d = AppConfig.defaults();
        AppConfig cfg = new AppConfig(new AppConfig.Server(0), new AppConfig.Data(dir.resolve("data")), d.knowledge(),
                d.api(), d.slack(), d.mail(), d.cases(), store);
        var w = org.compactbot.app.Storage.open(cfg, java.time.Clock.systemUTC());
        var engine = new org.compactbot.conversation.ConversationEngine(w.conversations(), SharedKnowledge.answers(),
                new org.compactbot.conversation.IntentClassifier(null), java.time.Clock.systemUTC());
        server = new WebServer(WebServer.Parts.of(cfg, SharedKnowledge.answers(), engine)
                .withHealth(new org.compactbot.app.Readiness(cfg, w, java.time.Clock.systemUTC())));
        server.start();
        return w;
    }

    private static final String ACTIVE = "compactbot_db_pool_connections{state=\"active\"}";
    private static final String IDLE = "compactbot_db_pool_connections{state=\"idle\"}";

    @Test
    void onPostgresMetricsShowThePoolsConnectionsByStateItsLimitAndThreadsWaiting() throws Exception {
        String url = org.compactbot.store.TestPostgres.newDatabase(); // skipped as root, as PostgreSQL is
        String size = System.getProperty("compactbot.store.pool-size");
        System.setProperty("compactbot.store.pool-size", "4");
        var thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (var w = serveWithStores(new AppConfig.Store(url, "", ""))) {
            Scrape quiet = Scrape.of(get("/metrics").body());
            assertEquals(4, quiet.value("compactbot_db_pool_max_connections"), "the configured pool size");
            assertEquals(0, quiet.value(ACTIVE));
            assertTrue(quiet.value(IDLE) >= 1, "the pool keeps a connection open: " + quiet.value(IDLE));
            assertEquals(0, quiet.value("compactbot_db_pool_threads_waiting"));
            for (String name : java.util.List.of("compactbot_db_pool_connections", "compactbot_db_pool_max_connections",
                    "compactbot_db_pool_threads_waiting")) {
                assertEquals("gauge", quiet.type().get(name), name);
                assertFalse(quiet.help().getOrDefault(name, "").isBlank(), "HELP for " + name);
            }
            var open = new java.util.concurrent.CountDownLatch(1);
            var finish = new java.util.concurrent.CountDownLatch(1);
            var held = thread.submit(() -> w.database().inTransaction(c -> {
                open.countDown();
                try {
                    return finish.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertTrue(open.await(10, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(1, Scrape.of(get("/metrics").body()).value(ACTIVE), "the transaction still open holds a connection");
            finish.countDown();
            assertTrue(held.get(10, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(0, Scrape.of(get("/metrics").body()).value(ACTIVE), "and gave it back");
        } finally {
            thread.shutdownNow();
            if (size == null) System.clearProperty("compactbot.store.pool-size");
            else System.setProperty("compactbot.store.pool-size", size);
            if (server != null) server.stop();
            server = null;
        }
    }

    @Test
    void onSqliteMetricsShowNoConnectionPoolSeries() throws Exception {
        try (var w = serveWithStores(AppConfig.Store.DEFAULT)) {
            Scrape s = Scrape.of(get("/metrics").body());
            assertEquals(0, s.value("compactbot_outbox_depth"), "the stores' gauges were read");
            assertTrue(s.type().keySet().stream().noneMatch(n -> n.startsWith("compactbot_db_pool")), s.text());
        } finally {
            server.stop();
            server = null;
        }
    }

    @Test
    void portInUseIsAClearError() throws Exception {
        server = start("", 0);
        var first = db;
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> start("", server.port()));
        db.close();
        db = first;
        assertTrue(e.getMessage().contains("already in use"), e.getMessage());
    }
}
