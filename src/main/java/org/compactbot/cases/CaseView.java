package org.compactbot.cases;

import java.util.ArrayList;
import java.util.List;

/**
 * A case as the case desk shows it to one signed-in person: the parties, the facts and the checks, the undertakings
 * quoted, the evidence and the whole history. When the complainant asked not to be named to the body and the person's
 * address reaches the body ({@link BodyConcerned#reaches}), {@code withheld} is true and no name, organisation or
 * address of the complainant is in it, in any field or note.
 *
 * @param complainant the complainant's name, organisation and email as shown (empty strings when withheld)
 * @param facts       label and value of each intake answer, in the order the mediator's summary gives them
 * @param evidence    each kept file's name and size in bytes, numbered from 1 in this order (none when withheld: a file may name them)
 * @param filesWithheld how many files are kept from this person
 * @param mediators   the mediators of the case's area, for a lead's "assign" (empty for anyone else)
 */
public record CaseView(ChallengeCase c, CaseProgress progress, boolean withheld, Party complainant, String mediatorName,
                       List<Fact> facts, String checks, List<String> undertakings, List<File> evidence, int filesWithheld, List<CaseEvent> history,
                       boolean mediatorActions, boolean leadActions, List<Mediator> mediators) {
    /** The complainant as shown. */
    public record Party(String name, String organisation, String email) {}

    public record Fact(String label, String value) {}

    public record File(int number, String name, long bytes) {}

    private static final String[][] FIELDS = {
            {"role", "Raised by"}, {"respondent", "Respondent"}, {"what_happened", "What happened"}, {"undertakings", "Undertakings"},
            {"dates", "Key dates"}, {"impact", "Impact"}, {"informal_steps", "Steps already taken"},
            {"desired_outcome", "Outcome wanted"}, {"consent", "Confidentiality"}};

    /** The view of a case for one person, with the complainant withheld when {@code withheld}. */
    static CaseView of(ChallengeCase c, CaseProgress progress, boolean withheld, String mediatorName, List<java.util.Map.Entry<String, Long>> files,
                       List<CaseEvent> history, boolean mediatorActions, boolean leadActions, List<Mediator> mediators) {
        List<String> ids = withheld ? Redaction.fromTheBody(c) : List.of();
        Party party = withheld ? new Party("", "", "") : new Party(nz(c.complainantName()), nz(c.organisation()), nz(c.complainantEmail()));
        List<Fact> facts = new ArrayList<>();
        for (String[] f : FIELDS) {
            String v = c.answer(f[0]);
            if (v == null || v.isBlank()) continue;
            if (f[0].equals("role") || f[0].equals("consent")) v = c.facts().getOrDefault(f[0] + "_label", v);
            facts.add(new Fact(f[1], Redaction.withhold(v, ids)));
        }
        List<File> kept = new ArrayList<>();
        for (int i = 0; i < files.size() && !withheld; i++) {
            String name = files.get(i).getKey();
            kept.add(new File(i + 1, name, files.get(i).getValue()));
        }
        List<CaseEvent> events = withheld ? history.stream().map(e -> new CaseEvent(e.at(), Redaction.withhold(e.actor(), ids), e.from(), e.to(),
                Redaction.withhold(e.note(), ids))).toList() : history;
        return new CaseView(c, progress, withheld, party, mediatorName, facts, nz(Redaction.withhold(c.facts().get("checks"), ids)),
                CaseEmails.quotedUndertakings(c), kept, withheld ? files.size() : 0, events, mediatorActions, leadActions, mediators);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public String areaName() {
        return CaseEmails.areaName(c.area());
    }
}
