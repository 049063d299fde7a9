package org.compactbot.cases;

import java.util.List;

/**
 * What a request to change a case did: {@link Done} when the case moved or took the message, {@link Refused} when
 * nothing changed, with the data of why. {@link #message()} puts it in words for the person who asked (the reply to
 * a mediator's or complainant's email, the line {@code cases assign} and {@code cases close} print); this is the one
 * place those words are written.
 */
public sealed interface CaseReply {
    /** Whether the request was carried out. */
    boolean ok();

    /** The answer in words for the person who asked. */
    String message();

    /** The request was carried out. */
    sealed interface Done extends CaseReply {
        @Override
        default boolean ok() {
            return true;
        }
    }

    /** Nothing changed. */
    sealed interface Refused extends CaseReply {
        @Override
        default boolean ok() {
            return false;
        }
    }

    record Assigned(String ref, String mediatorName) implements Done {
        public String message() { return ref + " assigned to " + mediatorName + "."; }
    }

    record Accepted(String ref) implements Done {
        public String message() { return ref + " accepted."; }
    }

    /** The mediator declined; the case was routed again. */
    record Declined(String ref, String mediatorName) implements Done {
        public String message() { return ref + " declined by " + mediatorName + "; reassigned."; }
    }

    /** The mediator's INFO question was emailed to the complainant. */
    record QuestionPassed(String ref) implements Done {
        public String message() { return "Question passed to the complainant."; }
    }

    record Closed(String ref, CaseStatus outcome) implements Done {
        public String message() { return ref + " closed as " + outcome.id() + "."; }
    }

    /**
     * The complainant's message joined the case: passed to the mediator when there is one, with the files kept as
     * evidence and those over the limits named.
     */
    record MessageAdded(String ref, boolean toMediator, List<String> kept, List<String> tooLarge) implements Done {
        public MessageAdded {
            kept = List.copyOf(kept);
            tooLarge = List.copyOf(tooLarge);
        }

        public String message() {
            return "Thank you: your message has been added to " + ref + (toMediator ? " and passed to the mediator." : ".")
                    + (kept.isEmpty() ? "" : " Kept as evidence: " + String.join(", ", kept) + ".")
                    + (tooLarge.isEmpty() ? "" : " These files were too large to keep (" + CaseService.MAX_EVIDENCE_BYTES / 1_000_000
                            + " MB each, " + CaseService.MAX_EVIDENCE_PER_EMAIL / 1_000_000 + " MB per email): " + String.join(", ", tooLarge)
                            + ". Please send a link to them instead, or bring them to the mediator.");
        }
    }

    /** The body's response joined the case and went to the mediator and the complainant, with the files kept as evidence. */
    record BodyResponseAdded(String ref, List<String> kept, List<String> tooLarge) implements Done {
        public BodyResponseAdded {
            kept = List.copyOf(kept);
            tooLarge = List.copyOf(tooLarge);
        }

        public String message() {
            return "Thank you: your response has been added to " + ref + " and passed to the mediator and to the group that raised it."
                    + (kept.isEmpty() ? "" : " Kept with it: " + String.join(", ", kept) + ".")
                    + (tooLarge.isEmpty() ? "" : " These files were too large to keep: " + String.join(", ", tooLarge)
                            + ". Please send a link to them instead.");
        }
    }

    /** The complainant told us they have had the body's final response: the case goes on to mediation. */
    record FinalResponseNoted(String ref, MessageAdded added) implements Done {
        public String message() {
            return "Thank you: we have noted that you have had the body's final response, so the mediator takes " + ref
                    + " on without waiting for it. " + added.message();
        }
    }

    /** The complainant's answers to the closing survey were kept (replacing earlier ones when {@code replaced}). */
    record SurveyAnswered(String ref, SurveyAnswer.Answer satisfied, SurveyAnswer.Answer outcomeAsAsked, boolean replaced) implements Done {
        public String message() {
            return "Thank you for answering our questions about " + ref + (replaced ? " (these answers replace your earlier ones)" : "")
                    + ". We have recorded: satisfied with how it was handled: " + satisfied.id() + "; the outcome what you asked for: "
                    + outcomeAsAsked.id() + ". To change them, reply again, for example \"1. yes 2. partly\".";
        }
    }

    /** A reply to the closing survey that could not be read: the questions are asked once more. */
    record SurveyNotRead(String ref) implements Refused {
        public String message() {
            return "Thank you for your reply about " + ref + ". We could not tell your answers to our two questions; please reply "
                    + "with yes, partly or no to each, for example \"1. yes 2. partly\":\n\n" + ClosingSurvey.QUESTIONS
                    + "\n\nYour case is closed; if you need more help, see the next steps in our closing email.";
        }
    }

