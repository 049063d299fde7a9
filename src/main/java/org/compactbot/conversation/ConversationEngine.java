package org.compactbot.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compactbot.knowledge.Answer;
import org.compactbot.knowledge.AnswerFormatter;
import org.compactbot.knowledge.AnswerService;
import org.compactbot.knowledge.ScoredPassage;

/**
 * The dialogue engine every channel shares. Each turn: load the conversation, read the message
 * (command, question, answer to the current slot, start of a challenge, small talk), act, save
 * everything in one transaction, reply. One turn per conversation at a time.
 */
public final class ConversationEngine {
    public static final int MAX_MESSAGE_CHARS = 20_000;
    static final Duration DRAFT_EXPIRY = Duration.ofDays(30);
    static final Duration WELCOME_BACK_AFTER = Duration.ofHours(12);
    private static final int MAX_FAILURES = 3;
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final Pattern CHANGE = Pattern.compile("^(?:change|edit|correct|update|fix)\\s+(.+?)(?:\\s+to\\s+(.+))?$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u200B-\\u200F\\u2028\\u2029\\uFEFF]");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConversationStore store;
    private final AnswerService answers;
    private final IntentClassifier intents;
    private final ChallengeFlow flow;
    private final CompactChecks checks;
    private final Clock clock;
    private final AnswerFormatter formatter = new AnswerFormatter();
    private final ReentrantLock[] locks = new ReentrantLock[256];

    public ConversationEngine(ConversationStore store, AnswerService answers, IntentClassifier intents, Clock clock) {
        this.store = store;
        this.answers = answers;
        this.intents = intents;
        this.clock = clock;
        this.flow = new ChallengeFlow(answers.knownAreas());
        this.checks = new CompactChecks(new KnowledgeCitations(answers));
        for (int i = 0; i < locks.length; i++) locks[i] = new ReentrantLock();
    }

    /** Handles one message; always returns a reply, never throws for anything the person sends. */
    public TurnResult handle(String conversationId, String channel, String rawText) {
        return handle(conversationId, channel, rawText, null);
    }

    /**
     * As {@link #handle(String, String, String)}, for a channel that may deliver the same message
     * twice (email after a crash): a message whose key was the last one acted on is not acted on
     * again; its replies are returned as they were.
     */
    public TurnResult handle(String conversationId, String channel, String rawText, String messageKey) {
        return handle(conversationId, channel, rawText, messageKey, Map.of());
    }

    /**
     * @param known what the channel already knows about the person (e.g. name and email from an
     *              email's From header); used for those slots when a challenge starts, never asked again
     */
    public TurnResult handle(String conversationId, String channel, String rawText, String messageKey, Map<Slot, String> known) {
        ReentrantLock lock = locks[Math.floorMod(conversationId.hashCode(), locks.length)];
        lock.lock();
        try {
            this.known.set(known);
            return againIfConcurrent(() -> turn(conversationId, channel, rawText == null ? "" : rawText, messageKey));
        } finally {
            this.known.remove();
            lock.unlock();
        }
    }

    private static final int CONCURRENT_TURN_ATTEMPTS = 5;

    /**
     * Runs a turn again, from a fresh load, when another turn of the same conversation was saved while it
     * ran (another instance sharing the database): a turn saves nothing until its end, so running it again is safe.
     */
    private <T> T againIfConcurrent(java.util.function.Supplier<T> turn) {
        for (int attempt = 1; ; attempt++) {
            try {
                return turn.get();
            } catch (ConversationStore.ConcurrentTurn e) {
                if (attempt >= CONCURRENT_TURN_ATTEMPTS) throw e;
            }
        }
    }

    /** What the current turn's channel knows about the person (see {@link #handle(String, String, String, String, Map)}). */
    private final ThreadLocal<Map<Slot, String>> known = ThreadLocal.withInitial(Map::of);

    /**
     * A challenge sent as one completed form (Slack's modal): every field is read the way its
     * question reads an answer; with any field wrong, nothing is kept and each problem is returned
     * against its field. Otherwise the case is created as at the end of the conversation, replacing
     * any draft in progress, and the turn is recorded in the transcript.
     */
    public FormOutcome submitForm(String conversationId, String channel, Map<Slot, String> form) {
        ReentrantLock lock = locks[Math.floorMod(conversationId.hashCode(), locks.length)];
        lock.lock();
        try {
            return againIfConcurrent(() -> formTurn(conversationId, channel, form));
        } finally {
            lock.unlock();
        }
    }

