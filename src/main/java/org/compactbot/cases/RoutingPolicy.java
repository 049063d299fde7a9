package org.compactbot.cases;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Routes a new case to a mediator: eligible mediators serve the area, are not absent today,
 * are below capacity, have not declined or timed out on the case and have no conflict of
 * interest with either party. Among them prefer a specialism match, then fewest open cases,
 * then round-robin by id. An absent mediator with a deputy ({@code deputy:} in mediators.yml) stays in the running
 * through the deputy: if the case would be theirs (their specialisms, round-robin by their id) it goes to the deputy,
 * when the deputy passes the same checks (present, below their capacity, not passed over, no conflict of interest),
 * compared by the deputy's open cases. Nobody eligible: the area's Compact lead, or nobody at all.
 */
public final class RoutingPolicy {

    public record Request(String area, List<String> codes, String complainantOrganisation, String complainantEmail,
                          String respondent, LocalDate today, Set<String> excludedMediatorIds) {
        public Request {
            Objects.requireNonNull(area, "area");
            Objects.requireNonNull(today, "today");
            codes = codes == null ? List.of() : List.copyOf(codes);
            excludedMediatorIds = excludedMediatorIds == null ? Set.of() : Set.copyOf(excludedMediatorIds);
        }
    }

    public sealed interface Decision permits Decision.ToMediator, Decision.ToLead, Decision.Nobody {
        String reason();

        record ToMediator(Mediator mediator, String reason) implements Decision {}

        /** Nobody eligible: the area's Compact lead, flagged. */
        record ToLead(AreaLead lead, String reason) implements Decision {}

        /** No eligible mediator and no lead for the area. */
        record Nobody(String reason) implements Decision {}
    }

    /** Public webmail domains: sharing one is not a conflict of interest. */
    static final Set<String> WEBMAIL = Set.of(
            "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "live.com", "live.co.uk",
            "msn.com", "yahoo.com", "yahoo.co.uk", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com",
            "btinternet.com", "btopenworld.com", "sky.com", "talktalk.net", "virginmedia.com", "ntlworld.com",
            "protonmail.com", "proton.me", "gmx.com", "gmx.co.uk", "mail.com", "zoho.com");

    /** Words that do not tell one organisation from another. */
    private static final Set<String> FILLER_WORDS = Set.of(
            "the", "and", "of", "ltd", "limited", "cic", "cio", "charity", "trust", "uk", "plc", "llp", "inc");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final MediatorDirectory directory;

