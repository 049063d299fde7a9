package org.compactbot.slack;

import com.slack.api.bolt.request.Request;
import com.slack.api.app_backend.oauth.payload.VerificationCodePayload;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.OAuthCallbackRequest;
import com.slack.api.bolt.request.builtin.OAuthStartRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge from any HTTP server to the Slack channel, with no web framework in it: takes the raw
 * body and headers of {@code POST /slack/events}, checks Slack's signature (v0 HMAC-SHA256 of
 * {@code v0:timestamp:body}) and that the timestamp is within five minutes, then runs the request
 * through Bolt (SlackRequestParser + App.run). A bad or replayed request gets 401 and does nothing.
 */
public final class SlackHttp {
    private static final Logger LOG = LoggerFactory.getLogger(SlackHttp.class);
    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final String JSON = "application/json; charset=utf-8";

    /** What to answer Slack. */
    public record Reply(int status, Map<String, String> headers, String body) {}

    private final SlackChannel channel;
    private final byte[] secret;
    private final Clock clock;
    private final SlackRequestParser parser;

    public SlackHttp(SlackChannel channel, String signingSecret, Clock clock) {
        if (signingSecret == null || signingSecret.isBlank()) throw new IllegalArgumentException("slack.signing-secret is empty");
        this.channel = channel;
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        this.parser = new SlackRequestParser(channel.boltConfig());
    }

    /** Handles one request; never throws. Header names may be in any case. */
    public Reply handle(String rawBody, Map<String, List<String>> headers) {
        String body = rawBody == null ? "" : rawBody;
        RequestHeaders h = new RequestHeaders(headers == null ? Map.of() : headers);
        if (!authentic(h.getFirstValue("X-Slack-Request-Timestamp"), h.getFirstValue("X-Slack-Signature"), body)) {
            return json(401, "{\"error\":\"invalid request\"}");
        }
        String malformed = malformed(body);
        if (malformed != null) {
            LOG.info("signed Slack request refused as malformed: {}", malformed);
            return json(400, "{\"error\":\"" + malformed + "\"}");
        }
        Request<?> request;
        try {
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri("/slack/events").requestBody(body).headers(h).queryString(Map.of()).build());
        } catch (RuntimeException e) {
            LOG.info("signed Slack request that could not be read refused ({})", e.getClass().getSimpleName());
            request = null;
        }
        if (request == null) return json(400, "{\"error\":\"not a Slack request this app understands\"}");
        try {
            return reply(channel.run(request));
        } catch (Exception e) {
            LOG.error("Slack request could not be handled", e);
            return json(500, "{\"error\":\"something went wrong on our side\"}");
        }
    }

    /**
     * The install flow, for an app installed into many workspaces: GET {@value SlackChannel#INSTALL_PATH} sends a
     * workspace's admin to Slack's consent page (with a one-time state, also set as a cookie), and GET
     * {@value SlackChannel#REDIRECT_PATH} is where Slack sends them back with a code, exchanged for the workspace's bot
     * token (oauth.v2.access) and kept. These come from a browser, unsigned; the state is what protects them. 404 when
     * the app serves one workspace. Never throws.
     */
    public Reply install(String path, Map<String, List<String>> query, Map<String, List<String>> headers) {
        if (!channel.manyWorkspaces()) return json(404, "{\"error\":\"this app serves one workspace; there is nothing to install\"}");
        RequestHeaders h = new RequestHeaders(headers == null ? Map.of() : headers);
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (query != null) query.forEach((k, v) -> q.put(k, new java.util.ArrayList<>(v)));
        Request<?> request;
        if (SlackChannel.INSTALL_PATH.equals(path)) {
            request = new OAuthStartRequest("", h);
        } else if (SlackChannel.REDIRECT_PATH.equals(path)) {
            request = new OAuthCallbackRequest(q, "", VerificationCodePayload.from(q), h);
        } else {
            return json(404, "{\"error\":\"not found\"}");
        }
        request.updateContext(channel.boltConfig());
        try {
            return reply(channel.run(request));
        } catch (Exception e) {
            LOG.error("Slack install step {} could not be handled", path, e);
            return new Reply(500, Map.of("Content-Type", "text/plain; charset=utf-8"), "Something went wrong on our side; please try again.");
        }
    }

    private static Reply reply(Response r) {
        Map<String, String> out = new LinkedHashMap<>();
        if (r.getHeaders() != null) r.getHeaders().forEach((k, v) -> { if (k != null && v != null && !v.isEmpty()) out.put(k, v.get(0)); });
        out.put("Content-Type", r.getContentType() != null ? r.getContentType() : JSON);
        int status = r.getStatusCode() == null ? 200 : r.getStatusCode();
        return new Reply(status, out, r.getBody() == null ? "" : r.getBody());
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper READER = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * What is wrong with a JSON body Slack would never send (Bolt fails on these with an exception, which is not our
     * fault), or null: an event callback must carry its event, with a type.
     */
    static String malformed(String body) {
        if (!body.stripLeading().startsWith("{")) return null; // commands and interactivity come form-encoded
        com.fasterxml.jackson.databind.JsonNode n;
        try {
            n = READER.readTree(body);
        } catch (java.io.IOException e) {
            return "the body is not valid JSON";
        }
        if (n == null || !n.isObject()) return "the body is not a JSON object";
        if (!n.path("type").isTextual()) return "the body has no type";
        if (n.path("type").asText().equals("event_callback")
                && (!n.path("event").isObject() || !n.path("event").path("type").isTextual())) return "an event_callback without an event";
        return null;
    }

    /** True when the signature is Slack's over exactly this body and the timestamp is within the window either way. */
    boolean authentic(String timestamp, String signature, String body) {
        if (timestamp == null || signature == null) {
            LOG.info("Slack request without signature headers refused");
            return false;
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            LOG.info("Slack request with an unreadable timestamp refused");
            return false;
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - ts) > WINDOW.toSeconds()) {
            LOG.info("Slack request with a timestamp {} s from now refused (replayed or clock skew)", ts - now);
            return false;
        }
        byte[] expected = signature(secret, timestamp.strip(), body).getBytes(StandardCharsets.UTF_8);
        boolean ok = MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.UTF_8));
        if (!ok) LOG.info("Slack request with a wrong signature refused");
        return ok;
    }

    /** Slack's v0 signature of a request sent at {@code timestamp} (epoch seconds), as Slack signs it: for load tests on loopback. */
    public static String signature(String signingSecret, long timestamp, String body) {
        return signature(signingSecret.getBytes(StandardCharsets.UTF_8), String.valueOf(timestamp), body);
    }

    /** Slack's v0 signature: {@code v0=} and the hex HMAC-SHA256 of {@code v0:timestamp:body} under the signing secret. */
    static String signature(byte[] secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] h = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(h);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static Reply json(int status, String body) {
        return new Reply(status, Map.of("Content-Type", JSON), body);
    }
}
