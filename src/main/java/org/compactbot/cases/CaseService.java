package org.compactbot.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.compactbot.cases.CaseChange.Field;
import org.compactbot.cases.CaseChange.Field.AcceptedAt;
import org.compactbot.cases.CaseChange.Field.AssignedAt;
import org.compactbot.cases.CaseChange.Field.ClosedAt;
import org.compactbot.cases.CaseChange.Field.MediatorId;
import org.compactbot.cases.CaseChange.Field.RoutingReason;
import org.compactbot.cases.CaseReply.Accepted;
import org.compactbot.cases.CaseReply.Assigned;
import org.compactbot.cases.CaseReply.Closed;
import org.compactbot.cases.CaseReply.Declined;
import org.compactbot.cases.CaseReply.MessageAdded;
import org.compactbot.cases.CaseReply.Move;
import org.compactbot.cases.CaseReply.NoInstruction;
import org.compactbot.cases.CaseReply.NoQuestion;
import org.compactbot.cases.CaseReply.NotAClosingStatus;
import org.compactbot.cases.CaseReply.NotAllowed;
import org.compactbot.cases.CaseReply.NotTheComplainant;
import org.compactbot.cases.CaseReply.NotTheMediator;
import org.compactbot.cases.CaseReply.QuestionPassed;
import org.compactbot.cases.CaseReply.UnknownCase;
import org.compactbot.cases.CaseReply.UnknownMediator;
import org.compactbot.conversation.ConversationId;

/**
 * Keeps cases moving: routes each submitted challenge to a mediator (emailing the summary and
 * acknowledging the complainant in the same transaction), applies manual assignments and
 * closures, and runs the timers in working days: a mediator who has not accepted within 2 is
 * reminded and after 3 the case is reassigned; no acknowledgement within 5 escalates to the
 * Compact lead; no resolution within 20 reminds the mediator and the lead. A reminder due to a mediator who is absent
 * goes to their deputy ({@link MediatorDirectory#actingFor}), who may then answer for them. The body is asked for its
 * formal response on acceptance, or at routing where the area says so ({@link AskingTheBody}); while the case waits for
 * the complainant (INFO) or the body, its timers stand still ({@link PausedTime}); no timer counts the area's closure days.
 */
public final class CaseService {
    static final int REMIND_ACCEPT_AFTER = 2, REASSIGN_AFTER = 3, ACKNOWLEDGE_WITHIN = 5, RESPOND_WITHIN = 20;
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final CaseStore store;
    private final MediatorDirectory directory;
    private final RoutingPolicy policy;
    private final Clock clock;
    private final AskingTheBody body;
    private final Surveys surveys;
    private final PublishedOutcomes published;

    /** Without closing surveys or published outcomes (tests of the lifecycle and timers). */
    public CaseService(CaseStore store, MediatorDirectory directory, Clock clock) {
        this(store, directory, clock, Surveys.NONE, PublishedOutcomes.NONE);
    }

    /** Closed notices carry the survey, kept in {@code surveys} ({@link ClosingSurvey}); PUBLISH keeps outcomes in {@code published}. */
    public CaseService(CaseStore store, MediatorDirectory directory, Clock clock, Surveys surveys, PublishedOutcomes published) {
        this.store = new KeepingConfidence(store, directory); // no email a change sends names a confidential complainant to the body
        this.directory = directory;
        this.policy = new RoutingPolicy(directory);
        this.clock = clock;
        this.body = new AskingTheBody(this.store, directory, clock);
        this.surveys = surveys;
        this.published = published;
    }

    /** Publishing a closed case's anonymised outcome, on this service's store and published outcomes. */
    public PublishingOutcome publishing() {
        return new PublishingOutcome(store, directory, published, clock);
    }

    /** Routes every submitted case not yet routed; returns how many were routed. */
    public int routeNew() {
        int n = 0;
        for (String ref : store.unrouted()) {
            Optional<ChallengeCase> c = store.find(ref);
            if (c.isPresent() && c.get().status() == CaseStatus.SUBMITTED && route(c.get(), "router", true)) n++;
        }
        return n;
    }

