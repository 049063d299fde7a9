package org.compactbot.knowledge;

import java.util.Locale;

/** Who makes an undertaking: one side of the Compact, or both. */
public enum Party {
    PUBLIC_SECTOR("Public sector"),
    VOLUNTARY_SECTOR("Voluntary sector"),
    SHARED("Shared"),
    NONE("");

    private final String label;

    Party(String label) { this.label = label; }

    public String label() { return label; }

    /** The party a heading such as "Undertakings for Statutory Sector and VCS" names, or NONE. */
    public static Party fromHeading(String heading) {
        String h = heading.toLowerCase(Locale.ROOT);
        h = h.strip().replaceAll("[:.]+$", "");
        boolean promises = h.contains("undertak") || h.contains("agree to") || h.contains("commitments")
                || h.endsWith(" will") || h.endsWith(" will:");
        if (!promises) return NONE;
        boolean shared = h.contains("shared") || h.contains("both") || h.contains("mutual") || h.contains("all partners");
        boolean pub = h.contains("public sector") || h.contains("statutory") || h.contains("council");
        boolean vol = h.contains("third sector") || h.contains("vcs") || h.contains("voluntary")
                || h.contains("community sector") || h.contains("community groups");
        if (shared || (pub && vol)) return SHARED;
        if (pub) return PUBLIC_SECTOR;
        if (vol) return VOLUNTARY_SECTOR;
        return NONE;
    }
}
