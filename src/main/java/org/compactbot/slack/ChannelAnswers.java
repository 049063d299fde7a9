package org.compactbot.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.model.event.AppMentionEvent;
import java.util.List;
import java.util.Locale;
import org.compactbot.conversation.ConversationId;
import org.compactbot.conversation.Intent;
import org.compactbot.conversation.IntentClassifier;
import org.compactbot.knowledge.Answer;
import org.compactbot.knowledge.AnswerFormatter;
import org.compactbot.knowledge.AnswerService;

/**
 * The bot where others can see: a mention in a channel (answered in its thread) and the /compact command (answered
 * to the asker alone). Questions are answered from the Compacts with no conversation state touched; anything about a
 * challenge (starting one, its status) is taken to the direct message ({@link DirectMessages}) or the form
 * ({@link ChallengeModal}), and nothing about it is said here.
 *
 * <p>Why this is not the engine's own routing ({@code Talk}): a turn of the engine records the conversation (the last
 * question, an offer to raise a challenge) and answers with choices meant for a private conversation, while here
 * nothing may be stored or offered in public. So the words it knows are the /compact ones (help, status [REF],
 * challenge), everything else goes to the core's {@link IntentClassifier}, and the replies to small talk are worded
 * for a thread.
 */
final class ChannelAnswers {
    private static final String STATUS_SENT = "I've sent you the status of your challenge in a direct message.";

    private final AnswerService answers;
    private final IntentClassifier intents;
    private final SlackMetrics metrics;
    private final SlackWebApi api;
    private final DirectMessages direct;
    private final ChallengeModal modal;
    private final OrderedWork work;
    private final AnswerFormatter formatter = new AnswerFormatter();

    ChannelAnswers(AnswerService answers, IntentClassifier intents, SlackMetrics metrics, SlackWebApi api, DirectMessages direct,
                   ChallengeModal modal, OrderedWork work) {
        this.answers = answers;
        this.intents = intents;
        this.metrics = metrics;
        this.api = api;
        this.direct = direct;
        this.modal = modal;
        this.work = work;
    }

    /** A mention in a channel: answered in its thread; a challenge or a status is taken to the direct message. */
    void mention(String team, AppMentionEvent ev, String botUserId) {
        if (ev.getUser() == null || ev.getBotId() != null) return;
        String text = SlackText.plain(ev.getText(), botUserId);
        String thread = ev.getThreadTs() != null ? ev.getThreadTs() : ev.getTs();
        String command = text.toLowerCase(Locale.ROOT).replaceAll("[.!?]+$", "").strip();
        if (command.isEmpty() || command.equals("help")) {
            api.post(team, ev.getChannel(), thread, List.of(SlackBlocks.help()));
            return;
        }
        if (command.equals("status") || command.startsWith("status ")) {
            direct.statusPrivately(team, ev.getUser(), command.substring("status".length()).strip());
            api.ephemeral(team, ev.getChannel(), ev.getUser(), thread, STATUS_SENT);
            return;
        }
        Intent intent = command.equals("challenge") ? Intent.START_CHALLENGE : intents.classify(text);
        switch (intent) {
            case START_CHALLENGE -> {
                direct.startPrivately(team, ev.getUser(), text);
                api.ephemeral(team, ev.getChannel(), ev.getUser(), thread, DirectMessages.MOVED_TO_DM);
            }
            // worded for a public thread: no choices, and no offer of a challenge (the engine's greeting has both)
            case GREETING -> api.post(team, ev.getChannel(), thread, List.of(SlackBlocks.plain(
                    "Hello! Ask me a question about your local Compact, here or in a direct message.")));
            case THANKS -> api.post(team, ev.getChannel(), thread, List.of(SlackBlocks.plain("You're welcome.")));
            case QUESTION -> api.post(team, ev.getChannel(), thread, List.of(answer(text)));
        }
    }

    /** /compact: what to acknowledge the command with (null: nothing shown now); any slower work is queued. */
    SlackBlocks.Message command(SlashCommandPayload p) {
        String text = SlackText.plain(p.getText(), null);
        String word = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        String team = p.getTeamId(), user = p.getUserId();
        String id = ConversationId.slack(team, user).value();
        switch (word) {
            case "", "help" -> {
                return SlackBlocks.help();
            }
            case "challenge" -> {
                String trigger = p.getTriggerId(), url = p.getResponseUrl();
                work.submit(id, () -> modal.open(team, user, trigger, url));
                return null;
            }
            case "status" -> {
                String ref = text.length() > word.length() ? text.substring(word.length()).strip() : "";
                work.submit(id, () -> direct.statusPrivately(team, user, ref));
                return SlackBlocks.plain(STATUS_SENT);
            }
            default -> {
                String url = p.getResponseUrl();
                work.submit(id, () -> api.respond(url, answer(text)));
                return null;
            }
        }
    }

    /** A question answered from the Compacts alone: no conversation state is touched. */
    private SlackBlocks.Message answer(String question) {
        try {
            Answer a = answers.ask(question, null, 3);
            metrics.question(a.answered());
            return SlackBlocks.channelAnswer(formatter.shape(a));
        } catch (IllegalArgumentException e) {
            return SlackBlocks.plain(e.getMessage());
        }
    }
}
