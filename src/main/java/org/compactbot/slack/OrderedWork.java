package org.compactbot.slack;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.compactbot.logging.LogIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work Slack requests start, run after the request has been acknowledged: a few lanes, each
 * one thread with a bounded queue; work for the same person always takes the same lane, so their
 * messages are answered in the order they were sent. Nothing here ever blocks an acknowledgement.
 */
final class OrderedWork implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OrderedWork.class);

    private final ExecutorService[] lanes;
    private final AtomicInteger pending = new AtomicInteger();

    OrderedWork(int lanes, int queuePerLane) {
        this.lanes = new ExecutorService[lanes];
        for (int i = 0; i < lanes; i++) {
            int lane = i;
            this.lanes[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(queuePerLane), r -> {
                Thread t = new Thread(r, "slack-work-" + lane);
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** Queues work for the person {@code key}; when the queues are full it is dropped and logged (false). */
    boolean submit(String key, Runnable work) {
        pending.incrementAndGet();
        try {
            String pseudonym = LogIds.conversation(key);
            lanes[Math.floorMod(key.hashCode(), lanes.length)].execute(() -> {
                org.slf4j.MDC.put(LogIds.CONVERSATION, pseudonym);
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.error("Slack work for {} failed", pseudonym, e);
                } finally {
                    org.slf4j.MDC.remove(LogIds.CONVERSATION);
                    pending.decrementAndGet();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
            LOG.warn("Slack work queue is full (or stopping): dropped work for {}", LogIds.conversation(key));
            return false;
        }
    }

    /** Waits until no work is queued or running; true when idle within the time. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (pending.get() > 0) {
            if (System.nanoTime() > end) return false;
            Thread.sleep(10);
        }
        return true;
    }

    /** Stops taking work and lets what is queued finish (30 s at most in all), so nothing runs after the store closes. */
    @Override
    public void close() {
        for (ExecutorService lane : lanes) lane.shutdown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            for (ExecutorService lane : lanes) lane.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ExecutorService lane : lanes) lane.shutdownNow();
    }
}
