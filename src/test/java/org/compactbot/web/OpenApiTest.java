package org.compactbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.compactbot.config.AppConfig;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.conversation.IntentClassifier;
import org.compactbot.knowledge.SharedKnowledge;
import org.compactbot.store.Database;
import org.compactbot.store.SqlConversationStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GET /api/openapi.json against the real server on loopback: every documented operation is called, and each real
 * response (status, body) is checked against the document's schema by a small JSON Schema subset (type, nullable by
 * type arrays, required, properties, additionalProperties false, items, enum, minLength, pattern, $ref).
 */
class OpenApiTest {
    private static final String TOKEN = "api-secret";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> called = new TreeSet<>();
    @TempDir Path dir;
    private WebServer server;
    private Database db;
    private JsonNode doc;

    @AfterEach
    void stop() {
        if (server != null) server.stop();
        if (db != null) db.close();
    }

    private void start() throws Exception {
        AppConfig d = AppConfig.defaults();
        AppConfig cfg = new AppConfig(new AppConfig.Server(0), new AppConfig.Data(Path.of("target/unused")), d.knowledge(),
                new AppConfig.Api(TOKEN), d.slack(), d.mail(), d.cases());
        db = Database.open(dir.resolve("web.db"));
        var engine = new ConversationEngine(new SqlConversationStore(db, "CC", Clock.systemUTC()), SharedKnowledge.answers(),
                new IntentClassifier(null), Clock.systemUTC());
        server = new WebServer(WebServer.Parts.of(cfg, SharedKnowledge.answers(), engine));
        server.start();
        HttpResponse<String> r = send("GET", "/api/openapi.json", "/api/openapi.json", null, TOKEN);
        doc = json.readTree(r.body());
        check("GET", "/api/openapi.json", r);
    }

    private HttpResponse<String> send(String method, String documented, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        called.add(method + " " + documented);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The response's status is documented for the operation, and its body fits that status's schema. */
    private JsonNode check(String method, String path, HttpResponse<String> r) throws Exception {
        JsonNode op = doc.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
        assertTrue(op.isObject(), method + " " + path + " is documented");
        JsonNode response = resolve(op.path("responses").path(String.valueOf(r.statusCode())));
        assertTrue(response.isObject(), method + " " + path + ": status " + r.statusCode() + " is documented; body " + r.body());
        JsonNode schema = response.path("content").path("application/json").path("schema");
        assertTrue(schema.isObject(), "a JSON schema for " + method + " " + path + " " + r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), "served as JSON");
        JsonNode body = json.readTree(r.body());
        List<String> problems = new ArrayList<>();
        validate(body, schema, "$", problems);
        assertEquals(List.of(), problems, method + " " + path + " " + r.statusCode() + ": " + r.body());
        return body;
    }

    private JsonNode resolve(JsonNode n) {
        while (n.has("$ref")) {
            String ref = n.get("$ref").asText();
            assertTrue(ref.startsWith("#/"), "only local references: " + ref);
            n = doc.at(ref.substring(1));
            assertTrue(!n.isMissingNode(), "the reference " + ref + " resolves");
        }
        return n;
    }

