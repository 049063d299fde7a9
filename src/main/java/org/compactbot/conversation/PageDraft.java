package org.compactbot.conversation;

import java.util.List;
import java.util.Map;

/**
 * A challenge being raised page by page, as its pages show it.
 *
 * @param at          the first question still open (CONFIRM when every one is answered)
 * @param answers     the answers as stored, by slot: area and choice ids, free text as given, "(skipped)" for a skip
 * @param shown       the answers given (not skipped), as the person is shown them: the area's name, a choice's words
 * @param offers      the undertakings suggested from the story, in order, and whether each is chosen
 * @param checks      the Compact checks' findings on the dates, one per line ("" when none)
 * @param respondent  the body concerned as the person named it, or null when not yet given
 */
public record PageDraft(Slot at, Map<Slot, String> answers, Map<Slot, String> shown, List<Offer> offers, String checks,
                        String respondent) {
    public PageDraft {
        answers = Map.copyOf(answers);
        shown = Map.copyOf(shown);
        offers = List.copyOf(offers);
    }

    /** An undertaking offered: its number in the offer, its wording, where it is, and whether the person chose it. */
    public record Offer(int number, String text, String citation, boolean chosen) {}

    /** Whether the question has been answered or skipped. */
    public boolean has(Slot s) {
        return answers.containsKey(s);
    }
}
