package org.compactbot.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The clients' side of HTTP: one request, and whether it certainly, or only possibly, failed. */
final class SoakHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final String mailToken;

    SoakHttp(int port, String mailToken) {
        this.base = "http://127.0.0.1:" + port;
        this.mailToken = mailToken;
    }

    /** A request that did not get a 200: the server was down, cut off mid-request, or busy restarting. */
    static final class Failed extends Exception {
        Failed(String why) {
            super(why);
        }
    }

    JsonNode chat(String conversationId, String text) throws Failed, InterruptedException {
        try {
            return JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/api/chat/" + conversationId))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("text", text))))));
        } catch (IOException e) {
            throw new Failed("unreadable answer: " + e.getMessage());
        }
    }

    JsonNode inboundMail(byte[] raw) throws Failed, InterruptedException {
        try {
            return JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/mail/inbound"))
                    .header("Authorization", "Bearer " + mailToken).header("Content-Type", "message/rfc822")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(raw))));
        } catch (IOException e) {
            throw new Failed("unreadable answer: " + e.getMessage());
        }
    }

    private String send(HttpRequest.Builder request) throws Failed, InterruptedException {
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
        while (true) {
            HttpResponse<String> r;
            try {
                r = http.send(built, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new Failed(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            if (r.statusCode() == 429) { // throttled, so certainly not applied: wait as told and send it again
                long seconds = r.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Math.max(1, Math.min(seconds, 30)) * 1000);
                continue;
            }
            if (r.statusCode() != 200) throw new Failed("HTTP " + r.statusCode() + ": " + r.body());
            return r.body();
        }
    }
}
