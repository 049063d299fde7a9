package org.compactbot.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last check on every email a case change sends: on a case whose complainant asked not to be named to the body
 * concerned, an email to an address that reaches that body ({@link BodyConcerned#reaches}: its contact, or anyone at its
 * email domain, such as a Compact lead who works for the council) has the complainant's name, organisation, email address
 * and email domain withheld from its subject and text, and carries no attachment.
 *
 * <p>Each email path already leaves them out for the body (the body's request, our answers to it, the lead's summary);
 * this store wraps the real one inside {@link CaseService} so that a path added later, or text the complainant or a
 * mediator typed (a bounce reason quoting the complainant's address, a history line), cannot reach the body either.
 */
final class KeepingConfidence implements CaseStore {
    static final String HELD_BACK = "Attachments were held back from this email, because the complainant asked not to be named to %s. "
            + "The mediator can send what is appropriate.";

    private final CaseStore store;
    private final MediatorDirectory directory;

    KeepingConfidence(CaseStore store, MediatorDirectory directory) {
        this.store = store;
        this.directory = directory;
    }

    @Override
    public boolean apply(CaseChange change) {
        Optional<ChallengeCase> c = change.emails().isEmpty() ? Optional.empty() : store.find(change.ref());
        if (c.isEmpty() || !c.get().confidential()) return store.apply(change);
        List<OutgoingEmail> screened = screen(c.get(), change.emails(), directory);
        return store.apply(new CaseChange(change.ref(), change.to(), change.actor(), change.note(), change.fields(), screened, change.timer()));
    }

    /** The emails as they may go: those that reach the body concerned with the complainant withheld. */
    static List<OutgoingEmail> screen(ChallengeCase c, List<OutgoingEmail> emails, MediatorDirectory directory) {
        BodyConcerned body = BodyConcerned.of(directory, c.area(), c.respondent());
        List<String> ids = Redaction.fromTheBody(c);
        List<OutgoingEmail> out = new ArrayList<>();
        for (OutgoingEmail e : emails) out.add(body.reaches(e.to()) ? withheld(e, ids, body.label(c.respondent())) : e);
        return out;
    }

    private static OutgoingEmail withheld(OutgoingEmail e, List<String> ids, String bodyName) {
        String text = Redaction.withhold(e.text(), ids);
        if (!e.attachments().isEmpty()) text = text + "\n\n" + HELD_BACK.formatted(bodyName) + "\n";
        boolean changed = !text.equals(e.text()) || Redaction.mentions(e.html(), ids) || Redaction.mentions(e.subject(), ids);
        String html = e.html() == null || !changed ? e.html() : CaseEmails.html(text);
        return new OutgoingEmail(e.to(), Redaction.withhold(e.subject(), ids), text, html, List.of(), e.inReplyTo(), e.purpose(),
                e.references());
    }

    @Override public Optional<ChallengeCase> find(String ref) { return store.find(ref); }

    @Override public List<ChallengeCase> list(CaseStatus status, String area) { return store.list(status, area); }

    @Override public List<ChallengeCase> listFor(List<String> areas, List<String> mediatorIds, CaseStatus status) {
        return store.listFor(areas, mediatorIds, status);
    }

    @Override public List<ChallengeCase> raisedIn(String conversationId) { return store.raisedIn(conversationId); }

    @Override public List<CaseEvent> history(String ref) { return store.history(ref); }

    @Override public List<String> unrouted() { return store.unrouted(); }

    @Override public Map<String, Integer> openCasesByMediator() { return store.openCasesByMediator(); }

    @Override public Map<String, Integer> countByStatus() { return store.countByStatus(); }

    @Override public String lastAssigned(String area) { return store.lastAssigned(area); }

    @Override public List<String> passedOver(String ref) { return store.passedOver(ref); }

    @Override public boolean timerFired(String ref, String timer) { return store.timerFired(ref, timer); }

    @Override public List<String> transcript(String conversationId) { return store.transcript(conversationId); }

    @Override public void addEvidence(String ref, String name, String type, byte[] content) { store.addEvidence(ref, name, type, content); }

    @Override public List<Map.Entry<String, Long>> evidence(String ref) { return store.evidence(ref); }
}
