package org.compactbot.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counters and latency histograms, rendered in the Prometheus text format. */
public final class Metrics {
    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final Map<String, Histogram> histograms = new ConcurrentHashMap<>();

    public void count(String name, String help) {
        counters.computeIfAbsent(key(name, help), k -> new LongAdder()).increment();
    }

    public void observe(String name, String help, double seconds) {
        histograms.computeIfAbsent(key(name, help), k -> new Histogram()).observe(seconds);
    }

    private static String key(String name, String help) {
        return name + "\u0000" + help;
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        counters.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String[] nh = e.getKey().split("\u0000", 2);
            sb.append("# HELP ").append(nh[0]).append(' ').append(nh[1]).append('\n');
            sb.append("# TYPE ").append(nh[0]).append(" counter\n");
            sb.append(nh[0]).append(' ').append(e.getValue().sum()).append('\n');
        });
        histograms.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String[] nh = e.getKey().split("\u0000", 2);
            e.getValue().render(nh[0], nh[1], sb);
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

        void render(String name, String help, StringBuilder sb) {
            sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
            sb.append("# TYPE ").append(name).append(" histogram\n");
            for (int i = 0; i < BUCKETS.length; i++) {
                sb.append(name).append("_bucket{le=\"").append(BUCKETS[i]).append("\"} ").append(buckets[i].sum()).append('\n');
            }
            sb.append(name).append("_bucket{le=\"+Inf\"} ").append(count.sum()).append('\n');
            sb.append(name).append("_sum ").append(sumNanos.get() / 1e9).append('\n');
            sb.append(name).append("_count ").append(count.sum()).append('\n');
        }
    }
}
