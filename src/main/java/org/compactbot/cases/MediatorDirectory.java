package org.compactbot.cases;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The mediators and each area's Compact lead, as configured in config/mediators.yml. */
public record MediatorDirectory(List<Mediator> mediators, Map<String, AreaLead> leads) {
    public MediatorDirectory {
        mediators = List.copyOf(mediators);
        leads = Map.copyOf(leads);
    }

    public Optional<Mediator> mediator(String id) {
        return mediators.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public Optional<AreaLead> lead(String area) {
        return Optional.ofNullable(leads.get(area));
    }
}
