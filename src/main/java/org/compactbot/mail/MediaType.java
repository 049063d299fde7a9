package org.compactbot.mail;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Content-Type read leniently: type, subtype and parameter look-ups that survive broken syntax. */
record MediaType(String type, String subtype, String raw) {
    private static final Pattern TYPE = Pattern.compile(
            "\\s*([!#$%&'*+.^_`|~0-9A-Za-z-]{1,100})\\s*/\\s*([!#$%&'*+.^_`|~0-9A-Za-z-]{1,100})");

    static MediaType parse(String raw, String fallback) {
        if (raw != null && !raw.isBlank()) {
            Matcher m = TYPE.matcher(raw);
            if (m.lookingAt()) {
                return new MediaType(m.group(1).toLowerCase(Locale.ROOT), m.group(2).toLowerCase(Locale.ROOT), raw);
            }
            if (raw.strip().toLowerCase(Locale.ROOT).startsWith("text")) return new MediaType("text", "plain", raw);
        }
        Matcher m = TYPE.matcher(fallback);
        m.lookingAt();
        return new MediaType(m.group(1), m.group(2), raw == null ? "" : raw);
    }

    String base() {
        return type + "/" + subtype;
    }

    boolean is(String t, String s) {
        return type.equals(t) && subtype.equals(s);
    }

    String param(String name) {
        return Params.get(raw, name, false);
    }
}
