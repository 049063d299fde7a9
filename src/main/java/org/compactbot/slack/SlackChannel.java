package org.compactbot.slack;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.model.User;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.view.ViewState;
import com.slack.api.util.json.GsonFactory;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.compactbot.config.AppConfig;
import org.compactbot.conversation.CaseInfo;
import org.compactbot.conversation.DeliveryLog;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.conversation.FormOutcome;
import org.compactbot.conversation.Intent;
import org.compactbot.conversation.IntentClassifier;
import org.compactbot.conversation.Reply;
import org.compactbot.conversation.Slot;
import org.compactbot.conversation.TurnResult;
import org.compactbot.knowledge.Answer;
import org.compactbot.knowledge.AnswerFormatter;
import org.compactbot.knowledge.AnswerService;
import org.compactbot.logging.LogIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack as a channel over the shared engine: one Bolt app for events (direct messages, mentions,
 * App Home), the /compact command and button clicks. Every handler acknowledges at once and
 * leaves the work to {@link OrderedWork}; replies go out through the Web API (at slack.api-url)
 * with bounded retries. A Slack user is the conversation {@code slack:TEAM:USER}. Challenges are
 * confidential: they run only in the person's direct message, never in a channel.
 */
public final class SlackChannel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlackChannel.class);
    private static final Gson GSON = GsonFactory.createSnakeCase();
    private static final String CHANNEL = "slack";
    private static final Pattern REF = Pattern.compile("[A-Za-z]{1,10}-\\d{4}-\\d{1,6}");
    private static final Duration PROFILE_FRESH = Duration.ofHours(1);

    private final ConversationEngine engine;
    private final AnswerService answers;
    private final IntentClassifier intents;
    private final DeliveryLog events;
    private final CaseStatusLookup cases;
    private final SlackMetrics metrics;
    private final Slack slack;
    private final MethodsClient client;
    private final App app;
    private final SlackCalls calls;
    private final OrderedWork work = new OrderedWork(4, 500);
    private final AnswerFormatter formatter = new AnswerFormatter();
    /** Per conversation, the step its latest buttons answer (to spot a click on an old button). */
    private final Map<String, String> steps = new ConcurrentHashMap<>();
    private final Map<String, String> directChannels = new ConcurrentHashMap<>();
    private final Map<String, Profile> profiles = new ConcurrentHashMap<>();
    private volatile SocketModeApp socketMode;

    /** What Slack tells us about a person, to offer as answers to the name and email questions. */
    private record Profile(String name, String email, long fetchedAtMillis) {}

    public SlackChannel(AppConfig.Slack config, ConversationEngine engine, AnswerService answers, IntentClassifier intents,
                        DeliveryLog events, CaseStatusLookup cases, SlackMetrics metrics) {
        this(config, engine, answers, intents, events, cases, metrics, SlackCalls.RetryPolicy.DEFAULT);
    }

    SlackChannel(AppConfig.Slack config, ConversationEngine engine, AnswerService answers, IntentClassifier intents,
                 DeliveryLog events, CaseStatusLookup cases, SlackMetrics metrics, SlackCalls.RetryPolicy retry) {
        this.engine = engine;
        this.metrics = metrics;
        this.answers = answers;
        this.intents = intents;
        this.events = events;
        this.cases = cases;
        this.calls = new SlackCalls(retry, d -> Thread.sleep(d.toMillis()));
        SlackConfig sc = new SlackConfig();
        String url = config.apiUrl() == null || config.apiUrl().isBlank() ? "https://slack.com/api/" : config.apiUrl().strip();
        sc.setMethodsEndpointUrlPrefix(url.endsWith("/") ? url : url + "/");
        sc.setHttpClientCallTimeoutMillis(15_000);
        this.slack = Slack.getInstance(sc);
        this.client = slack.methods(config.botToken());
        com.slack.api.bolt.AppConfig boltConfig = com.slack.api.bolt.AppConfig.builder()
                .singleTeamBotToken(config.botToken())
                .signingSecret(config.signingSecret())
                .slack(slack)
                // SlackHttp checks signature and timestamp over the exact bytes received; Bolt's own
                // check hashes with the platform charset, which breaks non-ASCII text on some hosts.
                .requestVerificationEnabled(false)
                .build();
        this.app = new App(boltConfig);
        routes();
    }

    /** Checks the token with Slack (auth.test) now rather than on the first request; false if Slack said no. */
    public boolean start() {
        try {
            app.start();
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Slack is not ready ({}); it will be tried again on the first request from Slack", e.getMessage());
            return false;
        }
    }

    /**
     * Receives from Slack over Socket Mode as well (no public URL needed): apps.connections.open with
     * the app-level token, then a WebSocket on which the same handlers get what POST /slack/events
     * would; Bolt acknowledges each envelope and reconnects when Slack closes the socket. False (with
     * the reason logged) when the first connection failed; the HTTP route still works.
     */
    public boolean startSocketMode(String appToken) {
        try {
            SocketModeApp sm = new SocketModeApp(appToken, SocketModeClient.Backend.JavaWebSocket, app);
            sm.startAsync();
            socketMode = sm;
            return true;
        } catch (Exception e) {
            LOG.warn("Slack Socket Mode could not connect ({}); Slack can still reach POST /slack/events",
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return false;
        }
    }

    com.slack.api.bolt.AppConfig boltConfig() {
        return app.config();
    }

    /** Runs a verified request through the Bolt app; what to answer Slack. */
    Response run(Request<?> request) throws Exception {
        return app.run(request);
    }

    /** Waits for queued work to finish (tests; shutdown). */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return work.awaitIdle(timeout);
    }

    @Override
    public void close() {
        SocketModeApp sm = socketMode;
        if (sm != null) {
            try {
                sm.close();
            } catch (Exception e) {
                LOG.debug("closing Socket Mode", e);
            }
        }
        work.close();
        app.stop();
        try {
            slack.close();
        } catch (Exception ignored) {
            // closing on the way out
        }
    }

    // ---------------------------------------------------------------- routes: acknowledge now, work later

    private void routes() {
        app.event(MessageEvent.class, (req, ctx) -> {
            MessageEvent ev = req.getEvent();
            String key = conversationId(req.getTeamId(), ev.getUser());
            once(req.getEventId(), ctx.getRetryNum(), key, () -> directMessage(req.getTeamId(), ev, ctx.getBotUserId()));
            return ctx.ack();
        });
        app.event(AppMentionEvent.class, (req, ctx) -> {
            AppMentionEvent ev = req.getEvent();
            String key = conversationId(req.getTeamId(), ev.getUser());
            once(req.getEventId(), ctx.getRetryNum(), key, () -> mention(req.getTeamId(), ev, ctx.getBotUserId()));
            return ctx.ack();
        });
        app.event(AppHomeOpenedEvent.class, (req, ctx) -> {
            AppHomeOpenedEvent ev = req.getEvent();
            if ("home".equals(ev.getTab()) && ev.getUser() != null) {
                once(req.getEventId(), ctx.getRetryNum(), conversationId(req.getTeamId(), ev.getUser()),
                        () -> publishHome(req.getTeamId(), ev.getUser()));
            }
            return ctx.ack();
        });
        // edits, deletions, other bots and files in a direct message: acknowledged, not acted on
        app.event(MessageChangedEvent.class, (req, ctx) -> ctx.ack());
        app.event(MessageDeletedEvent.class, (req, ctx) -> ctx.ack());
        app.event(MessageBotEvent.class, (req, ctx) -> ctx.ack());
        app.event(MessageFileShareEvent.class, (req, ctx) -> ctx.ack());
        app.command("/compact", (req, ctx) -> {
            SlashCommandPayload p = req.getPayload();
            SlackBlocks.Message now = command(p);
            return now == null ? ctx.ack() : ctx.ack(r -> r.responseType("ephemeral").text(now.text()).blocks(now.blocks()));
        });
        app.blockAction(Pattern.compile("^dm:(choice|edit):.*$"), (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            work.submit(conversationId(teamOf(p), p.getUser().getId()), () -> directChoice(p));
            return ctx.ack();
        });
        app.blockAction(SlackBlocks.HOME_CHALLENGE, (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            String team = teamOf(p), user = p.getUser().getId();
            work.submit(conversationId(team, user), () -> openForm(team, user, p.getTriggerId(), null));
            return ctx.ack();
        });
        app.viewSubmission(SlackBlocks.CHALLENGE_FORM, (req, ctx) -> {
            ViewSubmissionPayload p = req.getPayload();
            String team = p.getUser() != null && p.getUser().getTeamId() != null ? p.getUser().getTeamId()
                    : p.getTeam() == null ? null : p.getTeam().getId();
            String user = p.getUser().getId();
            Map<Slot, String> values = formValues(p);
            // the same signed submission posted again (a replay, or Slack retrying) creates no second case
            String submission = "view_submission:" + (p.getView() == null ? "" : p.getView().getId()) + ":"
                    + SlackText.digest(conversationId(team, user) + "\n" + values);
            if (!recentEvents.add(submission) || !events.firstTime(submission)) {
                LOG.info("challenge form from {} already submitted; not submitting it again", LogIds.conversation(conversationId(team, user)));
                return cases.raisedBy(conversationId(team, user)).stream().findFirst()
                        .map(own -> ctx.ackWithUpdate(SlackBlocks.formSubmitted(own.ref()))).orElseGet(ctx::ack);
            }
            FormOutcome outcome;
            try {
                outcome = engine.submitForm(conversationId(team, user), CHANNEL, values);
            } catch (RuntimeException e) {
                forget(submission);
                LOG.error("challenge form from {} could not be submitted", LogIds.conversation(conversationId(team, user)), e);
                return ctx.ackWithErrors(Map.of(Slot.WHAT_HAPPENED.id(), "Sorry, something went wrong on our side and nothing was "
                        + "submitted. Please try again in a moment."));
            }
            if (outcome instanceof FormOutcome.Invalid invalid) {
                forget(submission); // the same answers sent again must be shown the same errors again
                Map<String, String> errors = new LinkedHashMap<>();
                invalid.errors().forEach((slot, message) -> errors.put(slot.id(), SlackBlocks.truncate(message, 150)));
                return ctx.ackWithErrors(errors);
            }
            TurnResult t = ((FormOutcome.Submitted) outcome).turn();
            work.submit(conversationId(team, user), () -> {
                String id = conversationId(team, user);
                steps.put(id, SlackBlocks.step(t));
                directChannel(team, user).ifPresent(dm -> post(dm, null, SlackBlocks.turn(t, null)));
                publishHome(team, user);
            });
            return ctx.ackWithUpdate(SlackBlocks.formSubmitted(t.caseInfo().ref()));
        });
        app.blockAction(Pattern.compile("^(" + SlackBlocks.CHANNEL_CHALLENGE + "|" + SlackBlocks.HOME_CHAT + ")$"), (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            String team = teamOf(p), user = p.getUser().getId();
            work.submit(conversationId(team, user), () -> {
                startPrivately(team, user, "challenge");
                if (p.getResponseUrl() != null) respond(p.getResponseUrl(), SlackBlocks.plain(MOVED_TO_DM));
            });
            return ctx.ack();
        });
        app.blockAction(SlackBlocks.HOME_ASK, (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            String team = teamOf(p), user = p.getUser().getId();
            work.submit(conversationId(team, user), () -> directChannel(team, user).ifPresent(ch -> post(ch, null,
                    List.of(SlackBlocks.plain("Ask me anything about your local Compact: type your question here, "
                            + "for example \"how long should a consultation run?\"")))));
            return ctx.ack();
        });
    }

    static final String MOVED_TO_DM = "I've messaged you privately: Compact challenges are confidential, so I handle them in a direct message.";

    /**
     * Runs an event's work unless this event id has been handled before (Slack retries a delivery it
     * thinks failed, marking it X-Slack-Retry-Num; the id stays the same). The acknowledgement does
     * not wait for the database: ids seen lately are remembered in memory, and the durable record
     * (which survives a restart) is written by the worker before it acts. Work dropped because the
     * queues are full is forgotten, so that Slack's retry is acted on.
     */
    private void once(String eventId, Integer retryNum, String key, Runnable job) {
        if (eventId == null) {
            work.submit(key, job);
            return;
        }
        if (!recentEvents.add(eventId)) {
            duplicate(eventId, retryNum);
            return;
        }
        boolean queued = work.submit(key, () -> {
            if (!events.firstTime(eventId)) {
                duplicate(eventId, retryNum);
                return;
            }
            job.run();
        });
        if (!queued) recentEvents.remove(eventId); // dropped unhandled: Slack's retry of it must be taken
    }

    /** A submission that created nothing: sending it again is to be acted on. */
    private void forget(String submission) {
        recentEvents.remove(submission);
        events.forget(submission);
    }

    private static void duplicate(String eventId, Integer retryNum) {
        LOG.info("Slack event {} already handled{}; not acting on it again", eventId,
                retryNum == null || retryNum == 0 ? "" : " (retry " + retryNum + ")");
    }

    /** Event ids seen lately, oldest forgotten first. */
    private final Set<String> recentEvents = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > 10_000;
                }
            }));

    // ---------------------------------------------------------------- direct messages: the full conversation

    private void directMessage(String team, MessageEvent ev, String botUserId) {
        if (ev.getUser() == null || ev.getBotId() != null || !"im".equals(ev.getChannelType())) return;
        String id = conversationId(team, ev.getUser());
        directChannels.put(id, ev.getChannel());
        turn(id, ev.getUser(), ev.getChannel(), ev.getThreadTs(), SlackText.plain(ev.getText(), botUserId));
    }

    /** One turn of the engine, its replies posted where the person is talking to us privately. */
    private void turn(String conversationId, String user, String channel, String threadTs, String text) {
        TurnResult t;
        long t0 = System.nanoTime();
        try {
            t = engine.handle(conversationId, CHANNEL, text);
            metrics.turn((System.nanoTime() - t0) / 1e9);
        } catch (RuntimeException e) {
            LOG.error("conversation {} failed", LogIds.conversation(conversationId), e);
            post(channel, threadTs, List.of(SlackBlocks.plain("Sorry, something went wrong on our side; please try again in a moment.")));
            return;
        }
        steps.put(conversationId, SlackBlocks.step(t));
        post(channel, threadTs, SlackBlocks.turn(t, suggestion(t.expecting(), user)));
    }

    /** For the name and email questions, what Slack knows, as a one-click answer. */
    private Reply.Choice suggestion(Slot expecting, String user) {
        if (expecting != Slot.NAME && expecting != Slot.EMAIL) return null;
        Profile p = profile(user);
        if (p == null) return null;
        String value = expecting == Slot.NAME ? p.name() : p.email();
        if (value == null || value.isBlank()) return null;
        return new Reply.Choice("Use " + value, value);
    }

    private Profile profile(String user) {
        Profile cached = profiles.get(user);
        if (cached != null && System.currentTimeMillis() - cached.fetchedAtMillis() < PROFILE_FRESH.toMillis()) return cached;
        Optional<Profile> fetched = calls.call("users.info", () -> client.usersInfo(r -> r.user(user))).map(r -> {
            User u = r.getUser();
            if (u == null || u.isBot() || u.isDeleted()) return null;
            String name = u.getProfile() != null && notBlank(u.getProfile().getRealName()) ? u.getProfile().getRealName() : u.getRealName();
            String email = u.getProfile() == null ? null : u.getProfile().getEmail();
            return new Profile(name, email, System.currentTimeMillis());
        });
        fetched.ifPresent(p -> profiles.put(user, p));
        return fetched.orElse(null);
    }

    /** A button or the edit menu clicked in the direct message: the clicked message shows the choice, then the turn runs. */
    private void directChoice(BlockActionPayload p) {
        BlockActionPayload.Action a = p.getActions().get(0);
        String value = a.getSelectedOption() != null ? a.getSelectedOption().getValue() : a.getValue();
        String label = a.getSelectedOption() != null && a.getSelectedOption().getText() != null
                ? a.getSelectedOption().getText().getText() : a.getText() != null ? a.getText().getText() : value;
        String user = p.getUser().getId();
        String id = conversationId(teamOf(p), user);
        String channel = p.getContainer() != null && p.getContainer().getChannelId() != null ? p.getContainer().getChannelId()
                : p.getChannel() != null ? p.getChannel().getId() : null;
        if (channel == null || value == null) return;
        directChannels.put(id, channel);
        String known = steps.get(id);
        String step = SlackBlocks.stepOf(a.getActionId());
        if (known != null && step != null && !known.equals(step)) {
            post(channel, null, List.of(SlackBlocks.plain("That button was for an earlier question, so I have not used it. "
                    + "Please answer the latest question, or type status to see where we are.")));
            return;
        }
        String ts = p.getContainer() != null ? p.getContainer().getMessageTs() : null;
        if (ts != null && p.getMessage() != null) {
            calls.call("chat.update", () -> client.chatUpdate(r -> r.channel(channel).ts(ts)
                    .text(p.getMessage().getText() == null ? label : p.getMessage().getText())
                    .blocks(SlackBlocks.withChoiceMade(p.getMessage().getBlocks(), label))));
        }
        turn(id, user, channel, null, value);
    }

    // ---------------------------------------------------------------- channels: answers in a thread, challenges moved to a DM

    private void mention(String team, AppMentionEvent ev, String botUserId) {
        if (ev.getUser() == null || ev.getBotId() != null) return;
        String text = SlackText.plain(ev.getText(), botUserId);
        String thread = ev.getThreadTs() != null ? ev.getThreadTs() : ev.getTs();
        String command = text.toLowerCase(Locale.ROOT).replaceAll("[.!?]+$", "").strip();
        if (command.isEmpty() || command.equals("help")) {
            post(ev.getChannel(), thread, List.of(SlackBlocks.help()));
            return;
        }
        if (command.equals("status") || command.startsWith("status ")) {
            statusPrivately(team, ev.getUser(), command.substring("status".length()).strip());
            ephemeral(ev.getChannel(), ev.getUser(), thread, "I've sent you the status of your challenge in a direct message.");
            return;
        }
        Intent intent = command.equals("challenge") ? Intent.START_CHALLENGE : intents.classify(text);
        switch (intent) {
            case START_CHALLENGE -> {
                startPrivately(team, ev.getUser(), text);
                ephemeral(ev.getChannel(), ev.getUser(), thread, MOVED_TO_DM);
            }
            case GREETING -> post(ev.getChannel(), thread, List.of(SlackBlocks.plain(
                    "Hello! Ask me a question about your local Compact, here or in a direct message.")));
            case THANKS -> post(ev.getChannel(), thread, List.of(SlackBlocks.plain("You're welcome.")));
            case QUESTION -> post(ev.getChannel(), thread, List.of(answer(text)));
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

    /**
     * Starts a challenge in the person's direct message ({@code text} may already tell the story).
     * If one is already in progress, they are told so and shown where it stands instead.
     */
    private void startPrivately(String team, String user, String text) {
        String id = conversationId(team, user);
        Optional<String> dm = directChannel(team, user);
        if (dm.isEmpty()) return;
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
            post(dm.get(), null, List.of(SlackBlocks.plain("You already have a challenge in progress, so let's carry on with it.")));
            post(dm.get(), null, SlackBlocks.turn(status, null));
            return;
        }
        turn(id, user, dm.get(), null, text);
    }

    // ---------------------------------------------------------------- the challenge form and App Home

    /**
     * Opens the challenge form, filled in with the person's draft in progress and what Slack knows
     * of them. If Slack will not open it (the trigger expired), the challenge starts in the direct message instead.
     */
    private void openForm(String team, String user, String triggerId, String responseUrl) {
        String id = conversationId(team, user);
        Map<Slot, String> known = new EnumMap<>(Slot.class);
        engine.draft(id).ifPresent(d -> known.putAll(d.answers()));
        Profile profile = profile(user);
        if (profile != null) {
            if (notBlank(profile.name())) known.putIfAbsent(Slot.NAME, profile.name());
            if (notBlank(profile.email())) known.putIfAbsent(Slot.EMAIL, profile.email());
        }
        boolean opened = triggerId != null && calls.call("views.open", () -> client.viewsOpen(r -> r.triggerId(triggerId)
                .view(SlackBlocks.challengeForm(known, engine.formChoices())))).isPresent();
        if (!opened) {
            startPrivately(team, user, "challenge");
            if (responseUrl != null) respond(responseUrl, SlackBlocks.plain(MOVED_TO_DM));
        }
    }

    /** The form's fields by slot: the text typed, or the value of the option chosen. */
    private static Map<Slot, String> formValues(ViewSubmissionPayload p) {
        Map<Slot, String> out = new EnumMap<>(Slot.class);
        if (p.getView() == null || p.getView().getState() == null || p.getView().getState().getValues() == null) return out;
        p.getView().getState().getValues().forEach((blockId, fields) -> Slot.byId(blockId).ifPresent(slot -> {
            ViewState.Value v = fields == null ? null : fields.get(SlackBlocks.FIELD);
            if (v == null) return;
            String value = v.getSelectedOption() != null ? v.getSelectedOption().getValue() : v.getValue();
            if (value != null) out.put(slot, value);
        }));
        return out;
    }

    /** The person's App Home: what the bot does, their challenge in progress and the challenges they raised. */
    private void publishHome(String team, String user) {
        String id = conversationId(team, user);
        var view = SlackBlocks.home(engine.draft(id), cases.raisedBy(id));
        calls.call("views.publish", () -> client.viewsPublish(r -> r.userId(user).view(view)));
    }

    // ---------------------------------------------------------------- /compact

    /** What to acknowledge the command with (null: nothing shown now); any slower work is queued. */
    private SlackBlocks.Message command(SlashCommandPayload p) {
        String text = SlackText.plain(p.getText(), null);
        String word = text.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        String team = p.getTeamId(), user = p.getUserId();
        String id = conversationId(team, user);
        switch (word) {
            case "", "help" -> {
                return SlackBlocks.help();
            }
            case "challenge" -> {
                String trigger = p.getTriggerId(), url = p.getResponseUrl();
                work.submit(id, () -> openForm(team, user, trigger, url));
                return null;
            }
            case "status" -> {
                String ref = text.length() > word.length() ? text.substring(word.length()).strip() : "";
                work.submit(id, () -> statusPrivately(team, user, ref));
                return SlackBlocks.plain("I've sent you the status of your challenge in a direct message.");
            }
            default -> {
                String url = p.getResponseUrl();
                work.submit(id, () -> respond(url, answer(text)));
                return null;
            }
        }
    }

    /** Where a challenge stands, in the direct message only; a reference is looked up only among the person's own cases. */
    private void statusPrivately(String team, String user, String ref) {
        String id = conversationId(team, user);
        Optional<String> dm = directChannel(team, user);
        if (dm.isEmpty()) return;
        if (ref.isBlank()) {
            turn(id, user, dm.get(), null, "status");
            return;
        }
        String r = ref.toUpperCase(Locale.ROOT);
        Optional<CaseInfo> info = REF.matcher(r).matches() ? cases.raisedIn(r, id) : Optional.empty();
        String text = info.map(i -> "Your challenge " + i.ref() + " is " + i.status().replace('_', ' ')
                        + (i.mediator() == null ? "." : ", with a mediator."))
                .orElse("I can't find a challenge " + SlackBlocks.truncate(ref, 40) + " raised by you. Check the reference "
                        + "(it looks like CC-2026-0001), or say status to see your latest challenge.");
        post(dm.get(), null, List.of(SlackBlocks.plain(text)));
    }

    // ---------------------------------------------------------------- Web API

    /** The direct message between the bot and the person (opened with conversations.open the first time). */
    private Optional<String> directChannel(String team, String user) {
        String id = conversationId(team, user);
        String known = directChannels.get(id);
        if (known != null) return Optional.of(known);
        Optional<String> opened = calls.call("conversations.open", () -> client.conversationsOpen(r -> r.users(List.of(user))))
                .map(r -> r.getChannel() == null ? null : r.getChannel().getId());
        if (opened.isEmpty()) LOG.warn("could not open a direct message with a Slack user ({})", LogIds.conversation(id));
        opened.ifPresent(ch -> directChannels.put(id, ch));
        return opened;
    }

    private void post(String channel, String threadTs, List<SlackBlocks.Message> messages) {
        for (SlackBlocks.Message m : messages) {
            calls.call("chat.postMessage", () -> client.chatPostMessage(r -> r.channel(channel).threadTs(threadTs)
                    .text(m.text()).blocks(m.blocks()).unfurlLinks(false).unfurlMedia(false)));
        }
    }

    private void ephemeral(String channel, String user, String threadTs, String text) {
        calls.call("chat.postEphemeral", () -> client.chatPostEphemeral(r -> r.channel(channel).user(user).threadTs(threadTs)
                .text(text).blocks(SlackBlocks.plain(text).blocks())));
    }

    /** Answers through a response_url, seen only by the person (replace_original false: earlier messages stay). */
    private void respond(String responseUrl, SlackBlocks.Message m) {
        if (responseUrl == null || responseUrl.isBlank()) return;
        JsonObject body = new JsonObject();
        body.addProperty("response_type", "ephemeral");
        body.addProperty("replace_original", false);
        body.addProperty("text", m.text());
        body.add("blocks", GSON.toJsonTree(m.blocks()));
        String json = GSON.toJson(body);
        calls.respond(() -> slack.send(responseUrl, json));
    }

    // ---------------------------------------------------------------- ids

    /** The conversation of a Slack user: team and user id. */
    static String conversationId(String team, String user) {
        return "slack:" + (team == null ? "-" : team) + ":" + (user == null ? "-" : user);
    }

    private static String teamOf(BlockActionPayload p) {
        if (p.getUser() != null && p.getUser().getTeamId() != null) return p.getUser().getTeamId();
        return p.getTeam() == null ? null : p.getTeam().getId();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
