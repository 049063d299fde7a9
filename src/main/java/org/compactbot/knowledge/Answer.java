package org.compactbot.knowledge;

import java.util.List;

/**
 * What the knowledge base says to a question: the passages that answer it (best first), or
 * nothing ({@code answered} false) with the area's contact to ask instead.
 *
 * @param area       the area searched or preferred (given, or detected in the question), or null
 * @param grievance  the question reads like a complaint ("they cut our grant, is that allowed?")
 * @param contact    whom to ask when the Compacts do not answer: the area's contact from its texts, or, with no
 *                   area, a request to say which area (never one area's contact as everyone's)
 * @param alsoSaid   passages of other Compacts that say what the best passage says (close in wording), if any
 * @param confidence how close the best passage came (see {@link AnswerService.Abstention#confidence})
 * @param contacts   the passages are contact blocks (the question asked whom to contact), one per area
 */
public record Answer(String question, boolean answered, String area, List<ScoredPassage> passages,
                     boolean grievance, String contact, List<ScoredPassage> alsoSaid, double confidence, boolean contacts) {
    public Answer {
        passages = List.copyOf(passages);
        alsoSaid = List.copyOf(alsoSaid);
    }
}
