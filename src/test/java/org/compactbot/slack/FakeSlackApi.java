package org.compactbot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A stand-in for the Slack Web API on loopback: records every call (method, form parameters or
 * JSON body, when), answers auth.test, users.info, conversations.open, chat.*, views.*, files.uploadV2's three steps
 * (files.getUploadURLExternal, the upload URL on this server, files.completeUploadExternal), and
 * response_url posts under /respond/. Can be told to fail a method first (429 with Retry-After, or 5xx), or to answer
 * it slowly; calls are served concurrently, as Slack serves them.
 */
final class FakeSlackApi implements AutoCloseable {
    static final String TOKEN = "xoxb-test-token";
    static final String TEAM = "T0TEAM";
    static final String BOT_USER = "U0BOT";
    static final String APP_TOKEN = "xapp-1-test-app-token";
    /** Where apps.connections.open sends a Socket Mode client (set by a test that runs a fake Socket Mode server). */
    volatile String socketModeUrl;

    /** One recorded call. */
    record Call(String method, Map<String, String> params, String body, Instant at, String token) {
        JsonNode json(String param) {
            try {
                return new ObjectMapper().readTree(param == null ? body : params.get(param));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private record Failure(int status, String retryAfter) {}

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<Failure>> failures = new ConcurrentHashMap<>();
    private final Map<String, Deque<Duration>> delays = new ConcurrentHashMap<>();
    private final AtomicInteger ts = new AtomicInteger(1000);
    /** The bytes posted to each upload URL, by file id. */
    private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
    /** Each bot token Slack has issued, and the workspace it belongs to. */
    private final Map<String, String> tokenTeams = new ConcurrentHashMap<>(Map.of(TOKEN, TEAM));
    /** OAuth codes Slack would hand a browser coming back from its consent page, and the token each is exchanged for. */
    private final Map<String, String[]> grants = new ConcurrentHashMap<>();
    static final String CLIENT_ID = "1111.2222", CLIENT_SECRET = "client-secret-for-tests";

    /** An admin of {@code team} approved the install: the code exchanges (once) for {@code token}. */
    void grant(String code, String team, String token) {
        grants.put(code, new String[] {team, token});
    }

    /** The workspace's token stops working (revoked, or the app uninstalled). */
    void revoke(String token) {
        tokenTeams.remove(token);
    }

    FakeSlackApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-slack");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String apiUrl() {
        return baseUrl() + "/api/";
    }

    /** The next call(s) of the method fail with this status first (Retry-After null: none sent). */
    void failNext(String method, int status, String retryAfter) {
        failures.computeIfAbsent(method, m -> new ArrayDeque<>()).add(new Failure(status, retryAfter));
    }

    /** The next call of the method is answered only after this long (as a slow Slack would). */
    void slowNext(String method, Duration delay) {
        delays.computeIfAbsent(method, m -> new ArrayDeque<>()).add(delay);
    }

    /** The bytes uploaded for a file id (files.uploadV2), or null. */
    byte[] uploaded(String fileId) {
        return uploads.get(fileId);
    }

    synchronized List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    synchronized List<Call> all() {
        return List.copyOf(calls);
    }

    /** Waits until at least n calls match; returns them. */
    List<Call> await(String method, int n, Predicate<Call> which) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<Call> found = calls(method).stream().filter(which).toList();
            if (found.size() >= n) return found;
            if (System.nanoTime() > end) throw new AssertionError("expected " + n + " " + method + " calls, got " + found + "; all: " + all());
            Thread.sleep(20);
        }
    }

    List<Call> await(String method, int n) throws InterruptedException {
        return await(method, n, c -> true);
    }

