package org.compactbot.conversation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.compactbot.knowledge.AnswerService;
import org.compactbot.knowledge.ScoredPassage;

/** Finds, in the area's own Compact, where it sets the notice and consultation numbers. */
final class KnowledgeCitations implements CompactChecks.Citations {
    private final AnswerService answers;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    KnowledgeCitations(AnswerService answers) {
        this.answers = answers;
    }

    @Override
    public String notice(String area) {
        return find(area, "minimum of three months notice in writing when changing or ending a funding relationship", "three months");
    }

    @Override
    public String consultation(String area) {
        return find(area, "12 week formal written consultation minimum", "12");
    }

    private String find(String area, String query, String mustContain) {
        return cache.computeIfAbsent(area + "|" + query, k -> {
            try {
                for (ScoredPassage p : answers.suggest(query, area, 5)) {
                    if (p.passage().text().toLowerCase().contains(mustContain)) return p.passage().citation();
                }
            } catch (IllegalArgumentException e) {
                // unknown area: no citation
            }
            return "";
        });
    }
}
