package org.compactbot.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.compactbot.Main;
import org.compactbot.Wiring;
import org.compactbot.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** serve: runs the HTTP server until stopped. */
@Command(name = "serve", description = "Run the server (HTTP API, health, metrics; Slack and mail when configured).")
public final class ServeCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        Wiring wiring = new Wiring(main.config(), System.err);
        WebServer server = wiring.webServer();
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
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            jobs.close();
            try {
                wiring.close();
            } catch (Exception ignored) {
                // closing on the way out: nothing more to do
            }
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }
}
