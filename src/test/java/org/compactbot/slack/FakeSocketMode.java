package org.compactbot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's side of Socket Mode on loopback: accepts the app's WebSocket, says hello, sends envelopes
 * (events, slash commands, interactivity) and records the acknowledgements the app sends back.
 */
final class FakeSocketMode extends WebSocketServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CountDownLatch connected = new CountDownLatch(1);
    private final CountDownLatch started = new CountDownLatch(1);
    private final List<JsonNode> acks = new CopyOnWriteArrayList<>();
    private volatile WebSocket app;

    FakeSocketMode() throws InterruptedException {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
        start();
        if (!started.await(10, TimeUnit.SECONDS)) throw new AssertionError("fake Socket Mode server did not start");
    }

    String url() {
        return "ws://127.0.0.1:" + getPort() + "/link";
    }

    void awaitConnected() throws InterruptedException {
        if (!connected.await(20, TimeUnit.SECONDS)) throw new AssertionError("the app never connected over Socket Mode");
    }

    /** Sends one envelope; the payload is what the HTTP route would have received as JSON. */
    void send(String envelopeId, String type, JsonNode payload) {
        ObjectNode env = JSON.createObjectNode();
        env.put("envelope_id", envelopeId);
        env.put("type", type);
        env.set("payload", payload);
        env.put("accepts_response_payload", !type.equals("events_api"));
        if (type.equals("events_api")) env.put("retry_attempt", 0).put("retry_reason", "");
        app.send(env.toString());
    }

    /** Waits for the app's acknowledgement of an envelope. */
    JsonNode awaitAck(String envelopeId) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            for (JsonNode a : acks) if (envelopeId.equals(a.path("envelope_id").asText())) return a;
            Thread.sleep(10);
        }
        throw new AssertionError("no ack for " + envelopeId + "; acks: " + acks);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        app = conn;
        conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\",\"approximate_connection_time\":18060},"
                + "\"connection_info\":{\"app_id\":\"A0APP\"}}");
        connected.countDown();
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        try {
            acks.add(JSON.readTree(message));
        } catch (Exception e) {
            throw new AssertionError("the app sent something that is not JSON: " + message, e);
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void close() {
        try {
            stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
