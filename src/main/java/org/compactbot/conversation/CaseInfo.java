package org.compactbot.conversation;

/** The case a conversation created, as the chat contract shows it. */
public record CaseInfo(String ref, String status, String mediator) {
    /** Where the case stands, as the person who raised it is told: "Your challenge CC-2026-0007 is in mediation, with a mediator." */
    public String statusSentence() {
        return "Your challenge " + ref + " is " + status.replace('_', ' ') + (mediator == null ? "." : ", with a mediator.");
    }
}
