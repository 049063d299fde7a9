package org.compactbot.knowledge;

import java.util.List;

/**
 * One thing a person would cite: an undertaking, a bullet with its lead-in, a definition, a paragraph.
 * {@code text} is the source wording shown to users (at most {@link #MAX_TEXT} characters);
 * {@code gloss} is our plain-English reading of it, never presented as the Compact's words;
 * {@code questions} are ways people ask for it, used only to find it; {@code inherited} (or null) is what it
 * borrowed from an annotated passage that says the same, for search only.
 */
public record Passage(
        String id,
        String text,
        String gloss,
        String document,
        String citationName,
        String area,
        List<String> sectionPath,
        String ref,
        Party party,
        String term,
        List<String> questions,
        Inherited inherited) {

    public static final int MAX_TEXT = 700;

    public Passage {
        sectionPath = List.copyOf(sectionPath);
        gloss = gloss == null ? "" : gloss;
        term = term == null ? "" : term;
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    public Passage(String id, String text, String gloss, String document, String citationName, String area,
                   List<String> sectionPath, String ref, Party party, String term, List<String> questions) {
        this(id, text, gloss, document, citationName, area, sectionPath, ref, party, term, questions, null);
    }

    public Passage inheriting(Inherited what) {
        return new Passage(id, text, gloss, document, citationName, area, sectionPath, ref, party, term, questions, what);
    }

    /** The gloss search reads: our own, else the inherited one. */
    public String searchGloss() {
        return !gloss.isEmpty() || inherited == null ? gloss : inherited.gloss();
    }

    /** The questions search reads: our own and the inherited ones. */
    public List<String> searchQuestions() {
        if (inherited == null || inherited.questions().isEmpty()) return questions;
        List<String> all = new java.util.ArrayList<>(questions);
        all.addAll(inherited.questions());
        return all;
    }

    public String section() { return String.join(" › ", sectionPath); }

    /** "West Cheshire Compact › Managing Changes to Services › Public sector undertaking 3". */
    public String citation() {
        StringBuilder sb = new StringBuilder(citationName);
        List<String> path = sectionPath;
        boolean partyHeadingLast = party != Party.NONE && !path.isEmpty()
                && Party.fromHeading(path.get(path.size() - 1)) == party;
        List<String> shown = partyHeadingLast ? path.subList(0, path.size() - 1) : path;
        for (String s : shown) sb.append(" › ").append(s);
        if (party != Party.NONE && ref != null) {
            sb.append(" › ").append(party.label()).append(" undertaking ").append(ref);
        } else if (party != Party.NONE && partyHeadingLast) {
            sb.append(" › ").append(path.get(path.size() - 1));
            if (ref != null) sb.append(' ').append(ref);
        } else if (ref != null) {
            sb.append(" › ").append(ref);
        }
        return sb.toString();
    }
}
