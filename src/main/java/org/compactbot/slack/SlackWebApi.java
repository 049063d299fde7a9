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
 * Everything the channel sends to Slack's Web API (at slack.api-url), each call with {@link SlackCalls}' bounded
 * retries: messages, ephemeral notes, response_url answers, views, and what Slack knows of a person. Remembers each
 * person's direct-message channel so that conversations.open is called once.
 */
final class SlackWebApi {
    private static final Logger LOG = LoggerFactory.getLogger(SlackWebApi.class);
    private static final Gson GSON = GsonFactory.createSnakeCase();

    private final Slack slack;
    private final BotTokens tokens;
    private final SlackCalls calls;
    private final Map<ConversationId, String> directChannels = new ConcurrentHashMap<>();

    SlackWebApi(Slack slack, BotTokens tokens, SlackCalls calls) {
        this.slack = slack;
        this.tokens = tokens;
        this.calls = calls;
    }

    /**
     * Runs one Web API call with the bot token of the person's workspace; nothing is called (and it is logged) when the
     * workspace has no installation, e.g. an event still arriving after it uninstalled the app.
     */
    private <T extends SlackApiTextResponse> Optional<T> call(String team, String method, Request<T> request) {
        Optional<String> token = tokens.forTeam(team);
        if (token.isEmpty()) {
            LOG.warn("Slack {} not called: the workspace {} has not installed the app", method, team);
            return Optional.empty();
        }
        MethodsClient client = slack.methods(token.get(), team);
        return calls.call(method, () -> request.run(client));
    }

    /** One Web API method called with a workspace's client. */
    @FunctionalInterface
    private interface Request<T> {
        T run(MethodsClient client) throws IOException, SlackApiException;
    }

    /** The direct message between the bot and the person (opened with conversations.open the first time). */
    Optional<String> directChannel(String team, String user) {
        ConversationId id = ConversationId.slack(team, user);
        String known = directChannels.get(id);
        if (known != null) return Optional.of(known);
        Optional<String> opened = call(team, "conversations.open", c -> c.conversationsOpen(r -> r.users(List.of(user))))
                .map(r -> r.getChannel() == null ? null : r.getChannel().getId());
        if (opened.isEmpty()) LOG.warn("could not open a direct message with a Slack user ({})", LogIds.conversation(id.value()));
        opened.ifPresent(ch -> directChannels.put(id, ch));
        return opened;
    }

    /** Remembers the direct-message channel a person was seen in. */
    void directChannelSeen(ConversationId conversationId, String channel) {
        directChannels.put(conversationId, channel);
    }

    void post(String team, String channel, String threadTs, List<SlackBlocks.Message> messages) {
        for (SlackBlocks.Message m : messages) {
            call(team, "chat.postMessage", c -> c.chatPostMessage(r -> r.channel(channel).threadTs(threadTs)
                    .text(m.text()).blocks(m.blocks()).unfurlLinks(false).unfurlMedia(false)));
        }
    }

    void ephemeral(String team, String channel, String user, String threadTs, String text) {
        call(team, "chat.postEphemeral", c -> c.chatPostEphemeral(r -> r.channel(channel).user(user).threadTs(threadTs)
                .text(text).blocks(SlackBlocks.plain(text).blocks())));
    }

    /** Replaces a message posted before (chat.update). */
    void update(String team, String channel, String ts, String text, List<LayoutBlock> blocks) {
        call(team, "chat.update", c -> c.chatUpdate(r -> r.channel(channel).ts(ts).text(text).blocks(blocks)));
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
    Optional<View> openView(String team, String triggerId, View view) {
        if (triggerId == null) return Optional.empty();
        return call(team, "views.open", c -> c.viewsOpen(r -> r.triggerId(triggerId).view(view))).map(r -> r.getView());
    }

    /** Replaces an open modal's content (views.update); the hash makes Slack refuse it if the view changed meanwhile. */
    void updateView(String team, View opened, View view) {
        call(team, "views.update", c -> c.viewsUpdate(r -> r.viewId(opened.getId()).hash(opened.getHash()).view(view)));
    }

    /** Shows a person their App Home tab (views.publish). */
    void publishHome(String team, String user, View view) {
        call(team, "views.publish", c -> c.viewsPublish(r -> r.userId(user).view(view)));
    }

    /** The person as Slack knows them (users.info); empty for a bot, a deleted user, or when Slack did not answer. */
    Optional<User> user(String team, String user) {
        return call(team, "users.info", c -> c.usersInfo(r -> r.user(user))).map(r -> r.getUser());
    }
}
