package org.compactbot.conversation;

import java.util.Optional;

/**
 * The public bodies a challenge can be about, as the operator configured them: the one a person means by what they
 * call it ("CWaC", "the council" in its own area), by its proper name. A port: the composition root gives the
 * configured list.
 */
@FunctionalInterface
public interface BodyNames {
    /** The configured body's name for what the person said, in {@code area} (null while the area is not known). */
    Optional<String> nameOf(String said, String area);

    /** No bodies configured: what the person said is kept as they said it. */
    BodyNames NONE = (said, area) -> Optional.empty();
}
