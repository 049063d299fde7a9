package org.compactbot.conversation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Facts a person's own words already give: which public body, and the people or group named. */
final class FactsFromText {
    private static final Pattern NAMED_BODY = Pattern.compile(
            "\\b((?:[A-Z][\\w&'’-]*\\s+(?:and\\s+|&\\s+)?){1,5}(?:Borough |City |County |District |Metropolitan Borough )?(?i:council))\\b"
            + "|\\b(NHS(?:\\s+[A-Z][\\w&'-]*){0,5}(?:\\s+(?:Trust|Board|ICB|CCG|Foundation Trust))?)\\b"
            + "|\\b((?:[A-Z][\\w-]*\\s+){1,3}Police)\\b");
    private static final Pattern GENERIC_BODY = Pattern.compile(
            "\\b(the (?:city |borough |county |local )?council|the local authority|the nhs|the police|the ccg|the icb|cwac|the commissioners?)\\b",
            Pattern.CASE_INSENSITIVE);

    private FactsFromText() {}

    static Optional<String> respondent(String text) {
        Matcher m = NAMED_BODY.matcher(text);
        while (m.find()) {
            String body = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            body = body.replaceFirst("^(The|Our|A|An|My)\\s+", "").strip();
            if (!body.isEmpty() && !body.equalsIgnoreCase("council")) return Optional.of(body);
        }
        Matcher g = GENERIC_BODY.matcher(text);
        if (g.find()) {
            String b = g.group(1);
            return Optional.of(b.equalsIgnoreCase("cwac") ? "Cheshire West and Chester Council" : b.toLowerCase());
        }
        return Optional.empty();
    }
}
