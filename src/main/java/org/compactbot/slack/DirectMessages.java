package org.compactbot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.model.event.MessageEvent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.compactbot.cases.CaseProgress;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.conversation.ConversationId;
import org.compactbot.conversation.LetterDocument;
import org.compactbot.conversation.Reply;
import org.compactbot.conversation.TurnResult;
import org.compactbot.logging.LogIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole conversation, in the person's direct message with the bot: each message or button click is one turn of
 * the shared engine, its replies rendered by {@link SlackBlocks}. Challenges are confidential, so they run only here;
 * a challenge or a status asked for in a channel is brought here. Runs on the worker, never while Slack waits.
 */
final class DirectMessages {
    private static final Logger LOG = LoggerFactory.getLogger(DirectMessages.class);
    static final String MOVED_TO_DM = "I've messaged you privately: Compact challenges are confidential, so I handle them in a direct message.";
    private static final Pattern REF = Pattern.compile("[A-Za-z]{1,10}-\\d{4}-\\d{1,6}");

    private final ConversationEngine engine;
    private final CaseStatusLookup cases;
    private final SlackMetrics metrics;
    private final SlackWebApi api;
    private final SlackProfiles profiles;
    /** Per conversation, the step its latest buttons answer (to spot a click on an old button). */
    private final Map<ConversationId, String> steps = new ConcurrentHashMap<>();

    DirectMessages(ConversationEngine engine, CaseStatusLookup cases, SlackMetrics metrics, SlackWebApi api, SlackProfiles profiles) {
        this.engine = engine;
        this.cases = cases;
        this.metrics = metrics;
        this.api = api;
        this.profiles = profiles;
    }

    /** A message in the direct message (other channels' messages are not ours to read). */
    void message(String team, MessageEvent ev, String botUserId) {
        if (ev.getUser() == null || ev.getBotId() != null || !"im".equals(ev.getChannelType())) return;
        ConversationId id = ConversationId.slack(team, ev.getUser());
        api.directChannelSeen(id, ev.getChannel());
        turn(id, team, ev.getUser(), ev.getThreadTs(), SlackText.plain(ev.getText(), botUserId));
    }

    /** A button or the edit menu clicked in the direct message: the clicked message shows the choice, then the turn runs. */
    void choice(String team, BlockActionPayload p) {
        BlockActionPayload.Action a = p.getActions().get(0);
        String value = a.getSelectedOption() != null ? a.getSelectedOption().getValue() : a.getValue();
        String label = a.getSelectedOption() != null && a.getSelectedOption().getText() != null
                ? a.getSelectedOption().getText().getText() : a.getText() != null ? a.getText().getText() : value;
        String user = p.getUser().getId();
        ConversationId id = ConversationId.slack(team, user);
        String channel = p.getContainer() != null && p.getContainer().getChannelId() != null ? p.getContainer().getChannelId()
                : p.getChannel() != null ? p.getChannel().getId() : null;
        if (channel == null || value == null) return;
        api.directChannelSeen(id, channel);
        String known = steps.get(id);
        String step = SlackBlocks.stepOf(a.getActionId());
        if (known != null && step != null && !known.equals(step)) {
            api.toPerson(team, user, null, List.of(SlackBlocks.plain("That button was for an earlier question, so I have not used it. "
                    + "Please answer the latest question, or type status to see where we are.")));
            return;
        }
        String ts = p.getContainer() != null ? p.getContainer().getMessageTs() : null;
        if (ts != null && p.getMessage() != null) {
            api.update(team, user, channel, ts, p.getMessage().getText() == null ? label : p.getMessage().getText(),
                    SlackBlocks.withChoiceMade(p.getMessage().getBlocks(), label));
        }
        turn(id, team, user, null, value);
    }

    /** One turn of the engine, its replies posted where the person is talking to us privately. */
    private void turn(ConversationId conversationId, String team, String user, String threadTs, String text) {
        TurnResult t;
        long t0 = System.nanoTime();
        try {
            t = engine.handle(conversationId, text);
            metrics.turn((System.nanoTime() - t0) / 1e9);
        } catch (RuntimeException e) {
            LOG.error("conversation {} failed", LogIds.conversation(conversationId.value()), e);
            api.toPerson(team, user, threadTs, List.of(SlackBlocks.plain("Sorry, something went wrong on our side; please try again in a moment.")));
            return;
        }
        steps.put(conversationId, SlackBlocks.step(t));
        api.toPerson(team, user, threadTs, SlackBlocks.turn(t, profiles.suggestion(t.expecting(), team, user)));
        for (Reply r : t.replies()) {
            // the early-resolution letter: its text is in the message; the Word document follows it
            r.givesLetter().ifPresent(l -> api.fileToPerson(team, user, threadTs, l.fileName(), l.subject(), LetterDocument.docx(l)));
        }
    }

    /** A turn that happened elsewhere (the challenge form), shown in the direct message so that the conversation carries on from it. */
    void show(String team, String user, TurnResult t) {
        steps.put(ConversationId.slack(team, user), SlackBlocks.step(t));
        api.toPerson(team, user, null, SlackBlocks.turn(t, null));
    }

    /**
     * Starts a challenge in the person's direct message ({@code text} may already tell the story).
     * If one is already in progress, they are told so and shown where it stands instead.
     */
    void startPrivately(String team, String user, String text) {
        ConversationId id = ConversationId.slack(team, user);
        String step = steps.get(id);
        TurnResult status = null;
        if (step == null) {
            status = engine.state(id);
            step = SlackBlocks.step(status);
            steps.put(id, step);
        }
        if (!step.equals("idle")) {
            if (status == null) status = engine.state(id);
            steps.put(id, SlackBlocks.step(status));
            api.toPerson(team, user, null, List.of(SlackBlocks.plain("You already have a challenge in progress, so let's carry on with it.")));
            api.toPerson(team, user, null, SlackBlocks.turn(status, null));
            return;
        }
        turn(id, team, user, null, text);
    }

    /** Starts the challenge here from a click elsewhere (a channel's button, App Home, a form that would not open), and says so there. */
    void startPrivatelyAndSay(String team, String user, String responseUrl) {
        startPrivately(team, user, "challenge");
        if (responseUrl != null) api.respond(responseUrl, SlackBlocks.plain(MOVED_TO_DM));
    }

    /**
     * Where a challenge stands, in the direct message only: with no reference, the engine's own status turn; a
     * reference is looked up only among the person's own cases and told in the engine's words.
     */
    void statusPrivately(String team, String user, String ref) {
        ConversationId id = ConversationId.slack(team, user);
        if (ref.isBlank()) {
            turn(id, team, user, null, "status");
            return;
        }
        String r = ref.toUpperCase(Locale.ROOT);
        Optional<CaseProgress> progress = REF.matcher(r).matches() ? cases.raisedIn(r, id) : Optional.empty();
        String text = progress.map(CaseProgress::inWords)
                .orElse("I can't find a challenge " + SlackBlocks.truncate(ref, 40) + " raised by you. Check the reference "
                        + "(it looks like CC-2026-0001), or say status to see your latest challenge.");
        api.toPerson(team, user, null, List.of(SlackBlocks.plain(text)));
    }

    /** Asks the person, in the direct message, for their question (the App Home's "Ask a question"). */
    void inviteQuestion(String team, String user) {
        api.toPerson(team, user, null, List.of(SlackBlocks.plain("Ask me anything about your local Compact: type your question here, "
                + "for example \"how long should a consultation run?\"")));
    }
}
