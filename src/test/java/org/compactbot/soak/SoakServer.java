package org.compactbot.soak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The server under test: a child process started from a command line, SIGKILLed and restarted at will. */
final class SoakServer {
    private final List<String> command;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int starts;
    private final List<Long> readyNanos = new ArrayList<>();

    SoakServer(List<String> serverCommand, Path config, Path log, int port) {
        this.command = new ArrayList<>(serverCommand);
        this.command.addAll(List.of("--config", config.toString(), "serve"));
        this.log = log;
        this.port = port;
    }

    /** Starts the process and waits until /healthz answers. */
    synchronized void start(Duration readyWithin) throws Exception {
        long t0 = System.nanoTime();
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        starts++;
        long end = System.nanoTime() + readyWithin.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + log);
            if (healthy()) {
                readyNanos.add(System.nanoTime() - t0);
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server was not ready within " + readyWithin.toSeconds() + " s; see " + log);
    }

    private boolean healthy() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL: no shutdown hook, no checkpoint, requests cut mid-way. */
    synchronized void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as an orchestrator stops it; returns the exit code (or -1 if it did not stop in time). */
    synchronized int stop(Duration within) throws InterruptedException {
        process.destroy();
        return process.waitFor(within.toSeconds(), TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    synchronized void forceStop() throws InterruptedException {
        if (process != null && process.isAlive()) kill();
    }

    synchronized int starts() {
        return starts;
    }

    /** Seconds from the first start to healthy (it may build the search index). */
    synchronized double firstSecondsToReady() {
        return readyNanos.isEmpty() ? 0 : readyNanos.get(0) / 1e9;
    }

    /** Mean seconds from a restart after a kill to healthy. */
    synchronized double meanSecondsToReadyAfterKill() {
        return readyNanos.stream().skip(1).mapToLong(Long::longValue).average().orElse(0) / 1e9;
    }
}
