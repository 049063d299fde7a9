package org.compactbot.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.compactbot.cases.CaseChange.Field.BodyAnswered;
import org.compactbot.cases.CaseChange.Field.BodyAsked;
import org.compactbot.cases.ChallengeCase.BodyRequest.Answer;

/**
 * Step 2 of the Compact Resolution Process, the body's formal response: the body the respondent names
 * ({@link MediatorDirectory#bodyFor}) is asked through its Compact lead officer ({@link BodyRequestEmail}) when the
 * mediator accepts, or as soon as the case is routed where the area says {@code ask-body: at-once}; the case waits in
 * {@link CaseStatus#AWAITING_BODY} (its clock stopped) until the body replies on the case's thread, or the complainant
 * says they have had the final response, or 20 working days pass without one, which escalates to the area's lead.
 * Each request and each escalation fires once (the {@code body_request} and {@code body_overdue} timers).
 */
final class AskingTheBody {
    static final String REQUEST_TIMER = "body_request", OVERDUE_TIMER = "body_overdue";
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final int MAX_NOTE_CHARS = 1000;

    private final CaseStore store;
    private final MediatorDirectory directory;
    private final Clock clock;

    AskingTheBody(CaseStore store, MediatorDirectory directory, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.clock = clock;
    }

    /** The body's deadline: 20 working days (less the area's closure days) after it was asked. */
    LocalDate deadline(ChallengeCase c) {
        return WorkingDays.plus(LocalDate.ofInstant(c.body().askedAt(), UK), BodyRequestEmail.RESPOND_WITHIN, directory.process(c.area())::closedOn);
    }

    /**
     * Asks the body for its formal response, moving the case to {@code to} (null: keeping its status); false when the
     * body was asked before, or no configured body with a contact matches the respondent.
     */
    boolean ask(ChallengeCase c, CaseStatus to, String actor) {
        if (c.body() != null) return false;
        PublicBody b = directory.bodyFor(c).filter(x -> x.contact() != null).orElse(null);
        if (b == null) return false;
        Instant now = clock.instant();
        LocalDate due = WorkingDays.plus(LocalDate.ofInstant(now, UK), BodyRequestEmail.RESPOND_WITHIN, directory.process(c.area())::closedOn);
        return store.apply(new CaseChange(c.ref(), to, actor, "asked " + b.name() + " for its formal response by " + due,
                List.of(new BodyAsked(b.name(), b.contact().email(), now)), List.of(BodyRequestEmail.of(c, b, due)), REQUEST_TIMER));
    }

    /** Routed: where the area asks at once, the body is asked now (the case keeps its status while the mediator decides). */
    void routed(String ref, String actor) {
        store.find(ref).filter(c -> directory.process(c.area()).askBody() == AreaProcess.AskBody.AT_ONCE).ifPresent(c -> ask(c, null, actor));
    }

    /** Accepted: the case waits for the body, which is asked now unless it was asked at once (and has not answered). */
    void accepted(String ref, String actor) {
        ChallengeCase c = store.find(ref).orElse(null);
        if (c == null || c.status() != CaseStatus.ACCEPTED) return;
        if (c.body() == null) {
            ask(c, CaseStatus.AWAITING_BODY, actor);
        } else if (!c.body().answered()) {
            store.apply(new CaseChange(ref, CaseStatus.AWAITING_BODY, actor, "waiting for " + c.body().name() + "'s formal response, asked on "
                    + LocalDate.ofInstant(c.body().askedAt(), UK), List.of(), List.of(), null));
        }
    }

