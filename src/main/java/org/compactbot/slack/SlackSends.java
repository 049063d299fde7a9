package org.compactbot.slack;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.compactbot.logging.LogIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the bot sends to Slack, in order for each place (a person's direct message, a channel, a response_url), with
 * retries on a timer. A send that Slack rate-limits or fails waits for its next attempt without holding a thread, and
 * only the sends queued after it in the same place wait with it: one person's Retry-After never delays anyone else.
 */
final class SlackSends implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlackSends.class);
    /** Sends waiting at once across all places beyond which new ones are dropped (and logged). */
    static final int MOST_WAITING = 5_000;

    /** One attempt at a send: its number (from 1) and the wait to use when Slack names none. */
    @FunctionalInterface
    interface Attempt {
        SlackCalls.Attempted<?> run(int attempt, Duration backoff);
    }

    private static final class Send {
        final Attempt attempt;
        int number = 1;
        Duration backoff;

        Send(Attempt attempt, Duration backoff) {
            this.attempt = attempt;
            this.backoff = backoff;
        }
    }

    private final SlackCalls.RetryPolicy policy;
    private final ExecutorService senders;
    private final ScheduledExecutorService timers;
    /** Each place's sends, in order; a place is present while it has sends (guarded by this). */
    private final Map<String, ArrayDeque<Send>> places = new HashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();

    SlackSends(SlackCalls.RetryPolicy policy, int threads) {
        this.policy = policy;
        AtomicInteger n = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(threads, r -> daemon(r, "slack-send-" + n.incrementAndGet()));
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "slack-send-timer"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Queues a send after the others for {@code place}; false (logged) when too many are waiting or we are stopping. */
    boolean send(String place, Attempt attempt) {
        if (waiting.incrementAndGet() > MOST_WAITING) {
            waiting.decrementAndGet();
            LOG.warn("{} Slack sends are waiting already: dropped one for {}", MOST_WAITING, LogIds.conversation(place));
            return false;
        }
        boolean first;
        synchronized (this) {
            ArrayDeque<Send> queue = places.computeIfAbsent(place, p -> new ArrayDeque<>());
            queue.add(new Send(attempt, policy.firstBackoff()));
            first = queue.size() == 1;
        }
        if (first && !start(place)) return false;
        return true;
    }

    private boolean start(String place) {
        try {
            senders.execute(() -> drain(place));
            return true;
        } catch (RejectedExecutionException e) {
            abandon(place, "the service is stopping");
            return false;
        }
    }

    /** Sends the place's queue in order until it is empty, or its head must wait for another attempt. */
    private void drain(String place) {
        while (true) {
            Send head;
            synchronized (this) {
                ArrayDeque<Send> queue = places.get(place);
                if (queue == null || queue.isEmpty()) return;
                head = queue.peek();
            }
            SlackCalls.Attempted<?> outcome;
            try {
                outcome = head.attempt.run(head.number, head.backoff);
            } catch (RuntimeException e) {
                LOG.error("a Slack send for {} failed", LogIds.conversation(place), e);
                outcome = new SlackCalls.Attempted.GaveUp<>();
            }
            if (outcome instanceof SlackCalls.Attempted.Again<?> again) {
                head.number++;
                head.backoff = policy.after(head.backoff);
                try {
                    timers.schedule(() -> start(place), again.after().toMillis(), TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    abandon(place, "the service is stopping");
                }
                return;
            }
            synchronized (this) {
                ArrayDeque<Send> queue = places.get(place);
                queue.poll();
                if (queue.isEmpty()) places.remove(place);
            }
            waiting.decrementAndGet();
        }
    }

    private void abandon(String place, String why) {
        int dropped;
        synchronized (this) {
            ArrayDeque<Send> queue = places.remove(place);
            dropped = queue == null ? 0 : queue.size();
        }
        waiting.addAndGet(-dropped);
        if (dropped > 0) LOG.warn("{} Slack send(s) for {} not sent: {}", dropped, LogIds.conversation(place), why);
    }

    /** Sends queued or waiting for another attempt. */
    int waiting() {
        return waiting.get();
    }

    /** Waits until nothing is queued or waiting to be tried again; true when idle within the time. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (waiting.get() > 0) {
            if (System.nanoTime() > end) return false;
            Thread.sleep(10);
        }
        return true;
    }

    /** Stops: what is being sent finishes (10 s at most); sends still waiting for another attempt are dropped and logged. */
    @Override
    public void close() {
        timers.shutdownNow();
        senders.shutdown();
        try {
            senders.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        senders.shutdownNow();
        int left = waiting.getAndSet(0);
        if (left > 0) LOG.warn("{} Slack send(s) not sent: the service stopped while they waited to be tried again", left);
    }
}
