package org.compactbot.app;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.compactbot.cases.CaseService;
import org.compactbot.cases.PersonalData;
import org.compactbot.cases.Retention;
import org.compactbot.cases.SendingWeeklyDigests;
import org.compactbot.mail.ImapPoller;
import org.compactbot.mail.OutboxSender;
import org.compactbot.store.Leadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What `serve` does in the background: send the outbox (every instance: each email is claimed by one), and,
 * on the instance that leads ({@link Leadership}), route new cases, run the case timers and send the weekly digests
 * when due ({@link SendingWeeklyDigests}), poll IMAP and apply the retention periods daily. The lead is asked for every few seconds, so another instance takes over when
 * the leader stops.
 */
public final class BackgroundJobs implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobs.class);
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "case-jobs");
        t.setDaemon(true);
        return t;
    });
    private final CaseService cases;
    private final OutboxSender sender;
    private final Leadership leadership;
    private final Supplier<ImapPoller> imap;
    private final Retention retention;
    private final SendingWeeklyDigests digests;
    private ImapPoller poller;
    private boolean leading;

    public BackgroundJobs(CaseService cases, OutboxSender sender) {
        this(cases, sender, Leadership.sole(), null, null);
    }

    /**
     * @param imap      makes a new IMAP poller each time this instance takes the lead; null when IMAP is off
     * @param retention the retention schedule, applied by the leader a minute after start and then every 24 hours; null for none
     */
    public BackgroundJobs(CaseService cases, OutboxSender sender, Leadership leadership, Supplier<ImapPoller> imap, Retention retention) {
        this(cases, sender, leadership, imap, retention, null);
    }

    /** @param digests the weekly digests to the area leads, sent with the case timers when due; null for none */
    public BackgroundJobs(CaseService cases, OutboxSender sender, Leadership leadership, Supplier<ImapPoller> imap, Retention retention,
                          SendingWeeklyDigests digests) {
        this.digests = digests;
        this.cases = cases;
        this.sender = sender;
        this.leadership = leadership;
        this.imap = imap;
        this.retention = retention;
    }

    public void start() {
        executor.execute(() -> safely("taking the lead", this::followLead));
        executor.scheduleWithFixedDelay(() -> safely("routing and sending", this::routeAndSend), 1, 5, TimeUnit.SECONDS);
        executor.scheduleWithFixedDelay(() -> safely("case timers", this::runTimers), 10, 300, TimeUnit.SECONDS);
        if (retention != null) {
            executor.scheduleWithFixedDelay(() -> safely("retention", this::applyRetention), 60, TimeUnit.DAYS.toSeconds(1), TimeUnit.SECONDS);
        }
    }

    /** Daily: the leader applies the retention periods. */
    void applyRetention() {
        if (!followLead()) return;
        PersonalData.Sweep s = retention.run(false, "retention");
        LOG.info("retention: {} cases anonymised, {} abandoned conversations deleted", s.casesAnonymised().size(), s.abandonedConversations());
    }

    /** Every 5 s: the leader routes new cases; every instance sends what it can claim from the outbox. */
    void routeAndSend() {
        if (followLead()) cases.routeNew();
        sender.drainOnce();
    }

    /** Every 5 minutes: the leader runs the case timers, then sends the week's digests if they are due and not yet sent. */
    void runTimers() {
        if (!followLead()) return;
        cases.tick();
        if (digests == null) return;
        for (SendingWeeklyDigests.Result r : digests.sendDue()) {
            if (r.kind() == SendingWeeklyDigests.Result.Kind.SENT) LOG.info("weekly digest queued for area {}, {}", r.area(), r.isoWeek());
        }
    }

    /** Asks for the lead; starts the IMAP poller on taking it and stops it on losing it. Runs on the jobs thread only. */
    private boolean followLead() {
        boolean now = leadership.holds();
        if (now != leading) {
            LOG.info(now ? "this instance now leads: it routes new cases, runs the case timers{}"
                    : "this instance no longer leads{}", imap == null ? "" : " and polls IMAP");
            leading = now;
        }
        if (now && poller == null && imap != null) {
            poller = imap.get();
            poller.start();
        } else if (!now && poller != null) {
            poller.close();
            poller = null;
        }
        return now;
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
        if (poller != null) poller.close();
    }
}
