package org.compactbot.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.time.Clock;
import org.compactbot.app.Service;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** serve: runs the HTTP server until stopped; SIGTERM or SIGINT stops it in order, a second one at once. */
@Command(name = "serve", description = "Run the server (HTTP API, health, metrics; Slack and mail when configured).")
public final class ServeCommand implements Callable<Integer> {
    /** How long requests already running may take to finish once a stop is asked for. */
    static final Duration REQUEST_GRACE = Duration.ofSeconds(10);
    /** Test-only: a pause at the start of the orderly stop, so a test can send a second signal during it. */
    static final String TEST_SHUTDOWN_DELAY = "compactbot.testing.shutdown-delay-ms";

    @ParentCommand CompactBotCommand main;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        Service service = Service.build(main.config(), System.err, Clock.systemUTC());
        service.start();
        var cfg = service.config();
        System.err.printf("compact-bot ready on http://localhost:%d in %.1f s (%d passages)%n", service.web().port(),
                (System.nanoTime() - t0) / 1e9, service.knowledge().index().passages().size());
        System.err.println(!cfg.slack().enabled() ? "Slack: off (slack.bot-token and slack.signing-secret are empty)"
                : cfg.slack().manyWorkspaces() ? "Slack: on for many workspaces, at POST /slack/events; each installs at GET /slack/install"
                : "Slack: on, at POST /slack/events");
        if (!cfg.mail().smtp().enabled()) System.err.println("Mail out: no SMTP host, emails are written to data/outbox/");
        if (!cfg.mail().imap().enabled()) System.err.println("Mail in: IMAP off (mail.imap.host is empty)");
        if (cfg.store().shared()) {
            System.err.println("Store: " + service.storage().database().name() + ", shared: the instance that leads polls IMAP, routes new cases"
                    + " and runs the case timers; every instance sends the outbox");
        }
        if (cfg.api().token().isBlank()) System.err.println("API: no api.token set, /api/* answers loopback callers only");

        List<GracefulShutdown.Step> steps = new ArrayList<>();
        long delayMs = Long.getLong(TEST_SHUTDOWN_DELAY, 0);
        if (delayMs > 0) steps.add(new GracefulShutdown.Step("test-only delay (" + TEST_SHUTDOWN_DELAY + ")", () -> {
            Thread.sleep(delayMs);
            return "waited " + delayMs + " ms";
        }));
        for (Service.Stop stop : service.stops(REQUEST_GRACE)) steps.add(new GracefulShutdown.Step(stop.what(), stop.work()::call));
        GracefulShutdown shutdown = new GracefulShutdown(steps, System.err, Runtime.getRuntime()::halt);
        shutdown.handleSignals();
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown::onJvmExit, "shutdown-hook"));
        shutdown.awaitDone();
        return 0;
    }
}
