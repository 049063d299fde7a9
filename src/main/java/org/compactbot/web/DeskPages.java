package org.compactbot.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.compactbot.cases.CaseDesk;
import org.compactbot.cases.CaseProgress;
import org.compactbot.cases.CaseReply;
import org.compactbot.cases.CaseStatus;
import org.compactbot.cases.CaseView;
import org.compactbot.cases.DeskUser;
import org.compactbot.cases.EvidenceFiles;
import org.compactbot.cases.StatusByReference;
import org.compactbot.cases.WorkingDays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case desk for a signed-in mediator or Compact lead ({@link CaseDesk}): {@code /desk} lists the cases they may see,
 * filtered by status and a search box (GET parameters: no JavaScript needed), with the next timer in working days;
 * {@code /desk/cases/{ref}} shows one case, its evidence to download and the actions, each a POST form that redirects
 * back to the case with what it did, or why it was refused. A case they may not see is "not found", as a missing one is.
 */
public final class DeskPages {
    private static final Logger LOG = LoggerFactory.getLogger(DeskPages.class);
    static final String HOME = "/desk", CASES = "/desk/cases/";
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final Pattern MEDIA_TYPE = Pattern.compile("[A-Za-z0-9.+-]+/[A-Za-z0-9.+-]+");

    /** What the last action did, shown once on the page it redirected to: done, or refused and why. */
    public record Notice(boolean done, String text) {}

    /** A status the filter offers: its id, its words, whether chosen. */
    public record StatusOption(String id, String words, boolean selected) {}

    /**
     * One line of the list.
     *
     * @param due         the next timer's day, or "" when the process sets none
     * @param workingDays working days until it (negative once passed)
     */
    public record ListRow(String ref, String href, String status, String nextStep, String due, int workingDays, boolean overdue, String area,
                          String body, String codes) {}

    /**
     * The list page: one page of {@link #PAGE} rows of {@code total} matching cases, from the {@code first}-th (1-based),
     * and the links to the pages before and after ("" when there is none); {@code lead}: whether the header links to the
     * report and knowledge gaps pages (a Compact lead's).
     */
    public record ListPage(String userName, String role, List<ListRow> rows, String search, List<StatusOption> statuses, String formToken,
                           Notice notice, int total, int first, String previous, String next, boolean lead) {}

    /** Rows on one page of the list. */
    static final int PAGE = 50;

    public record CasePage(String userName, CaseView view, String due, int workingDays, String formToken, Notice notice,
                           List<String> outcomes, boolean lead) {
        public String href() {
            return CASES + view.c().ref();
        }
    }

    private final Pages pages;
    private final DeskGate gate;
    private final CaseDesk desk;
    private final java.time.Clock clock;

    DeskPages(Pages pages, DeskGate gate, CaseDesk desk, java.time.Clock clock) {
        this.clock = clock;
        this.pages = pages;
        this.gate = gate;
        this.desk = desk;
    }

    /** The signed-in person, or a redirect to sign in (empty). */
    private Optional<DeskUser> signedIn(Context ctx) {
        Optional<DeskUser> u = gate.user(ctx);
        if (u.isEmpty()) ChallengePages.redirect(ctx, DeskSignInPages.SIGN_IN);
        return u;
    }

    /** GET /desk?status=&q= */
    void list(Context ctx) {
        Optional<DeskUser> u = signedIn(ctx);
        if (u.isEmpty()) return;
        String statusId = Optional.ofNullable(ctx.queryParam("status")).orElse("").strip();
        CaseStatus status = CaseStatus.byId(statusId).orElse(null);
        String search = Optional.ofNullable(ctx.queryParam("q")).orElse("");
        LocalDate today = LocalDate.now(clock.withZone(UK));
        int page = 1;
        try {
            page = Math.max(1, Integer.parseInt(Optional.ofNullable(ctx.queryParam("page")).orElse("1").strip()));
        } catch (NumberFormatException e) {
            page = 1;
        }
        CaseDesk.Slice slice = desk.cases(u.get(), status, search, (page - 1) * PAGE, PAGE);
        if (slice.rows().isEmpty() && page > 1) page = 1; // past the end: the first page
        if (page == 1 && slice.rows().isEmpty()) slice = desk.cases(u.get(), status, search, 0, PAGE);
        List<ListRow> rows = slice.rows().stream().map(r -> row(r, today)).toList();
        String query = HOME + "?" + (status == null ? "" : "status=" + status.id() + "&") + (search.isBlank() ? "" : "q="
                + URLEncoder.encode(search, StandardCharsets.UTF_8) + "&") + "page=";
        String previous = page > 1 ? query + (page - 1) : "";
        String next = (long) page * PAGE < slice.total() ? query + (page + 1) : "";
        List<StatusOption> options = Arrays.stream(CaseStatus.values())
                .map(s -> new StatusOption(s.id(), s.id().replace('_', ' '), s == status)).toList();
        String role = u.get().lead() ? "Compact lead" + (u.get().mediator().isPresent() ? " and mediator" : "") : "Mediator";
        DeskSessions.Session session = gate.session(ctx);
        pages.show(ctx, HttpStatus.OK, "pages/desk/list.jte", new ListPage(u.get().name(), role, rows, search, options,
                session.formToken, session.takeFlash(), slice.total(), (page - 1) * PAGE + 1, previous, next, u.get().lead()));
    }

