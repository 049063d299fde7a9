package org.compactbot.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters and latency histograms, rendered in the Prometheus text format. A series may carry labels,
 * given as name/value pairs ({@code count("x_total", "help", "route", "/api/ask")}).
 */
public final class Metrics {
    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private final Map<String, Family> families = new ConcurrentSkipListMap<>();

    private static final class Family {
        final String help;
        final boolean histogram;
        final Map<String, Object> series = new ConcurrentHashMap<>(); // labels -> LongAdder | Histogram

        Family(String help, boolean histogram) {
            this.help = help;
            this.histogram = histogram;
        }
    }

    public void count(String name, String help, String... labels) {
        counter(name, help, labels).increment();
    }

    /** Makes a counter series show (at 0) before anything has happened, so rates and alerts work from the start. */
    public void declare(String name, String help, String... labels) {
        counter(name, help, labels);
    }

    public void observe(String name, String help, double seconds, String... labels) {
        ((Histogram) family(name, help, true).series.computeIfAbsent(labels(labels), k -> new Histogram())).observe(seconds);
    }

    /** The current value of a counter series (0 when it does not exist). */
    public long value(String name, String... labels) {
        Family f = families.get(name);
        Object s = f == null ? null : f.series.get(labels(labels));
        return s instanceof LongAdder a ? a.sum() : s instanceof Histogram h ? h.count.sum() : 0;
    }

    private LongAdder counter(String name, String help, String... labels) {
        return (LongAdder) family(name, help, false).series.computeIfAbsent(labels(labels), k -> new LongAdder());
    }

    private Family family(String name, String help, boolean histogram) {
        Family f = families.computeIfAbsent(name, n -> new Family(help, histogram));
        if (f.histogram != histogram) throw new IllegalArgumentException(name + " is already a " + (f.histogram ? "histogram" : "counter"));
        return f;
    }

    /** {@code a="1",b="2"} from pairs, values escaped as Prometheus asks. */
    private static String labels(String... pairs) {
        if (pairs.length % 2 != 0) throw new IllegalArgumentException("labels come in name/value pairs");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (sb.length() > 0) sb.append(',');
            String v = pairs[i + 1] == null ? "" : pairs[i + 1];
            sb.append(pairs[i]).append("=\"").append(v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
        }
        return sb.toString();
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        families.forEach((name, f) -> {
            sb.append("# HELP ").append(name).append(' ').append(f.help).append('\n');
            sb.append("# TYPE ").append(name).append(f.histogram ? " histogram\n" : " counter\n");
            new java.util.TreeMap<>(f.series).forEach((labels, s) -> {
                if (s instanceof Histogram h) {
                    h.render(name, labels, sb);
                } else {
                    sb.append(name).append(labels.isEmpty() ? "" : "{" + labels + "}").append(' ').append(((LongAdder) s).sum()).append('\n');
                }
            });
        });
        return sb.toString();
    }

    private static final class Histogram {
        final LongAdder[] buckets = new LongAdder[BUCKETS.length];
        final LongAdder count = new LongAdder();
        final AtomicLong sumNanos = new AtomicLong();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) buckets[i] = new LongAdder();
        }

        void observe(double seconds) {
            for (int i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]) buckets[i].increment();
            count.increment();
            sumNanos.addAndGet((long) (seconds * 1e9));
        }

        void render(String name, String labels, StringBuilder sb) {
            String pre = labels.isEmpty() ? "" : labels + ",";
            String own = labels.isEmpty() ? "" : "{" + labels + "}";
            for (int i = 0; i < BUCKETS.length; i++) {
                sb.append(name).append("_bucket{").append(pre).append("le=\"").append(BUCKETS[i]).append("\"} ").append(buckets[i].sum()).append('\n');
            }
            sb.append(name).append("_bucket{").append(pre).append("le=\"+Inf\"} ").append(count.sum()).append('\n');
            sb.append(name).append("_sum").append(own).append(' ').append(sumNanos.get() / 1e9).append('\n');
            sb.append(name).append("_count").append(own).append(' ').append(count.sum()).append('\n');
        }
    }
}