    private FormOutcome formTurn(String conversationId, String channel, Map<Slot, String> form) {
        Instant now = clock.instant();
        Conversation draft = new Conversation(conversationId, channel, now);
        Map<Slot, String> errors = new LinkedHashMap<>();
        List<Reply> noticed = new ArrayList<>();
        for (Slot s : ChallengeFlow.ORDER) {
            if (s == Slot.CONFIRM || s == Slot.UNDERTAKINGS) continue;
            String value = clean(form.getOrDefault(s, "")).strip();
            if (value.isEmpty()) {
                if (!s.optional()) errors.put(s, "Please fill this in.");
                continue;
            }
            Validation v = flow.read(s, value, draft, today());
            if (v instanceof Validation.Accepted ok) keep(draft, s, null, value, ok, noticed);
            else errors.put(s, ((Validation.Rejected) v).message());
        }
        if (!errors.isEmpty()) return new FormOutcome.Invalid(errors);
        suggest(draft);
        String chosen = clean(form.getOrDefault(Slot.UNDERTAKINGS, "")).strip();
        draft.answers.put(Slot.UNDERTAKINGS.id(), !chosen.isEmpty() ? ChallengeFlow.shorten(chosen, ChallengeFlow.MAX_ANSWER)
                : draft.suggestions().isEmpty() ? "(none chosen)" : "(not chosen: the closest undertakings are suggested below)");
        for (Slot s : ChallengeFlow.ORDER) if (s.optional() && !draft.has(s)) draft.answers.put(s.id(), "(skipped)");

        ConversationStore.Loaded loaded = store.load(conversationId);
        Conversation c = loaded instanceof ConversationStore.Loaded.Found f ? f.conversation() : new Conversation(conversationId, channel, now);
        if (loaded instanceof ConversationStore.Loaded.Corrupt corrupt) c.stored(corrupt.version());
        c.clearDraft();
        c.answers.putAll(draft.answers);
        c.details.putAll(draft.details);
        c.suggestions.addAll(draft.suggestions);
        List<Reply> replies = new ArrayList<>();
        ConversationStore.NewCase newCase = submit(c, replies);
        String checks = draft.details().get("checks");
        if (checks != null && !checks.isBlank()) replies.add(Reply.of("Checked against the Compact:\n" + checks));
        c.updatedAt = now;
        c.lastTurnKey = null;
        c.lastReplies = List.of();
        List<ConversationStore.Line> transcript = new ArrayList<>();
        transcript.add(new ConversationStore.Line("in", "(challenge form)\n" + flow.summary(draft)));
        for (Reply r : replies) transcript.add(new ConversationStore.Line("out", r.text()));
        String ref = store.commitTurn(c, transcript, newCase).orElseThrow();
        replies.replaceAll(reply -> new Reply(reply.text().replace(PENDING_REF, ref), reply.choices(), reply.quotes()));
        CaseInfo info = store.caseInfo(ref).orElse(new CaseInfo(ref, "submitted", null));
        return new FormOutcome.Submitted(new TurnResult(replies, c.state().name(), null, info));
    }

    /** The options of the questions that are choices (area, role, confidentiality), for a channel that shows them all at once. */
    public Map<Slot, List<Reply.Choice>> formChoices() {
        Conversation blank = new Conversation("-", "-", clock.instant());
        Map<Slot, List<Reply.Choice>> out = new LinkedHashMap<>();
        for (Slot s : List.of(Slot.AREA, Slot.ROLE, Slot.CONSENT)) out.put(s, flow.prompt(s, blank).choices());
        return out;
    }

    /** The challenge this conversation is raising, if one is in progress and not expired; reads only. */
    public Optional<Draft> draft(String conversationId) {
        return store.load(conversationId) instanceof ConversationStore.Loaded.Found f ? draftOf(f.conversation()) : Optional.empty();
    }

    /**
     * Whether a challenge is in progress that this message (by the key its channel gave it) did not itself advance: a
     * redelivery of the message that made the last turn is not "before". Reads the conversation once.
     */
    public boolean challengeInProgressBefore(String conversationId, String messageKey) {
        if (!(store.load(conversationId) instanceof ConversationStore.Loaded.Found f)) return false;
        Conversation c = f.conversation();
        return draftOf(c).isPresent() && (messageKey == null || !messageKey.equals(c.lastTurnKey));
    }

    private Optional<Draft> draftOf(Conversation c) {
        Slot at = c.state() instanceof DialogueState.Collecting col ? col.slot()
                : c.state() instanceof DialogueState.ConfirmingCancel cc ? cc.resume() : null;
        if (at == null || Duration.between(c.updatedAt(), clock.instant()).compareTo(DRAFT_EXPIRY) > 0) return Optional.empty();
        Map<Slot, String> answered = new LinkedHashMap<>();
        c.answers().forEach((k, v) -> Slot.byId(k).ifPresent(s -> { if (v != null && !v.startsWith("(")) answered.put(s, v); }));
        return Optional.of(new Draft(at, answered, c.updatedAt()));
    }

    /** Keeps files a person sent with a message (email attachments) for the challenge they are raising. */
    public void keepFiles(String conversationId, List<SentFile> files) {
        for (SentFile f : files) store.keepDraftEvidence(conversationId, f.name(), f.type(), f.content());
    }

    /** A file sent with a message. */
    public record SentFile(String name, String type, byte[] content) {}

