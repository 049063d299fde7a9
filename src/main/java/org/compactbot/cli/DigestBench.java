package org.compactbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.compactbot.app.Casework;
import org.compactbot.app.Storage;
import org.compactbot.cases.AreaLead;
import org.compactbot.cases.CaseChange;
import org.compactbot.cases.CaseChange.Field;
import org.compactbot.cases.CaseStatus;
import org.compactbot.cases.CaseStore;
import org.compactbot.cases.ChallengeCase;
import org.compactbot.cases.DigestEmail;
import org.compactbot.cases.SendingWeeklyDigests;
import org.compactbot.cases.WeeklyDigest;
import org.compactbot.config.AppConfig;
import org.compactbot.conversation.Conversation;
import org.compactbot.conversation.ConversationStore;

/**
 * bench --only digest: a throwaway SQLite database with 10,000 cases spread over the configured areas and the statuses
 * (seeded, each with the history its status needs, so paused time and the bodies' deadlines are real), then the time to
 * build every area's weekly digest and its email, as the Monday run does, over repeated rounds.
 */
final class DigestBench {
    static final int CASES = 10_000;
    private static final ZoneId UK = ZoneId.of("Europe/London");
    /** The Monday 07:00 the digests are built for. */
    static final Instant MONDAY = Instant.parse("2026-12-07T07:00:00Z");
    private static final List<String> UNDERTAKINGS = List.of(
            "West Cheshire Compact › Managing Changes to Services › Public sector undertaking 3",
            "West Cheshire Compact › Consultation › Shared undertaking 3",
            "West Cheshire Compact › Funding › Public sector undertaking 1",
            "Wolverhampton Compact Principles › 5.4", "Wolverhampton Compact Principles › 3.4",
            "Redcar & Cleveland Compact › Consultation code", "Wolverhampton BME Code of Practice › 2.1");

    private final PrintWriter out;
    private final AppConfig config;
    private final int rounds;

    DigestBench(PrintWriter out, AppConfig config, int rounds) {
        this.out = out;
        this.config = config;
        this.rounds = rounds;
    }

    /** A clock the seeding moves forward, case by case and step by step. */
    static final class MovingClock extends Clock {
        Instant now = MONDAY;

