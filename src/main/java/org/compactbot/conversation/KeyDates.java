package org.compactbot.conversation;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The dates a challenge turns on, read from what the person wrote: when they were told, when the
 * change takes effect, and when a consultation opened and closed. Each date is labelled by the
 * words just before it; two unlabelled dates are read as "told" then "takes effect".
 */
public record KeyDates(LocalDate told, LocalDate effective, LocalDate consultationOpened, LocalDate consultationClosed) {
    /** No dates known. */
    public static final KeyDates NONE = new KeyDates(null, null, null, null);
    /** The names cases keep the dates under, in order. */
    static final List<String> ROLES = List.of("told", "effective", "consultation_opened", "consultation_closed");
    private static final Pattern TOLD = Pattern.compile("(told|notified|informed|letter|e-?mail|heard|received|notice|given|announced|decision|decided|wrote|said|warned)\\W*(\\w+\\W+){0,3}$");
    private static final Pattern EFFECTIVE = Pattern.compile("(effect|effective|ends?|ending|stops?|stopping|cut|closes?|closing|finish\\w*|from|until|withdrawn|terminat\\w*|expires?|starts?|takes?)\\W*(\\w+\\W+){0,3}$");
    private static final Pattern CONSULT_OPEN = Pattern.compile("(open\\w*|start\\w*|launch\\w*|began|begin\\w*|ran from|from)\\W*(\\w+\\W+){0,3}$");
    private static final Pattern CONSULT_CLOSE = Pattern.compile("(clos\\w*|deadline|end\\w*|until|to|till)\\W*(\\w+\\W+){0,3}$");

    public boolean isEmpty() {
        return told == null && effective == null && consultationOpened == null && consultationClosed == null;
    }

    private static final Pattern NEGATED = Pattern.compile("\\b(no|without|never|any|didn't|did not|didnt|failed to|not|nor|wasn't|was not|weren't)\\s+(\\w+\\s+)?$");
    private static final Pattern OUR_STEP = Pattern.compile("\\b(we|i)\\s+(\\w+\\s+){0,2}(emailed|e-mailed|wrote|phoned|rang|called|contacted|met|spoke|"
            + "replied|complained|asked|chased|sent|visited|raised)\\b(\\W+\\w+){0,5}\\W*$");
    /** Two dates given as a span: "1st September to 29th September 2026", "from 6 July until 27 July", "6/7/26 - 27/7/26". */
    private static final Pattern RANGE = Pattern.compile("\\d(st|nd|rd|th)?\\b[^.;]{0,25}\\s(to|until|till|-|–|and)\\s[^.;]{0,25}\\d");
    private static final Pattern NOTICE_WORDS = Pattern.compile("\\b(told|notified|informed|letter|e-?mail(ed)?|notice|ends?|stops?|cut|effective|"
            + "withdrawn|terminat\\w*|decision|decided|warned)\\b");
    private static final Pattern OPEN_AND_CLOSE = Pattern.compile("\\b(open\\w*|launch\\w*|start\\w*|began)\\b.*\\b(clos\\w*|deadline)\\b", Pattern.DOTALL);

    public static KeyDates read(String text, LocalDate today) {
        return read(text, today, false);
    }

    /**
     * @param aboutConsultation the challenge is about a consultation, so "opened ... closed ..."
     *                          are its dates even when the word itself is not repeated
     */
    public static KeyDates read(String text, LocalDate today, boolean aboutConsultation) {
        return reading(text, today, aboutConsultation).dates();
    }

    /**
     * The dates read; whether reading them had to guess which is which (some date had no word saying what it was);
     * and for each date kept ("told", "effective", "consultation_opened", "consultation_closed") the sentence it came from.
     */
    record Reading(KeyDates dates, boolean guessed, java.util.Map<String, String> sources) {}

