package org.compactbot.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

/**
 * serve's orderly stop. The first SIGTERM or SIGINT starts the steps, in order, each logged, one
 * failing step not stopping the rest; a second signal while they run halts the process at once
 * (exit 128 + signal number), for an operator who cannot wait.
 */
final class GracefulShutdown {
    /** One thing to do on the way out; returns what was done, for the log. */
    @FunctionalInterface
    interface Action {
        String run() throws Exception;
    }

    record Step(String what, Action action) {}

    private final List<Step> steps;
    private final PrintStream log;
    private final IntConsumer halt;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);

    GracefulShutdown(List<Step> steps, PrintStream log, IntConsumer halt) {
        this.steps = List.copyOf(steps);
        this.log = log;
        this.halt = halt;
    }

    /**
     * Takes over SIGTERM and SIGINT (the JVM's own handlers would only run shutdown hooks, with no
     * second-signal escape). Returns false where the JVM does not allow it (e.g. -Xrs).
     */
    boolean handleSignals() {
        try {
            for (String name : List.of("TERM", "INT")) {
                sun.misc.Signal.handle(new sun.misc.Signal(name), s -> signal("SIG" + s.getName(), 128 + s.getNumber()));
            }
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            log.println("shutdown: signals cannot be handled here (" + e.getMessage() + "); relying on the JVM's shutdown hook");
            return false;
        }
    }

    /** A signal arrived: the first starts the orderly stop on its own thread, a second halts. */
    void signal(String name, int haltCode) {
        if (started.compareAndSet(false, true)) {
            log.println("shutdown: " + name + " received, stopping in order (send it again to exit at once)");
            Thread t = new Thread(this::runSteps, "shutdown");
            t.start();
        } else {
            log.println("shutdown: second " + name + ", exiting now without finishing");
            log.flush();
            halt.accept(haltCode);
        }
    }

    /** For a JVM shutdown not caused by a handled signal: runs the steps once, or waits for the run under way. */
    void onJvmExit() {
        if (started.compareAndSet(false, true)) {
            log.println("shutdown: the JVM is exiting, stopping in order");
            runSteps();
        } else {
            awaitDone();
        }
    }

    void awaitDone() {
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runSteps() {
        long start = System.nanoTime();
        try {
            for (Step step : steps) {
                long t0 = System.nanoTime();
                try {
                    String result = step.action().run();
                    log.printf("shutdown: %s: %s (%d ms)%n", step.what(), result, (System.nanoTime() - t0) / 1_000_000);
                } catch (Exception | Error e) {
                    log.printf("shutdown: %s failed: %s%n", step.what(), CompactBotCommand.userMessage(e));
                }
            }
            log.printf("shutdown: done in %.1f s%n", (System.nanoTime() - start) / 1e9);
        } finally {
            log.flush();
            done.countDown();
        }
    }
}
