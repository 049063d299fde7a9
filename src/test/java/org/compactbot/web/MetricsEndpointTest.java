package org.compactbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.compactbot.config.AppConfig;
import org.compactbot.config.Build;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.conversation.IntentClassifier;
import org.compactbot.knowledge.SharedKnowledge;
import org.compactbot.store.Database;
import org.compactbot.store.SqlConversationStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a Prometheus operator scrapes from a running server over HTTP: names, labels, HELP, types and content type. */
class MetricsEndpointTest {
    private final HttpClient http = HttpClient.newHttpClient();
    @TempDir Path dir;
    private Database db;
    private WebServer server;

    @BeforeEach
    void start() throws Exception {
        AppConfig d = AppConfig.defaults();
        AppConfig cfg = new AppConfig(new AppConfig.Server(0), new AppConfig.Data(dir), d.knowledge(), d.api(), d.slack(), d.mail(), d.cases());
        db = Database.open(dir.resolve("web.db"));
        var engine = new ConversationEngine(new SqlConversationStore(db, "CC", Clock.systemUTC()), SharedKnowledge.answers(),
                new IntentClassifier(null), Clock.systemUTC());
        server = new WebServer(WebServer.Parts.of(cfg, SharedKnowledge.answers(), engine));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
        db.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    }

    private Scrape scrape() throws Exception {
        HttpResponse<String> r = send(at("/metrics"));
        assertEquals(200, r.statusCode());
        return Scrape.of(r.body());
    }

    private void ask(String question) throws Exception {
        var r = send(at("/api/ask").POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"" + question + "\"}"))
                .header("Content-Type", "application/json"));
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void servesThePrometheusTextContentTypeWithItsCharset() throws Exception {
        assertEquals("text/plain; version=0.0.4; charset=utf-8", send(at("/metrics")).headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void everyServiceMetricHasOneFamilyWithHelpTypeAndConventionalName() throws Exception {
        scrape(); // a request, so that the latency histogram has a series; the stores' gauges are WebServerTest's
        Scrape s = scrape();
        Map<String, String> ours = new TreeMap<>();
        s.type().forEach((name, type) -> {
            if (name.startsWith("compactbot_")) ours.put(name, type);
        });
        assertEquals(new TreeMap<>(Map.ofEntries(
                Map.entry("compactbot_build_info", "gauge"),
                Map.entry("compactbot_questions_total", "counter"),
                Map.entry("compactbot_ask_seconds", "histogram"),
                Map.entry("compactbot_turns_total", "counter"),
                Map.entry("compactbot_turn_seconds", "histogram"),
                Map.entry("compactbot_mail_in_total", "counter"),
                Map.entry("compactbot_mail_out_total", "counter"),
                Map.entry("compactbot_http_request_seconds", "histogram"),
                Map.entry("compactbot_http_throttled_total", "counter"),
                Map.entry("compactbot_slack_acks_total", "counter"),
                Map.entry("compactbot_slack_ack_seconds", "histogram"))), ours);
        s.type().keySet().forEach(name -> assertFalse(s.help().getOrDefault(name, "").isBlank(), "no # HELP for " + name));
        // the old one-name-per-outcome series are gone: one metric per concept, with a label
        assertFalse(s.text().contains("compactbot_questions_answered_total"), s.text());
        assertFalse(s.text().contains("compactbot_slack_refused_total"), s.text());
        // and the known label values are there at 0 before anything happens, so that rate() and alerts work at once
        assertEquals(0, s.value("compactbot_slack_acks_total{result=\"refused\"}"));
        assertEquals(0, s.value("compactbot_turns_total{channel=\"slack\"}"));
        assertEquals(0, s.value("compactbot_mail_in_total{outcome=\"refused\"}"));
        assertEquals(0, s.value("compactbot_http_throttled_total{route=\"/api/ask\"}"));
    }

    @Test
    void jvmProcessAndBuildMetricsAreThere() throws Exception {
        Scrape s = scrape();
        assertEquals(1, s.value("compactbot_build_info{version=\"" + Build.version() + "\"}"));
        for (String family : new String[] {"jvm_memory_used_bytes", "jvm_threads_current", "jvm_gc_collection_seconds",
                "process_cpu_seconds_total", "process_start_time_seconds", "jvm_runtime_info"}) {
            assertTrue(s.type().containsKey(family), family + " missing from:\n" + s.text());
        }
        assertTrue(s.value("jvm_memory_used_bytes{area=\"heap\"}") > 0);
    }

    @Test
    void aQuestionAnsweredAndOneDeclinedMoveTheirOwnLabelledCounter() throws Exception {
        Scrape before = scrape();
        assertEquals(0, before.value("compactbot_questions_total{outcome=\"answered\"}"));
        assertEquals(0, before.value("compactbot_questions_total{outcome=\"declined\"}"));
        ask("what does co-production mean?");
        Scrape one = scrape();
        assertEquals(1, one.value("compactbot_questions_total{outcome=\"answered\"}"));
        assertEquals(0, one.value("compactbot_questions_total{outcome=\"declined\"}"));
        ask("what is the best pizza topping in Naples?");
        Scrape two = scrape();
        assertEquals(1, two.value("compactbot_questions_total{outcome=\"answered\"}"));
        assertEquals(1, two.value("compactbot_questions_total{outcome=\"declined\"}"));
        assertEquals(2, two.value("compactbot_ask_seconds_count"));
    }
}
