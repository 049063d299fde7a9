package org.compactbot.conversation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One turn's working set: the conversation, the person's words, what their channel already knows of them, today's
 * date, the replies so far, whether each question it asked was answered and, when the person has just confirmed, the
 * challenge to submit.
 */
final class Turn {
    final Conversation c;
    final String text;
    /** What the channel knows about the person (e.g. name and email from an email's From header). */
    final Map<Slot, String> known;
    final LocalDate today;
    final List<Reply> replies = new ArrayList<>();
    /** For each question answered in this turn, whether the bot could answer it (false: declined). */
    final List<Boolean> questions = new ArrayList<>();
    ConversationStore.NewCase submitted;
    /** The bot could not understand this message (an answer it could not read, a question it could not answer). */
    boolean misunderstood;

    Turn(Conversation c, String text, Map<Slot, String> known, LocalDate today) {
        this.c = c;
        this.text = text;
        this.known = known;
        this.today = today;
    }

    void say(Reply r) {
        replies.add(r);
    }

    void say(String text) {
        replies.add(Reply.of(text));
    }

    /** A question the person asked was answered ({@code answered} false: declined); reported once the turn is saved. */
    void asked(boolean answered) {
        questions.add(answered);
    }
}
