package org.compactbot.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A posted HTML form (application/x-www-form-urlencoded), read from the body the admission step kept: each field's values in order. */
record FormFields(Map<String, List<String>> values) {
    FormFields {
        values = Map.copyOf(values);
    }

    static FormFields parse(byte[] body) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                throw new Refusal.BadRequest("The form could not be read: it is not encoded the way a browser sends a form.");
            }
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return new FormFields(out);
    }

    /** The field's first value, or "" when it was not sent. */
    String first(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? "" : v.get(0);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }
}