    private TurnResult turn(String id, String channel, String rawText, String messageKey) {
        Instant now = clock.instant();
        List<Reply> replies = new ArrayList<>();
        ConversationStore.Loaded loaded = store.load(id);
        Conversation c;
        if (loaded instanceof ConversationStore.Loaded.Found f) {
            c = f.conversation();
        } else {
            c = new Conversation(id, channel, now);
            if (loaded instanceof ConversationStore.Loaded.Corrupt corrupt) {
                replies.add(Reply.of("Sorry, I lost track of our conversation, so let's start again. Nothing has been submitted from it."));
                c.stored(corrupt.version());
            }
        }
        if (messageKey != null && messageKey.equals(c.lastTurnKey)) {
            Slot at = c.state() instanceof DialogueState.Collecting col ? col.slot() : null;
            CaseInfo info = c.lastCaseRef() == null ? null : store.caseInfo(c.lastCaseRef()).orElse(null);
            return new TurnResult(c.lastReplies, c.state().name(), at, info);
        }
        if (c.state() instanceof DialogueState.Collecting || c.state() instanceof DialogueState.ConfirmingCancel) {
            Duration idle = Duration.between(c.updatedAt(), now);
            if (idle.compareTo(DRAFT_EXPIRY) > 0) {
                replies.add(Reply.of("Your unfinished challenge from " + Wording.date(LocalDate.ofInstant(c.updatedAt(), UK))
                        + " was not completed within 30 days, so I have cleared it. You can start again at any time."));
                c.clearDraft();
                c.state = new DialogueState.Idle();
            } else if (idle.compareTo(WELCOME_BACK_AFTER) > 0) {
                Slot at = c.state() instanceof DialogueState.Collecting col ? col.slot() : Slot.CONFIRM;
                replies.add(Reply.of("Welcome back! We were at: " + at.label() + "."));
            }
        }
        String text = clean(rawText);
        ConversationStore.NewCase newCase = null;
        if (text.isBlank()) {
            replies.add(Reply.of("I didn't catch anything there."));
            replies.addAll(repeatCurrent(c));
        } else {
            newCase = act(c, text, replies);
        }
        c.updatedAt = now;
        c.lastTurnKey = messageKey;
        // kept only where a channel may redeliver (it names its messages): no need to store every chat reply
        c.lastReplies = messageKey == null ? List.of() : List.copyOf(replies);
        List<ConversationStore.Line> transcript = new ArrayList<>();
        transcript.add(new ConversationStore.Line("in", text));
        for (Reply r : replies) transcript.add(new ConversationStore.Line("out", r.text()));
        Optional<String> ref = store.commitTurn(c, transcript, newCase);
        if (ref.isPresent()) {
            String r = ref.get();
            replies.replaceAll(reply -> new Reply(reply.text().replace(PENDING_REF, r), reply.choices(), reply.quotes()));
        }
        CaseInfo info = c.lastCaseRef() == null ? null
                : store.caseInfo(c.lastCaseRef()).orElse(new CaseInfo(c.lastCaseRef(), "submitted", null));
        Slot expecting = c.state() instanceof DialogueState.Collecting col ? col.slot() : null;
        return new TurnResult(replies, c.state().name(), expecting, info);
    }

    private static final String PENDING_REF = Conversation.PENDING_REF;

    /** Acts on a cleaned, non-empty message; returns a case to create when the person confirmed. */
    private ConversationStore.NewCase act(Conversation c, String text, List<Reply> replies) {
        String command = text.strip().toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "").strip();
        DialogueState state = c.state();

        if (state instanceof DialogueState.ConfirmingCancel cc) {
            if (command.matches("(yes|y|yes please|cancel it|yes cancel|ok|okay)") || Agreement.of(text) == Agreement.AGREE) {
                c.clearDraft();
                c.state = new DialogueState.Idle();
                replies.add(Reply.of("Cancelled. Nothing has been submitted. You can ask me a question or start a new challenge at any time."));
            } else {
                c.state = new DialogueState.Collecting(cc.resume(), null);
                replies.add(Reply.of("OK, let's carry on."));
                replies.add(prompt(c, cc.resume()));
            }
            return null;
        }

        if (state instanceof DialogueState.Idle) return idle(c, text, command, replies);

