package org.compactbot.conversation;

import java.util.List;
import org.compactbot.knowledge.AnswerService;
import org.compactbot.knowledge.ScoredPassage;

/**
 * The undertakings offered at "which apply?": the passages closest to the story (in the area given), and, when the
 * person names the one they mean in their own words, those closest to their words, once per wording.
 */
final class UndertakingSuggestions {
    private final AnswerService answers;

    UndertakingSuggestions(AnswerService answers) {
        this.answers = answers;
    }

    /** Finds the undertakings closest to the story told so far, to offer at the undertakings question. */
    void offer(Conversation c) {
        String story = c.answer(Slot.WHAT_HAPPENED);
        if (story == null || story.startsWith("(")) return;
        suggest(c, story);
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

    /**
     * Offers again, from the person's own words for the undertaking they mean, once per wording; false when those words
     * name nothing new to search for (then the reply is simply unclear).
     */
    boolean offerAgain(Conversation c, String words) {
        String topic = Agreement.normalise(words);
        if (topic.split(" ").length > 30 || !topic.matches(".*\\p{L}{4,}.*") || topic.equals(c.notes.searchedFor())) return false;
        List<Conversation.Suggestion> before = List.copyOf(c.suggestions);
        c.notes = c.notes.withSearchedFor(topic);
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
}
