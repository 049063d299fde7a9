package org.compactbot.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.compactbot.conversation.Channel;
import org.compactbot.conversation.ConversationId;
import org.compactbot.conversation.PersonHandover;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Someone asked for a person: the area's Compact lead ({@code leads:} in mediators.yml) is emailed, through the
 * {@link Outbox}, the conversation so far (the stored transcript and the message in which they asked) and how to reach
 * them (their channel and address or Slack user, the email and phone they gave), and asked to be in touch within
 * {@value #CONTACT_WITHIN} working days ({@link WorkingDays}). A person who asked for their name to be kept from the
 * body concerned is flagged so at the top, as the mediator's summary does; and where the lead's address is that body's
 * ({@link BodyConcerned}: in the shipped file each area's lead is the council's Compact lead officer), such a person is
 * handed to an independent mediator of the area instead, chosen as {@link RoutingPolicy} would choose one for their
 * case, or, with none free, to nobody: they are told so, and given the lead's address to write to themselves if they
 * wish. The log says only the channel and the area. No lead for the area: nothing is sent.
 */
public final class HandingToAPerson implements PersonHandover {
    /** Working days within which the lead is asked to contact the person. */
    public static final int CONTACT_WITHIN = 2;
    private static final Logger LOG = LoggerFactory.getLogger(HandingToAPerson.class);

    /** A conversation's stored transcript, one line per message ("<when> person: ...", "<when> bot: ..."). */
    public interface Transcripts {
        List<String> of(String conversationId);
    }

    private final MediatorDirectory directory;
    private final Outbox outbox;
    private final Transcripts transcripts;

    public HandingToAPerson(MediatorDirectory directory, Outbox outbox, Transcripts transcripts) {
        this.directory = directory;
        this.outbox = outbox;
        this.transcripts = transcripts;
    }

    @Override
    public Handed handOver(Request r) {
        AreaLead lead = directory.lead(r.area()).orElse(null);
        if (lead == null) {
            LOG.info("person requested ({} channel, area {}): no Compact lead configured, nothing sent", r.conversation().channel().id(), r.area());
            return new Handed.NoLead(r.area());
        }
        LocalDate by = WorkingDays.plus(r.today(), CONTACT_WITHIN);
        List<String> transcript = new ArrayList<>(transcripts.of(r.conversation().value()));
        transcript.add("(just now) person: " + r.latest());
        BodyConcerned body = BodyConcerned.of(directory, r.area(), r.respondent());
        if (r.confidential() && body.reaches(lead.email())) {
            // the lead is the body's own officer, and the person asked to be kept from the body: an independent mediator instead
            String bodyName = body.label(r.respondent());
            Mediator m = independentMediator(r).orElse(null);
            if (m == null) {
                LOG.info("person requested ({} channel, area {}): confidential, the lead is the body's and no mediator is free: nothing sent",
                        r.conversation().channel().id(), r.area());
                return new Handed.Withheld(RoutingPolicy.leadLabel(lead), bodyName, lead.email());
            }
            String why = "This comes to you rather than to " + RoutingPolicy.leadLabel(lead) + ", because the Compact lead's address is "
                    + bodyName + "'s and this person has asked that their identity is not disclosed to it. Please do not pass their "
                    + "details on to " + bodyName + ".";
            outbox.enqueue(email(m.name(), m.email(), why, r, by, transcript), r.caseRef());
            LOG.info("person requested ({} channel, area {}): confidential, an independent mediator was emailed", r.conversation().channel().id(), r.area());
            return new Handed.Asked(m.name() + ", an independent Compact mediator", by);
        }
        outbox.enqueue(email(lead.name(), lead.email(), null, r, by, transcript), r.caseRef());
        LOG.info("person requested ({} channel, area {}): the area's Compact lead was emailed", r.conversation().channel().id(), r.area());
        return new Handed.Asked(RoutingPolicy.leadLabel(lead), by);
    }

    /** A mediator of the area who could take this person's case (not of their organisation, nor of the body's), as routing would pick. */
    private Optional<Mediator> independentMediator(Request r) {
        RoutingPolicy.Decision d = new RoutingPolicy(directory).route(new RoutingPolicy.Request(r.area(), List.of(), r.organisation(), r.email(),
                r.respondent(), r.today(), Set.of()), Map.of(), null);
        return d instanceof RoutingPolicy.Decision.ToMediator to ? Optional.of(to.mediator()) : Optional.empty();
    }

    /** The email to the one asked (the lead, or a mediator and {@code why}): who asked, how to reach them, by when, and the conversation. Pure. */
    static OutgoingEmail email(String toName, String toAddress, String why, Request r, LocalDate by, List<String> transcript) {
        StringBuilder t = new StringBuilder("Dear ").append(toName).append(",\n\n");
        if (r.confidential()) {
            t.append("CONFIDENTIAL: this person has asked that their identity is NOT disclosed to ")
                    .append(r.respondent() == null ? "the body concerned" : CaseEmails.oneLine(r.respondent())).append(".\n\n");
        }
        if (why != null) t.append(why).append("\n\n");
        t.append("Someone using Compact Bot (").append(CaseEmails.areaName(r.area())).append(") has asked to talk to a person. ")
                .append("They have been told that you will contact them by ").append(day(by))
                .append(" (within ").append(CONTACT_WITHIN).append(" working days).\n\nHow to reach them\n");
        for (String line : reach(r)) t.append("  ").append(line).append('\n');
        if (r.name() != null) t.append("  Name: ").append(CaseEmails.oneLine(r.name())).append('\n');
        if (r.organisation() != null) t.append("  Organisation: ").append(CaseEmails.oneLine(r.organisation())).append('\n');
        if (r.respondent() != null) t.append("  Concern about: ").append(CaseEmails.oneLine(r.respondent())).append('\n');
        if (r.caseRef() != null) t.append("  Their case: ").append(r.caseRef()).append('\n');
        t.append("\nThe conversation so far:\n\n").append(String.join("\n", transcript)).append("\n\nCompact Bot\n");
        String subject = (r.caseRef() == null ? "" : "[" + r.caseRef() + "] ") + "Please contact: someone asked to talk to a person ("
                + CaseEmails.areaName(r.area()) + ")";
        return new OutgoingEmail(toAddress, subject, t.toString(), CaseEmails.html(t.toString()), List.of(), null, "person_request");
    }

    /** How the lead can reach the person: the email and phone they gave, and the channel they wrote in. */
    private static List<String> reach(Request r) {
        List<String> out = new ArrayList<>();
        if (r.email() != null) out.add("Email: " + CaseEmails.oneLine(r.email()));
        if (r.phone() != null) out.add("Phone: " + CaseEmails.oneLine(r.phone()));
        ConversationId id = r.conversation();
        Channel ch = id.channel();
        if (ch == Channel.MAIL) {
            out.add("They wrote by email from " + CaseEmails.oneLine(id.key()) + " (write to them there; replying to this email does not reach them)");
        } else if (ch == Channel.SLACK) {
            String[] parts = id.key().split(":", 2);
            out.add("They wrote in Slack: user " + (parts.length > 1 ? parts[1] : id.key()) + " in workspace " + parts[0]
                    + " (a direct message reaches them)");
        } else {
            out.add("They wrote in the " + (ch == Channel.API ? "web chat" : ch == Channel.CLI ? "terminal chat" : ch.id() + " chat")
                    + " (conversation " + id.value() + "), which cannot reach them: use the details above");
        }
        return out;
    }

    private static String day(LocalDate d) {
        return d.format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.UK));
    }
}
