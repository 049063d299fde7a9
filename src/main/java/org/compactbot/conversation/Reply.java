package org.compactbot.conversation;

import java.util.List;
import org.compactbot.knowledge.AnswerFormatter;

/**
 * One message from the bot, in the reply model every channel renders in its own way: text,
 * choices the person can pick, and the Compact passages quoted (for channels that lay them out).
 */
public record Reply(String text, List<Choice> choices, List<AnswerFormatter.Quote> quotes) {
    public record Choice(String label, String value) {}

    public Reply {
        choices = List.copyOf(choices);
        quotes = List.copyOf(quotes);
    }

    public static Reply of(String text) {
        return new Reply(text, List.of(), List.of());
    }

    public static Reply of(String text, List<Choice> choices) {
        return new Reply(text, choices, List.of());
    }
}
