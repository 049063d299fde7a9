package org.compactbot.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The case desk's use cases for a signed-in mediator or Compact lead: which cases they may see (a mediator those
 * assigned to them, and those of a mediator they deputise for while that mediator is away; a lead the whole of their
 * areas), each case as they may see it ({@link CaseView}), its evidence, and the actions on it, which go through the
 * same {@link CaseService} methods, rules and audit as the email commands and the CLI. A case a person may not see is
 * answered as if it did not exist.
 */
public final class CaseDesk {
    private static final ZoneId UK = ZoneId.of("Europe/London");

    /** One line of the cases list. */
    public record Row(ChallengeCase c, CaseProgress progress) {}

    private final CaseStore store;
    private final EvidenceFiles files;
    private final CaseService cases;
    private final MediatorDirectory directory;
    private final Clock clock;

    public CaseDesk(CaseStore store, EvidenceFiles files, CaseService cases, MediatorDirectory directory, Clock clock) {
        this.store = store;
        this.files = files;
        this.cases = cases;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * The cases the person may see, newest first, at the status given (null: any), whose reference, body or account of
     * what happened contains {@code search} (blank: any) in any letter case.
     */
    public List<Row> cases(DeskUser user, CaseStatus status, String search) {
        return cases(user, status, search, 0, Integer.MAX_VALUE).rows();
    }

    /** One page of the list: its rows, and how many cases match in all. */
    public record Slice(List<Row> rows, int total) {}

    /**
     * The same cases, but only {@code limit} of them from the {@code from}-th (0-based), with the progress read for those
     * alone: a list of thousands of cases is shown a page at a time.
     */
    public Slice cases(DeskUser user, CaseStatus status, String search, int from, int limit) {
        String q = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        List<Row> out = new ArrayList<>();
        int total = 0;
        for (ChallengeCase c : store.listFor(user.leadAreas(), mediatorIds(user), status)) {
            if (!visible(user, c) || !q.isEmpty() && !matches(c, q, withheld(user, c))) continue;
            if (total >= from && total - from < limit) out.add(new Row(c, cases.progress(c)));
            total++;
        }
        return new Slice(out, total);
    }

    /** Whether the search finds the case; searching for a withheld complainant's name finds nothing their text says. */
    private static boolean matches(ChallengeCase c, String q, boolean withheld) {
        List<String> ids = withheld ? Redaction.fromTheBody(c) : List.of();
        for (String s : new String[] {c.ref(), Redaction.withhold(c.respondent(), ids), c.body() == null ? null : c.body().name(),
                Redaction.withhold(c.answer("what_happened"), ids)}) {
            if (s != null && s.toLowerCase(Locale.ROOT).contains(q)) return true;
        }
        return false;
    }

    /** The mediators whose cases the person has: themselves, and those they are acting for today as deputy. */
    private List<String> mediatorIds(DeskUser user) {
        if (user.mediator().isEmpty()) return List.of();
        Mediator me = user.mediator().get();
        List<String> ids = new ArrayList<>(List.of(me.id()));
        for (Mediator m : directory.mediators()) if (!m.id().equals(me.id()) && directory.actingFor(m, today()).id().equals(me.id())) ids.add(m.id());
        return ids;
    }

    /** Whether the person may see the case: its lead, its mediator, or the deputy acting for its mediator today. */
    public boolean visible(DeskUser user, ChallengeCase c) {
        return user.leadOf(c.area()) || mediates(user, c);
    }

    /** Whether the person is the case's mediator, or the deputy acting for them today. */
    private boolean mediates(DeskUser user, ChallengeCase c) {
        if (user.mediator().isEmpty() || c.mediatorId() == null) return false;
        Mediator me = user.mediator().get();
        if (me.id().equals(c.mediatorId())) return true;
        return directory.mediator(c.mediatorId()).map(m -> directory.actingFor(m, today()).id().equals(me.id())).orElse(false);
    }

    /** The case as the person may see it; empty when there is no such case or they may not see it. */
    public Optional<CaseView> open(DeskUser user, String ref) {
        Optional<ChallengeCase> found = store.find(ref).filter(c -> visible(user, c));
        if (found.isEmpty()) return Optional.empty();
        ChallengeCase c = found.get();
        boolean withheld = withheld(user, c);
        boolean lead = user.leadOf(c.area());
        boolean mediating = mediates(user, c);
        String mediatorName = c.mediatorId() == null ? "" : c.mediatorId().startsWith("lead:")
                ? directory.lead(c.mediatorId().substring(5)).map(AreaLead::name).orElse("") : directory.mediator(c.mediatorId()).map(Mediator::name).orElse("");
        List<Mediator> ofArea = lead ? directory.mediators().stream().filter(m -> m.areas().contains(c.area())).toList() : List.of();
        return Optional.of(CaseView.of(c, cases.progress(c), withheld, mediatorName, store.evidence(ref), store.history(ref),
                mediating && !c.status().closed(), lead && !c.status().closed(), ofArea));
    }

    /** Whether the complainant asked not to be named to the body, and the person's address reaches it. */
    private boolean withheld(DeskUser user, ChallengeCase c) {
        return c.confidential() && BodyConcerned.of(directory, c.area(), c.respondent()).reaches(user.email());
    }

    /**
     * The case's {@code n}th evidence file, for a person who may see the case; none for one the complainant is withheld
     * from (a file may name them, so none is attached to the body's mail either).
     */
    public Optional<EvidenceFiles.StoredFile> evidence(DeskUser user, String ref, int n) {
        if (store.find(ref).filter(c -> visible(user, c) && !withheld(user, c)).isEmpty()) return Optional.empty();
        return files.file(ref, n);
    }

    // ---------------------------------------------------------------- actions: the email commands' rules and audit

    /** ACCEPT, as the mediator's email would say it. */
    public CaseReply accept(DeskUser user, String ref) {
        return asMediator(user, ref, "ACCEPT");
    }

    public CaseReply decline(DeskUser user, String ref, String reason) {
        return asMediator(user, ref, "DECLINE " + oneLine(reason));
    }

    /** INFO: the question is passed to the complainant (an empty one is refused, as by email). */
    public CaseReply askForInformation(DeskUser user, String ref, String question) {
        return asMediator(user, ref, "INFO " + oneLine(question));
    }

    public CaseReply resolve(DeskUser user, String ref, String note) {
        return asMediator(user, ref, "RESOLVED " + oneLine(note));
    }

    private CaseReply asMediator(DeskUser user, String ref, String instruction) {
        if (user.mediator().isEmpty()) return new CaseReply.NotTheMediator(ref);
        return cases.mediatorReply(ref, user.email(), instruction);
    }

    /** A lead assigns a case of their area to one of the area's mediators. */
    public CaseReply assign(DeskUser user, String ref, String mediatorId) {
        Optional<ChallengeCase> c = store.find(ref);
        if (c.isEmpty()) return new CaseReply.UnknownCase(ref);
        if (!user.leadOf(c.get().area())) return new CaseReply.NotTheMediator(ref);
        List<String> ofArea = directory.mediators().stream().filter(m -> m.areas().contains(c.get().area())).map(Mediator::id).toList();
        if (!ofArea.contains(mediatorId)) return new CaseReply.UnknownMediator(mediatorId == null ? "" : mediatorId, ofArea);
        return cases.assign(ref, mediatorId, user.actor(c.get()));
    }

    /** A lead closes a case of their area with an outcome: resolved, withdrawn, closed_unresolved or signposted. */
    public CaseReply close(DeskUser user, String ref, String outcome, String note) {
        Optional<ChallengeCase> c = store.find(ref);
        if (c.isEmpty()) return new CaseReply.UnknownCase(ref);
        if (!user.leadOf(c.get().area())) return new CaseReply.NotTheMediator(ref);
        Optional<CaseStatus> s = CaseStatus.byId(outcome == null ? "" : outcome.strip());
        if (s.isEmpty() || !s.get().closed()) return new CaseReply.NotAClosingStatus(s.orElse(null));
        return cases.close(ref, s.get(), oneLine(note), user.actor(c.get()));
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), UK);
    }
}
