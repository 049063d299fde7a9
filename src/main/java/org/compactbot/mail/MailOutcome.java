package org.compactbot.mail;

import org.compactbot.cases.CaseReply;

/**
 * What became of one inbound email: a {@link Duplicate} of one processed before, {@link Ignored} (a machine, our own
 * address, too many replies), {@link Refused} (not proven to come from whom it says: only a notice was sent), or
 * {@link Replied} (a case reply or a conversation turn). {@link #what()} and {@link #detail()} are its words where a
 * string is needed (the {@code outcome} label of the metrics, the inbound log, the log line, the {@code /mail/inbound}
 * response); this is the one place they are written.
 */
public sealed interface MailOutcome {
    /** duplicate, ignored, refused or replied. */
    String what();

    /** Why, for the log and the inbound mail response. */
    String detail();

    /** The inbound log's record of it: what, and the detail when there is one. */
    default String logged() {
        return what() + (detail().isEmpty() ? "" : ": " + detail());
    }

    /** The detail as the log line gives it: an answer is only "answered". */
    default String forLog() {
        return this instanceof Replied ? "answered" : detail();
    }

    /** The same message (by Message-ID, or by content when it has none) was processed before: nothing is done again. */
    record Duplicate(String key) implements MailOutcome {
        public String what() { return "duplicate"; }

        public String detail() { return "already processed " + key; }
    }

    /** Not answered at all. */
    sealed interface Ignored extends MailOutcome {
        @Override
        default String what() {
            return "ignored";
        }
    }

    /** An auto-reply, a bounce or bulk mail, with the parser's reason. */
    record Automatic(String reason) implements Ignored {
        public String detail() { return "automatic mail (" + reason + ")"; }
    }

    /** A bounce of one of our emails: the email (its outbox row) is marked undeliverable and its case, if any, notes it. */
    record Bounced(long email, String caseRef) implements Ignored {
        public String detail() {
            return "bounce: email " + email + " marked undeliverable" + (caseRef == null ? "" : ", noted on case " + caseRef);
        }
    }

    /** A delivery report, or mail to a bounce address, that marks nothing; {@code why} names no address. */
    record BounceDropped(String why) implements Ignored {
        public String detail() { return "bounce not acted on (" + why + ")"; }
    }

    record NoSender() implements Ignored {
        public String detail() { return "no sender address"; }
    }

    record FromUs() implements Ignored {
        public String detail() { return "mail from our own address"; }
    }

    /** This address has been sent {@code perHour} replies in the last hour already. */
    record OverReplyCap(int perHour) implements Ignored {
        public String detail() { return "more than " + perHour + " replies to this address in the last hour"; }
    }

    /** Not acted on, because nothing proves the sender wrote it; the sender's address was told so. */
    sealed interface Refused extends MailOutcome {
        @Override
        default String what() {
            return "refused";
        }
    }

    /** An instruction from the case's mediator's address that did not prove it came from the mediator. */
    record MediatorUnproven(String caseRef, Doubt doubt) implements Refused {
        public String detail() { return "case " + caseRef + ": mediator instruction not acted on (" + doubt.text() + ")"; }
    }

    /** A message from the complainant's address on their case that did not prove it came from them. */
    record ComplainantUnproven(String caseRef, Doubt doubt) implements Refused {
        public String detail() { return "case " + caseRef + ": complainant message not added (" + doubt.text() + ")"; }
    }

    /** A message from the address the body was asked at that did not prove it came from the body's contact. */
    record BodyUnproven(String caseRef, Doubt doubt) implements Refused {
        public String detail() { return "case " + caseRef + ": body response not added (" + doubt.text() + ")"; }
    }

    /** A conversation turn whose sender failed the receiving server's checks. */
    record SenderFailedChecks(SenderCheck.Failed check) implements Refused {
        public String detail() { return "sender authentication failed (" + check.method() + "=" + check.result() + ")"; }
    }

    /** A new thread from an address with a challenge in progress, which only a reply to our email may see or change. */
    record NotAReplyToUs() implements Refused {
        public String detail() { return "not a reply to our email: the challenge in progress was neither shown nor changed"; }
    }

    /** Answered on the same thread. */
    sealed interface Replied extends MailOutcome {
        @Override
        default String what() {
            return "replied";
        }
    }

    /** A mediator's, complainant's or body's message on their case, and what the case did with it. */
    record OnCase(String caseRef, CaseReply reply) implements Replied {
        public String detail() { return "case " + caseRef + ": " + reply.message(); }
    }

    /** STATUS REF from a complainant: where the case stands, or (not {@code told}) that no such case was raised from the address. */
    record Status(String caseRef, boolean told) implements Replied {
        public String detail() { return "status of " + caseRef + (told ? " told" : ": no such case raised from this address"); }
    }

    /** A turn of the sender's conversation, which is now in {@code state}. */
    record Turn(String state) implements Replied {
        public String detail() { return "conversation turn, now " + state; }
    }

    /** Why a message on a case thread cannot be taken as written by the address it comes from. */
    sealed interface Doubt {
        /** In words for the sender's notice and the detail. */
        String text();

        record ChecksFailed(SenderCheck.Failed check) implements Doubt {
            public String text() {
                return "the checks of the mail system it came through say it may not be from you (" + check.method() + "=" + check.result() + ")";
            }
        }

        /** It answers no email we sent that address about the case. */
        record NotAReply(String caseRef) implements Doubt {
            public String text() { return "it is not a reply to an email we sent you about " + caseRef; }
        }
    }
}
