package org.compactbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The Prometheus text the metrics render. */
class MetricsTest {
    @Test
    void labelledSeriesShareOneHelpAndTypeAndAreEscaped() {
        Metrics m = new Metrics();
        m.declare("x_total", "Things", "kind", "b");
        m.count("x_total", "Things", "kind", "a");
        m.count("x_total", "Things", "kind", "say \"hi\"\\");
        m.count("plain_total", "Plain");
        assertEquals("""
                # HELP plain_total Plain
                # TYPE plain_total counter
                plain_total 1
                # HELP x_total Things
                # TYPE x_total counter
                x_total{kind="a"} 1
                x_total{kind="b"} 0
                x_total{kind="say \\"hi\\"\\\\"} 1
                """, m.render());
    }

    @Test
    void histogramsCountIntoEveryBucketAtOrAboveTheValue() {
        Metrics m = new Metrics();
        m.observe("t_seconds", "Time", 0.02, "route", "/a");
        m.observe("t_seconds", "Time", 3, "route", "/a");
        String text = m.render();
        assertEquals(true, text.contains("t_seconds_bucket{route=\"/a\",le=\"0.01\"} 0\n"), text);
        assertEquals(true, text.contains("t_seconds_bucket{route=\"/a\",le=\"0.025\"} 1\n"), text);
        assertEquals(true, text.contains("t_seconds_bucket{route=\"/a\",le=\"5.0\"} 2\n"), text);
        assertEquals(true, text.contains("t_seconds_bucket{route=\"/a\",le=\"+Inf\"} 2\n"), text);
        assertEquals(true, text.contains("t_seconds_sum{route=\"/a\"} 3.02\n"), text);
        assertEquals(true, text.contains("t_seconds_count{route=\"/a\"} 2\n"), text);
        assertEquals(2, m.value("t_seconds", "route", "/a"));
    }

    @Test
    void aNameIsEitherACounterOrAHistogram() {
        Metrics m = new Metrics();
        m.count("x", "X");
        assertThrows(IllegalArgumentException.class, () -> m.observe("x", "X", 1));
    }
}