    private boolean route(ChallengeCase c, String actor, boolean first) {
        RoutingPolicy.Decision d = policy.route(request(c), store.openCasesByMediator(), store.lastAssigned(c.area()));
        List<OutgoingEmail> emails = new ArrayList<>();
        if (first) emails.add(CaseEmails.acknowledgement(c));
        Instant now = clock.instant();
        if (d instanceof RoutingPolicy.Decision.ToMediator to) {
            Mediator m = to.mediator();
            emails.add(0, CaseEmails.mediatorSummary(c, m.name(), m.email(), store.transcript(c.conversationId())));
            boolean ok = store.apply(new CaseChange(c.ref(), CaseStatus.ASSIGNED, actor, "assigned to " + m.name() + ": " + d.reason(),
                    List.of(new MediatorId(m.id()), new RoutingReason(d.reason()), new AssignedAt(now)), emails, null));
            if (ok) body.routed(c.ref(), actor);
            return ok;
        }
        if (d instanceof RoutingPolicy.Decision.ToLead to) {
            AreaLead lead = to.lead();
            BodyConcerned body = BodyConcerned.of(directory, c.area(), c.respondent());
            emails.add(0, c.confidential() && body.reaches(lead.email())
                    ? CaseEmails.summaryKeptFromBody(c, lead.name(), lead.email(), body.label(c.respondent()))
                    : CaseEmails.mediatorSummary(c, lead.name(), lead.email(), store.transcript(c.conversationId())));
            boolean ok = store.apply(new CaseChange(c.ref(), CaseStatus.ESCALATED, actor, "flagged: sent to " + lead.name() + ": " + d.reason(),
                    List.of(new MediatorId("lead:" + lead.area()), new RoutingReason(d.reason()), new AssignedAt(now)), emails, null));
            if (ok) this.body.routed(c.ref(), actor); // an area that asks the body at once does so whoever has the case
            return ok;
        }
        return store.apply(new CaseChange(c.ref(), CaseStatus.ESCALATED, actor, "flagged: " + d.reason(),
                List.of(new RoutingReason(d.reason())), emails, null));
    }

    private RoutingPolicy.Request request(ChallengeCase c) {
        String codes = c.facts().getOrDefault("codes", "");
        List<String> codeList = codes.isBlank() ? List.of() : Arrays.asList(codes.split(","));
        return new RoutingPolicy.Request(c.area(), codeList, c.organisation(), c.complainantEmail(), c.respondent(), today(),
                new HashSet<>(store.passedOver(c.ref())));
    }

    /** Assigns a case to a named mediator by hand (a coordinator's decision), emailing them the summary. */
    public CaseReply assign(String ref, String mediatorId, String actor) {
        ChallengeCase c = store.find(ref).orElse(null);
        if (c == null) return new UnknownCase(ref);
        Mediator m = directory.mediator(mediatorId).orElse(null);
        if (m == null) return new UnknownMediator(mediatorId, directory.mediators().stream().map(Mediator::id).toList());
        if (c.status().closed()) return new NotAllowed(ref, Move.REOPEN, c.status());
        boolean ok = store.apply(new CaseChange(ref, CaseStatus.ASSIGNED, actor, "assigned by hand to " + m.name(),
                List.of(new MediatorId(m.id()), new RoutingReason("assigned by " + actor), new AssignedAt(clock.instant())),
                List.of(CaseEmails.mediatorSummary(c, m.name(), m.email(), store.transcript(c.conversationId()))), null));
        return ok ? new Assigned(ref, m.name()) : new NotAllowed(ref, Move.ASSIGN, c.status());
    }

    /** The mediator took the case on. */
    public CaseReply accept(String ref, String actor) {
        ChallengeCase c = store.find(ref).orElse(null);
        if (c == null) return new UnknownCase(ref);
        boolean ok = store.apply(new CaseChange(ref, CaseStatus.ACCEPTED, actor, "mediator accepted",
                List.of(new AcceptedAt(clock.instant())),
                List.of(CaseEmails.toComplainant(c, "A mediator has taken on your challenge",
                        "An independent mediator has accepted your Compact challenge and will be in touch.", "accepted_notice")), null));
        if (ok) body.accepted(ref, actor); // step 2: the body is asked for its formal response, and the case waits for it
        return ok ? new Accepted(ref) : new NotAllowed(ref, Move.ACCEPT, c.status());
    }

