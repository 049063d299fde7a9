package org.compactbot.knowledge;

import java.util.List;

/** The ask object of the contract (ARCHITECTURE.md), shared by `ask --json` and POST /api/ask. */
public record AnswerJson(String question, boolean answered, String area, List<PassageJson> passages) {

    public record PassageJson(String text, String document, String area, String section, String ref, double score) {}

    public static AnswerJson of(Answer a) {
        return new AnswerJson(a.question(), a.answered(), a.area(), a.passages().stream()
                .map(s -> new PassageJson(s.passage().text(), s.passage().document(), s.passage().area(),
                        s.passage().section(), s.passage().ref(), Math.round(s.score() * 10_000) / 10_000.0))
                .toList());
    }
}
