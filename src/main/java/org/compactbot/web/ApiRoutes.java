package org.compactbot.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.regex.Pattern;
import org.compactbot.conversation.Channel;
import org.compactbot.conversation.ChatJson;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.conversation.ConversationId;
import org.compactbot.knowledge.Answer;
import org.compactbot.knowledge.AnswerJson;
import org.compactbot.knowledge.AnswerService;
import org.compactbot.logging.LogIds;
import org.slf4j.MDC;

/**
 * {@code /api/*}: who may call it ({@link #admit}), {@code POST /api/ask}, {@code POST /api/chat/{conversationId}} and
 * {@code GET /api/openapi.json}, the OpenAPI 3.1 document of them all (the resource {@code openapi.json} beside this
 * class: a route added here is added there too, or {@code OpenApiTest} fails).
 */
final class ApiRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CONVERSATION_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    private final String token;
    private final ApiAccess access;
    private final AnswerService answers;
    private final ConversationEngine conversations;
    private final Admission admission;
    private final ServiceMetrics metrics;

    ApiRoutes(String token, AnswerService answers, ConversationEngine conversations, Admission admission, ServiceMetrics metrics) {
        this.token = token;
        this.access = new ApiAccess(token);
        this.answers = answers;
        this.conversations = conversations;
        this.admission = admission;
        this.metrics = metrics;
    }

    /**
     * Before a byte of the body is read, the caller is within its rate limit (the token holder's, or its
     * address's: wrong tokens are throttled too, so guessing is slow) and authenticated (the bearer token, or loopback
     * when none is set); then the body is read, counted as it streams, up to 1 MB.
     */
    void admit(Context ctx) {
        admission.notStopping();
        boolean allowed = access.allows(ctx.header("Authorization"), admission.localCaller(ctx) ? "127.0.0.1" : "0.0.0.0");
        String client = allowed && !token.isBlank() ? "token" : admission.address(ctx);
        admission.withinLimit(ctx, "api:" + client);
        if (!allowed) {
            throw new Refusal.Unauthorized(token.isBlank()
                    ? "The API answers local callers only until api.token is set."
                    : "Missing or wrong bearer token.", ctx.header("Authorization") != null);
        }
        RequestBodies.read(ctx, WebServer.MAX_BODY_BYTES);
    }

    void ask(Context ctx) throws IOException {
        long t0 = System.nanoTime();
        JsonNode body = jsonBody(ctx);
        JsonNode q = body.get("question");
        if (q == null || !q.isTextual() || q.asText().isBlank()) throw new Refusal.BadRequest("Send {\"question\": \"...\"} with a non-empty question.");
        JsonNode area = body.get("area");
        if (area != null && !area.isNull() && !area.isTextual()) throw new Refusal.BadRequest("\"area\" must be a string such as \"west-cheshire\".");
        Answer a;
        try {
            a = answers.ask(q.asText(), area == null || area.isNull() ? null : area.asText(), 5);
        } catch (IllegalArgumentException e) {
            throw new Refusal.BadRequest(e.getMessage());
        }
        metrics.asked(Channel.API, a.answered());
        metrics.askTook((System.nanoTime() - t0) / 1e9);
        ctx.contentType("application/json").result(JSON.writeValueAsString(AnswerJson.of(a)));
    }

    void chat(Context ctx) throws IOException {
        long t0 = System.nanoTime();
        String id = ctx.pathParam("conversationId");
        if (!CONVERSATION_ID.matcher(id).matches()) throw new Refusal.BadRequest("A conversation id is 1-128 letters, digits, '.', '_', ':', '@' or '-'.");
        JsonNode text = jsonBody(ctx).get("text");
        if (text == null || !text.isTextual()) throw new Refusal.BadRequest("Send {\"text\": \"...\"}.");
        ConversationId conversation = ConversationId.api(id);
        MDC.put(LogIds.CONVERSATION, LogIds.conversation(conversation.value()));
        var turn = conversations.handle(conversation, text.asText());
        metrics.turn("api", (System.nanoTime() - t0) / 1e9);
        ctx.contentType("application/json").result(JSON.writeValueAsString(ChatJson.of(turn)));
    }

    /** The OpenAPI document, as shipped in the jar. */
    void openapi(Context ctx) throws IOException {
        try (var in = ApiRoutes.class.getResourceAsStream("openapi.json")) {
            if (in == null) throw new IOException("openapi.json is missing from the jar");
            ctx.contentType("application/json").result(in.readAllBytes());
        }
    }

    /** @throws Refusal.BadRequest when the body is not a JSON object */
    private static JsonNode jsonBody(Context ctx) {
        try {
            JsonNode n = JSON.readTree(RequestBodies.of(ctx));
            if (n != null && n.isObject()) return n;
        } catch (IOException e) {
            // said below
        }
        throw new Refusal.BadRequest("The body must be a JSON object.");
    }
}
