package org.compactbot.conversation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the bot worked out while a challenge was drafted, beside the person's own answers: the key dates and the
 * sentences they came from, the Compact checks made on them, the undertakings chosen, and where the intake stands
 * (the questions sent as one email, a reading waiting to be confirmed). Stored, and carried into the case, as the
 * flat map {@link #toMap()} gives; {@link #fromMap(Map)} reads it back, also from conversations saved before this
 * record existed.
 *
 * @param dates            the key dates, as far as known (never null)
 * @param dateSources      for each date ("told", "effective", "consultation_opened", "consultation_closed"): the
 *                         sentence it was read from
 * @param datesUnsure      the dates were read from free text that did not say which date is which: they are confirmed
 *                         before any check is made on them
 * @param checks           the Compact checks' findings on the dates, one per line ("" when none)
 * @param chosen           the numbers of the offered undertakings the person chose
 * @param codes            the codes of practice of the chosen undertakings
 * @param areaFromStory    the area was read from the person's story, not chosen
 * @param respondentSaid   how the person named the body, when it was matched to a configured body of another name
 * @param emailQuestions   the questions sent in the last numbered email, in their order (empty: none outstanding)
 * @param searchedFor      the person's own words for the undertaking they meant, last searched for
 * @param unsure           an answer read with too little confidence to keep without asking, or null
 */
public record DraftNotes(KeyDates dates, Map<String, String> dateSources, boolean datesUnsure, String checks,
                         List<Integer> chosen, List<String> codes, boolean areaFromStory, String respondentSaid,
                         List<Slot> emailQuestions, String searchedFor, Unsure unsure) {
    public static final DraftNotes NONE = new DraftNotes(KeyDates.NONE, Map.of(), false, "",
            List.of(), List.of(), false, null, List.of(), null, null);

    public DraftNotes {
        dates = dates == null ? KeyDates.NONE : dates;
        dateSources = Map.copyOf(dateSources);
        checks = checks == null ? "" : checks;
        chosen = List.copyOf(chosen);
        codes = List.copyOf(codes);
        emailQuestions = List.copyOf(emailQuestions);
    }

    /**
     * An answer kept aside until the person confirms it ("Just to check: ...?").
     *
     * @param slot  the question it answers
     * @param value what would be kept
     * @param said  what the person wrote (the same words again confirm it)
     */
    public record Unsure(Slot slot, String value, String said) {}

    DraftNotes withDates(KeyDates d, Map<String, String> sources, boolean unsure) {
        return new DraftNotes(d, sources, unsure, checks, chosen, codes, areaFromStory, respondentSaid, emailQuestions, searchedFor, this.unsure);
    }

    DraftNotes withoutDates() {
        return withDates(KeyDates.NONE, Map.of(), false);
    }

    DraftNotes withDatesConfirmed() {
        return new DraftNotes(dates, dateSources, false, checks, chosen, codes, areaFromStory, respondentSaid, emailQuestions, searchedFor, unsure);
    }

    DraftNotes withChecks(String c) {
        return new DraftNotes(dates, dateSources, datesUnsure, c, chosen, codes, areaFromStory, respondentSaid, emailQuestions, searchedFor, unsure);
    }

    DraftNotes withChoice(List<Integer> numbers, List<String> codesOf) {
        return new DraftNotes(dates, dateSources, datesUnsure, checks, numbers, codesOf, areaFromStory, respondentSaid, emailQuestions, searchedFor, unsure);
    }

    DraftNotes withAreaFromStory() {
        return new DraftNotes(dates, dateSources, datesUnsure, checks, chosen, codes, true, respondentSaid, emailQuestions, searchedFor, unsure);
    }

    DraftNotes withRespondentSaid(String said) {
        return new DraftNotes(dates, dateSources, datesUnsure, checks, chosen, codes, areaFromStory, said, emailQuestions, searchedFor, unsure);
    }

    DraftNotes withEmailQuestions(List<Slot> asked) {
        return new DraftNotes(dates, dateSources, datesUnsure, checks, chosen, codes, areaFromStory, respondentSaid, asked, searchedFor, unsure);
    }

    DraftNotes withSearchedFor(String words) {
        return new DraftNotes(dates, dateSources, datesUnsure, checks, chosen, codes, areaFromStory, respondentSaid, emailQuestions, words, unsure);
    }

    DraftNotes withUnsure(Unsure u) {
        return new DraftNotes(dates, dateSources, datesUnsure, checks, chosen, codes, areaFromStory, respondentSaid, emailQuestions, searchedFor, u);
    }

    /** The flat form: the keys cases, emails and reports read ("told", "checks", "codes", ...). */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        dates.byRole().forEach((role, d) -> m.put(role, d.toString()));
        dateSources.forEach((role, sentence) -> m.put(role + "_source", sentence));
        if (datesUnsure) m.put("dates_guessed", "true");
        if (!checks.isEmpty()) m.put("checks", checks);
        if (!chosen.isEmpty()) m.put("undertaking_numbers", chosen.toString());
        if (!codes.isEmpty()) m.put("codes", String.join(",", codes));
        if (areaFromStory) m.put("prefilled_area", "true");
        if (respondentSaid != null) m.put("respondent_said", respondentSaid);
        if (!emailQuestions.isEmpty()) m.put("batch", String.join(",", emailQuestions.stream().map(Slot::id).toList()));
        if (searchedFor != null) m.put("suggested_for", searchedFor);
        if (unsure != null) {
            m.put("unsure_slot", unsure.slot().id());
            m.put("unsure_value", unsure.value());
            m.put("unsure_said", unsure.said());
        }
        return m;
    }

    /** Reads the flat form back; keys it does not know are ignored, a date that does not parse is dropped. */
    public static DraftNotes fromMap(Map<String, String> m) {
        if (m == null || m.isEmpty()) return NONE;
        KeyDates d = new KeyDates(date(m, "told"), date(m, "effective"), date(m, "consultation_opened"), date(m, "consultation_closed"));
        Map<String, String> sources = new LinkedHashMap<>();
        for (String role : KeyDates.ROLES) {
            if (m.get(role + "_source") != null) sources.put(role, m.get(role + "_source"));
        }
        List<Integer> numbers = new ArrayList<>();
        String n = m.get("undertaking_numbers");
        if (n != null) {
            for (String part : n.replaceAll("[\\[\\]\\s]", "").split(",")) if (part.matches("\\d{1,3}")) numbers.add(Integer.parseInt(part));
        }
        String codes = m.get("codes");
        List<Slot> batch = new ArrayList<>();
        String b = m.get("batch");
        if (b != null) for (String id : b.split(",")) Slot.byId(id).ifPresent(batch::add);
        Unsure unsure = null;
        if (m.get("unsure_slot") != null && m.get("unsure_value") != null) {
            unsure = Slot.byId(m.get("unsure_slot")).map(s -> new Unsure(s, m.get("unsure_value"), m.getOrDefault("unsure_said", ""))).orElse(null);
        }
        return new DraftNotes(d, sources, "true".equals(m.get("dates_guessed")), m.getOrDefault("checks", ""), numbers,
                codes == null || codes.isBlank() ? List.of() : Arrays.asList(codes.split(",")), "true".equals(m.get("prefilled_area")),
                m.get("respondent_said"), batch, m.get("suggested_for"), unsure);
    }

    private static LocalDate date(Map<String, String> m, String key) {
        try {
            return m.get(key) == null ? null : LocalDate.parse(m.get(key));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
