package org.compactbot.conversation;

/** What a message outside the intake is: the start of a challenge, a question, or small talk. */
public enum Intent { START_CHALLENGE, QUESTION, GREETING, THANKS }
