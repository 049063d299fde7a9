package org.compactbot.conversation;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a reply says while a challenge is being raised, before it is read as the answer to the question asked: a
 * command (help, cancel, status, back, skip, leave it for a caseworker), a change or correction of an earlier answer,
 * yes or no to the summary, a question to the bot, or an answer. Pure: table-tested in UnderstandingTest.
 */
final class Understanding {
    private Understanding() {}

    /** The dialogue act of one reply. */
    sealed interface Said {
        /** A word for the intake itself. */
        record Command(Word word) implements Said {}

        /** Change an earlier answer: {@code target} null when the person did not say which; {@code value} null when they did not say what to. */
        record Change(Slot target, String value) implements Said {}

        /** At the summary: send it. {@code sure} false for a hedged yes ("I think so"), which is checked once. */
        record Submit(boolean sure) implements Said {}

        /** A question to the bot (answered, then the same question asked again). */
        record Question() implements Said {}

        /** An answer to the question asked, to be read by the slot's reader. */
        record Answer() implements Said {}

        /** At the summary, neither yes nor a change. */
        record Unclear() implements Said {}
    }

    enum Word { HELP, CANCEL, STATUS, BACK, SKIP, LEAVE }

    private static final Pattern CHANGE = Pattern.compile("^(?:change|edit|correct|update|fix)\\s+(.+?)(?:\\s+to\\s+(.+))?$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /**
     * @param slot            the question the reply answers
     * @param text            the reply, cleaned
     * @param readsAsAnswer   whether the slot's reader takes the text as an answer (an email address or a date ending in
     *                        "?" is still an answer)
     */
    static Said at(Slot slot, String text, Predicate<String> readsAsAnswer) {
        String command = command(text);
        Optional<Word> word = word(command);
        if (word.isPresent()) return new Said.Command(word.get());
        if (slot != Slot.WHAT_HAPPENED) {
            Optional<Correction> fix = Correction.in(text);
            if (fix.isPresent() && fix.get().slot() != slot) return new Said.Change(fix.get().slot(), fix.get().value());
            Matcher change = CHANGE.matcher(text.strip());
            if (change.matches()) {
                Optional<Slot> target = Slot.byName(change.group(1));
                if (target.isPresent()) return new Said.Change(target.get(), change.group(2));
                if (command.equals("change something")) return new Said.Change(null, null);
            }
        }
        if (command.equals("change") || command.equals("change something")) return new Said.Change(null, null);
        if (slot == Slot.CONFIRM) {
            if (command.matches("(no|n|nope|not quite|wrong)") || Agreement.of(text) == Agreement.DECLINE) return new Said.Change(null, null);
            if (Agreement.confirms(text)) return new Said.Submit(!Hedge.in(Agreement.normalise(text)));
            if (Agreement.normalise(text).matches("(i think|i guess|i suppose|i reckon|i believe) so|probably|should be|i think it is")) {
                return new Said.Submit(false);
            }
            if (IntentClassifier.isQuestionAt(slot, text)) return new Said.Question();
            return new Said.Unclear();
        }
        if (IntentClassifier.isQuestionAt(slot, text) && !readsAsAnswer.test(text)) return new Said.Question();
        return new Said.Answer();
    }

    /** The reply as a command would be typed: lower case, no closing full stop or exclamation mark. */
    static String command(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "").strip();
    }

    private static Optional<Word> word(String command) {
        return Optional.ofNullable(switch (command) {
            case "help", "?", "what do i do", "help me" -> Word.HELP;
            case "cancel", "stop", "quit", "abandon", "cancel challenge", "start over", "restart" -> Word.CANCEL;
            case "status", "progress", "where are we", "where was i" -> Word.STATUS;
            case "back", "go back", "previous" -> Word.BACK;
            case "skip", "pass", "skip it", "skip this", "next" -> Word.SKIP;
            case "leave", "leave it", "leave it for a person", "leave for a caseworker", "caseworker" -> Word.LEAVE;
            default -> null;
        });
    }

    /** "yes" to "Do you want to cancel this challenge?". */
    static boolean confirmsCancel(String text) {
        return command(text).matches("(yes|y|yes please|cancel it|yes cancel|ok|okay)") || Agreement.of(text) == Agreement.AGREE;
    }
}