    /** Who this address is on the case (compared without regard to letter case). Says nothing about whether the address is forged. */
    public CaseParty partyOf(String ref, String address) {
        String a = address == null ? "" : address.strip();
        ChallengeCase c = store.find(ref).orElse(null);
        if (c == null || a.isEmpty()) return new CaseParty.Outsider();
        Mediator m = c.mediatorId() == null ? null : directory.mediator(c.mediatorId()).orElse(null);
        if (m != null && m.email().equalsIgnoreCase(a)) return new CaseParty.AssignedMediator(m);
        Mediator acting = m == null ? null : directory.actingFor(m, today());
        if (acting != null && acting != m && acting.email().equalsIgnoreCase(a)) return new CaseParty.AssignedMediator(acting);
        if (c.complainantEmail() != null && c.complainantEmail().equalsIgnoreCase(a)) return new CaseParty.Complainant(c.complainantEmail());
        if (c.body() != null && c.body().email().equalsIgnoreCase(a)) return new CaseParty.BodyContact(c.body().email());
        return new CaseParty.Outsider();
    }

    /**
     * Where the case stands, for the person who raised it only: the address must be the complainant's on the case, or
     * the email conversation the case was raised in. Empty for anyone else, so a reference alone tells nothing.
     */
    public Optional<CaseProgress> progressFor(String ref, String address) {
        String a = address == null ? "" : address.strip();
        if (a.isEmpty()) return Optional.empty();
        return store.find(ref)
                .filter(c -> a.equalsIgnoreCase(c.complainantEmail()) || ConversationId.mail(a).value().equals(c.conversationId()))
                .map(this::progress);
    }

    /** Where the case stands today, its paused time, its area's closure days and the body's deadline counted (ask only for the complainant's own). */
    public CaseProgress progress(ChallengeCase c) {
        return CaseProgress.of(c, today(), pausedTime(c), directory.process(c.area()), c.body() == null ? null : body.deadline(c));
    }

    /** How long the case's clock has stood still (waiting for the complainant or the body), up to today. */
    public PausedTime pausedTime(ChallengeCase c) {
        return PausedTime.of(store.history(c.ref()), today(), directory.process(c.area())::closedOn);
    }

    /** How the case's area runs the process (when the body is asked, its closure days). */
    public AreaProcess process(String area) {
        return directory.process(area);
    }

    /** The day the body's formal response is due, or null when the body has not been asked. */
    public LocalDate bodyDeadline(ChallengeCase c) {
        return c.body() == null ? null : body.deadline(c);
    }

    /** The body's contact wrote on the case's thread (the channel has checked that it answers our request). */
    public CaseReply bodyReply(String ref, String fromAddress, String text, List<Evidence> files) {
        return body.reply(ref, fromAddress, text, files);
    }

