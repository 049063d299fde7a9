package org.compactbot.cases;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The mediators, each area's Compact lead and the public bodies a challenge can be about, as configured in config/mediators.yml. */
public record MediatorDirectory(List<Mediator> mediators, Map<String, AreaLead> leads, List<PublicBody> bodies) {
    public MediatorDirectory {
        mediators = List.copyOf(mediators);
        leads = Map.copyOf(leads);
        bodies = List.copyOf(bodies);
    }

    public MediatorDirectory(List<Mediator> mediators, Map<String, AreaLead> leads) {
        this(mediators, leads, List.of());
    }

    public Optional<Mediator> mediator(String id) {
        return mediators.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public Optional<AreaLead> lead(String area) {
        return Optional.ofNullable(leads.get(area));
    }
}
