package org.compactbot.slack;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.User;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.compactbot.conversation.ConversationId;
import org.compactbot.logging.LogIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the channel sends to Slack's Web API (at slack.api-url), with the bot token of the person's workspace.
 * Messages, notes, views and response_url answers go through {@link SlackSends}: in order for each place, retried on a
 * timer. What is needed at once (who a person is, a modal on a 3-second trigger) is asked once through
 * {@link SlackCalls#once}. Remembers each person's direct-message channel so that conversations.open is called once.
 */
final class SlackWebApi {
    private static final Logger LOG = LoggerFactory.getLogger(SlackWebApi.class);
    private static final Gson GSON = GsonFactory.createSnakeCase();

    private final Slack slack;
    private final BotTokens tokens;
    private final SlackCalls calls;
    private final SlackSends sends;
    private final Map<ConversationId, String> directChannels = new ConcurrentHashMap<>();

    SlackWebApi(Slack slack, BotTokens tokens, SlackCalls calls, SlackSends sends) {
        this.slack = slack;
        this.tokens = tokens;
        this.calls = calls;
        this.sends = sends;
    }

    /** One Web API method called with a workspace's client. */
    @FunctionalInterface
    private interface Request<T> {
        T run(MethodsClient client) throws IOException, SlackApiException;
    }

    /** The workspace's client, or empty (logged) when it has no installation, e.g. an event arriving after it uninstalled. */
    private Optional<MethodsClient> client(String team, String method) {
        Optional<String> token = tokens.forTeam(team);
        if (token.isEmpty()) LOG.warn("Slack {} not called: the workspace {} has not installed the app", method, team);
        return token.map(t -> slack.methods(t, team));
    }

    /** Asks Slack once, for an answer needed now. */
    private <T extends SlackApiTextResponse> Optional<T> once(String team, String method, Request<T> request) {
        return client(team, method).flatMap(c -> calls.once(method, () -> request.run(c)));
    }

    /** Queues a send in {@code place}, after what is queued there. */
    private void send(String place, String team, String method, Request<? extends SlackApiTextResponse> request) {
        sends.send(place, (attempt, backoff) -> {
            Optional<MethodsClient> c = client(team, method);
            if (c.isEmpty()) return new SlackCalls.Attempted.GaveUp<>();
            return calls.attempt(method, () -> request.run(c.get()), attempt, backoff);
        });
    }

    private static String person(String team, String user) {
        return ConversationId.slack(team, user).value();
    }

    private static String channelPlace(String team, String channel) {
        return "slack-channel:" + team + ":" + channel;
    }

    /** Remembers the direct-message channel a person was seen in. */
    void directChannelSeen(ConversationId conversationId, String channel) {
        directChannels.put(conversationId, channel);
    }

    /**
     * Posts to the person's direct message with the bot, in the order of everything sent to them; the first time, the
     * direct message is opened (conversations.open) as part of the send, so that is retried with it.
     */
    void toPerson(String team, String user, String threadTs, List<SlackBlocks.Message> messages) {
        ConversationId id = ConversationId.slack(team, user);
        for (SlackBlocks.Message m : messages) {
            send(person(team, user), team, "chat.postMessage", c -> {
                String channel = directChannels.get(id);
                if (channel == null) {
                    var opened = c.conversationsOpen(r -> r.users(List.of(user)));
                    if (!opened.isOk() || opened.getChannel() == null) {
                        if (!"ratelimited".equals(opened.getError())) {
                            LOG.warn("could not open a direct message with a Slack user ({})", LogIds.conversation(id.value()));
                        }
                        return opened;
                    }
                    channel = opened.getChannel().getId();
                    directChannels.put(id, channel);
                }
                String ch = channel;
                return c.chatPostMessage(r -> r.channel(ch).threadTs(threadTs)
                        .text(m.text()).blocks(m.blocks()).unfurlLinks(false).unfurlMedia(false));
            });
        }
    }

    /**
     * Uploads a file to the person's direct message (files.uploadV2: files.getUploadURLExternal, the upload, then
     * files.completeUploadExternal), after everything queued for them before it: the early-resolution letter's .docx.
     */
    void fileToPerson(String team, String user, String threadTs, String fileName, String title, byte[] content) {
        ConversationId id = ConversationId.slack(team, user);
        send(person(team, user), team, "files.uploadV2", c -> {
            String channel = directChannels.get(id);
            if (channel == null) {
                var opened = c.conversationsOpen(r -> r.users(List.of(user)));
                if (!opened.isOk() || opened.getChannel() == null) return opened;
                channel = opened.getChannel().getId();
                directChannels.put(id, channel);
            }
            String ch = channel;
            return c.filesUploadV2(r -> r.channel(ch).threadTs(threadTs).filename(fileName).title(title).fileData(content)
                    .requestFileInfo(false));
        });
    }

    /** Posts in a channel (or a thread of it), in the order of everything sent there. */
    void post(String team, String channel, String threadTs, List<SlackBlocks.Message> messages) {
        for (SlackBlocks.Message m : messages) {
            send(channelPlace(team, channel), team, "chat.postMessage", c -> c.chatPostMessage(r -> r.channel(channel).threadTs(threadTs)
                    .text(m.text()).blocks(m.blocks()).unfurlLinks(false).unfurlMedia(false)));
        }
    }

    void ephemeral(String team, String channel, String user, String threadTs, String text) {
        send(channelPlace(team, channel), team, "chat.postEphemeral", c -> c.chatPostEphemeral(r -> r.channel(channel).user(user)
                .threadTs(threadTs).text(text).blocks(SlackBlocks.plain(text).blocks())));
    }

    /** Replaces a message posted before in the person's direct message (chat.update). */
    void update(String team, String user, String channel, String ts, String text, List<LayoutBlock> blocks) {
        send(person(team, user), team, "chat.update", c -> c.chatUpdate(r -> r.channel(channel).ts(ts).text(text).blocks(blocks)));
    }

    /** Answers through a response_url, seen only by the person (replace_original false: earlier messages stay). */
    void respond(String responseUrl, SlackBlocks.Message m) {
        if (responseUrl == null || responseUrl.isBlank()) return;
        JsonObject body = new JsonObject();
        body.addProperty("response_type", "ephemeral");
        body.addProperty("replace_original", false);
        body.addProperty("text", m.text());
        body.add("blocks", GSON.toJsonTree(m.blocks()));
        String json = GSON.toJson(body);
        sends.send("slack-response:" + responseUrl, (attempt, backoff) -> calls.attemptResponse(() -> slack.send(responseUrl, json), attempt, backoff));
    }

    /** Opens a modal (views.open), once: the view as opened (its id and hash), or empty if Slack would not, e.g. the trigger expired. */
    Optional<View> openView(String team, String triggerId, View view) {
        if (triggerId == null) return Optional.empty();
        return once(team, "views.open", c -> c.viewsOpen(r -> r.triggerId(triggerId).view(view))).map(r -> r.getView());
    }

    /** Replaces an open modal's content (views.update); the hash makes Slack refuse it if the view changed meanwhile. */
    void updateView(String team, String user, View opened, View view) {
        send(person(team, user), team, "views.update", c -> c.viewsUpdate(r -> r.viewId(opened.getId()).hash(opened.getHash()).view(view)));
    }

    /** Shows a person their App Home tab (views.publish). */
    void publishHome(String team, String user, View view) {
        send("slack-home:" + person(team, user), team, "views.publish", c -> c.viewsPublish(r -> r.userId(user).view(view)));
    }

    /** The person as Slack knows them (users.info, asked once); empty for a bot, a deleted user, or when Slack did not answer. */
    Optional<User> user(String team, String user) {
        return once(team, "users.info", c -> c.usersInfo(r -> r.user(user))).map(r -> r.getUser());
    }
}