    static Reading reading(String text, LocalDate today, boolean aboutConsultation) {
        List<UkDates.Found> found = UkDates.findAll(text, today);
        String lower = text.toLowerCase(Locale.ROOT);
        // "no consultation", "without consulting us": the challenge is not about a consultation's dates
        // a challenge about a consultation: its dates, unless the words say they are notice ("letter came ..., ends ...")
        boolean consultation = mentionsConsultation(lower) || (aboutConsultation
                && (OPEN_AND_CLOSE.matcher(lower).find() || RANGE.matcher(lower).find() && !NOTICE_WORDS.matcher(lower).find()));
        LocalDate told = null, effective = null, opened = null, closed = null;
        // first the dates whose words say what they are, then the rest in order for what is still unknown: in "survey
        // 6th-27th July, letter came 10th August, centre closes 30th September" the letter and the closure are the dates
        List<UkDates.Found> unlabelled = new java.util.ArrayList<>();
        for (UkDates.Found f : found) {
            String before = lower.substring(Math.max(0, f.start() - 40), f.start());
            // "we emailed the officer on 5 November": the person's own step, not a date the body set
            if (OUR_STEP.matcher(before).find()) continue;
            if (consultation && CONSULT_OPEN.matcher(before).find() && opened == null) opened = f.date();
            else if (consultation && CONSULT_CLOSE.matcher(before).find() && closed == null) closed = f.date();
            else if (TOLD.matcher(before).find() && told == null) told = f.date();
            else if (EFFECTIVE.matcher(before).find() && effective == null) effective = f.date();
            else if (TOLD_AFTER.matcher(after(lower, f)).find() && told == null) told = f.date(); // "05/10/2026 told"
            else if (EFFECTIVE_AFTER.matcher(after(lower, f)).find() && effective == null) effective = f.date();
            else unlabelled.add(f);
        }
        boolean guessed = false;
        for (UkDates.Found f : unlabelled) {
            guessed = true;
            if (consultation && opened == null) opened = f.date();
            else if (consultation && closed == null) closed = f.date();
            else if (!consultation && told == null && (effective == null || !f.date().isAfter(effective))) told = f.date();
            else if (!consultation && effective == null && (told == null || !f.date().isBefore(told))) effective = f.date();
            else guessed = false;
        }
        KeyDates dates = new KeyDates(told, effective, opened, closed);
        java.util.Map<String, String> sources = new java.util.LinkedHashMap<>();
        for (UkDates.Found f : found) {
            for (var role : dates.byRole().entrySet()) {
                if (f.date().equals(role.getValue()) && !sources.containsKey(role.getKey())) sources.put(role.getKey(), sentenceAround(text, f.start()));
            }
        }
        return new Reading(dates, guessed, sources);
    }

    /** The dates by the names cases keep them under ("told", "effective", "consultation_opened", "consultation_closed"); only those known. */
    java.util.Map<String, LocalDate> byRole() {
        java.util.Map<String, LocalDate> m = new java.util.LinkedHashMap<>();
        if (told != null) m.put("told", told);
        if (effective != null) m.put("effective", effective);
        if (consultationOpened != null) m.put("consultation_opened", consultationOpened);
        if (consultationClosed != null) m.put("consultation_closed", consultationClosed);
        return m;
    }

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?;]\\s|\\n");

    /** The sentence of {@code text} around {@code at}, at most 300 characters. */
    static String sentenceAround(String text, int at) {
        int start = 0;
        var m = SENTENCE_END.matcher(text);
        int end = text.length();
        while (m.find()) {
            if (m.end() <= at) start = m.end();
            else {
                end = m.start() + (text.charAt(m.start()) == '\n' ? 0 : 1);
                break;
            }
        }
        String s = text.substring(start, end).replaceAll("\\s+", " ").strip();
        return s.length() <= 300 ? s : s.substring(0, 299) + "…";
    }

    /** A label written after its date and closing its part of the sentence: "05/10/2026 told, 30/11/2026 end". */
    private static final Pattern TOLD_AFTER = Pattern.compile("^\\W{0,3}(told|notified|informed|letter|e-?mail|notice|call|phone call|decision|announced)\\s*([,;.)]|$)");
    private static final Pattern EFFECTIVE_AFTER = Pattern.compile("^\\W{0,3}(end|ends|ending|stop|stops|close|closes|closure|cut|effective|finish\\w*|deadline)\\s*([,;.)]|$)");

    private static String after(String lower, UkDates.Found f) {
        return lower.substring(Math.min(f.end(), lower.length()), Math.min(lower.length(), f.end() + 20));
    }

    /** Whether the text speaks of a consultation that happened: "consult" not only in "no consultation", "without consulting". */
    static boolean mentionsConsultation(String lower) {
        for (int i = lower.indexOf("consult"); i >= 0; i = lower.indexOf("consult", i + 1)) {
            if (!NEGATED.matcher(lower.substring(Math.max(0, i - 25), i)).find()) return true;
        }
        return false;
    }

    /** What is wrong with these dates, in words for the person, or null when they make sense. */
    public String problem(LocalDate today) {
        if (told != null && told.isAfter(today)) return "The date you were told (" + Wording.date(told) + ") is in the future. Please check it.";
        if (told != null && effective != null && effective.isBefore(told)) {
            return "The change (" + Wording.date(effective) + ") is before the date you were told (" + Wording.date(told) + "). Please check the dates.";
        }
        if (consultationOpened != null && consultationClosed != null && consultationClosed.isBefore(consultationOpened)) {
            return "The consultation closes before it opens. Please check the dates.";
        }
        if (consultationOpened != null && consultationOpened.isAfter(today.plusYears(1))) return "That consultation date is more than a year away. Please check it.";
        return null;
    }

    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (told != null) sb.append("told ").append(Wording.date(told));
        if (effective != null) sb.append(sb.length() > 0 ? ", " : "").append("takes effect ").append(Wording.date(effective));
        if (consultationOpened != null) sb.append(sb.length() > 0 ? ", " : "").append("consultation opened ").append(Wording.date(consultationOpened));
        if (consultationClosed != null) sb.append(sb.length() > 0 ? ", " : "").append("consultation closed ").append(Wording.date(consultationClosed));
        return sb.toString();
    }
}
