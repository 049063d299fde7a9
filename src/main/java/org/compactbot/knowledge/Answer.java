package org.compactbot.knowledge;

import java.util.List;

/**
 * What the knowledge base says to a question: the passages that answer it (best first), or
 * nothing ({@code answered} false) with the area's contact to ask instead.
 *
 * @param area      the area searched or preferred (given, or detected in the question), or null
 * @param grievance the question reads like a complaint ("they cut our grant, is that allowed?")
 * @param contact   whom to ask when the Compacts do not answer, from the texts
 */
public record Answer(String question, boolean answered, String area, List<ScoredPassage> passages,
                     boolean grievance, String contact) {
    public Answer {
        passages = List.copyOf(passages);
    }
}
