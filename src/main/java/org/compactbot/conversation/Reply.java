package org.compactbot.conversation;

import java.util.List;
import org.compactbot.knowledge.AnswerFormatter;

/**
 * One message from the bot, in the reply model every channel renders in its own way: text,
 * choices the person can pick, the Compact passages quoted (for channels that lay them out) and, when the reply gives
 * the early-resolution letter, the letter itself (null otherwise; its text is in {@code text} too, so a channel that
 * shows only text loses nothing; one that can attach files adds it as a Word document, {@link LetterDocument}).
 */
public record Reply(String text, List<Choice> choices, List<AnswerFormatter.Quote> quotes, Letter letter) {
    public record Choice(String label, String value) {}

    public Reply {
        choices = List.copyOf(choices);
        quotes = List.copyOf(quotes);
    }

    public Reply(String text, List<Choice> choices, List<AnswerFormatter.Quote> quotes) {
        this(text, choices, quotes, null);
    }

    /** The same reply with other text (a case's reference put in), its letter kept. */
    public Reply withText(String other) {
        return new Reply(other, choices, quotes, letter);
    }

    /** The letter this reply gives, if it gives one. */
    public java.util.Optional<Letter> givesLetter() {
        return java.util.Optional.ofNullable(letter);
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
