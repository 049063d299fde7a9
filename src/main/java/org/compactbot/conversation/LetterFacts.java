package org.compactbot.conversation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an early-resolution letter says, gathered from a challenge being drafted or from the case it became: who sends
 * it (as the person gave their name and organisation: it is their own letter), the body it goes to, what happened in
 * the person's words, the key dates, the undertakings chosen (quoted as the knowledge index holds them), the Compact
 * checks' findings and the outcome asked for. Any part may be missing (null or empty): the letter leaves it out.
 *
 * @param confidential the person asked that the body not be told who raised the challenge: the letter is not signed
 *                     with their name or organisation, and they are told so
 */
public record LetterFacts(String senderName, String senderOrganisation, String body, String area, String whatHappened,
                          KeyDates dates, List<Quoted> undertakings, List<String> checks, String desiredOutcome,
                          boolean confidential) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An undertaking in the Compact's own words, and where it is ("West Cheshire Compact › Funding › 3"). */
    public record Quoted(String text, String citation) {}

    public LetterFacts {
        senderName = given(senderName);
        senderOrganisation = given(senderOrganisation);
        body = given(body);
        area = given(area);
        whatHappened = given(whatHappened);
        desiredOutcome = given(desiredOutcome);
        dates = dates == null ? KeyDates.NONE : dates;
        undertakings = List.copyOf(undertakings);
        checks = List.copyOf(checks);
    }

    /** Whether there is enough for a letter: the body, and at least one undertaking. */
    public boolean enough() {
        return body != null && !undertakings.isEmpty();
    }

    /** What is still needed for a letter, in words ("the body concerned", "which undertakings apply"); empty when enough. */
    List<String> missing() {
        List<String> out = new ArrayList<>();
        if (body == null) out.add("the public body concerned");
        if (undertakings.isEmpty()) out.add("which of the Compact's undertakings apply");
        return out;
    }

    /** The facts of a challenge being drafted in a conversation. */
    static LetterFacts of(Conversation c) {
        return from(c.answers(), c.notes(), c.suggestions());
    }

    /** The facts of a submitted case (its columns and the details the challenge was submitted with). */
    static LetterFacts of(ConversationStore.CaseFacts f) {
        Map<String, Object> details;
        try {
            details = f.detailsJson() == null ? Map.of() : JSON.readValue(f.detailsJson(), new TypeReference<Map<String, Object>>() {});
        } catch (java.io.IOException e) {
            details = Map.of();
        }
        Map<String, String> answers = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        List<Conversation.Suggestion> suggestions = new ArrayList<>();
        details.forEach((k, v) -> { if (v instanceof String s) answers.put(k, s); });
        if (details.get("details") instanceof Map<?, ?> m) m.forEach((k, v) -> { if (v != null) notes.put(k.toString(), v.toString()); });
        if (details.get("suggestions") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) suggestions.add(new Conversation.Suggestion(str(m.get("citation")), str(m.get("text")), str(m.get("code"))));
            }
        }
        // the case's own columns are what erasure and anonymisation change: they win over the submitted copy
        answers.put(Slot.AREA.id(), f.area());
        put(answers, Slot.RESPONDENT, f.respondent());
        put(answers, Slot.NAME, f.complainantName());
        put(answers, Slot.ORGANISATION, f.organisation());
        return from(answers, DraftNotes.fromMap(notes), suggestions);
    }

    private static LetterFacts from(Map<String, String> answers, DraftNotes notes, List<Conversation.Suggestion> suggestions) {
        List<Quoted> quoted = new ArrayList<>();
        for (int n : notes.chosen()) {
            if (n < 1 || n > suggestions.size()) continue;
            Conversation.Suggestion s = suggestions.get(n - 1);
            if (given(s.text()) != null) quoted.add(new Quoted(s.text().strip(), given(s.citation())));
        }
        List<String> checks = notes.checks().lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("Urgent")).toList(); // the letter states facts, not the legal clock
        return new LetterFacts(answers.get(Slot.NAME.id()), answers.get(Slot.ORGANISATION.id()), answers.get(Slot.RESPONDENT.id()),
                answers.get(Slot.AREA.id()), answers.get(Slot.WHAT_HAPPENED.id()), notes.dates(), quoted, checks,
                answers.get(Slot.DESIRED_OUTCOME.id()), ConsentAnswer.CONFIDENTIAL.equals(answers.get(Slot.CONSENT.id())));
    }

    private static void put(Map<String, String> answers, Slot slot, String value) {
        if (value == null || value.isBlank()) answers.remove(slot.id());
        else answers.put(slot.id(), value);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    /** A value the person gave: not blank, not a placeholder such as "(skipped)" or "(left for a caseworker)". */
    private static String given(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() || t.startsWith("(") && t.endsWith(")") ? null : t;
    }
}
