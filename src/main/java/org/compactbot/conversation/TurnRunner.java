package org.compactbot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs one turn of a conversation: one turn per conversation at a time on this instance, and again from a fresh load
 * when another instance saved the same conversation meanwhile; the conversation loaded (or begun again when its row
 * could not be read); a redelivered message answered as before; an old draft cleared or welcomed back; then the turn's
 * work, and everything saved in one transaction with the transcript and any case; then the turn's questions reported
 * ({@link QuestionsAsked}), once it is saved, so that a turn run again counts its question once.
 */
final class TurnRunner {
    static final int MAX_MESSAGE_CHARS = 20_000;
    static final Duration DRAFT_EXPIRY = Duration.ofDays(30);
    static final Duration WELCOME_BACK_AFTER = Duration.ofHours(12);
    private static final int CONCURRENT_TURN_ATTEMPTS = 5;
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u200B-\\u200F\\u2028\\u2029\\uFEFF]");

    private final ConversationStore store;
    private final Clock clock;
    private final QuestionsAsked asked;
    private final ReentrantLock[] locks = new ReentrantLock[256];

    TurnRunner(ConversationStore store, Clock clock, QuestionsAsked asked) {
        this.store = store;
        this.clock = clock;
        this.asked = asked;
        for (int i = 0; i < locks.length; i++) locks[i] = new ReentrantLock();
    }

    /** Runs {@code work} holding the conversation's lock, again (up to 5 times) when another instance's turn raced it. */
    <T> T locked(String conversationId, Supplier<T> work) {
        ReentrantLock lock = locks[Math.floorMod(conversationId.hashCode(), locks.length)];
        lock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return work.get();
                } catch (ConversationStore.ConcurrentTurn e) {
                    if (attempt >= CONCURRENT_TURN_ATTEMPTS) throw e;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** One message's turn; {@code work} acts on a cleaned, non-empty message. */
    TurnResult run(String id, String channel, String rawText, String messageKey, Map<Slot, String> known, Consumer<Turn> work,
                   Consumer<Turn> repeat) {
        return locked(id, () -> once(id, channel, rawText == null ? "" : rawText, messageKey, known, work, repeat));
    }

    private TurnResult once(String id, String channel, String rawText, String messageKey, Map<Slot, String> known,
                            Consumer<Turn> work, Consumer<Turn> repeat) {
        Instant now = clock.instant();
        List<Reply> before = new ArrayList<>();
        Conversation c = loadOrBegin(id, channel, now, before);
        if (messageKey != null && messageKey.equals(c.lastTurnKey)) {
            CaseInfo info = c.lastCaseRef() == null ? null : store.caseInfo(c.lastCaseRef()).orElse(null);
            return new TurnResult(c.lastReplies, c.state().name(), expecting(c), info);
        }
        if (inChallenge(c)) {
            Duration idle = Duration.between(c.updatedAt(), now);
            if (idle.compareTo(DRAFT_EXPIRY) > 0) {
                before.add(Reply.of("Your unfinished challenge from " + Wording.date(LocalDate.ofInstant(c.updatedAt(), UK))
                        + " was not completed within 30 days, so I have cleared it. You can start again at any time."));
                c.clearDraft();
                c.state = new DialogueState.Idle();
            } else if (idle.compareTo(WELCOME_BACK_AFTER) > 0) {
                Slot at = c.state() instanceof DialogueState.Collecting col ? col.slot() : Slot.CONFIRM;
                before.add(Reply.of("Welcome back! We were at: " + at.label() + "."));
            }
        }
        String text = clean(rawText);
        Turn turn = new Turn(c, text, known, today());
        turn.replies.addAll(before);
        if (text.isBlank()) {
            turn.say("I didn't catch anything there.");
            repeat.accept(turn);
        } else {
            work.accept(turn);
        }
        c.updatedAt = now;
        c.lastTurnKey = messageKey;
        // kept only where a channel may redeliver (it names its messages): no need to store every chat reply
        c.lastReplies = messageKey == null ? List.of() : List.copyOf(turn.replies);
        TurnResult saved = commit(c, text, turn.replies, turn.submitted);
        Channel where = Channel.named(c.channel());
        for (boolean answered : turn.questions) asked.asked(where, answered);
        return saved;
    }

    /** Saves the turn (conversation, transcript, any case) and puts the new case's reference into the replies. */
    TurnResult commit(Conversation c, String said, List<Reply> replies, ConversationStore.NewCase submitted) {
        List<ConversationStore.Line> transcript = new ArrayList<>();
        transcript.add(new ConversationStore.Line("in", said));
        for (Reply r : replies) transcript.add(new ConversationStore.Line("out", r.text()));
        Optional<String> ref = store.commitTurn(c, transcript, submitted);
        List<Reply> shown = new ArrayList<>(replies);
        ref.ifPresent(r -> shown.replaceAll(reply -> reply.withText(reply.text().replace(Conversation.PENDING_REF, r))));
        CaseInfo info = c.lastCaseRef() == null ? null
                : store.caseInfo(c.lastCaseRef()).orElse(new CaseInfo(c.lastCaseRef(), "submitted", null));
        return new TurnResult(shown, c.state().name(), expecting(c), info);
    }

    /** The stored conversation, or a new one (saying so when the stored one could not be read). */
    Conversation loadOrBegin(String id, String channel, Instant now, List<Reply> replies) {
        ConversationStore.Loaded loaded = store.load(id);
        if (loaded instanceof ConversationStore.Loaded.Found f) return f.conversation();
        Conversation c = new Conversation(id, channel, now);
        if (loaded instanceof ConversationStore.Loaded.Corrupt corrupt) {
            replies.add(Reply.of("Sorry, I lost track of our conversation, so let's start again. Nothing has been submitted from it."));
            c.stored(corrupt.version());
        }
        return c;
    }

    /** The stored conversation, if there is one that can be read; reads only. */
    Optional<Conversation> find(String id) {
        return store.load(id) instanceof ConversationStore.Loaded.Found f ? Optional.of(f.conversation()) : Optional.empty();
    }

    /** Whether a challenge is in progress and has not expired. */
    boolean draftLive(Conversation c) {
        return inChallenge(c) && Duration.between(c.updatedAt(), clock.instant()).compareTo(DRAFT_EXPIRY) <= 0;
    }

    private static boolean inChallenge(Conversation c) {
        return c.state() instanceof DialogueState.Collecting || c.state() instanceof DialogueState.ConfirmingCancel;
    }

    static Slot expecting(Conversation c) {
        return c.state() instanceof DialogueState.Collecting col ? col.slot() : null;
    }

    Optional<CaseInfo> caseInfo(String ref) {
        return store.caseInfo(ref);
    }

    Optional<ConversationStore.CaseFacts> caseFacts(String ref) {
        return store.caseFacts(ref);
    }

    boolean move(String from, String to) {
        return store.move(from, to);
    }

    List<ConversationStore.DraftFile> draftEvidence(String conversationId) {
        return store.draftEvidence(conversationId);
    }

    void keepDraftEvidence(String conversationId, String name, String type, byte[] content) {
        store.keepDraftEvidence(conversationId, name, type, content);
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), UK);
    }

    /** Control characters out, size capped: what is stored and shown is plain, bounded text. */
    static String clean(String raw) {
        String t = CONTROL.matcher(raw).replaceAll("");
        if (t.length() > MAX_MESSAGE_CHARS) t = t.substring(0, MAX_MESSAGE_CHARS);
        return t.strip();
    }
}
