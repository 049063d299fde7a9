package org.compactbot.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which configured body a person means by what they call it: "CWaC", "cheshire west council, grants team", "the
 * council". A name that says only what kind of body it is ("the council", "the city council") names the body of that
 * kind in the person's own area, and nothing while the area is not known; the longest name or alias found wins. Pure.
 */
public final class PublicBodies {
    /** Aliases that say what kind of body, not which: they apply only within the body's area. */
    private static final Pattern GENERIC = Pattern.compile("(the )?(local |city |borough |county |district |town |unitary )?(council|authority|"
            + "local authority|nhs|trust|police|ccg|icb|commissioners?)");

    private final List<PublicBody> bodies;

    public PublicBodies(List<PublicBody> bodies) {
        this.bodies = List.copyOf(bodies);
    }

    public List<PublicBody> inArea(String area) {
        return bodies.stream().filter(b -> b.area().equals(area)).toList();
    }

    /** The body meant by {@code said}, within {@code area} for generic names (null: the area is not known yet). */
    public Optional<PublicBody> match(String said, String area) {
        if (said == null) return Optional.empty();
        String text = " " + normalise(said) + " ";
        PublicBody best = null;
        int bestLength = 0;
        for (PublicBody b : bodies) {
            List<String> names = new ArrayList<>(b.aliases());
            names.add(b.name());
            for (String n : names) {
                String name = normalise(n);
                if (name.isEmpty() || !text.contains(" " + name + " ")) continue;
                boolean generic = GENERIC.matcher(name).matches();
                if (generic && (area == null || !area.equals(b.area()))) continue;
                // a generic name inside a longer one ("the council" in "redcar council") is not this body
                int length = generic ? 0 : name.length();
                if (best == null || length > bestLength) {
                    best = b;
                    bestLength = length;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Lower case, "&" as "and", punctuation as spaces, no leading "the". */
    static String normalise(String s) {
        String t = s.toLowerCase(Locale.ROOT).replace("&", " and ").replace('’', '\'')
                .replaceAll("[^\\p{L}\\p{N}' ]+", " ").replaceAll("\\s+", " ").strip();
        return t;
    }
}
