package org.compactbot.cases;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mediators, each area's Compact lead (and how the area runs the process: {@link AreaProcess}) and the public bodies a
 * challenge can be about, as configured in config/mediators.yml.
 */
public record MediatorDirectory(List<Mediator> mediators, Map<String, AreaLead> leads, List<PublicBody> bodies,
                                Map<String, AreaProcess> processes) {
    public MediatorDirectory {
        mediators = List.copyOf(mediators);
        leads = Map.copyOf(leads);
        bodies = List.copyOf(bodies);
        processes = Map.copyOf(processes);
    }

    public MediatorDirectory(List<Mediator> mediators, Map<String, AreaLead> leads, List<PublicBody> bodies) {
        this(mediators, leads, bodies, Map.of());
    }

    public MediatorDirectory(List<Mediator> mediators, Map<String, AreaLead> leads) {
        this(mediators, leads, List.of());
    }

    public Optional<Mediator> mediator(String id) {
        return mediators.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The deputy named for this mediator, if any (the loader checks that it is another mediator with no deputy of their own). */
    public Optional<Mediator> deputyOf(Mediator m) {
        return m.deputy() == null ? Optional.empty() : mediator(m.deputy());
    }

    /**
     * Who acts for this mediator on {@code day}: their deputy while they are absent and the deputy is not, otherwise
     * the mediator themselves (with nobody better to ask).
     */
    public Mediator actingFor(Mediator m, java.time.LocalDate day) {
        if (!m.absentOn(day)) return m;
        return deputyOf(m).filter(d -> !d.absentOn(day)).orElse(m);
    }

    public Optional<AreaLead> lead(String area) {
        return Optional.ofNullable(leads.get(area));
    }

    /** How the area runs the process: when the body is asked, and its closure days ({@link AreaProcess#standard} if not configured). */
    public AreaProcess process(String area) {
        AreaProcess p = area == null ? null : processes.get(area);
        return p == null ? AreaProcess.standard(area) : p;
    }

    /** The configured body a case's respondent names, within the case's area. */
    public Optional<PublicBody> bodyFor(ChallengeCase c) {
        return bodyFor(c.respondent(), c.area());
    }

    /** The configured body a respondent, as a person named it, means within the area. */
    public Optional<PublicBody> bodyFor(String respondent, String area) {
        return new PublicBodies(bodies).match(respondent, area);
    }
}