    /** A later reply that was not a survey answer: its words are kept as a comment with the survey (not asked again). */
    record SurveyCommentKept(String ref, SurveyAnswer.Answer satisfied, SurveyAnswer.Answer outcomeAsAsked) implements Done {
        public String message() {
            return "Thank you: your comments are kept with our survey about " + ref + "."
                    + (satisfied == null ? "" : " Your answers stay as they were: satisfied: " + satisfied.id() + "; the outcome what you "
                            + "asked for: " + outcomeAsAsked.id() + ".")
                    + " " + ref + " is closed, so nothing else is added to it.";
        }
    }

    /** The anonymised summary was published; {@link PublishedOutcome#inWords()} is exactly what groups will see. */
    record OutcomePublished(String ref, PublishedOutcome outcome) implements Done {
        public String message() {
            return "Published the outcome of " + ref + ". This is exactly what groups who ask \"has this happened before?\" will see:\n\n"
                    + outcome.inWords() + "\n\nTo change it, send PUBLISH again with the new summary; to take it down: compact-bot cases unpublish " + ref + ".";
        }
    }

    record OutcomeUnpublished(String ref) implements Done {
        public String message() { return "The published outcome of " + ref + " was taken down."; }
    }

    /** There was no published outcome to take down. */
    record NotPublished(String ref) implements Refused {
        public String message() { return "No outcome of " + ref + " is published."; }
    }

    /** Only a closed case's outcome can be published. */
    record NotClosedYet(String ref, CaseStatus status) implements Refused {
        public String message() { return ref + " is " + status.id() + "; an outcome can be published only once the case is closed."; }
    }

    /** PUBLISH with nothing after it. */
    record NoSummary(String ref) implements Refused {
        public String message() { return "Write the anonymised summary after PUBLISH (what was challenged and how it ended); nothing was published for " + ref + "."; }
    }

    /** The address is not the body contact asked about the case, so it cannot add the body's response. */
    record NotTheBody(String ref) implements Refused {
        public String message() { return "Only the body's contact asked about " + ref + " can add its response by email."; }
    }

    record UnknownCase(String ref) implements Refused {
        public String message() { return "No case " + ref + "."; }
    }

    record UnknownMediator(String id, List<String> known) implements Refused {
        public UnknownMediator {
            known = List.copyOf(known);
        }

        public String message() { return "No mediator with id '" + id + "'. Known: " + String.join(", ", known) + "."; }
    }

    /** The address is not the mediator assigned to the case, so it cannot move the case by email. */
    record NotTheMediator(String ref) implements Refused {
        public String message() { return "Only the mediator assigned to " + ref + " can change it by email."; }
    }

    /** The address did not raise the case (or there is no such case), so it cannot add to it by email. */
    record NotTheComplainant(String ref) implements Refused {
        public String message() { return "Only the person who raised " + ref + " can add to it by email."; }
    }

    /** The mediator's reply starts with none of ACCEPT, DECLINE, INFO or RESOLVED. */
    record NoInstruction() implements Refused {
        public String message() { return "Start your reply with ACCEPT, DECLINE <reason>, INFO <question>, RESOLVED <outcome> or, once closed, PUBLISH <summary>."; }
    }

    /** INFO with no question after it. */
    record NoQuestion() implements Refused {
        public String message() { return "Write your question after INFO."; }
    }

    /** A case is closed only with a closing status. */
    record NotAClosingStatus(CaseStatus given) implements Refused {
        public String message() { return "The outcome must be one of resolved, withdrawn, closed_unresolved, signposted."; }
    }

    /** The case's status (as it was when asked) does not allow what was asked. */
    record NotAllowed(String ref, Move move, CaseStatus status) implements Refused {
        public String message() {
            return switch (move) {
                case REOPEN -> ref + " is " + status.id() + "; reopen is not possible.";
                case ASSIGN -> ref + " cannot be assigned from " + status.id() + ".";
                case ACCEPT -> ref + " cannot be accepted from " + status.id() + ".";
                case DECLINE -> ref + " cannot be declined now.";
                case ASK -> ref + " is " + status.id() + ".";
                case ADD_TO_CLOSED -> ref + " is closed (" + status.id().replace('_', ' ') + ").";
                case ADD -> ref + " could not be updated.";
                case CLOSE -> ref + " is already " + status.id() + ".";
            };
        }
    }

    /** What was asked of a case whose status did not allow it. */
    enum Move {
        /** assign a closed case */
        REOPEN,
        ASSIGN,
        ACCEPT,
        DECLINE,
        /** pass on a mediator's INFO question */
        ASK,
        /** add the complainant's message to a closed case */
        ADD_TO_CLOSED,
        /** add the complainant's message */
        ADD,
        CLOSE
    }
}
