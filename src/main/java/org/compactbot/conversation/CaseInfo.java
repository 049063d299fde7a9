package org.compactbot.conversation;

/** The case a conversation created, as the chat contract shows it. */
public record CaseInfo(String ref, String status, String mediator) {}
