package org.compactbot.cases;

import java.util.List;

/**
 * A public body a challenge can be about (config/mediators.yml {@code bodies:}): its name, what people call it, its
 * area, and its Compact lead officer (may be null).
 */
public record PublicBody(String name, List<String> aliases, String area, AreaLead contact) {
    public PublicBody {
        aliases = List.copyOf(aliases);
    }
}
