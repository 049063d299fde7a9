package org.compactbot.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.Map;

/** One scrape of /metrics read the way Prometheus reads it: series (name and labels as written) -> value, and HELP/TYPE. */
public record Scrape(String text, Map<String, Double> series, Map<String, String> help, Map<String, String> type) {
    public static Scrape of(String text) {
        Map<String, Double> series = new LinkedHashMap<>();
        Map<String, String> help = new LinkedHashMap<>(), type = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) continue;
            if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                String[] p = line.substring(7).split(" ", 2);
                (line.startsWith("# HELP ") ? help : type).put(p[0], p.length > 1 ? p[1] : "");
            } else if (!line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return new Scrape(text, series, help, type);
    }

    /** The value of one series, e.g. {@code compactbot_questions_total{outcome="answered"}}; fails when it is absent. */
    public double value(String series) {
        Double v = this.series.get(series);
        if (v == null) fail(series + " is not on /metrics:\n" + text);
        return v;
    }
}
