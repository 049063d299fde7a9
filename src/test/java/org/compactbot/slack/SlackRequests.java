package org.compactbot.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Requests as Slack sends them, and Slack's v0 request signature (written here independently of SlackHttp). */
final class SlackRequests {
    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger IDS = new AtomicInteger();

    private SlackRequests() {}

    /** v0=hex(HMAC-SHA256(secret, "v0:{timestamp}:{body}")). */
    static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String newEventId() {
        return "Ev" + System.nanoTime() + IDS.incrementAndGet();
    }

    static String event(String eventId, ObjectNode event) {
        ObjectNode env = JSON.createObjectNode();
        env.put("token", "legacy-unused");
        env.put("team_id", FakeSlackApi.TEAM);
        env.put("api_app_id", "A0APP");
        env.set("event", event);
        env.put("type", "event_callback");
        env.put("event_id", eventId);
        env.put("event_time", 1_700_000_000);
        return env.toString();
    }

    /** The same request as sent from another workspace. */
    static String inTeam(String team, String eventBody) {
        try {
            ObjectNode n = (ObjectNode) JSON.readTree(eventBody);
            n.put("team_id", team);
            return n.toString();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static String directMessage(String eventId, String user, String text) {
        ObjectNode e = JSON.createObjectNode();
        e.put("type", "message");
        e.put("channel", "D" + user);
        e.put("user", user);
        e.put("text", text);
        e.put("ts", "1700000000." + IDS.incrementAndGet());
        e.put("event_ts", "1700000000.000001");
        e.put("channel_type", "im");
        return event(eventId, e);
    }

    static String mention(String eventId, String user, String channel, String ts, String text) {
        ObjectNode e = JSON.createObjectNode();
        e.put("type", "app_mention");
        e.put("user", user);
        e.put("text", "<@" + FakeSlackApi.BOT_USER + "> " + text);
        e.put("ts", ts);
        e.put("channel", channel);
        e.put("event_ts", ts);
        return event(eventId, e);
    }

    static String homeOpened(String eventId, String user) {
        ObjectNode e = JSON.createObjectNode();
        e.put("type", "app_home_opened");
        e.put("user", user);
        e.put("channel", "D" + user);
        e.put("tab", "home");
        e.put("event_ts", "1700000000.000002");
        return event(eventId, e);
    }

    static String command(String user, String channelId, String text, String responseUrl) {
        return form("token", "legacy-unused", "team_id", FakeSlackApi.TEAM, "team_domain", "compact", "channel_id", channelId,
                "channel_name", "general", "user_id", user, "user_name", "sam", "command", "/compact", "text", text,
                "api_app_id", "A0APP", "response_url", responseUrl, "trigger_id", "1337.42.abcd");
    }

    /** A click on a button (or menu option) of a message the bot posted. */
    static String blockAction(String user, String channel, String messageTs, String actionId, String value, String label,
                              String responseUrl) {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", "block_actions");
        p.putObject("user").put("id", user).put("username", "sam").put("name", "sam").put("team_id", FakeSlackApi.TEAM);
        p.put("api_app_id", "A0APP");
        p.put("token", "legacy-unused");
        p.putObject("container").put("type", "message").put("message_ts", messageTs).put("channel_id", channel).put("is_ephemeral", false);
        p.put("trigger_id", "1337.43.abcd");
        p.putObject("team").put("id", FakeSlackApi.TEAM).put("domain", "compact");
        p.putObject("channel").put("id", channel).put("name", "directmessage");
        ObjectNode msg = p.putObject("message");
        msg.put("type", "message").put("text", "the question").put("ts", messageTs).put("user", FakeSlackApi.BOT_USER);
        msg.putArray("blocks").addObject().put("type", "section").put("block_id", "b1")
                .putObject("text").put("type", "mrkdwn").put("text", "the question");
        if (responseUrl != null) p.put("response_url", responseUrl);
        ObjectNode a = p.putArray("actions").addObject();
        a.put("action_id", actionId).put("block_id", "b2").put("type", "button").put("value", value).put("action_ts", "1700000001.1");
        a.putObject("text").put("type", "plain_text").put("text", label).put("emoji", true);
        return form("payload", p.toString());
    }

    /**
     * The challenge form submitted: each field by slot id; area, role and consent as chosen options
     * (their value), the rest as typed text. A field left out was left empty.
     */
    static String formSubmission(String user, java.util.Map<String, String> fields) {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", "view_submission");
        p.putObject("team").put("id", FakeSlackApi.TEAM).put("domain", "compact");
        p.putObject("user").put("id", user).put("username", "sam").put("name", "sam").put("team_id", FakeSlackApi.TEAM);
        p.put("api_app_id", "A0APP");
        p.put("token", "legacy-unused");
        p.put("trigger_id", "1337.44.abcd");
        ObjectNode view = p.putObject("view");
        view.put("id", "V0VIEW").put("team_id", FakeSlackApi.TEAM).put("type", "modal").put("callback_id", "challenge_form")
                .put("private_metadata", "").put("hash", "1700000000.abcd");
        view.putArray("blocks");
        ObjectNode values = view.putObject("state").putObject("values");
        fields.forEach((slot, value) -> {
            ObjectNode v = values.putObject(slot).putObject("value");
            if (slot.equals("area")) v.put("type", "static_select");
            else if (slot.equals("role") || slot.equals("consent")) v.put("type", "radio_buttons");
            else v.put("type", "plain_text_input");
            if (v.get("type").asText().equals("plain_text_input")) v.put("value", value);
            else v.putObject("selected_option").put("value", value).putObject("text").put("type", "plain_text").put("text", value);
        });
        p.putArray("response_urls");
        return form("payload", p.toString());
    }

    static String urlVerification(String challenge) {
        return JSON.createObjectNode().put("token", "legacy-unused").put("challenge", challenge).put("type", "url_verification").toString();
    }

    static String form(String... kv) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            if (sb.length() > 0) sb.append('&');
            sb.append(URLEncoder.encode(kv[i], StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }
}
