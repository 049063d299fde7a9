package org.compactbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The order of serve's stop, and what a second signal does. */
class GracefulShutdownTest {
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);
    private final List<String> done = new CopyOnWriteArrayList<>();
    private final List<Integer> halts = new CopyOnWriteArrayList<>();

    private GracefulShutdown.Step step(String name) {
        return new GracefulShutdown.Step(name, () -> {
            done.add(name);
            return name + " done";
        });
    }

    @Test
    void stepsRunOnceInOrderAndAFailingStepDoesNotStopTheRest() {
        GracefulShutdown s = new GracefulShutdown(List.of(step("http"), new GracefulShutdown.Step("jobs", () -> {
            throw new IllegalStateException("executor wedged");
        }), step("database")), log, halts::add);
        s.signal("SIGTERM", 143);
        s.awaitDone();
        s.onJvmExit(); // the JVM's own hook after main returns: nothing runs twice
        assertEquals(List.of("http", "database"), done);
        assertEquals(List.of(), halts);
        String out = logged.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("shutdown: SIGTERM received"), out);
        assertTrue(out.contains("shutdown: jobs failed: executor wedged"), out);
        assertTrue(out.contains("shutdown: database: database done"), out);
        assertTrue(out.contains("shutdown: done in"), out);
    }

    @Test
    void aSecondSignalWhileStoppingHaltsWithItsExitCode() throws Exception {
        CountDownLatch inSlowStep = new CountDownLatch(1), release = new CountDownLatch(1);
        GracefulShutdown s = new GracefulShutdown(List.of(new GracefulShutdown.Step("slack queue", () -> {
            inSlowStep.countDown();
            release.await();
            return "drained";
        }), step("database")), log, halts::add);
        s.signal("SIGTERM", 143);
        inSlowStep.await();
        s.signal("SIGINT", 130);
        assertEquals(List.of(130), halts);
        assertTrue(logged.toString(StandardCharsets.UTF_8).contains("second SIGINT, exiting now"));
        release.countDown();
        s.awaitDone();
    }

    @Test
    void aJvmExitWithoutASignalStillStopsInOrder() {
        GracefulShutdown s = new GracefulShutdown(List.of(step("http"), step("database")), log, halts::add);
        s.onJvmExit();
        assertEquals(List.of("http", "database"), done);
    }
}
