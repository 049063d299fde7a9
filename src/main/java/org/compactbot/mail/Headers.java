package org.compactbot.mail;

import jakarta.mail.Header;
import jakarta.mail.Part;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Header values, unfolded, with raw 8-bit bytes read as UTF-8 (or Windows-1252 when not UTF-8). */
final class Headers {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    static Headers of(Part p) {
        Headers h = new Headers();
        try {
            Enumeration<Header> e = p.getAllHeaders();
            int count = 0;
            while (e.hasMoreElements() && count++ < 5000) {
                Header header = e.nextElement();
                if (header.getName() == null) continue;
                String name = header.getName().strip().toLowerCase(Locale.ROOT);
                String value = header.getValue() == null ? "" : fix8bit(unfold(header.getValue()));
                h.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        } catch (Exception e) {
            // no headers is a valid answer
        }
        return h;
    }

    String first(String name) {
        List<String> v = values.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    List<String> all(String name) {
        List<String> v = values.get(name.toLowerCase(Locale.ROOT));
        return v == null ? List.of() : v;
    }

    boolean has(String name) {
        return values.containsKey(name.toLowerCase(Locale.ROOT));
    }

    static String unfold(String v) {
        if (v.indexOf('\n') < 0 && v.indexOf('\r') < 0) return v.strip();
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != '\r' && c != '\n') b.append(c);
        }
        return b.toString().strip();
    }

    /** Jakarta Mail reads header bytes as ISO-8859-1; raw UTF-8 (or Windows-1252) is recovered here. */
    static String fix8bit(String v) {
        boolean high = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c > 0xff) return v;
            if (c >= 0x80) high = true;
        }
        if (!high) return v;
        return Charsets.decode(v.getBytes(StandardCharsets.ISO_8859_1), null);
    }
}
