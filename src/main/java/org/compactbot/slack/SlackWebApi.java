package org.compactbot.slack;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.User;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.compactbot.conversation.ConversationId;
import org.compactbot.logging.LogIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the channel sends to Slack's Web API (at slack.api-url), each call with {@link SlackCalls}' bounded
 * retries: messages, ephemeral notes, response_url answers, views, and what Slack knows of a person. Remembers each
 * person's direct-message channel so that conversations.open is called once.
 */
final class SlackWebApi {
    private static final Logger LOG = LoggerFactory.getLogger(SlackWebApi.class);
    private static final Gson GSON = GsonFactory.createSnakeCase();

    private final Slack slack;
    private final MethodsClient client;
    private final SlackCalls calls;
    private final Map<ConversationId, String> directChannels = new ConcurrentHashMap<>();

    SlackWebApi(Slack slack, MethodsClient client, SlackCalls calls) {
        this.slack = slack;
        this.client = client;
        this.calls = calls;
    }

    /** The direct message between the bot and the person (opened with conversations.open the first time). */
    Optional<String> directChannel(String team, String user) {
        ConversationId id = ConversationId.slack(team, user);
        String known = directChannels.get(id);
        if (known != null) return Optional.of(known);
        Optional<String> opened = calls.call("conversations.open", () -> client.conversationsOpen(r -> r.users(List.of(user))))
                .map(r -> r.getChannel() == null ? null : r.getChannel().getId());
        if (opened.isEmpty()) LOG.warn("could not open a direct message with a Slack user ({})", LogIds.conversation(id.value()));
        opened.ifPresent(ch -> directChannels.put(id, ch));
        return opened;
    }

    /** Remembers the direct-message channel a person was seen in. */
    void directChannelSeen(ConversationId conversationId, String channel) {
        directChannels.put(conversationId, channel);
    }

    void post(String channel, String threadTs, List<SlackBlocks.Message> messages) {
        for (SlackBlocks.Message m : messages) {
            calls.call("chat.postMessage", () -> client.chatPostMessage(r -> r.channel(channel).threadTs(threadTs)
                    .text(m.text()).blocks(m.blocks()).unfurlLinks(false).unfurlMedia(false)));
        }
    }

    void ephemeral(String channel, String user, String threadTs, String text) {
        calls.call("chat.postEphemeral", () -> client.chatPostEphemeral(r -> r.channel(channel).user(user).threadTs(threadTs)
                .text(text).blocks(SlackBlocks.plain(text).blocks())));
    }

    /** Replaces a message posted before (chat.update). */
    void update(String channel, String ts, String text, List<LayoutBlock> blocks) {
        calls.call("chat.update", () -> client.chatUpdate(r -> r.channel(channel).ts(ts).text(text).blocks(blocks)));
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
        calls.respond(() -> slack.send(responseUrl, json));
    }

    /** Opens a modal (views.open): the view as opened (its id and hash), or empty if Slack would not, e.g. the trigger expired. */
    Optional<View> openView(String triggerId, View view) {
        if (triggerId == null) return Optional.empty();
        return calls.call("views.open", () -> client.viewsOpen(r -> r.triggerId(triggerId).view(view))).map(r -> r.getView());
    }

    /** Replaces an open modal's content (views.update); the hash makes Slack refuse it if the view changed meanwhile. */
    void updateView(View opened, View view) {
        calls.call("views.update", () -> client.viewsUpdate(r -> r.viewId(opened.getId()).hash(opened.getHash()).view(view)));
    }

    /** Shows a person their App Home tab (views.publish). */
    void publishHome(String user, View view) {
        calls.call("views.publish", () -> client.viewsPublish(r -> r.userId(user).view(view)));
    }

    /** The person as Slack knows them (users.info); empty for a bot, a deleted user, or when Slack did not answer. */
    Optional<User> user(String user) {
        return calls.call("users.info", () -> client.usersInfo(r -> r.user(user))).map(r -> r.getUser());
    }
}
