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

    /** Whether this is the summary's question: its choices are yes to submit and change to correct ({@link ChallengeFlow#SUBMIT_OR_CHANGE}). */
    public boolean asksToSubmit() {
        return choices.stream().anyMatch(c -> c.value().equals("yes")) && choices.stream().anyMatch(c -> c.value().equals("change"));
    }

    public static Reply of(String text) {
        return new Reply(text, List.of(), List.of());
    }

    public static Reply of(String text, List<Choice> choices) {
        return new Reply(text, choices, List.of());
    }
}
