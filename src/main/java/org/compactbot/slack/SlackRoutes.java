package org.compactbot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import java.util.regex.Pattern;
import org.compactbot.conversation.ConversationId;

/**
 * What the Bolt app does with each kind of request: events (direct messages, mentions, App Home opened), the /compact
 * command, button clicks and the form's submission. Every handler acknowledges at once and leaves the work to
 * {@link OrderedWork}, in the lane of the person's conversation (events through {@link Redeliveries}, so a retried
 * delivery is acted on once); only the form's submission is answered while Slack waits, to show its errors.
 */
final class SlackRoutes {
    private SlackRoutes() {}

    static void register(App app, OrderedWork work, Redeliveries once, DirectMessages direct, ChannelAnswers channels,
                         ChallengeModal modal, AppHome home) {
        app.event(MessageEvent.class, (req, ctx) -> {
            MessageEvent ev = req.getEvent();
            String key = ConversationId.slack(req.getTeamId(), ev.getUser()).value();
            once.once(req.getEventId(), ctx.getRetryNum(), key, () -> direct.message(req.getTeamId(), ev, ctx.getBotUserId()));
            return ctx.ack();
        });
        app.event(AppMentionEvent.class, (req, ctx) -> {
            AppMentionEvent ev = req.getEvent();
            String key = ConversationId.slack(req.getTeamId(), ev.getUser()).value();
            once.once(req.getEventId(), ctx.getRetryNum(), key, () -> channels.mention(req.getTeamId(), ev, ctx.getBotUserId()));
            return ctx.ack();
        });
        app.event(AppHomeOpenedEvent.class, (req, ctx) -> {
            AppHomeOpenedEvent ev = req.getEvent();
            if ("home".equals(ev.getTab()) && ev.getUser() != null) {
                once.once(req.getEventId(), ctx.getRetryNum(), ConversationId.slack(req.getTeamId(), ev.getUser()).value(),
                        () -> home.publish(req.getTeamId(), ev.getUser()));
            }
            return ctx.ack();
        });
        // edits, deletions, other bots and files in a direct message: acknowledged, not acted on
        app.event(MessageChangedEvent.class, (req, ctx) -> ctx.ack());
        app.event(MessageDeletedEvent.class, (req, ctx) -> ctx.ack());
        app.event(MessageBotEvent.class, (req, ctx) -> ctx.ack());
        app.event(MessageFileShareEvent.class, (req, ctx) -> ctx.ack());
        app.command("/compact", (req, ctx) -> {
            SlackBlocks.Message now = channels.command(req.getPayload());
            return now == null ? ctx.ack() : ctx.ack(r -> r.responseType("ephemeral").text(now.text()).blocks(now.blocks()));
        });
        app.blockAction(Pattern.compile("^dm:(choice|edit):.*$"), (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            String team = teamOf(p);
            work.submit(ConversationId.slack(team, p.getUser().getId()).value(), () -> direct.choice(team, p));
            return ctx.ack();
        });
        app.blockAction(HomeView.HOME_CHALLENGE, (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            String team = teamOf(p), user = p.getUser().getId();
            work.submit(ConversationId.slack(team, user).value(), () -> modal.open(team, user, p.getTriggerId(), null));
            return ctx.ack();
        });
        app.viewSubmission(ChallengeFormView.CHALLENGE_FORM, (req, ctx) -> modal.submit(req.getPayload(), ctx));
        app.blockAction(Pattern.compile("^(" + SlackBlocks.CHANNEL_CHALLENGE + "|" + HomeView.HOME_CHAT + ")$"), (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            String team = teamOf(p), user = p.getUser().getId();
            work.submit(ConversationId.slack(team, user).value(), () -> direct.startPrivatelyAndSay(team, user, p.getResponseUrl()));
            return ctx.ack();
        });
        app.blockAction(HomeView.HOME_ASK, (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            String team = teamOf(p), user = p.getUser().getId();
            work.submit(ConversationId.slack(team, user).value(), () -> direct.inviteQuestion(team, user));
            return ctx.ack();
        });
    }

    private static String teamOf(BlockActionPayload p) {
        if (p.getUser() != null && p.getUser().getTeamId() != null) return p.getUser().getTeamId();
        return p.getTeam() == null ? null : p.getTeam().getId();
    }
}
