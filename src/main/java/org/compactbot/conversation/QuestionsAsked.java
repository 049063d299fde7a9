package org.compactbot.conversation;

/**
 * Where each question a person asks is reported once, whichever channel it came by: answered, or declined (nothing in
 * the Compacts answers it). A port: the service's metrics implement it. The engine reports the questions of a turn once
 * the turn is saved (a turn run again after racing another instance, or a redelivered message, reports nothing twice);
 * a channel that answers a question without a conversation ({@code POST /api/ask}, a Slack mention or {@code /compact})
 * reports it itself.
 */
public interface QuestionsAsked {
    /** A question asked on {@code channel}; {@code answered} false when the bot declined it. */
    void asked(Channel channel, boolean answered);

    QuestionsAsked NONE = (channel, answered) -> {};
}