    /**
     * A mediator's emailed instruction on a case: ACCEPT, DECLINE reason, INFO question, RESOLVED outcome, or PUBLISH
     * summary once closed ({@link PublishingOutcome}). Only the assigned mediator's address (or their acting deputy's) may.
     */
    public CaseReply mediatorReply(String ref, String fromAddress, String reply) {
        ChallengeCase c = store.find(ref).orElse(null);
        if (c == null) return new UnknownCase(ref);
        Mediator assigned = c.mediatorId() == null ? null : directory.mediator(c.mediatorId()).orElse(null);
        String from = fromAddress == null ? "" : fromAddress.strip();
        // the assigned mediator, or their deputy while they are away (who got the reminders)
        Mediator m = assigned == null ? null : assigned.email().equalsIgnoreCase(from) ? assigned : directory.actingFor(assigned, today());
        if (m == null || !m.email().equalsIgnoreCase(from)) {
            return new NotTheMediator(ref);
        }
        String first = reply == null ? "" : reply.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        String word = first.split("\\s+", 2)[0].toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z]", "");
        String rest = first.contains(" ") ? first.substring(first.indexOf(' ') + 1).strip() : "";
        String actor = "mediator:" + m.id();
        switch (word) {
            case "ACCEPT", "ACCEPTED" -> { return accept(ref, actor); }
            case "DECLINE", "DECLINED" -> {
                if (!store.apply(new CaseChange(ref, null, actor, "passed over: " + m.id() + " declined" + (rest.isEmpty() ? "" : ": " + rest),
                        List.of(), List.of(CaseEmails.toComplainant(c, "Your challenge is going to another mediator",
                                "The mediator first asked to look at your challenge cannot take it on, so it is being passed to another "
                                        + "independent mediator. You do not need to do anything.", "reassigned_notice")), null))) {
                    return new NotAllowed(ref, Move.DECLINE, c.status());
                }
                store.find(ref).ifPresent(fresh -> route(fresh, actor, false));
                return new Declined(ref, m.name());
            }
            case "INFO" -> {
                if (rest.isEmpty()) return new NoQuestion();
                // the clock stops while the complainant is asked (a case already waiting for the body keeps waiting for it)
                CaseStatus to = c.status() == CaseStatus.ACCEPTED || c.status() == CaseStatus.IN_MEDIATION ? CaseStatus.AWAITING_COMPLAINANT : null;
                boolean ok = store.apply(new CaseChange(ref, to, actor, "mediator asked: " + rest, List.of(), List.of(
                        CaseEmails.toComplainant(c, "The mediator has a question", "The mediator looking at your challenge asks:\n\n"
                                + rest + "\n\nPlease reply to this email with your answer.", "info_request")), null));
                return ok ? new QuestionPassed(ref) : new NotAllowed(ref, Move.ASK, c.status());
            }
            case "RESOLVED", "RESOLVE" -> { return close(ref, CaseStatus.RESOLVED, rest.isEmpty() ? "resolved" : rest, actor); }
            case "PUBLISH" -> { return publishing().publish(ref, reply, actor); }
            default -> { return new NoInstruction(); }
        }
    }

    /** Largest single file kept as evidence, and most kept from one email. */
    public static final long MAX_EVIDENCE_BYTES = 10_000_000, MAX_EVIDENCE_PER_EMAIL = 25_000_000;

    /** The names of the files one email kept as evidence, and of those over the limits. */
    record KeptFiles(List<String> kept, List<String> refused) {}

    /** Keeps one email's files as the case's evidence, up to {@link #MAX_EVIDENCE_BYTES} each and {@link #MAX_EVIDENCE_PER_EMAIL} in all. */
    static KeptFiles keepEvidence(CaseStore store, String ref, List<Evidence> files) {
        List<String> kept = new ArrayList<>(), refused = new ArrayList<>();
        long total = 0;
        for (Evidence f : files) {
            if (f.content().length > MAX_EVIDENCE_BYTES || total + f.content().length > MAX_EVIDENCE_PER_EMAIL) {
                refused.add(f.name());
                continue;
            }
            total += f.content().length;
            store.addEvidence(ref, f.name(), f.type(), f.content());
            kept.add(f.name());
        }
        return new KeptFiles(kept, refused);
    }

    /** A file the complainant sent on a case thread. */
    public record Evidence(String name, String type, byte[] content) {}

    /**
     * The complainant wrote on their case's thread (often the answer to a mediator's INFO question):
     * the text goes to the mediator, attachments are kept as evidence up to the limits, and the
     * complainant is told what was kept.
     */
    public CaseReply complainantReply(String ref, String fromAddress, String text, List<Evidence> files) {
        ChallengeCase c = store.find(ref).orElse(null);
        if (c == null || !c.complainantEmail().equalsIgnoreCase(fromAddress == null ? "" : fromAddress.strip())) {
            return new NotTheComplainant(ref);
        }
        if (c.status().closed()) return new ClosingSurvey(surveys, clock).reply(c, text); // the survey's answers, or nothing is added
        KeptFiles k = keepEvidence(store, ref, files);
        List<String> kept = k.kept(), refused = k.refused();
        List<OutgoingEmail> mail = new ArrayList<>();
        String forwarded = (text == null || text.isBlank() ? "(no text)" : text.strip())
                + (kept.isEmpty() ? "" : "\n\nFiles kept as evidence on the case: " + String.join(", ", kept));
        boolean finalResponse = c.awaitingBodyAnswer() && FinalResponseTold.in(text);
        String heading = finalResponse ? "The complainant has had the body's final response" : "The complainant has written";
        String lead = finalResponse ? "The complainant says they have had " + c.body().name() + "'s final response, so the case goes on to "
                + "mediation without waiting for a reply to our request. They wrote:\n\n" : "The complainant wrote:\n\n";
        directory.mediator(c.mediatorId() == null ? "" : c.mediatorId()).ifPresent(m -> mail.add(CaseEmails.notice(m.email(), m.name(), c,
                heading, lead + forwarded, "complainant_message")));
        String note = "complainant wrote" + (kept.isEmpty() ? "" : "; evidence: " + String.join(", ", kept));
        CaseChange change = finalResponse ? body.finalResponseTold(c, "complainant has had the body's final response" + (kept.isEmpty() ? ""
                : "; evidence: " + String.join(", ", kept)), mail)
                // their answer to the mediator's question restarts the clock
                : new CaseChange(ref, c.status() == CaseStatus.AWAITING_COMPLAINANT ? CaseStatus.IN_MEDIATION : null, "complainant", note, List.of(), mail, null);
        boolean ok = store.apply(change);
        MessageAdded added = new MessageAdded(ref, !mail.isEmpty(), kept, refused);
        if (!ok) return new NotAllowed(ref, Move.ADD, c.status());
        return finalResponse ? new CaseReply.FinalResponseNoted(ref, added) : added;
    }

    /** Closes a case with an outcome: resolved, withdrawn, closed_unresolved or signposted. */
    public CaseReply close(String ref, CaseStatus outcome, String note, String actor) {
        if (!outcome.closed()) return new NotAClosingStatus(outcome);
        ChallengeCase c = store.find(ref).orElse(null);
        if (c == null) return new UnknownCase(ref);
        String text = note == null || note.isBlank() ? outcome.id().replace('_', ' ') : note;
        boolean surveyed = !c.status().closed() && new ClosingSurvey(surveys, clock).due(c); // the notice carries the next steps and the survey
        boolean ok = store.apply(new CaseChange(ref, outcome, actor, "closed: " + text, List.of(new ClosedAt(clock.instant()),
                new Field.Outcome(text)), List.of(ClosingNotice.email(c, outcome, text, surveyed)), null));
        if (ok && surveyed) surveys.sent(ref, clock.instant()); // once per case
        return ok ? new Closed(ref, outcome) : new NotAllowed(ref, Move.CLOSE, c.status());
    }

    /**
     * An email about the case came back undeliverable ({@code recipient}, its {@code purpose}, the mail system's
     * reason): noted in the case history, and the lead or mediator told where they should be ({@link UndeliveredEmail}).
     */
    public boolean deliveryFailed(String ref, String recipient, String purpose, String reason) {
        return store.find(ref).map(c -> store.apply(UndeliveredEmail.change(c, directory, recipient, purpose, reason))).orElse(false);
    }

    /** Fires the timers that are due; each fires once per case (and per mediator where it concerns one). */
    public int tick() {
        LocalDate today = today();
        int fired = 0;
        for (ChallengeCase listed : store.list(null, null)) {
            if (listed.status().closed()) continue;
            fired += acceptanceTimers(listed, today);
            ChallengeCase c = store.find(listed.ref()).orElse(listed);
            fired += body.overdue(c, today);
            c = store.find(listed.ref()).orElse(c);
            PausedTime paused = pausedTime(c);
            if (paused.pausedNow()) continue; // waiting for the complainant or the body: the case's timers stand still
            fired += acknowledgementTimer(c, today) + responseTimer(c, today, paused);
        }
        return fired;
    }

    /** Mediator has not accepted: remind after 2 working days, reassign after 3. */
    private int acceptanceTimers(ChallengeCase c, LocalDate today) {
        if (c.status() != CaseStatus.ASSIGNED || c.assignedAt() == null || c.mediatorId() == null) return 0;
        Mediator m = directory.mediator(c.mediatorId()).orElse(null);
        if (m == null) return 0;
        int waited = WorkingDays.between(LocalDate.ofInstant(c.assignedAt(), UK), today, directory.process(c.area())::closedOn);
        if (waited >= REASSIGN_AFTER) {
            if (!store.apply(new CaseChange(c.ref(), null, "timer", "passed over: " + m.id() + " did not accept within "
                    + REASSIGN_AFTER + " working days", List.of(), List.of(), "reassign:" + m.id()))) return 0;
            store.find(c.ref()).ifPresent(fresh -> route(fresh, "timer", false));
            return 1;
        }
        if (waited < REMIND_ACCEPT_AFTER) return 0;
        Mediator to = directory.actingFor(m, today);
        OutgoingEmail reminder = CaseEmails.notice(to.email(), to.name(), c, "Reminder: please accept or decline this case",
                deputising(m, to) + "This case was assigned " + (to == m ? "to you" : "to " + m.name()) + " " + waited
                        + " working days ago. Please reply ACCEPT or DECLINE <reason>; "
                        + "if we do not hear by the end of the next working day it will be reassigned.", "accept_reminder");
        return store.apply(new CaseChange(c.ref(), null, "timer", "reminded " + to.name() + (to == m ? "" : " (deputy for " + m.name() + ")")
                + " to accept", List.of(), List.of(reminder), "accept_reminder:" + m.id())) ? 1 : 0;
    }

    /** The complainant has not been acknowledged within 5 working days: escalate to the Compact lead. */
    private int acknowledgementTimer(ChallengeCase c, LocalDate today) {
        if (c.acknowledgedAt() != null
                || WorkingDays.between(LocalDate.ofInstant(c.createdAt(), UK), today, directory.process(c.area())::closedOn) < ACKNOWLEDGE_WITHIN) return 0;
        List<OutgoingEmail> mail = directory.lead(c.area()).map(l -> List.of(CaseEmails.notice(l.email(), l.name(), c,
                "Escalated: not acknowledged", "This challenge has not been acknowledged to the complainant within " + ACKNOWLEDGE_WITHIN
                        + " working days. Please contact them and check the email set-up.", "escalation"))).orElse(List.of());
        CaseStatus to = c.status() == CaseStatus.ESCALATED ? null : CaseStatus.ESCALATED;
        return store.apply(new CaseChange(c.ref(), to, "timer", "escalated: not acknowledged within " + ACKNOWLEDGE_WITHIN
                + " working days", List.of(), mail, "ack_overdue")) ? 1 : 0;
    }

    /** No resolution 20 working days (the days paused not counted) after the challenge was raised: remind the mediator and the lead. */
    private int responseTimer(ChallengeCase c, LocalDate today, PausedTime paused) {
        int running = WorkingDays.between(LocalDate.ofInstant(c.createdAt(), UK), today, directory.process(c.area())::closedOn) - paused.workingDays();
        if (running < RESPOND_WITHIN) return 0;
        List<OutgoingEmail> mail = new ArrayList<>();
        String body = "No resolution has been recorded " + RESPOND_WITHIN + " working days after this challenge was raised. "
                + "Please send a formal response or record the outcome.";
        Mediator assigned = directory.mediator(c.mediatorId() == null ? "" : c.mediatorId()).orElse(null);
        if (assigned != null) {
            Mediator to = directory.actingFor(assigned, today);
            mail.add(CaseEmails.notice(to.email(), to.name(), c, "Formal response due", deputising(assigned, to) + body, "response_reminder"));
        }
        directory.lead(c.area()).ifPresent(l -> mail.add(CaseEmails.notice(l.email(), l.name(), c, "Formal response due", body, "response_reminder")));
        return store.apply(new CaseChange(c.ref(), null, "timer", "reminded: formal response due", List.of(), mail, "response_due")) ? 1 : 0;
    }

    /** The first line of a reminder that goes to a deputy: whose case it is and why it comes to them. */
    private static String deputising(Mediator assigned, Mediator to) {
        if (assigned == to) return "";
        return "You are receiving this as deputy for " + assigned.name() + ", who is away. You can reply with their instructions "
                + "(ACCEPT, DECLINE, INFO, RESOLVED) while they are.\n\n";
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), UK);
    }
}
