package org.compactbot.mail;

import java.time.Clock;
import java.util.Optional;
import org.compactbot.cases.CaseService;
import org.compactbot.cases.Outbox;

/**
 * What a bounce does: when it came to a bounce address signed for one of our emails and says delivery failed, that
 * email's outbox row is marked undeliverable and, when it was about a case, the case history notes it (and the lead or
 * mediator is told: {@code cases.UndeliveredEmail}). Anything else (no bounce address, an unsigned or forged one, a
 * delay warning, an auto-reply to the bounce address, a second bounce for the same email) is dropped.
 */
final class Bounces {
    private final Outbox outbox;
    private final CaseService cases;
    private final Clock clock;

    Bounces(Outbox outbox, CaseService cases, Clock clock) {
        this.outbox = outbox;
        this.cases = cases;
        this.clock = clock;
    }

    MailOutcome handle(Bounce bounce) {
        if (bounce.claim().isEmpty()) return new MailOutcome.BounceDropped("not sent to a bounce address of ours");
        Verp.Claim claim = bounce.claim().get();
        Optional<String> messageId = outbox.messageIdOf(claim.id());
        if (messageId.isEmpty() || !claim.signedFor(messageId.get())) {
            return new MailOutcome.BounceDropped("bounce address not signed for an email of ours");
        }
        if (!bounce.failed()) return new MailOutcome.BounceDropped("not a failed delivery (a delay warning or an automatic reply)");
        Optional<Outbox.Sent> marked = outbox.markUndeliverable(claim.id(), clock.instant(), bounce.reason());
        if (marked.isEmpty()) return new MailOutcome.BounceDropped("email " + claim.id() + " was marked undeliverable before");
        Outbox.Sent sent = marked.get();
        if (sent.caseRef() == null) return new MailOutcome.Bounced(claim.id(), null);
        boolean noted = cases.deliveryFailed(sent.caseRef(), sent.recipient(), sent.purpose(), bounce.reason());
        return new MailOutcome.Bounced(claim.id(), noted ? sent.caseRef() : null);
    }
}