        DialogueState.Collecting at = (DialogueState.Collecting) state;
        Slot slot = at.slot();
        switch (command) {
            case "help", "?", "what do i do", "help me" -> {
                replies.add(Reply.of(flow.help(slot)));
                replies.add(prompt(c, slot));
                return null;
            }
            case "cancel", "stop", "quit", "abandon", "cancel challenge", "start over", "restart" -> {
                c.state = new DialogueState.ConfirmingCancel(slot);
                replies.add(Reply.of("Do you want to cancel this challenge? Everything you have told me for it will be discarded.",
                        List.of(new Reply.Choice("Yes, cancel it", "yes"), new Reply.Choice("No, carry on", "no"))));
                return null;
            }
            case "status", "progress", "where are we", "where was i" -> {
                replies.add(Reply.of(status(c, slot)));
                replies.add(prompt(c, slot));
                return null;
            }
            case "back", "go back", "previous" -> {
                back(c, slot, replies);
                return null;
            }
            case "skip", "pass", "skip it", "skip this", "next" -> {
                if (slot.optional()) {
                    c.answers.put(slot.id(), "(skipped)");
                    advance(c, slot, at.returnTo(), replies);
                } else {
                    replies.add(Reply.of("I need " + slot.label() + " to raise the challenge, so this one can't be skipped."));
                    replies.add(prompt(c, slot));
                }
                return null;
            }
            case "leave", "leave it", "leave it for a person", "leave for a caseworker", "caseworker" -> {
                if (c.failures.getOrDefault(slot.id(), 0) >= MAX_FAILURES) {
                    c.answers.put(slot.id(), ChallengeFlow.LEFT_FOR_CASEWORKER);
                    replies.add(Reply.of("No problem: a caseworker will complete " + slot.label() + " with you."));
                    advance(c, slot, at.returnTo(), replies);
                    return null;
                }
            }
            default -> { }
        }
        Optional<Correction> fix = slot == Slot.WHAT_HAPPENED ? Optional.empty() : Correction.in(text);
        if (fix.isPresent() && fix.get().slot() != slot) {
            change(c, slot, fix.get().slot(), fix.get().value(), replies);
            return null;
        }
        Matcher change = CHANGE.matcher(text.strip());
        if (change.matches() && slot != Slot.WHAT_HAPPENED) {
            Optional<Slot> target = Slot.byName(change.group(1));
            if (target.isPresent() || command.equals("change") || command.equals("change something")) {
                change(c, slot, target.orElse(null), change.group(2), replies);
                return null;
            }
        }
        if (command.equals("change") || command.equals("change something")
                || (slot == Slot.CONFIRM && (command.matches("(no|n|nope|not quite|wrong)") || Agreement.of(text) == Agreement.DECLINE))) {
            replies.add(Reply.of("What would you like to change? Say \"change\" and the item, for example \"change email\" or \"change dates\"."));
            return null;
        }
        if (slot == Slot.CONFIRM) {
            if (Agreement.confirms(text)) return submit(c, replies);
            if (IntentClassifier.isQuestionAt(slot, text)) {
                answerQuestion(text, c.answer(Slot.AREA), replies, false);
                replies.add(prompt(c, slot));
                return null;
            }
            replies.add(Reply.of("Say yes to submit your challenge, or \"change\" and the item to correct it."));
            return null;
        }
        if (c.channel().equals(BATCH_CHANNEL) && readList(c, text, replies)) return null;
        if (IntentClassifier.isQuestionAt(slot, text) && !looksLikeAnswer(slot, text)) {
            answerQuestion(text, c.answer(Slot.AREA), replies, false);
            replies.add(prompt(c, slot));
            return null;
        }
        accept(c, slot, at.returnTo(), text, replies);
        return null;
    }

    /** An answer that a slot's reader understands is taken as an answer even if it ends with "?". */
    private boolean looksLikeAnswer(Slot slot, String text) {
        if (slot == Slot.EMAIL || slot == Slot.DATES || slot == Slot.AREA) {
            return flow.read(slot, text, new Conversation("probe", "probe", clock.instant()), today()) instanceof Validation.Accepted;
        }
        return false;
    }

    private ConversationStore.NewCase idle(Conversation c, String text, String command, List<Reply> replies) {
        if (command.equals("help")) {
            replies.add(Reply.of("I can answer questions about your local Compact (the agreement between public bodies and the voluntary "
                    + "and community sector), quoting its exact words. If a public body has not kept to it, I can help you raise a "
                    + "Compact challenge, which goes to an independent mediator.", startChoices()));
            return null;
        }
        if (command.equals("status")) {
            if (c.lastCaseRef() == null) {
                replies.add(Reply.of("You have no challenge in progress."));
            } else {
                CaseInfo info = store.caseInfo(c.lastCaseRef()).orElse(new CaseInfo(c.lastCaseRef(), "submitted", null));
                replies.add(Reply.of("Your challenge " + info.ref() + " is " + info.status().replace('_', ' ')
                        + (info.mediator() == null ? "." : ", with a mediator.")));
            }
            return null;
        }
        if (command.equals("cancel") || command.equals("back") || command.equals("skip")) {
            replies.add(Reply.of("There's no challenge in progress to " + command + ". You can ask me a question or start a challenge.", startChoices()));
            return null;
        }
        String offered = c.details.remove(OFFER);
        String context = c.details.remove(OFFER_CONTEXT);
        String asked = c.details.get(LAST_QUESTION);
        if ((offered != null || asked != null) && Agreement.takesUp(text)) {
            // "yes please" after the bot offered (or after an answer to someone asking about their own situation)
            startChallenge(c, context != null ? context : asked, replies);
            return null;
        }
        if (offered != null) {
            Agreement said = Agreement.of(text);
            if (said == Agreement.DECLINE && text.split("\\s+").length <= 6) {
                replies.add(Reply.of("OK. Ask me anything else about the Compact, or say \"raise a challenge\" whenever you want to."));
                return null;
            }
        }
        Intent intent = command.equals("challenge") || command.equals("start") ? Intent.START_CHALLENGE : intents.classify(text);
        if (intent == Intent.START_CHALLENGE && context == null) context = asked;
        if (intent == Intent.START_CHALLENGE && context != null && !text.equals(context)) {
            // what was said just before ("our grant in Redcar ends on Friday, is that allowed?") belongs to the challenge
            startChallenge(c, context + "\n" + text, replies);
            return null;
        }
        switch (intent) {
            case GREETING -> replies.add(Reply.of("Hello! I can answer questions about your local Compact, or help you raise a Compact challenge.", startChoices()));
            case THANKS -> replies.add(Reply.of("You're welcome. Ask me anything else about the Compact, or start a challenge if you need to."));
            case START_CHALLENGE -> startChallenge(c, text, replies);
            case QUESTION -> {
                answerQuestion(text, null, replies, !c.channel().equals(BATCH_CHANNEL));
                // by email a concern is the usual case: answer it and start the challenge in the same reply
                if (c.channel().equals(BATCH_CHANNEL) && org.compactbot.knowledge.GrievanceSignal.in(text)) {
                    startChallenge(c, text, replies);
                } else {
                    c.details.put(LAST_QUESTION, ChallengeFlow.shorten(text, 2000));
                    if (replies.stream().anyMatch(r -> r.choices().stream().anyMatch(ch -> ch.value().equals("challenge")))) {
                        // the bot offered to help raise a challenge: "yes please" next accepts it, with this question as its story
                        c.details.put(OFFER, "challenge");
                        c.details.put(OFFER_CONTEXT, ChallengeFlow.shorten(text, 2000));
                    }
                }
            }
        }
        return null;
    }

    private void startChallenge(Conversation c, String text, List<Reply> replies) {
        c.clearDraft();
        replies.add(Reply.of("I'll help you raise a Compact challenge. I'll ask a few questions; you can say help, back, skip, status or "
                + "cancel at any point, and ask me about the Compact along the way."));
        prefill(c, text, true);
        Slot first = ChallengeFlow.firstOpen(c);
        List<String> noticed = noticed(c);
        if (!noticed.isEmpty()) replies.add(Reply.of("From what you said, I have noted: " + String.join("; ", noticed) + ". You can change any of these later."));
        refreshChecks(c, replies);
        c.state = new DialogueState.Collecting(first, null);
        if (c.channel().equals(BATCH_CHANNEL)) {
            askAsList(c, replies, List.of());
            return;
        }
        replies.add(prompt(c, first));
    }

    /** Channels where one reply answers many questions (email): the open questions go out as one numbered list. */
    static final String BATCH_CHANNEL = "email";
    /** In an idle conversation's details: what the bot last offered, the message that led to it, and the last question asked. */
    private static final String OFFER = "offer", OFFER_CONTEXT = "offer_context", LAST_QUESTION = "last_question";

    /** Asks every open question (but the undertakings, which need the story first) as one numbered list. */
    private void askAsList(Conversation c, List<Reply> replies, List<String> problems) {
        List<Slot> open = new ArrayList<>();
        for (Slot s : ChallengeFlow.ORDER) if (!c.has(s) && s != Slot.UNDERTAKINGS && s != Slot.CONFIRM) open.add(s);
        if (open.isEmpty()) {
            c.details.remove("batch");
            Slot next = ChallengeFlow.firstOpen(c);
            c.state = new DialogueState.Collecting(next, null);
            if (!problems.isEmpty()) replies.add(Reply.of(String.join("\n", problems)));
            replies.add(prompt(c, next));
            return;
        }
        c.details.put("batch", String.join(",", open.stream().map(Slot::id).toList()));
        c.state = new DialogueState.Collecting(open.get(0), null);
        StringBuilder sb = new StringBuilder();
        if (!problems.isEmpty()) sb.append(String.join("\n", problems)).append("\n\n");
        sb.append("Please answer these by number, each on its own line (for example \"1. West Cheshire\"):");
        for (int i = 0; i < open.size(); i++) {
            Reply p = flow.prompt(open.get(i), c);
            String choices = p.choices().isEmpty() ? "" : " (" + String.join(" / ", p.choices().stream().map(Reply.Choice::label).toList()) + ")";
            sb.append("\n").append(i + 1).append(". ").append(p.text().replace("\n", " ")).append(choices);
        }
        replies.add(Reply.of(sb.toString()));
    }

    /**
     * Reads the answers to the last list, however the person wrote them (numbered lines, "Label: answer" lines, or
     * prose; see {@link BatchAnswers}); false when the message answers none of them.
     */
    private boolean readList(Conversation c, String text, List<Reply> replies) {
        String batch = c.details().get("batch");
        if (batch == null) return false;
        List<Slot> asked = new ArrayList<>();
        for (String id : batch.split(",")) Slot.byId(id).ifPresent(asked::add);
        Map<Slot, String> answered = BatchAnswers.read(text, asked);
        if (answered.isEmpty()) return false;
        List<String> problems = new ArrayList<>();
        for (var e : answered.entrySet()) {
            Slot slot = e.getKey();
            String answer = e.getValue().strip();
            int number = asked.indexOf(slot) + 1;
            if (slot.optional() && (answer.equalsIgnoreCase("skip") || NoAnswer.in(answer))) {
                c.answers.put(slot.id(), "(skipped)");
                continue;
            }
            Validation v = flow.read(slot, answer, c, today());
            if (v instanceof Validation.Accepted ok) keep(c, slot, null, answer, ok, replies);
            else problems.add(number + ". " + ((Validation.Rejected) v).message());
        }
        askAsList(c, replies, problems);
        return true;
    }

    /** Fills slots the person's free text already answers (area, body, story, dates), without overwriting answers. */
    private void prefill(Conversation c, String text, boolean storyFromStart) {
        if (storyFromStart) {
            known.get().forEach((slot, value) -> {
                if (!c.has(slot) && flow.read(slot, value, c, today()) instanceof Validation.Accepted ok) c.answers.put(slot.id(), ok.value());
            });
        }
        if (!c.has(Slot.AREA)) answers.areaDetector().detect(text).ifPresent(a -> {
            c.answers.put(Slot.AREA.id(), a);
            c.details.put("prefilled_area", "true");
        });
        if (!c.has(Slot.RESPONDENT)) FactsFromText.respondent(text).ifPresent(r -> c.answers.put(Slot.RESPONDENT.id(), r));
        if (storyFromStart && !c.has(Slot.WHAT_HAPPENED)) {
            String story = text.replaceAll("(?i)^\\s*(hi|hello)[,!.]?\\s*", "")
                    .replaceAll("(?i)\\bi('d| would)? (want|like|need|wish)( to)? (raise|make|start|lodge)? ?(a |an |another )?(new )?(compact )?(challenge|complaint|complain)( about)?[:,.]?\\s*", "").strip();
            if (story.split("\\s+").length >= 6) c.answers.put(Slot.WHAT_HAPPENED.id(), story);
        }
        if (!c.has(Slot.DATES)) {
            KeyDates.Reading r = KeyDates.reading(text, today(), false);
            KeyDates d = r.dates();
            if (!d.isEmpty() && d.problem(today()) == null && (d.told() != null && d.effective() != null
                    || d.consultationOpened() != null && d.consultationClosed() != null)) {
                takeDates(c, r);
            }
        }
    }

    /** Keeps dates read from free text as the key dates, noting when which is which was a guess. */
    private void takeDates(Conversation c, KeyDates.Reading r) {
        c.answers.put(Slot.DATES.id(), r.dates().describe());
        putDates(c, r.dates());
        if (r.guessed()) c.details.put(DATES_GUESSED, "true");
    }

    /** In a draft's details: the dates were read from free text without words saying which is which. */
    private static final String DATES_GUESSED = "dates_guessed";

    private List<String> noticed(Conversation c) {
        List<String> out = new ArrayList<>();
        if (c.has(Slot.NAME)) out.add("name: " + c.answer(Slot.NAME));
        if (c.has(Slot.EMAIL)) out.add("email: " + c.answer(Slot.EMAIL));
        if (c.has(Slot.ORGANISATION)) out.add("organisation: " + c.answer(Slot.ORGANISATION));
        if (c.has(Slot.AREA)) out.add("area: " + Wording.areaName(c.answer(Slot.AREA)));
        if (c.has(Slot.RESPONDENT)) out.add("about: " + c.answer(Slot.RESPONDENT));
        if (c.has(Slot.DATES)) {
            out.add("dates: " + c.answer(Slot.DATES) + (c.details().containsKey(DATES_GUESSED)
                    ? " (I guessed which date is which: say \"change dates\" if that is wrong)" : ""));
        }
        if (c.has(Slot.WHAT_HAPPENED)) out.add("what happened: \"" + ChallengeFlow.shorten(c.answer(Slot.WHAT_HAPPENED), 80) + "\"");
        return out;
    }

    private void accept(Conversation c, Slot slot, Slot returnTo, String text, List<Reply> replies) {
        Validation v = flow.read(slot, text, c, today());
        if (slot.optional() && NoAnswer.in(text) && (slot == Slot.ORGANISATION || v instanceof Validation.Rejected)) {
            // "no dates really", "just me": nothing to give for an optional question is not a wrong answer
            c.answers.put(slot.id(), "(skipped)");
            c.failures.remove(slot.id());
            replies.add(Reply.of("OK, I'll leave " + slot.label() + " out."));
            advance(c, slot, returnTo, replies);
            return;
        }
        if (v instanceof Validation.Accepted ok) {
            keep(c, slot, returnTo, text, ok, replies);
            advance(c, slot, returnTo, replies);
            return;
        }
        if (v instanceof Validation.Rejected && slot == Slot.UNDERTAKINGS && tellsMoreOfTheStory(text)) {
            // "They emailed on 20 November saying the grant stops on 1 December": not a choice, more of what happened
            String story = c.answer(Slot.WHAT_HAPPENED);
            c.answers.put(Slot.WHAT_HAPPENED.id(), story == null || story.startsWith("(") ? text : story + "\n" + text);
            prefill(c, text, false);
            if (!c.has(Slot.DATES) || c.details().get("told") == null) {
                // one date is enough here: the person is telling us, not being asked for both
                KeyDates.Reading r = KeyDates.reading(text, today(), ChallengeFlow.aboutConsultation(c));
                if (!r.dates().isEmpty() && r.dates().problem(today()) == null) takeDates(c, r);
            }
            refreshChecks(c, replies);
            c.suggestions.clear();
            replies.add(Reply.of("Thank you, I've added that to what happened."));
            replies.add(prompt(c, slot));
            return;
        }
        if (v instanceof Validation.Rejected r && slot == Slot.UNDERTAKINGS && refreshSuggestions(c, text)) {
            // "the consultation one" when none offered is about consultation: offer the ones closest to what they named
            replies.add(Reply.of("Here are the undertakings closest to what you said."));
            replies.add(prompt(c, slot));
            return;
        }
        if (v instanceof Validation.Rejected r) {
            int failures = c.failures.merge(slot.id(), 1, Integer::sum);
            replies.add(Reply.of(r.message()));
            if (failures >= MAX_FAILURES) {
                List<Reply.Choice> choices = new ArrayList<>();
                if (slot.optional()) choices.add(new Reply.Choice("Skip this question", "skip"));
                choices.add(new Reply.Choice("Leave it for a caseworker to complete", "leave"));
                replies.add(Reply.of("This one seems tricky. You can " + (slot.optional() ? "skip it, or " : "")
                        + "leave it for a caseworker to complete with you, or try again.", choices));
            } else if (failures == MAX_FAILURES - 1) {
                replies.add(flow.rephrase(slot, c)); // asked another way before a caseworker is offered
            } else {
                replies.add(prompt(c, slot));
            }
        }
    }

    /** Keeps an accepted answer and what follows from it (dates, checks, facts in the story). */
    private void keep(Conversation c, Slot slot, Slot returnTo, String text, Validation.Accepted ok, List<Reply> replies) {
        c.failures.remove(slot.id());
        String previous = c.answer(slot);
        c.answers.put(slot.id(), ok.value());
        ok.details().forEach((k, val) -> c.details.put(k.equals("label") ? slot.id() + "_label" : k, val));
        if (slot == Slot.DATES) putDates(c, KeyDates.read(text, today(), ChallengeFlow.aboutConsultation(c)));
        if (slot == Slot.AREA && previous != null && !previous.equals(ok.value())) {
            c.suggestions.clear();
            c.answers.remove(Slot.UNDERTAKINGS.id());
        }
        if (slot == Slot.WHAT_HAPPENED) {
            prefill(c, text, false);
            if (!ok.value().equals(previous)) {
                c.suggestions.clear();
                if (returnTo != null && c.has(Slot.UNDERTAKINGS)) c.answers.remove(Slot.UNDERTAKINGS.id());
            }
        }
        if (slot == Slot.DATES || slot == Slot.AREA || slot == Slot.WHAT_HAPPENED) refreshChecks(c, replies);
    }

    private void putDates(Conversation c, KeyDates d) {
        c.details.keySet().removeAll(List.of("told", "effective", "consultation_opened", "consultation_closed"));
        if (d.told() != null) c.details.put("told", d.told().toString());
        if (d.effective() != null) c.details.put("effective", d.effective().toString());
        if (d.consultationOpened() != null) c.details.put("consultation_opened", d.consultationOpened().toString());
        if (d.consultationClosed() != null) c.details.put("consultation_closed", d.consultationClosed().toString());
    }

    /** Re-runs the Compact checks on the dates given; shows the result when it is new. */
    private void refreshChecks(Conversation c, List<Reply> replies) {
        String area = c.answer(Slot.AREA);
        KeyDates d = new KeyDates(date(c, "told"), date(c, "effective"), date(c, "consultation_opened"), date(c, "consultation_closed"));
        if (area == null || d.isEmpty()) return;
        List<CompactChecks.Finding> findings = checks.check(area, d, today());
        String text = String.join("\n", findings.stream().map(CompactChecks.Finding::text).toList());
        if (!text.equals(c.details.getOrDefault("checks", "")) && !text.isEmpty()) {
            c.details.put("checks", text);
            replies.add(Reply.of("Checked against the Compact:\n" + text));
        }
    }

    private static LocalDate date(Conversation c, String key) {
        String v = c.details().get(key);
        return v == null ? null : LocalDate.parse(v);
    }

    private void advance(Conversation c, Slot answered, Slot returnTo, List<Reply> replies) {
        Slot next = ChallengeFlow.next(c, answered, returnTo);
        c.state = new DialogueState.Collecting(next, null);
        replies.add(prompt(c, next));
    }

    /** Asks a slot, first preparing what it needs (the undertakings to offer). */
    private Reply prompt(Conversation c, Slot slot) {
        if (!c.asked.isEmpty() && c.asked.get(c.asked.size() - 1).equals(slot.id())) {
            // asked again: no new history entry
        } else {
            c.asked.add(slot.id());
            if (c.asked.size() > 100) c.asked.remove(0);
        }
        if (slot == Slot.UNDERTAKINGS && c.suggestions().isEmpty()) suggest(c);
        return flow.prompt(slot, c);
    }

    private void suggest(Conversation c) {
        String story = c.answer(Slot.WHAT_HAPPENED);
        if (story == null || story.startsWith("(")) return;
        suggest(c, story);
    }

    /** A reply to "which apply?" that gives dates or several sentences of facts rather than a choice. */
    private static boolean tellsMoreOfTheStory(String text) {
        return UkDates.mentionsADate(text) && text.split("\\s+").length >= 6;
    }

    /**
     * Offers again, from the person's own words for the undertaking they mean, once per wording; false when those words
     * name nothing new to search for (then the reply is simply unclear).
     */
    private boolean refreshSuggestions(Conversation c, String words) {
        String topic = Agreement.normalise(words);
        if (topic.split(" ").length > 30 || !topic.matches(".*\\p{L}{4,}.*") || topic.equals(c.details.get("suggested_for"))) return false;
        List<Conversation.Suggestion> before = List.copyOf(c.suggestions);
        c.details.put("suggested_for", topic);
        c.suggestions.clear();
        String story = c.answer(Slot.WHAT_HAPPENED);
        suggest(c, words + (story == null || story.startsWith("(") ? "" : ". " + story));
        if (c.suggestions.isEmpty() || c.suggestions.equals(before)) {
            c.suggestions.clear();
            c.suggestions.addAll(before);
            return false;
        }
        return true;
    }

    private void suggest(Conversation c, String text) {
        String area = c.answer(Slot.AREA);
        try {
            for (ScoredPassage p : answers.suggest(text, area, 3)) {
                c.suggestions.add(new Conversation.Suggestion(p.passage().citation(), p.passage().text(), CodeOfPractice.of(p.passage())));
            }
        } catch (IllegalArgumentException e) {
            // an area that no longer exists: no suggestions, the person can say none
        }
    }

    private void back(Conversation c, Slot current, List<Reply> replies) {
        int i = c.asked.lastIndexOf(current.id());
        Slot previous = null;
        for (int j = (i < 0 ? c.asked.size() : i) - 1; j >= 0; j--) {
            Slot s = Slot.byId(c.asked.get(j)).orElse(null);
            if (s != null && s != current) {
                previous = s;
                break;
            }
        }
        if (previous == null) {
            replies.add(Reply.of("This is the first question, so there's nothing to go back to."));
            replies.add(prompt(c, current));
            return;
        }
        while (!c.asked.isEmpty() && !c.asked.get(c.asked.size() - 1).equals(previous.id())) c.asked.remove(c.asked.size() - 1);
        c.state = new DialogueState.Collecting(previous, null);
        String had = flow.shown(previous, c);
        replies.add(Reply.of("Going back." + (had == null ? "" : " You said: " + ChallengeFlow.shorten(had, 200))));
        replies.add(flow.prompt(previous, c));
    }

    private void change(Conversation c, Slot current, Slot target, String newValue, List<Reply> replies) {
        if (target == null) {
            replies.add(Reply.of("Which item? For example \"change email\", \"change respondent\" or \"change dates\"."));
            return;
        }
        Slot returnTo = current;
        if (newValue != null && !newValue.isBlank()) {
            Validation v = flow.read(target, newValue, c, today());
            if (v instanceof Validation.Rejected r) {
                replies.add(Reply.of(r.message()));
                replies.add(prompt(c, current));
                return;
            }
            c.state = new DialogueState.Collecting(target, returnTo);
            accept(c, target, returnTo, newValue, replies);
            replies.add(0, Reply.of("Changed " + target.label() + "."));
            return;
        }
        c.state = new DialogueState.Collecting(target, returnTo);
        String had = flow.shown(target, c);
        replies.add(Reply.of("Let's change " + target.label() + "." + (had == null ? "" : " At the moment it is: " + ChallengeFlow.shorten(had, 200))));
        replies.add(prompt(c, target));
    }

    private String status(Conversation c, Slot slot) {
        List<String> done = new ArrayList<>(), open = new ArrayList<>();
        for (Slot s : ChallengeFlow.ORDER) {
            if (s == Slot.CONFIRM) continue;
            (c.has(s) ? done : open).add(s.label());
        }
        return "Challenge in progress: " + done.size() + " of " + (ChallengeFlow.ORDER.size() - 1) + " answered"
                + (done.isEmpty() ? "" : " (" + String.join(", ", done) + ")")
                + ". Now: " + slot.label() + (open.isEmpty() ? "" : ". Still to do: " + String.join(", ", open)) + ".";
    }

    /** Answers a question, from {@code area}'s Compact when the conversation has one and the question names no other. */
    private void answerQuestion(String text, String area, List<Reply> replies, boolean offerChallenge) {
        Optional<String> ours = ProcessAnswers.to(text);
        if (ours.isPresent()) {
            replies.add(Reply.of(ours.get()));
            return;
        }
        Answer a;
        try {
            String within = area == null || area.startsWith("(") || answers.areaDetector().detect(text).isPresent() ? null : area;
            a = answers.ask(text, within, 3);
        } catch (IllegalArgumentException e) {
            replies.add(Reply.of(e.getMessage()));
            return;
        }
        AnswerFormatter.Shown shown = formatter.shape(a);
        List<AnswerFormatter.Quote> quotes = new ArrayList<>();
        if (shown.best() != null) {
            quotes.add(shown.best());
            quotes.addAll(shown.alsoIn());
        }
        List<Reply.Choice> choices = offerChallenge && a.grievance()
                ? List.of(new Reply.Choice("Raise a Compact challenge", "challenge")) : List.of();
        String body = formatter.text(a);
        if (!offerChallenge && !shown.offer().isEmpty()) body = body.replace(shown.offer(), "").strip();
        replies.add(new Reply(body, choices, quotes));
    }

    private ConversationStore.NewCase submit(Conversation c, List<Reply> replies) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (Slot s : ChallengeFlow.ORDER) if (s != Slot.CONFIRM && c.has(s)) details.put(s.id(), c.answer(s));
        details.put("details", new LinkedHashMap<>(c.details()));
        details.put("suggestions", c.suggestions());
        details.put("channel", c.channel());
        String json;
        try {
            json = JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ConversationStore.NewCase nc = new ConversationStore.NewCase(c.answer(Slot.AREA), c.answer(Slot.RESPONDENT),
                orEmpty(c.answer(Slot.ORGANISATION)), c.answer(Slot.NAME), c.answer(Slot.EMAIL), json);
        c.clearDraft();
        c.state = new DialogueState.Idle();
        replies.add(Reply.of("Thank you. Your Compact challenge has been submitted: your reference is " + PENDING_REF + ". "
                + "We will acknowledge it by email within 5 working days and pass it to an independent mediator, "
                + "who will be in touch. Say status at any time to see where it stands."));
        return nc;
    }

    private static String orEmpty(String s) {
        return s == null || s.startsWith("(") ? "" : s;
    }

    private List<Reply> repeatCurrent(Conversation c) {
        if (c.state() instanceof DialogueState.Collecting col) return List.of(prompt(c, col.slot()));
        return List.of(Reply.of("You can ask me a question about the Compact, or start a challenge.", startChoices()));
    }

    private static List<Reply.Choice> startChoices() {
        return List.of(new Reply.Choice("Ask a question", "help"), new Reply.Choice("Raise a Compact challenge", "challenge"));
    }

    /** Control characters out, size capped: what is stored and shown is plain, bounded text. */
    static String clean(String raw) {
        String t = CONTROL.matcher(raw).replaceAll("");
        if (t.length() > MAX_MESSAGE_CHARS) t = t.substring(0, MAX_MESSAGE_CHARS);
        return t.strip();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), UK);
    }
}
