package org.compactbot.conversation;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.compactbot.knowledge.AnswerService;

/**
 * The dialogue engine every channel shares. Each turn: load the conversation, read the message (command, question,
 * answer to the current question, start of a challenge, small talk), act, save everything in one transaction, reply.
 * One turn per conversation at a time.
 *
 * <p>The parts: {@link TurnRunner} (locking, loading, saving), {@link Talk} (no challenge in progress),
 * {@link Intake} (raising a challenge), {@link EmailIntake} (the same by email), {@link ChallengeForm} (the same as
 * one form), {@link ChallengeByPages} (the same one question per page), {@link PersonRequest} (asking for a person,
 * at any point), {@link Understanding} and the readers it uses (pure: what a reply says).
 */
public final class ConversationEngine {
    public static final int MAX_MESSAGE_CHARS = TurnRunner.MAX_MESSAGE_CHARS;

    private final TurnRunner runner;
    private final Intake intake;
    private final Talk talk;
    private final ChallengeForm form;
    private final ChallengeByPages pages;
    private final PersonRequest person;
    private final LetterRequest letters;

    public ConversationEngine(ConversationStore store, AnswerService answers, IntentClassifier intents, Clock clock) {
        this(store, answers, intents, clock, BodyNames.NONE);
    }

    /** @param bodies the configured public bodies, so that "CWaC" or "the council" is kept as the body's name */
    public ConversationEngine(ConversationStore store, AnswerService answers, IntentClassifier intents, Clock clock, BodyNames bodies) {
        this(store, answers, intents, clock, bodies, QuestionsAsked.NONE);
    }

    /** @param asked where each question a person asks in a conversation is reported, once its turn is saved */
    public ConversationEngine(ConversationStore store, AnswerService answers, IntentClassifier intents, Clock clock, BodyNames bodies,
                              QuestionsAsked asked) {
        this(store, answers, intents, clock, bodies, asked, PersonHandover.NONE);
    }

    /** @param handover who is asked to contact a person who asks for one ("can I talk to a person?") */
    public ConversationEngine(ConversationStore store, AnswerService answers, IntentClassifier intents, Clock clock, BodyNames bodies,
                              QuestionsAsked asked, PersonHandover handover) {
        this(store, answers, intents, clock, bodies, asked, handover, PastOutcomes.NONE);
    }

    /** @param past the published outcomes of earlier challenges, for "has this happened before?" */
    public ConversationEngine(ConversationStore store, AnswerService answers, IntentClassifier intents, Clock clock, BodyNames bodies,
                              QuestionsAsked asked, PersonHandover handover, PastOutcomes past) {
        this.runner = new TurnRunner(store, clock, asked);
        Questions questions = new Questions(answers, past);
        this.intake = new Intake(new ChallengeFlow(answers.knownAreas()), new CompactChecks(new KnowledgeCitations(answers)), answers,
                questions, bodies);
        intake.byEmail(new EmailIntake(intake));
        this.talk = new Talk(intents, questions, intake, runner);
        this.form = new ChallengeForm(intake, runner);
        this.pages = new ChallengeByPages(intake, runner);
        this.person = new PersonRequest(handover, intake, answers);
        this.letters = new LetterRequest(intake, runner);
    }

    /** Handles one message; always returns a reply, never throws for anything the person sends. */
    public TurnResult handle(ConversationId conversation, String rawText) {
        return handle(conversation, rawText, null);
    }

    /**
     * As {@link #handle(ConversationId, String)}, for a channel that may deliver the same message twice (email after a
     * crash): a message whose key was the last one acted on is not acted on again; its replies are returned as they were.
     */
    public TurnResult handle(ConversationId conversation, String rawText, String messageKey) {
        return handle(conversation, rawText, messageKey, Map.of());
    }

    /**
     * @param known what the channel already knows about the person (e.g. name and email from an email's From header);
     *              used for those slots when a challenge starts, never asked again
     */
    public TurnResult handle(ConversationId conversation, String rawText, String messageKey, Map<Slot, String> known) {
        return runner.run(conversation.value(), conversation.channel().id(), rawText, messageKey, known, this::act, this::repeat);
    }

    private void act(Turn t) {
        if (person.act(t) == PersonRequest.Next.READ_AS_USUAL && !letters.act(t)) {
            if (t.c.state() instanceof DialogueState.Idle) talk.act(t);
            else intake.act(t);
        }
        if (t.questions.contains(false)) t.misunderstood = true; // a question it could not answer
        person.afterTurn(t);
    }

    /** After a blank message: the question the conversation is at, or what the bot can do. */
    private void repeat(Turn t) {
        if (t.c.state() instanceof DialogueState.Collecting col) t.say(intake.prompt(t.c, col.slot()));
        else t.say(Reply.of("You can ask me a question about the Compact, or start a challenge.", Talk.startChoices()));
    }

    /** A challenge sent as one completed form (Slack's modal); see {@link ChallengeForm}. */
    public FormOutcome submitForm(ConversationId conversation, Map<Slot, String> form) {
        return this.form.submit(conversation.value(), conversation.channel().id(), form);
    }

    /** Begins a challenge raised one question per page (the web), replacing any draft in progress. */
    public void startPages(ConversationId conversation) {
        pages.start(conversation.value(), conversation.channel().id());
    }

