package org.compactbot.cases;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A mediator publishes an anonymised summary of a closed case ("PUBLISH the council agreed to ..." on the case's
 * thread, its first paragraph, or {@code cases publish REF "summary"}), or takes it down ({@code cases unpublish REF}). Only a closed case;
 * by email only its mediator or their acting deputy (checked where the instruction is read). What is kept is
 * {@link PublishedOutcome}: the summary with the complainant's name, organisation, email (and its domain) and the
 * other people's names known from the case withheld, and the publisher is shown exactly that.
 */
public final class PublishingOutcome {
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private final CaseStore store;
    private final MediatorDirectory directory;
    private final PublishedOutcomes published;
    private final Clock clock;

    public PublishingOutcome(CaseStore store, MediatorDirectory directory, PublishedOutcomes published, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.published = published;
        this.clock = clock;
    }

    /** Publishes the summary of a closed case; {@code text} may start with the word PUBLISH (as an email's does). */
    public CaseReply publish(String ref, String text, String actor) {
        ChallengeCase c = store.find(ref).orElse(null);
        if (c == null) return new CaseReply.UnknownCase(ref);
        if (!c.status().closed()) return new CaseReply.NotClosedYet(ref, c.status());
        // the first paragraph after the word: a sign-off below it is not part of the summary
        String summary = (text == null ? "" : text.replace("\r", "").strip()).replaceFirst("(?i)^publish\\b[:\\s]*", "").split("\n\\s*\n")[0].strip();
        if (summary.isEmpty()) return new CaseReply.NoSummary(ref);
        if (summary.length() > 2000) summary = summary.substring(0, 2000);
        String safe = anonymised(summary, c);
        YearMonth month = YearMonth.from((c.closedAt() == null ? clock.instant() : c.closedAt()).atZone(UK));
        PublishedOutcome o = new PublishedOutcome(ref, c.area(), body(c), undertakings(c), c.status(), month.toString(), safe, actor, clock.instant());
        published.publish(o);
        return new CaseReply.OutcomePublished(ref, o);
    }

    public CaseReply unpublish(String ref) {
        if (store.find(ref).isEmpty()) return new CaseReply.UnknownCase(ref);
        return published.unpublish(ref) ? new CaseReply.OutcomeUnpublished(ref) : new CaseReply.NotPublished(ref);
    }

    /** The summary with every name, address and organisation known from the case withheld, and any email address. */
    String anonymised(String summary, ChallengeCase c) {
        List<String> names = new ArrayList<>(Redaction.fromTheBody(c));
        String e = c.complainantEmail() == null ? "" : c.complainantEmail();
        // a published summary is for everyone: its first word too ("lunchclub" names the group as "lunchclub.org.uk" does)
        if (e.contains("@")) names.add(e.substring(e.indexOf('@') + 1).split("\\.")[0]);
        // the people of the case: its mediator, and the body's contact (the body itself is public)
        if (c.mediatorId() != null) directory.mediator(c.mediatorId()).ifPresent(m -> names.addAll(Redaction.identifiers(m.name(), m.email(), null)));
        directory.bodyFor(c).filter(b -> b.contact() != null).ifPresent(b -> names.addAll(List.of(b.contact().name(), b.contact().email())));
        for (String slot : List.of("name", "organisation")) if (c.answer(slot) != null) names.addAll(Redaction.identifiers(c.answer(slot), null, null));
        String noAddresses = summary.replaceAll("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+", Redaction.WITHHELD); // any address, before names split it
        return Redaction.withhold(noAddresses, names);
    }

    private String body(ChallengeCase c) {
        String named = c.body() != null ? c.body().name() : directory.bodyFor(c).map(PublicBody::name).orElse(null);
        return named != null ? named : Redaction.respondent(c.respondent() == null ? "(unknown)" : c.respondent().strip(), Redaction.identifiers(c));
    }

    static List<String> undertakings(ChallengeCase c) {
        String u = c.answer("undertakings");
        if (u == null || u.isBlank() || u.startsWith("(") || u.equals("none of these")) return List.of();
        return List.of(u.split("; "));
    }
}