        @Override
        public ZoneId getZone() {
            return UK;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    void run(Path work) throws Exception {
        MovingClock clock = new MovingClock();
        Path data = work.resolve("data-digest");
        Files.createDirectories(data);
        AppConfig cfg = BenchCommand.benchConfig(config, data, work.resolve("digest.db"), config.knowledge().dir());
        try (Storage storage = Storage.open(cfg, clock)) {
            Casework casework = Casework.of(cfg, storage, clock, BenchCommand.QUIET);
            List<String> areas = casework.directory().leads().values().stream().map(AreaLead::area).sorted().toList();
            long t0 = System.nanoTime();
            Map<CaseStatus, Integer> seeded = seed(storage, areas, clock);
            out.printf(Locale.ROOT, "seeded %d cases over %d areas in %.1f s: %s%n", CASES, areas.size(), BenchCommand.secs(t0), seeded);
            clock.now = MONDAY;
            SendingWeeklyDigests digests = casework.digests(storage, clock);
            for (String a : areas) DigestEmail.of(digests.digest(a), casework.directory().lead(a).orElseThrow()); // warm-up
            List<Long> perArea = new ArrayList<>(), all = new ArrayList<>();
            int open = 0, overdue = 0;
            for (int r = 0; r < rounds; r++) {
                long round = System.nanoTime();
                open = 0;
                overdue = 0;
                for (String a : areas) {
                    long t = System.nanoTime();
                    WeeklyDigest d = digests.digest(a);
                    DigestEmail.of(d, casework.directory().lead(a).orElseThrow());
                    perArea.add(System.nanoTime() - t);
                    open += d.open().size();
                    overdue += d.overdue().size();
                }
                all.add(System.nanoTime() - round);
            }
            out.printf(Locale.ROOT, "one area's digest, cases read to email written (n=%d): p50 %.1f ms, p99 %.1f ms%n",
                    perArea.size(), BenchCommand.pct(perArea, 50), BenchCommand.pct(perArea, 99));
            out.printf(Locale.ROOT, "every area's digest, %d areas (n=%d rounds): p50 %.1f ms, p99 %.1f ms (%d open cases, %d overdue timers)%n",
                    areas.size(), all.size(), BenchCommand.pct(all, 50), BenchCommand.pct(all, 99), open, overdue);
            t0 = System.nanoTime();
            int sent = (int) digests.sendDue().stream().filter(x -> x.kind() == SendingWeeklyDigests.Result.Kind.SENT).count();
            out.printf(Locale.ROOT, "the Monday run (build, record once per area and week, queue in the outbox): %d digests in %.1f ms%n",
                    sent, (System.nanoTime() - t0) / 1e6);
        }
    }

    /** The cases, in transactions of 500, each moved through its statuses with the clock moving on between steps. */
    static Map<CaseStatus, Integer> seed(Storage storage, List<String> areas, MovingClock clock) throws Exception {
        Random r = new Random(16);
        ObjectMapper json = new ObjectMapper();
        Map<CaseStatus, Integer> counts = new java.util.TreeMap<>();
        ConversationStore convs = storage.conversations();
        for (int start = 0; start < CASES; start += 500) {
            int from = start;
            storage.database().allOrNothing(() -> {
                for (int i = from; i < Math.min(CASES, from + 500); i++) {
                    String area = areas.get(r.nextInt(areas.size()));
                    clock.now = MONDAY.minus(Duration.ofMinutes(r.nextInt(200 * 24 * 60)));
                    String ref;
                    try {
                        ref = convs.commitTurn(new Conversation("bench-digest-" + i, "bench", clock.now), List.of(),
                                new ConversationStore.NewCase(area, "the council", "Group " + r.nextInt(500), "Person " + i,
                                        "person" + i + "@group.example", json.writeValueAsString(details(r, area)))).orElseThrow();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    CaseStatus at = history(storage, ref, r, clock);
                    counts.merge(at, 1, Integer::sum);
                }
                return null;
            });
        }
        storage.database().inTransaction(c -> { // four in five acknowledged, as the outbox does when the acknowledgement goes
            try (var s = c.createStatement()) {
                return s.executeUpdate("UPDATE cases SET acknowledged_at = created_at WHERE seq % 5 <> 0");
            }
        });
        return counts;
    }

    private static Map<String, Object> details(Random r, String area) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("area", area);
        d.put("respondent", "the council");
        d.put("what_happened", "The council cut our grant with little notice.");
        String u = UNDERTAKINGS.get(r.nextInt(UNDERTAKINGS.size()));
        d.put("undertakings", r.nextInt(4) == 0 ? u + "; " + UNDERTAKINGS.get(r.nextInt(UNDERTAKINGS.size())) : u);
        d.put("consent", r.nextInt(3) == 0 ? "confidential" : "share");
        d.put("details", Map.of("codes", "funding"));
        return d;
    }

    /** Moves one case along a seeded path: how far it gets, and whether it waits for the body or the complainant on the way. */
    private static CaseStatus history(Storage storage, String ref, Random r, MovingClock clock) {
        var store = storage.cases();
        int steps = r.nextInt(10) < 6 ? 7 : r.nextInt(7); // 0: submitted ... 7: closed (six in ten)
        CaseStatus at = CaseStatus.SUBMITTED;
        if (steps >= 1) at = move(store, ref, CaseStatus.ASSIGNED, clock, r, t -> List.of(new Field.MediatorId("m-consult"), new Field.AssignedAt(t)));
        if (steps == 2 && r.nextBoolean()) return move(store, ref, CaseStatus.ESCALATED, clock, r, t -> List.of());
        if (steps >= 3) at = move(store, ref, CaseStatus.ACCEPTED, clock, r, t -> List.of(new Field.AcceptedAt(t)));
        if (steps >= 4) at = move(store, ref, CaseStatus.AWAITING_BODY, clock, r,
                t -> List.of(new Field.BodyAsked("Council of " + ref, "compact@council.example", t)));
        if (steps >= 5) at = move(store, ref, CaseStatus.IN_MEDIATION, clock, r,
                t -> List.of(new Field.BodyAnswered(t, ChallengeCase.BodyRequest.Answer.REPLIED)));
        if (steps >= 6) {
            at = move(store, ref, CaseStatus.AWAITING_COMPLAINANT, clock, r, t -> List.of());
            if (steps >= 7 || r.nextBoolean()) at = move(store, ref, CaseStatus.IN_MEDIATION, clock, r, t -> List.of());
        }
        if (steps >= 7) {
            CaseStatus end = List.of(CaseStatus.RESOLVED, CaseStatus.WITHDRAWN, CaseStatus.CLOSED_UNRESOLVED, CaseStatus.SIGNPOSTED).get(r.nextInt(4));
            at = move(store, ref, end, clock, r, t -> List.of(new Field.ClosedAt(t), new Field.Outcome(end.id())));
        }
        return at;
    }

    /** One step, some hours to nine days after the last (never past the Monday), with the fields it records at that time. */
    private static CaseStatus move(CaseStore store, String ref, CaseStatus to, MovingClock clock, Random r, Function<Instant, List<Field>> fields) {
        Instant next = clock.now.plus(Duration.ofHours(4 + r.nextInt(24 * 9)));
        if (next.isBefore(MONDAY)) clock.now = next;
        if (!store.apply(new CaseChange(ref, to, "bench", "bench: " + to.id(), fields.apply(clock.now), List.of(), null))) {
            throw new IllegalStateException("bench: " + ref + " could not move to " + to.id());
        }
        return to;
    }
}