    private void serve(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        byte[] raw = x.getRequestBody().readAllBytes();
        String body = new String(raw, StandardCharsets.UTF_8);
        String method = path.startsWith("/api/") ? path.substring("/api/".length()) : path;
        Map<String, String> params = new LinkedHashMap<>();
        String type = x.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.put(k, v);
            }
        }
        String auth = x.getRequestHeaders().getFirst("Authorization");
        String bearer = auth != null && auth.startsWith("Bearer ") ? auth.substring("Bearer ".length()) : params.get("token");
        synchronized (this) {
            calls.add(new Call(method, params, body, Instant.now(), bearer));
        }
        Deque<Duration> slow = delays.get(method);
        Duration delay = slow == null ? null : slow.poll();
        if (delay != null) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Deque<Failure> planned = failures.get(method);
        Failure f = planned == null ? null : planned.poll();
        if (f != null) {
            if (f.retryAfter() != null) x.getResponseHeaders().add("Retry-After", f.retryAfter());
            reply(x, f.status(), "{\"ok\":false,\"error\":\"" + (f.status() == 429 ? "ratelimited" : "internal_error") + "\"}");
            return;
        }
        if (path.startsWith("/upload/")) {
            // files.uploadV2's second step: the file's bytes posted to the URL files.getUploadURLExternal gave
            uploads.put(path.substring("/upload/".length()), raw);
            reply(x, 200, "OK - " + raw.length);
            return;
        }
        if (path.startsWith("/respond/")) {
            reply(x, 200, "ok");
            return;
        }
        if (method.equals("oauth.v2.access")) {
            reply(x, 200, oauthAccess(auth, params));
            return;
        }
        if (method.equals("apps.connections.open")) {
            reply(x, 200, ("Bearer " + APP_TOKEN).equals(auth) && socketModeUrl != null
                    ? "{\"ok\":true,\"url\":\"" + socketModeUrl + "\"}" : "{\"ok\":false,\"error\":\"invalid_auth\"}");
            return;
        }
        String team = bearer == null ? null : tokenTeams.get(bearer);
        if (team == null && !(method.equals("auth.test") && ("Bearer " + APP_TOKEN).equals(auth))) {
            reply(x, 200, "{\"ok\":false,\"error\":\"invalid_auth\"}");
            return;
        }
        String user = params.getOrDefault("user", params.getOrDefault("users", "U0NOBODY"));
        String channel = params.getOrDefault("channel", "C0NONE");
        String json = switch (method) {
            case "auth.test" -> "{\"ok\":true,\"url\":\"https://compact.slack.com/\",\"team\":\"Compact\",\"user\":\"compactbot\","
                    + "\"team_id\":\"" + (team == null ? TEAM : team) + "\",\"user_id\":\"" + BOT_USER + "\",\"bot_id\":\"B0BOT\"}";
            case "users.info" -> "{\"ok\":true,\"user\":{\"id\":\"" + user + "\",\"team_id\":\"" + TEAM + "\",\"name\":\"sam\","
                    + "\"real_name\":\"Sam Patel\",\"is_bot\":false,\"deleted\":false,"
                    + "\"profile\":{\"real_name\":\"Sam Patel\",\"display_name\":\"sam\",\"email\":\"sam.patel@example.org\"}}}";
            case "conversations.open" -> "{\"ok\":true,\"channel\":{\"id\":\"D" + user + "\"}}";
            case "chat.postMessage" -> "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + ts.incrementAndGet() + ".000100\"}";
            case "chat.update" -> "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + params.get("ts") + "\"}";
            case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"" + ts.incrementAndGet() + ".000200\"}";
            case "views.publish", "views.open", "views.update" -> "{\"ok\":true,\"view\":{\"id\":\"V0VIEW\",\"hash\":\"h1\"}}";
            case "files.getUploadURLExternal" -> {
                String file = "F0FILE" + ts.incrementAndGet();
                yield "{\"ok\":true,\"upload_url\":\"" + baseUrl() + "/upload/" + file + "\",\"file_id\":\"" + file + "\"}";
            }
            case "files.completeUploadExternal" -> "{\"ok\":true,\"files\":[{\"id\":\"F0\",\"title\":\"letter\"}]}";
            default -> "{\"ok\":false,\"error\":\"unknown_method\"}";
        };
        reply(x, 200, json);
    }

    /** oauth.v2.access: the client's id and secret (HTTP Basic, or in the form) and a code granted once. */
    private String oauthAccess(String auth, Map<String, String> params) {
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        boolean client = basic.equals(auth) || (CLIENT_ID.equals(params.get("client_id")) && CLIENT_SECRET.equals(params.get("client_secret")));
        if (!client) return "{\"ok\":false,\"error\":\"invalid_client_id\"}";
        String[] grant = grants.remove(params.getOrDefault("code", ""));
        if (grant == null) return "{\"ok\":false,\"error\":\"invalid_code\"}";
        tokenTeams.put(grant[1], grant[0]);
        return "{\"ok\":true,\"app_id\":\"A0APP\",\"authed_user\":{\"id\":\"U0ADMIN\"},\"scope\":\"" + SlackChannel.SCOPES + "\","
                + "\"token_type\":\"bot\",\"access_token\":\"" + grant[1] + "\",\"bot_user_id\":\"U0BOT" + grant[0] + "\","
                + "\"team\":{\"id\":\"" + grant[0] + "\",\"name\":\"Workspace " + grant[0] + "\"},\"enterprise\":null,"
                + "\"is_enterprise_install\":false}";
    }

    private static void reply(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", body.startsWith("{") ? "application/json; charset=utf-8" : "text/plain");
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