    /** The JSON Schema subset the document uses; each mismatch is added to problems with where it is. */
    void validate(JsonNode value, JsonNode schema, String at, List<String> problems) {
        schema = resolve(schema);
        if (schema.has("type")) {
            List<String> types = new ArrayList<>();
            if (schema.get("type").isArray()) schema.get("type").forEach(t -> types.add(t.asText()));
            else types.add(schema.get("type").asText());
            if (types.stream().noneMatch(t -> hasType(value, t))) {
                problems.add(at + ": " + value.getNodeType() + " is not " + types);
                return;
            }
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode e : schema.get("enum")) listed |= e.equals(value);
            if (!listed) problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (value.isTextual()) {
            if (schema.has("minLength") && value.asText().length() < schema.get("minLength").asInt()) problems.add(at + ": too short");
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
                problems.add(at + ": does not match " + schema.get("pattern").asText());
            }
        }
        if (value.isObject()) {
            for (JsonNode r : schema.path("required")) if (!value.has(r.asText())) problems.add(at + ": " + r.asText() + " is missing");
            JsonNode props = schema.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                var f = it.next();
                if (props.has(f.getKey())) validate(f.getValue(), props.get(f.getKey()), at + "." + f.getKey(), problems);
                else if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
                    problems.add(at + ": " + f.getKey() + " is not in the schema");
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) validate(value.get(i), schema.get("items"), at + "[" + i + "]", problems);
        }
    }

    private static boolean hasType(JsonNode v, String type) {
        return switch (type) {
            case "null" -> v.isNull();
            case "string" -> v.isTextual();
            case "boolean" -> v.isBoolean();
            case "integer" -> v.isIntegralNumber();
            case "number" -> v.isNumber();
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            default -> throw new IllegalArgumentException("a type JSON Schema does not have: " + type);
        };
    }

    @Test
    void everyDocumentedOperationAnswersAsTheDocumentSays() throws Exception {
        start();
        assertEquals("3.1.0", doc.path("openapi").asText());
        assertEquals("bearer", doc.at("/components/securitySchemes/bearer/scheme").asText());

        JsonNode answered = check("POST", "/api/ask", send("POST", "/api/ask", "/api/ask",
                "{\"question\":\"how long should a consultation last?\"}", TOKEN));
        assertTrue(answered.get("answered").asBoolean() && answered.get("passages").size() > 0, "an answer with passages was checked");
        check("POST", "/api/ask", send("POST", "/api/ask", "/api/ask", "{\"question\":\"how do I renew my passport?\",\"area\":null}", TOKEN));
        check("POST", "/api/ask", send("POST", "/api/ask", "/api/ask", "{\"question\":\"\"}", TOKEN));
        check("POST", "/api/ask", send("POST", "/api/ask", "/api/ask", "not json", TOKEN));

        String chat = "/api/chat/{conversationId}";
        boolean slotSeen = false;
        for (String text : List.of("hello", "raise a challenge", "West Cheshire", "1", "status", "cancel", "yes")) {
            JsonNode turn = check("POST", chat, send("POST", chat, "/api/chat/openapi-1", "{\"text\":\"" + text + "\"}", TOKEN));
            slotSeen |= !turn.get("expecting").isNull();
        }
        assertTrue(slotSeen, "a turn expecting a slot was checked");
        check("POST", chat, send("POST", chat, "/api/chat/no%20spaces", "{\"text\":\"hi\"}", TOKEN));
        check("POST", chat, send("POST", chat, "/api/chat/openapi-2", "{\"words\":\"hi\"}", TOKEN));

        for (String path : List.of("/api/ask", chat, "/api/openapi.json")) {
            String method = doc.path("paths").path(path).has("get") ? "GET" : "POST";
            String real = path.replace("{conversationId}", "openapi-3");
            HttpResponse<String> refused = send(method, path, real, method.equals("GET") ? null : "{}", "wrong");
            assertEquals(401, refused.statusCode());
            assertNotNull(refused.headers().firstValue("WWW-Authenticate").orElse(null), "the bearer challenge");
            check(method, path, refused);
        }

        Set<String> documented = new TreeSet<>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
        assertEquals(documented, called, "every documented operation was called");
    }

    @Test
    void everyApiRouteTheRunningServerRegistersIsDocumentedAndNothingElse() throws Exception {
        start();
        List<String> endpoints = server.endpoints();
        assertTrue(endpoints.contains("GET /healthz") && endpoints.contains("POST /mail/inbound"),
                "Javalin reported the server's endpoints: " + endpoints);
        Set<String> registered = new TreeSet<>();
        for (String e : endpoints) if (e.split(" ", 2)[1].startsWith("/api/")) registered.add(e);
        Set<String> documented = new TreeSet<>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(x -> documented.add(x.toUpperCase(Locale.ROOT) + " " + p.getKey())));
        assertEquals(registered, documented, "each /api route the server registered has its operation in /api/openapi.json, "
                + "and each operation there is a route it serves");
    }

    @Test
    void theValidatorRejectsWhatTheSchemaDoesNotAllow() throws Exception {
        doc = json.readTree(WebServer.class.getResourceAsStream("openapi.json"));
        JsonNode chat = doc.at("/components/schemas/Chat");
        List<String> problems = new ArrayList<>();
        validate(json.readTree("{\"replies\":[{\"text\":1,\"choices\":[]}],\"state\":\"idle\",\"expecting\":\"colour\",\"case\":null,\"x\":1}"),
                chat, "$", problems);
        assertEquals(List.of("$.replies[0].text: NUMBER is not [string]", "$.expecting: \"colour\" is not one of " + chat.at("/properties/expecting/enum"),
                "$: x is not in the schema"), problems);
        problems.clear();
        validate(json.readTree("{\"replies\":[],\"state\":\"idle\",\"expecting\":null}"), chat, "$", problems);
        assertEquals(List.of("$: case is missing"), problems);
    }
}
