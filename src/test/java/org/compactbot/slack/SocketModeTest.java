package org.compactbot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Socket Mode: with an app-level token the bot connects out to Slack (here a WebSocket server on
 * loopback that apps.connections.open points to) and the same handlers answer, with no public URL.
 */
class SocketModeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;
    private SlackFixture slack;
    private FakeSocketMode socket;

    @AfterEach
    void close() {
        if (slack != null) slack.close();
        if (socket != null) socket.close();
    }

    @Test
    void eventsAndSlashCommandsArriveOverTheSocketAreAcknowledgedAndAnsweredOnce() throws Exception {
        slack = new SlackFixture(dir);
        socket = new FakeSocketMode();
        slack.api.socketModeUrl = socket.url();
        assertTrue(slack.channel.startSocketMode(FakeSlackApi.APP_TOKEN));
        socket.awaitConnected();

        String eventId = SlackRequests.newEventId();
        JsonNode event = JSON.readTree(SlackRequests.directMessage(eventId, "U30", "how long should a consultation run?"));
        socket.send("env-1", "events_api", event);
        assertEquals("env-1", socket.awaitAck("env-1").get("envelope_id").asText());
        FakeSlackApi.Call post = slack.api.await("chat.postMessage", 1).get(0);
        assertEquals("DU30", post.params().get("channel"));
        assertTrue(post.json("blocks").toString().toLowerCase().contains("week"), post.params().toString());

        socket.send("env-2", "events_api", event); // Slack redelivers the same event on a new envelope
        socket.awaitAck("env-2");
        slack.idle();
        assertEquals(1, slack.api.calls("chat.postMessage").size(), "the redelivered event is not answered twice");

        ObjectNode command = JSON.createObjectNode();
        command.put("token", "legacy-unused").put("team_id", FakeSlackApi.TEAM).put("team_domain", "compact")
                .put("channel_id", "C0GENERAL").put("channel_name", "general").put("user_id", "U30").put("user_name", "sam")
                .put("command", "/compact").put("text", "help").put("api_app_id", "A0APP")
                .put("response_url", slack.api.baseUrl() + "/respond/sm").put("trigger_id", "1337.45.abcd");
        socket.send("env-3", "slash_commands", command);
        JsonNode ack = socket.awaitAck("env-3");
        assertTrue(ack.path("payload").toString().contains("/compact challenge"), "help comes back in the ack: " + ack);
    }

    @Test
    void aWrongAppTokenIsReportedAndTheHttpRouteStillWorks() throws Exception {
        slack = new SlackFixture(dir);
        socket = new FakeSocketMode();
        slack.api.socketModeUrl = socket.url();
        assertFalse(slack.channel.startSocketMode("xapp-1-wrong"));
        assertEquals(200, slack.signed(SlackRequests.command("U31", "C0GENERAL", "help", "http://127.0.0.1:1/x"), SlackFixture.FORM).statusCode());
    }
}
