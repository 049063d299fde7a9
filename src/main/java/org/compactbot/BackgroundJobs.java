package org.compactbot;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.compactbot.cases.CaseService;
import org.compactbot.cases.PersonalData;
import org.compactbot.cases.Retention;
import org.compactbot.mail.OutboxSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What `serve` does in the background: route new cases, send the outbox, run the case timers, apply retention daily. */
public final class BackgroundJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobs.class);
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "case-jobs");
        t.setDaemon(true);
        return t;
    });
    private final CaseService cases;
    private final OutboxSender sender;
    private final Retention retention;

    public BackgroundJobs(CaseService cases, OutboxSender sender) {
        this(cases, sender, null);
    }

    /** With a retention schedule (or null for none), applied a minute after start and then every 24 hours. */
    public BackgroundJobs(CaseService cases, OutboxSender sender, Retention retention) {
        this.cases = cases;
        this.sender = sender;
        this.retention = retention;
    }

    public void start() {
        executor.scheduleWithFixedDelay(() -> safely("routing and sending", () -> {
            cases.routeNew();
            sender.drainOnce();
        }), 1, 5, TimeUnit.SECONDS);
        executor.scheduleWithFixedDelay(() -> safely("case timers", cases::tick), 10, 300, TimeUnit.SECONDS);
        if (retention != null) {
            executor.scheduleWithFixedDelay(() -> safely("retention", () -> {
                PersonalData.Sweep s = retention.run(false, "retention");
                LOG.info("retention: {} cases anonymised, {} abandoned conversations deleted", s.casesAnonymised().size(), s.abandonedConversations());
            }), 60, TimeUnit.DAYS.toSeconds(1), TimeUnit.SECONDS);
        }
    }

    private static void safely(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.error("{} failed; will try again", what, e);
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