    /** The body's contact wrote on the case's thread: recorded, its files kept, passed to the mediator and the complainant. */
    CaseReply reply(String ref, String fromAddress, String text, List<CaseService.Evidence> files) {
        ChallengeCase c = store.find(ref).orElse(null);
        String from = fromAddress == null ? "" : fromAddress.strip();
        if (c == null || c.body() == null || !c.body().email().equalsIgnoreCase(from)) return new CaseReply.NotTheBody(ref);
        if (c.status().closed()) return new CaseReply.NotAllowed(ref, CaseReply.Move.ADD_TO_CLOSED, c.status());
        CaseService.KeptFiles k = CaseService.keepEvidence(store, ref, files);
        List<String> kept = k.kept(), refused = k.refused();
        String said = text == null || text.isBlank() ? "(no text)" : text.strip();
        String forwarded = said + (kept.isEmpty() ? "" : "\n\nFiles kept with the case: " + String.join(", ", kept));
        List<OutgoingEmail> mail = new ArrayList<>();
        directory.mediator(c.mediatorId() == null ? "" : c.mediatorId()).ifPresent(m -> {
            Mediator to = directory.actingFor(m, LocalDate.ofInstant(clock.instant(), UK));
            mail.add(CaseEmails.notice(to.email(), to.name(), c, c.body().name() + " has responded",
                    c.body().name() + " wrote:\n\n" + forwarded, "body_response"));
        });
        mail.add(CaseEmails.toComplainant(c, c.body().name() + " has responded", c.body().name()
                + " has sent its response to your challenge. It says:\n\n" + forwarded + "\n\nThe mediator will be in touch about what happens next.",
                "body_response"));
        List<CaseChange.Field> fields = c.body().answered() ? List.of() : List.of(new BodyAnswered(clock.instant(), Answer.REPLIED));
        CaseStatus to = c.status() == CaseStatus.AWAITING_BODY ? CaseStatus.IN_MEDIATION : null;
        String note = "body replied: " + (said.length() > MAX_NOTE_CHARS ? said.substring(0, MAX_NOTE_CHARS) + " [...]" : said);
        boolean ok = store.apply(new CaseChange(ref, to, "body", note, fields, mail, null));
        return ok ? new CaseReply.BodyResponseAdded(ref, kept, refused) : new CaseReply.NotAllowed(ref, CaseReply.Move.ADD, c.status());
    }

    /** The complainant says they have had the body's final response: the wait ends and the case goes on to mediation. */
    CaseChange finalResponseTold(ChallengeCase c, String note, List<OutgoingEmail> mail) {
        CaseStatus to = c.status() == CaseStatus.AWAITING_BODY ? CaseStatus.IN_MEDIATION : null;
        return new CaseChange(c.ref(), to, "complainant", note, List.of(new BodyAnswered(clock.instant(), Answer.FINAL_RESPONSE_TOLD)), mail, null);
    }

    /** No response by the deadline: the area's lead (and the mediator) are told, once, and a waiting case is escalated. */
    int overdue(ChallengeCase c, LocalDate today) {
        if (!c.awaitingBodyAnswer() || c.status().closed() || !today.isAfter(deadline(c))) return 0;
        String body = c.body().name() + " was asked for its formal response on " + LocalDate.ofInstant(c.body().askedAt(), UK) + " and has not "
                + "responded within " + BodyRequestEmail.RESPOND_WITHIN + " working days (by " + deadline(c) + "). Please take it up with the body.";
        List<OutgoingEmail> mail = new ArrayList<>();
        directory.lead(c.area()).ifPresent(l -> mail.add(CaseEmails.notice(l.email(), l.name(), c, "Escalated: no formal response from the body",
                body, "body_overdue")));
        directory.mediator(c.mediatorId() == null ? "" : c.mediatorId()).ifPresent(m -> {
            Mediator to = directory.actingFor(m, today);
            mail.add(CaseEmails.notice(to.email(), to.name(), c, "No formal response from the body", body
                    + " The area's Compact lead has been told.", "body_overdue"));
        });
        CaseStatus to = c.status() == CaseStatus.AWAITING_BODY ? CaseStatus.ESCALATED : null;
        return store.apply(new CaseChange(c.ref(), to, "timer", "escalated: no formal response from " + c.body().name() + " within "
                + BodyRequestEmail.RESPOND_WITHIN + " working days", List.of(), mail, OVERDUE_TIMER)) ? 1 : 0;
    }
}
