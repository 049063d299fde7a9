package org.compactbot.cases;

import java.util.List;

/**
 * Where a group can go next when mediation did not settle its challenge: after a case closed as closed_unresolved or
 * signposted, the Local Government and Social Care Ombudsman (once the body has had its chance to respond through its
 * own complaints procedure, up to 12 weeks; within 12 months of knowing about the problem), Compact advocacy and legal
 * advice (judicial review promptly and within 3 months of the decision). Other outcomes need none. Pure.
 */
public final class Signposting {
    private Signposting() {}

    /** One place to turn to, and what to know before going there. */
    public record NextStep(String who, String what) {}

    /** The next steps after a case closed with this outcome; empty when none are owed (resolved, withdrawn, or still open). */
    public static List<NextStep> after(CaseStatus outcome) {
        if (outcome != CaseStatus.CLOSED_UNRESOLVED && outcome != CaseStatus.SIGNPOSTED) return List.of();
        return List.of(
                new NextStep("The Local Government and Social Care Ombudsman (www.lgo.org.uk, 0300 061 0614)",
                        "The Ombudsman usually expects the council to have had the chance to put things right through its own "
                                + "complaints procedure first: make a formal complaint to it and allow it up to 12 weeks to respond. "
                                + "Complain to the Ombudsman within 12 months of first knowing about the problem."),
                new NextStep("Compact advocacy",
                        "Your local council for voluntary service (CVS) or Compact Voice can advise on using the Compact, "
                                + "raise the matter with the Compact Implementation Group and support you in further discussions."),
                new NextStep("Legal advice",
                        "A solicitor or a law centre can advise whether the decision can be challenged in court. A claim for "
                                + "judicial review must be brought promptly and in any event within 3 months of the decision."));
    }

    /** The next steps as a paragraph of an email; empty when there are none. */
    public static String inWords(CaseStatus outcome) {
        List<NextStep> steps = after(outcome);
        if (steps.isEmpty()) return "";
        StringBuilder b = new StringBuilder("What you can do next:\n");
        int n = 0;
        for (NextStep s : steps) b.append('\n').append(++n).append(". ").append(s.who()).append(": ").append(s.what()).append('\n');
        return b.toString();
    }
}