    /** One question page's answer; see {@link ChallengeByPages}. */
    public PageAnswer answerPage(ConversationId conversation, Slot slot, String answer) {
        return pages.answer(conversation.value(), slot, answer);
    }

    /** The challenge being raised page by page, as its pages show it, if one is in progress; reads only. */
    public Optional<PageDraft> pageDraft(ConversationId conversation) {
        return pages.draft(conversation.value());
    }

    /**
     * Takes up a draft saved for later (by its conversation's stored id) as this conversation: the first question still
     * open (CONFIRM when all are answered), or empty when there is no live draft to take up.
     */
    public Optional<Slot> takeUpPages(String saved, ConversationId conversation) {
        return pages.takeUp(saved, conversation.value());
    }

    /** Sends the challenge raised page by page, once every question is answered. */
    public PageSubmission submitPages(ConversationId conversation) {
        return pages.submit(conversation.value());
    }

    /** The options of the questions that are choices (area, role, confidentiality), for a channel that shows them all at once. */
    public Map<Slot, List<Reply.Choice>> formChoices() {
        Conversation blank = new Conversation("-", "-", runner.now());
        Map<Slot, List<Reply.Choice>> out = new LinkedHashMap<>();
        for (Slot s : List.of(Slot.AREA, Slot.ROLE, Slot.CONSENT)) out.put(s, intake.flow().prompt(s, blank).choices());
        return out;
    }

    /**
     * Where the conversation stands, without a turn: nothing is recorded in the transcript and a draft's expiry is not
     * put off. For a challenge in progress the replies say how far it has got and repeat its question.
     */
    public TurnResult state(ConversationId conversation) {
        Optional<Conversation> found = runner.find(conversation.value());
        if (found.isEmpty()) return new TurnResult(List.of(), "idle", null, null);
        Conversation c = found.get();
        CaseInfo info = c.lastCaseRef() == null ? null : runner.caseInfo(c.lastCaseRef()).orElse(null);
        if (!runner.draftLive(c)) return new TurnResult(List.of(), "idle", null, info);
        return new TurnResult(intake.whereItStands(c), c.state().name(), TurnRunner.expecting(c), info);
    }

    /**
     * The early-resolution letter for the case this conversation raised (the web's confirmation page links to it), if it
     * raised one that names the body and an undertaking; composed from the case as it stands now; reads only.
     */
    public Optional<Letter> letter(ConversationId conversation) {
        return runner.find(conversation.value()).flatMap(c -> letters.forCase(c, runner.today()));
    }

    /**
     * A turn that gives the early-resolution letter for case {@code caseRef}, for a channel that has proven the person
     * raised it (an email on the case's own thread from the complainant's address): "draft a letter" there reaches the
     * conversation, not the mediator.
     */
    public TurnResult letterForCase(ConversationId conversation, String caseRef, String rawText, String messageKey) {
        return runner.run(conversation.value(), conversation.channel().id(), rawText, messageKey, Map.of(),
                t -> letters.fromCase(t, caseRef), t -> letters.fromCase(t, caseRef));
    }

    /** Whether a message asks for the early-resolution letter ("draft a letter", "can you write a letter to the council?"). */
    public static boolean asksForALetter(String text) {
        return AsksForALetter.in(text);
    }

    /** The challenge this conversation is raising, if one is in progress and not expired; reads only. */
    public Optional<Draft> draft(ConversationId conversation) {
        return runner.find(conversation.value()).flatMap(this::draftOf);
    }

    /**
     * Whether a challenge is in progress that this message (by the key its channel gave it) did not itself advance: a
     * redelivery of the message that made the last turn is not "before". Reads the conversation once.
     */
    public boolean challengeInProgressBefore(ConversationId conversation, String messageKey) {
        Optional<Conversation> c = runner.find(conversation.value());
        return c.isPresent() && draftOf(c.get()).isPresent() && (messageKey == null || !messageKey.equals(c.get().lastTurnKey));
    }

    private Optional<Draft> draftOf(Conversation c) {
        if (!runner.draftLive(c)) return Optional.empty();
        Slot at = c.state() instanceof DialogueState.Collecting col ? col.slot() : ((DialogueState.ConfirmingCancel) c.state()).resume();
        Map<Slot, String> answered = new LinkedHashMap<>();
        c.answers().forEach((k, v) -> Slot.byId(k).ifPresent(s -> { if (v != null && !v.startsWith("(")) answered.put(s, v); }));
        return Optional.of(new Draft(at, answered, c.updatedAt()));
    }

    /** Keeps files a person sent with a message (email attachments) for the challenge they are raising. */
    public void keepFiles(ConversationId conversation, List<SentFile> files) {
        for (SentFile f : files) runner.keepDraftEvidence(conversation.value(), f.name(), f.type(), f.content());
    }

    /** The files kept so far for the challenge this conversation is raising (the web's evidence page lists them). */
    public List<ConversationStore.DraftFile> draftFiles(ConversationId conversation) {
        return runner.draftEvidence(conversation.value());
    }

    /** A file sent with a message. */
    public record SentFile(String name, String type, byte[] content) {}
}
