package org.compactbot.conversation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A correction of an earlier answer said in passing, whatever the bot is asking: "actually my email is x@y.org",
 * "sorry, wrong email, it's x@y.org", "oops, the area is Redcar". Pure: table-tested in CorrectionTest.
 *
 * @param slot  the answer being corrected
 * @param value what it should be
 */
public record Correction(Slot slot, String value) {
    /** "actually my email is x@y.org", "sorry, wrong email: it's x@y.org": a correction of an earlier answer, said in passing. */
    private static final Pattern SAID = Pattern.compile("^(?:(?:actually|sorry|oops|correction|wait|hang on|no|ah|oh)[,.!:;\\s-]*)*"
            + "(?:i meant |i mean )?(?:(?:my|our|the)\\s+)?(email(?: address)?|e-mail|name|organisation|organization|group|area|dates?|key dates|respondent)"
            + "\\s+(?:is|are|were|should be|should have been|was meant to be|is actually|is now|=|:)\\s+(.+)$|"
            + "^(?:(?:actually|sorry|oops)[,.!:;\\s-]*)*(?:wrong|typo in|mistake in|i got)\\s+(?:my\\s+|the\\s+)?(email(?: address)?|e-mail|name|organisation|organization)"
            + "(?:\\s+wrong)?[,.!:;\\s-]+(?:it's|its|it is|it should be|should be|the right one is)\\s+(.+)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** The correction the message makes, if it is one. */
    public static Optional<Correction> in(String text) {
        Matcher m = SAID.matcher(text == null ? "" : text.strip());
        if (!m.matches()) return Optional.empty();
        String which = m.group(1) != null ? m.group(1) : m.group(3);
        String value = (m.group(1) != null ? m.group(2) : m.group(4)).strip();
        return Slot.byName(which.toLowerCase(Locale.ROOT).replace("e-mail", "email").replaceAll("^dates?$", "dates"))
                .filter(s -> !value.isEmpty())
                .map(s -> new Correction(s, value));
    }
}
