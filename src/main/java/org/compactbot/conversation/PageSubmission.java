package org.compactbot.conversation;

/** What became of sending a challenge raised page by page. */
public sealed interface PageSubmission {
    /** Submitted: the case was created in the same transaction as the turn that records it. */
    record Submitted(CaseInfo caseInfo) implements PageSubmission {}

    /** A question is still open (the draft changed since the person checked it): nothing was submitted. */
    record Incomplete(Slot open) implements PageSubmission {}

    /** Nothing in progress; the conversation's last challenge was submitted as this reference (sent twice, say). */
    record AlreadySubmitted(String ref) implements PageSubmission {}

    /** Nothing in progress and nothing submitted. */
    record NoDraft() implements PageSubmission {}
}
