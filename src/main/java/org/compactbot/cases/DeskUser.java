package org.compactbot.cases;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A person who may sign in to the case desk, as config/mediators.yml names them: a mediator, the Compact lead of one or
 * more areas, or both (the same address in both places).
 *
 * @param email     the address in mediators.yml, as configured
 * @param mediator  the mediator at that address, if any
 * @param leadAreas the areas whose Compact lead has that address
 */
public record DeskUser(String email, String name, Optional<Mediator> mediator, List<String> leadAreas) {
    public DeskUser {
        leadAreas = List.copyOf(leadAreas);
    }

    /** Who the address is in the directory, in any letter case; empty for anyone else. */
    public static Optional<DeskUser> of(MediatorDirectory directory, String address) {
        String a = address == null ? "" : address.strip();
        if (a.isEmpty()) return Optional.empty();
        Optional<Mediator> m = directory.mediators().stream().filter(x -> x.email().equalsIgnoreCase(a)).findFirst();
        List<AreaLead> leads = directory.leads().values().stream().filter(l -> l.email().equalsIgnoreCase(a))
                .sorted(java.util.Comparator.comparing(AreaLead::area)).toList();
        if (m.isEmpty() && leads.isEmpty()) return Optional.empty();
        String email = m.map(Mediator::email).orElseGet(() -> leads.get(0).email());
        String name = m.map(Mediator::name).orElseGet(() -> leads.get(0).name());
        return Optional.of(new DeskUser(email, name, m, leads.stream().map(AreaLead::area).toList()));
    }

    public boolean lead() {
        return !leadAreas.isEmpty();
    }

    public boolean leadOf(String area) {
        return area != null && leadAreas.contains(area);
    }

    /** The key a sign-in link is kept under: the address in lower case. */
    String key() {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** Who the case history records as acting: "mediator:id" as the email commands record, else "lead:area". */
    public String actor(ChallengeCase c) {
        if (mediator.isPresent() && !leadOf(c.area())) return "mediator:" + mediator.get().id();
        return "lead:" + (leadOf(c.area()) ? c.area() : leadAreas.get(0));
    }
}
