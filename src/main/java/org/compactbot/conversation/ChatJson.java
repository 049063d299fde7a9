package org.compactbot.conversation;

import java.util.List;

/** The chat object of the contract (ARCHITECTURE.md), shared by `chat --json` and POST /api/chat/{id}. */
public record ChatJson(List<ReplyJson> replies, String state, String expecting, CaseJson caseInfo) {
    public record ReplyJson(String text, List<ChoiceJson> choices) {}

    public record ChoiceJson(String label, String value) {}

    public record CaseJson(String ref, String status, String mediator) {}

    @com.fasterxml.jackson.annotation.JsonProperty("case")
    public CaseJson caseInfo() {
        return caseInfo;
    }

    public static ChatJson of(TurnResult t) {
        return new ChatJson(t.replies().stream()
                .map(r -> new ReplyJson(r.text(), r.choices().stream().map(c -> new ChoiceJson(c.label(), c.value())).toList()))
                .toList(), t.state(), t.expecting() == null ? null : t.expecting().id(),
                t.caseInfo() == null ? null : new CaseJson(t.caseInfo().ref(), t.caseInfo().status(), t.caseInfo().mediator()));
    }
}
