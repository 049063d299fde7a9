package org.compactbot.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.compactbot.Main;
import org.compactbot.Wiring;
import org.compactbot.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** serve: runs the HTTP server until stopped; SIGTERM or SIGINT stops it in order, a second one at once. */
@Command(name = "serve", description = "Run the server (HTTP API, health, metrics; Slack and mail when configured).")
public final class ServeCommand implements Callable<Integer> {
    /** How long requests already running may take to finish once a stop is asked for. */
    static final Duration REQUEST_GRACE = Duration.ofSeconds(10);
    /** Test-only: a pause at the start of the orderly stop, so a test can send a second signal during it. */
    static final String TEST_SHUTDOWN_DELAY = "compactbot.testing.shutdown-delay-ms";

    @ParentCommand Main main;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        Wiring wiring = new Wiring(main.config(), System.err);
        wiring.embedder(); // the model loads on its own thread meanwhile
        wiring.database(); // first: a damaged database stops start-up before anything else is built
        WebServer server = wiring.webServer();
        wiring.embedder().embedQuery("warm-up"); // ready means ready: the first question does not wait for the model
        var jobs = wiring.backgroundJobs(); // polls IMAP too, on the instance that leads
        server.start();
        jobs.start();
        var cfg = wiring.config();
        System.err.printf("compact-bot ready on http://localhost:%d in %.1f s (%d passages)%n", server.port(),
                (System.nanoTime() - t0) / 1e9, wiring.knowledgeIndex().passages().size());
        System.err.println(cfg.slack().enabled() ? "Slack: on, at POST /slack/events" : "Slack: off (slack.bot-token and slack.signing-secret are empty)");
        if (!cfg.mail().smtp().enabled()) System.err.println("Mail out: no SMTP host, emails are written to data/outbox/");
        if (!cfg.mail().imap().enabled()) System.err.println("Mail in: IMAP off (mail.imap.host is empty)");
        if (cfg.store().shared()) {
            System.err.println("Store: " + wiring.database().name() + ", shared: the instance that leads polls IMAP, routes new cases"
                    + " and runs the case timers; every instance sends the outbox");
        }
        if (cfg.api().token().isBlank()) System.err.println("API: no api.token set, /api/* answers loopback callers only");

        List<GracefulShutdown.Step> steps = new ArrayList<>();
        long delayMs = Long.getLong(TEST_SHUTDOWN_DELAY, 0);
        if (delayMs > 0) steps.add(new GracefulShutdown.Step("test-only delay (" + TEST_SHUTDOWN_DELAY + ")", () -> {
            Thread.sleep(delayMs);
            return "waited " + delayMs + " ms";
        }));
        steps.add(new GracefulShutdown.Step("HTTP", () -> {
            int left = server.stopGracefully(REQUEST_GRACE);
            return left == 0 ? "stopped taking requests; those running finished"
                    : "stopped; " + left + " request(s) still running after " + REQUEST_GRACE.toSeconds() + " s were cut off";
        }));
        steps.add(new GracefulShutdown.Step("background jobs", () -> {
            jobs.close();
            return "IMAP polling, routing, outbox sending and timers stopped after their current step (outbox state is in the database)";
        }));
        steps.add(new GracefulShutdown.Step("channels and storage", () -> {
            wiring.close();
            return "queued Slack work finished, index closed, database checkpointed (WAL emptied) and closed";
        }));
        GracefulShutdown shutdown = new GracefulShutdown(steps, System.err, Runtime.getRuntime()::halt);
        shutdown.handleSignals();
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown::onJvmExit, "shutdown-hook"));
        shutdown.awaitDone();
        return 0;
    }
}