    public RoutingPolicy(MediatorDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** openCases: open cases per mediator id; lastAssigned: id of the mediator who got the previous case in this area (round-robin), or null. */
    public Decision route(Request request, Map<String, Integer> openCases, String lastAssigned) {
        Map<String, Integer> open = openCases == null ? Map.of() : openCases;
        String area = request.area().trim().toLowerCase(Locale.ROOT);
        Set<String> codes = new LinkedHashSet<>();
        for (String c : request.codes()) if (c != null && !c.isBlank()) codes.add(c.trim().toLowerCase(Locale.ROOT));

        List<Mediator> serving = directory.mediators().stream()
                .filter(m -> m.areas().contains(area))
                .sorted(Comparator.comparing(Mediator::id))
                .toList();
        List<Candidate> eligible = new ArrayList<>();
        List<String> exclusions = new ArrayList<>();
        for (Mediator m : serving) {
            List<String> why = exclusions(m, request, open);
            if (why.isEmpty()) {
                eligible.add(new Candidate(m, m));
                continue;
            }
            Optional<Mediator> deputy = m.absentOn(request.today()) ? directory.deputyOf(m) : Optional.empty();
            List<String> deputyWhy = deputy.map(d -> exclusions(d, request, open)).orElse(List.of());
            if (deputy.isPresent() && deputyWhy.isEmpty() && onlyAway(m, request, open)) {
                eligible.add(new Candidate(m, deputy.get())); // the absent mediator's case goes to their deputy
                continue;
            }
            exclusions.add(m.name() + " excluded: " + String.join(", ", why)
                    + deputy.map(d -> "; deputy " + d.name() + (deputyWhy.isEmpty() ? " not asked: " + String.join(", ", awayWhy(m, request, open))
                            : " excluded: " + String.join(", ", deputyWhy))).orElse(""));
        }

        if (eligible.isEmpty()) {
            String because = serving.isEmpty() ? "no mediator serves " + area : String.join("; ", exclusions);
            Optional<AreaLead> lead = directory.lead(area);
            if (lead.isPresent()) {
                return new Decision.ToLead(lead.get(), "no eligible mediator (" + because + "); sent to " + leadLabel(lead.get()));
            }
            return new Decision.Nobody("no eligible mediator (" + because + "); no Compact lead configured for " + area);
        }

        boolean anyMatch = eligible.stream().anyMatch(m -> !matched(m.whose(), codes).isEmpty());
        List<Candidate> tier = anyMatch ? eligible.stream().filter(m -> !matched(m.whose(), codes).isEmpty()).toList() : eligible;
        int fewest = tier.stream().mapToInt(m -> openCount(open, m.taker())).min().orElseThrow();
        List<Candidate> tied = tier.stream().filter(m -> openCount(open, m.taker()) == fewest).toList();
        Candidate picked = roundRobin(tied, lastAssigned);
        Mediator chosen = picked.taker();

        List<String> parts = new ArrayList<>();
        if (picked.whose() != chosen) {
            parts.add("deputy for " + picked.whose().name() + " (absent until " + DAY.format(backOn(picked.whose(), request.today()).minusDays(1)) + ")");
        }
        List<String> matchedCodes = matched(picked.whose(), codes);
        if (!matchedCodes.isEmpty()) {
            parts.add((matchedCodes.size() == 1 ? "specialism " : "specialisms ") + String.join(", ", matchedCodes));
        } else if (!codes.isEmpty()) {
            parts.add("no specialism match for " + String.join(", ", codes));
        }
        parts.add(fewest + (fewest == 1 ? " open case" : " open cases"));
        if (tied.size() > 1) parts.add("round-robin among " + tied.size() + " tied");
        parts.addAll(exclusions);
        return new Decision.ToMediator(chosen, String.join("; ", parts));
    }

    /** Why this mediator, who serves the area, cannot take the case; empty when eligible. */
    private static List<String> exclusions(Mediator m, Request r, Map<String, Integer> open) {
        List<String> why = new ArrayList<>();
        if (r.excludedMediatorIds().contains(m.id())) why.add("declined or timed out");
        if (m.absentOn(r.today())) why.add("absent until " + DAY.format(backOn(m, r.today()).minusDays(1)));
        int n = openCount(open, m);
        if (n >= m.capacity()) why.add("at capacity " + n + "/" + m.capacity());
        if (sameOrganisation(m.organisation(), r.complainantOrganisation())) why.add("same organisation as complainant");
        if (sameOrganisation(m.organisation(), r.respondent())) why.add("same organisation as respondent");
        if (sameEmailDomain(m.email(), r.complainantEmail())) why.add("same email domain as complainant");
        return why;
    }

    /** The first day on or after {@code day} that the mediator is not absent (absences may run back to back). */
    private static LocalDate backOn(Mediator m, LocalDate day) {
        LocalDate d = day;
        while (m.absentOn(d)) d = d.plusDays(1);
        return d;
    }

    private static int openCount(Map<String, Integer> open, Mediator m) {
        Integer n = open.get(m.id());
        return n == null ? 0 : n;
    }

    private static List<String> matched(Mediator m, Set<String> codes) {
        return codes.stream().filter(c -> m.specialisms().stream().anyMatch(s -> s.equalsIgnoreCase(c))).toList();
    }

    /** The first by id after {@code lastAssigned}, wrapping round to the first; candidates are in id order (of whose case it is). */
    private static Candidate roundRobin(List<Candidate> candidates, String lastAssigned) {
        if (lastAssigned != null) {
            for (Candidate m : candidates) if (m.whose().id().compareTo(lastAssigned) > 0) return m;
        }
        return candidates.get(0);
    }

    /** A mediator of the area ({@code whose}) and who takes the case: themselves, or their deputy while they are absent. */
    private record Candidate(Mediator whose, Mediator taker) {}

    /** Whether absence (and the capacity that then does not matter) is all that keeps this mediator from the case. */
    private static boolean onlyAway(Mediator m, Request r, Map<String, Integer> open) {
        return exclusions(m, r, open).stream().allMatch(w -> w.startsWith("absent until") || w.startsWith("at capacity"));
    }

    /** What, beside absence, keeps an absent mediator from the case (so their deputy is not asked either). */
    private static List<String> awayWhy(Mediator m, Request r, Map<String, Integer> open) {
        return exclusions(m, r, open).stream().filter(w -> !w.startsWith("absent until") && !w.startsWith("at capacity")).toList();
    }

    static String leadLabel(AreaLead lead) {
        String name = lead.name() == null ? "" : lead.name().trim();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("the ")) return name;
        if (lower.contains("lead")) return "the " + name;
        return name.isEmpty() ? "the " + lead.area() + " Compact lead" : name + ", the " + lead.area() + " Compact lead";
    }

    /**
     * True when two organisation names denote the same body: equal once normalised, or one
     * contains the other as whole words ("Cheshire West and Chester Council, grants team").
     */
    static boolean sameOrganisation(String a, String b) {
        List<String> x = organisationWords(a);
        List<String> y = organisationWords(b);
        if (x.isEmpty() || y.isEmpty()) return false;
        return x.size() <= y.size() ? containsRun(y, x) : containsRun(x, y);
    }

    /** Lower case, "&amp;" and "and" folded, punctuation dropped, filler words (the, ltd, charity, uk...) removed. */
    static List<String> organisationWords(String name) {
        if (name == null) return List.of();
        String s = name.toLowerCase(Locale.ROOT)
                .replace("&", " and ")
                .replaceAll("['\u2019`]", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .trim();
        if (s.isEmpty()) return List.of();
        return Arrays.stream(s.split(" ")).filter(w -> !FILLER_WORDS.contains(w)).toList();
    }

    private static boolean containsRun(List<String> haystack, List<String> needle) {
        return Collections.indexOfSubList(haystack, needle) >= 0;
    }

    /** True when both addresses share an email domain that is not a public webmail domain. */
    static boolean sameEmailDomain(String a, String b) {
        String x = domain(a);
        String y = domain(b);
        return !x.isEmpty() && x.equals(y) && !WEBMAIL.contains(x);
    }

    private static String domain(String email) {
        if (email == null) return "";
        int at = email.lastIndexOf('@');
        if (at < 0) return "";
        String d = email.substring(at + 1).trim().toLowerCase(Locale.ROOT);
        while (d.endsWith(">") || d.endsWith(".")) d = d.substring(0, d.length() - 1);
        return d;
    }
}
