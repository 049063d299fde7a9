package org.compactbot.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An email about a case came back undeliverable: the line for the case history ("Email to the mediator could not be
 * delivered: ...") and who is told, so that a dead address is noticed. A mediator's dead address is the area's Compact
 * lead's to fix (the directory, or assigning the case to someone else); a complainant's is the mediator's to work
 * round (or the lead's while no mediator has the case). Nobody is told about the lead's own address, a public body's,
 * or a notice of this kind (the history and the log say it), so one dead address never sets off a chain of emails.
 * Notices go only to the mediator or the lead, never to the body concerned, and name nobody the case keeps confidential.
 * Pure.
 */
public final class UndeliveredEmail {
    static final String PURPOSE = "undeliverable_notice";

    private UndeliveredEmail() {}

    /** Who the undelivered email was for, in the words of the case history. */
    enum Role {
        MEDIATOR("the mediator"), FORMER_MEDIATOR("a mediator"), COMPLAINANT("the complainant"), LEAD("the Compact lead"),
        BODY("the public body"), OTHER("the recipient");

        final String words;

        Role(String words) {
            this.words = words;
        }
    }

    static Role role(ChallengeCase c, MediatorDirectory directory, String recipient) {
        String a = recipient == null ? "" : recipient.strip();
        Optional<Mediator> assigned = assigned(c, directory);
        if (assigned.isPresent() && assigned.get().email().equalsIgnoreCase(a)) return Role.MEDIATOR;
        if (c.complainantEmail() != null && c.complainantEmail().equalsIgnoreCase(a)) return Role.COMPLAINANT;
        if (directory.mediators().stream().anyMatch(m -> m.email().equalsIgnoreCase(a))) return Role.FORMER_MEDIATOR;
        if (directory.lead(c.area()).filter(l -> l.email().equalsIgnoreCase(a)).isPresent()) return Role.LEAD;
        if (directory.bodies().stream().anyMatch(b -> b.contact() != null && a.equalsIgnoreCase(b.contact().email()))) return Role.BODY;
        return Role.OTHER;
    }

    /** The change recording it on the case: a history line, and the notices (if any) in the same transaction. */
    static CaseChange change(ChallengeCase c, MediatorDirectory directory, String recipient, String purpose, String reason) {
        Role role = role(c, directory, recipient);
        String why = reason == null || reason.isBlank() ? "no reason given" : CaseEmails.oneLine(reason);
        String note = "Email to " + role.words + " could not be delivered: " + why;
        List<OutgoingEmail> notices = new ArrayList<>();
        if (!PURPOSE.equals(purpose)) {
            Optional<AreaLead> lead = directory.lead(c.area());
            switch (role) {
                case MEDIATOR, FORMER_MEDIATOR -> lead.ifPresent(l -> notices.add(CaseEmails.notice(l.email(), l.name(), c,
                        "Email to the mediator could not be delivered",
                        "Our email to " + mediatorName(directory, recipient) + " about this case could not be delivered: " + why + "\n\n"
                                + "Their address in the mediator directory may be wrong or no longer in use."
                                + (role == Role.MEDIATOR ? " The case waits for them: please reach them another way, or assign it to "
                                + "another mediator." : ""), PURPOSE)));
                case COMPLAINANT -> {
                    String body = "Our email to the complainant about this case could not be delivered: " + why + "\n\n"
                            + "They may have given us a wrong address; please reach them another way if you can.";
                    Optional<Mediator> m = assigned(c, directory);
                    if (m.isPresent()) notices.add(CaseEmails.notice(m.get().email(), m.get().name(), c,
                            "Email to the complainant could not be delivered", body, PURPOSE));
                    else lead.ifPresent(l -> notices.add(CaseEmails.notice(l.email(), l.name(), c,
                            "Email to the complainant could not be delivered", body, PURPOSE)));
                }
                default -> { }
            }
            notices.removeIf(n -> n.to().equalsIgnoreCase(recipient == null ? "" : recipient.strip()));
        }
        return new CaseChange(c.ref(), null, "mail system", note, List.of(), notices, null);
    }

    private static Optional<Mediator> assigned(ChallengeCase c, MediatorDirectory directory) {
        return c.mediatorId() == null ? Optional.empty() : directory.mediator(c.mediatorId());
    }

    private static String mediatorName(MediatorDirectory directory, String address) {
        return directory.mediators().stream().filter(m -> m.email().equalsIgnoreCase(address)).map(Mediator::name).findFirst()
                .orElse("the mediator");
    }
}
