package org.compactbot.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compactbot.Main;

/** A real `serve` process on a free loopback port, with its output collected (logs on stdout, start-up lines on stderr). */
final class ServeProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("ready on http://localhost:(\\d+)");
    final Process process;
    private final StringBuffer err = new StringBuffer();
    private volatile int port = -1;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ServeProcess(Path cfg, String... jvmOptions) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m"));
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "--config", cfg.toString(), "serve"));
        // serve logs to stdout and prints its start-up lines on stderr: read both, as an operator's log collector does
        process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    err.append(line).append('\n');
                    Matcher m = READY.matcher(line);
                    if (m.find()) port = Integer.parseInt(m.group(1));
                }
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        }, "serve-stderr");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits until the server says it is ready (or has died); returns its port. */
    int awaitReady() throws Exception {
        for (int i = 0; i < 1200 && port < 0; i++) {
            if (!process.isAlive()) throw new AssertionError("serve ended early:\n" + err);
            Thread.sleep(100);
        }
        if (port < 0) throw new AssertionError("serve not ready after 2 minutes:\n" + err);
        return port;
    }

    /** Waits until the output holds text. */
    void awaitLog(String text) throws Exception {
        for (int i = 0; i < 600 && !err.toString().contains(text); i++) Thread.sleep(100);
        if (!err.toString().contains(text)) throw new AssertionError("no '" + text + "' in:\n" + err);
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    void signal(String name) throws Exception {
        new ProcessBuilder("kill", "-s", name, String.valueOf(process.pid())).inheritIO().start().waitFor();
    }

    String log() {
        return err.toString();
    }

    @Override
    public void close() throws Exception {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