    private static ListRow row(CaseDesk.Row r, LocalDate today) {
        CaseProgress p = r.progress();
        return new ListRow(r.c().ref(), CASES + r.c().ref(), r.c().status().id().replace('_', ' '), timer(r.c().status()),
                p.nextDeadline() == null ? "" : DAY.format(p.nextDeadline()), days(p, today), p.overdue(),
                org.compactbot.knowledge.AreaDetector.displayName(r.c().area()), r.c().respondent() == null ? "" : r.c().respondent(),
                r.c().facts().getOrDefault("codes", ""));
    }

    /** What the next timer waits for, as a mediator would name it. */
    private static String timer(CaseStatus s) {
        return switch (s) {
            case SUBMITTED -> "acknowledgement";
            case ASSIGNED -> "acceptance";
            case ACCEPTED, IN_MEDIATION -> "formal response";
            case AWAITING_BODY -> "body's response";
            case AWAITING_COMPLAINANT -> "paused: complainant's reply";
            default -> "";
        };
    }

    private static int days(CaseProgress p, LocalDate today) {
        if (p.nextDeadline() == null) return 0;
        return p.nextDeadline().isBefore(today) ? -WorkingDays.between(p.nextDeadline(), today) : WorkingDays.between(today, p.nextDeadline());
    }

    /** GET /desk/cases/{ref} */
    void show(Context ctx) {
        Optional<DeskUser> u = signedIn(ctx);
        if (u.isEmpty()) return;
        Optional<CaseView> v = ref(ctx).flatMap(ref -> desk.open(u.get(), ref));
        if (v.isEmpty()) {
            pages.error(ctx, HttpStatus.NOT_FOUND, java.util.Map.of());
            return;
        }
        DeskSessions.Session s = gate.session(ctx);
        CaseProgress p = v.get().progress();
        pages.show(ctx, HttpStatus.OK, "pages/desk/case.jte", new CasePage(u.get().name(), v.get(),
                p.nextDeadline() == null ? "" : DAY.format(p.nextDeadline()), days(p, LocalDate.now(clock.withZone(UK))), s.formToken, s.takeFlash(),
                Arrays.stream(CaseStatus.values()).filter(CaseStatus::closed).map(CaseStatus::id).toList(), u.get().lead()));
    }

    /** GET /desk/cases/{ref}/evidence/{n}: the file as a download, in its stored type. */
    void evidence(Context ctx) {
        Optional<DeskUser> u = signedIn(ctx);
        if (u.isEmpty()) return;
        int n;
        try {
            n = Integer.parseInt(ctx.pathParam("n"));
        } catch (NumberFormatException e) {
            n = 0;
        }
        int number = n;
        Optional<EvidenceFiles.StoredFile> f = ref(ctx).flatMap(ref -> desk.evidence(u.get(), ref, number));
        if (f.isEmpty()) {
            pages.error(ctx, HttpStatus.NOT_FOUND, java.util.Map.of());
            return;
        }
        String type = f.get().type() != null && MEDIA_TYPE.matcher(f.get().type()).matches() ? f.get().type() : "application/octet-stream";
        String name = f.get().name() == null || f.get().name().isBlank() ? "evidence-" + n : f.get().name();
        String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        ctx.header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        ctx.contentType(type).result(f.get().content());
    }

    /** POST /desk/cases/{ref}/{action}: the action, then back to the case with what it did (or why not). */
    void act(Context ctx) {
        Optional<DeskUser> u = signedIn(ctx);
        if (u.isEmpty()) return;
        Optional<String> ref = ref(ctx);
        if (ref.isEmpty() || desk.open(u.get(), ref.get()).isEmpty()) {
            pages.error(ctx, HttpStatus.NOT_FOUND, java.util.Map.of());
            return;
        }
        FormFields form = gate.form(ctx);
        DeskUser me = u.get();
        String r = ref.get();
        CaseReply reply = switch (ctx.pathParam("action")) {
            case "accept" -> desk.accept(me, r);
            case "decline" -> desk.decline(me, r, form.first("reason"));
            case "info" -> desk.askForInformation(me, r, form.first("question"));
            case "resolve" -> desk.resolve(me, r, form.first("note"));
            case "assign" -> desk.assign(me, r, form.first("mediator"));
            case "close" -> desk.close(me, r, form.first("outcome"), form.first("note"));
            default -> null;
        };
        if (reply == null) {
            pages.error(ctx, HttpStatus.NOT_FOUND, java.util.Map.of());
            return;
        }
        LOG.info("desk action {} on a case: {}", ctx.pathParam("action"), reply.ok() ? "done" : reply.getClass().getSimpleName());
        gate.session(ctx).flash(new Notice(reply.ok(), words(reply)));
        // a case declined goes to another mediator: then back to the list, which says so
        ChallengePages.redirect(ctx, desk.open(me, r).isPresent() ? CASES + r : HOME);
    }

    /** The reply in words for the desk (the email commands' words, but for the one that says "by email"). */
    static String words(CaseReply reply) {
        if (reply instanceof CaseReply.NotTheMediator n) {
            return "Only the mediator of " + n.ref() + " (or their deputy while they are away) can do that, and only the area's Compact lead can assign or close it.";
        }
        return reply.message();
    }

    private static Optional<String> ref(Context ctx) {
        return StatusByReference.reference(ctx.pathParam("ref"));
    }
}
