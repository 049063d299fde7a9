package org.compactbot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.compactbot.cases.CaseService;
import org.compactbot.cases.SendingWeeklyDigests;
import org.compactbot.mail.ImapPoller;
import org.compactbot.mail.OutboxSender;
import org.compactbot.store.Leadership;
import org.junit.jupiter.api.Test;

/** Which background work an instance does, by whether it leads (cases, sender and poller mocked to isolate that). */
class BackgroundJobsTest {
    private final CaseService cases = mock(CaseService.class);
    private final OutboxSender sender = mock(OutboxSender.class);
    private final AtomicBoolean leads = new AtomicBoolean();
    private final List<ImapPoller> pollers = new ArrayList<>();
    private final Leadership leadership = new Leadership() {
        @Override
        public boolean holds() {
            return leads.get();
        }

        @Override
        public void close() {
            leads.set(false);
        }
    };

    private BackgroundJobs jobs() {
        return new BackgroundJobs(cases, sender, leadership, () -> {
            ImapPoller p = mock(ImapPoller.class);
            pollers.add(p);
            return p;
        }, null);
    }

    @Test
    void anInstanceThatDoesNotLeadOnlySendsTheOutbox() {
        BackgroundJobs jobs = jobs();
        jobs.routeAndSend();
        jobs.runTimers();
        verify(sender).drainOnce();
        verify(cases, never()).routeNew();
        verify(cases, never()).tick();
        assertEquals(0, pollers.size(), "no IMAP poller");
        jobs.close();
    }

    @Test
    void theLeaderRoutesRunsTimersAndPollsImapUntilItLosesTheLead() {
        BackgroundJobs jobs = jobs();
        leads.set(true);
        jobs.routeAndSend();
        jobs.routeAndSend();
        jobs.runTimers();
        verify(cases, times(2)).routeNew();
        verify(cases).tick();
        verify(sender, times(2)).drainOnce();
        assertEquals(1, pollers.size(), "one poller while leading");
        verify(pollers.get(0)).start();

        leads.set(false);
        jobs.routeAndSend();
        verify(pollers.get(0)).close();
        verify(cases, times(2)).routeNew();

        leads.set(true);
        jobs.routeAndSend();
        assertEquals(2, pollers.size(), "a new poller on taking the lead again");
        verify(pollers.get(1)).start();
        jobs.close();
        verify(pollers.get(1)).close();
    }

    @Test
    void withSqliteTheOnlyInstanceAlwaysLeads() {
        BackgroundJobs jobs = new BackgroundJobs(cases, sender);
        jobs.routeAndSend();
        jobs.runTimers();
        verify(cases).routeNew();
        verify(cases).tick();
        jobs.close();
    }

    @Test
    void onlyTheLeaderSendsTheWeeklyDigestsAfterTheTimers() {
        SendingWeeklyDigests digests = mock(SendingWeeklyDigests.class);
        BackgroundJobs jobs = new BackgroundJobs(cases, sender, leadership, null, null, digests);
        jobs.runTimers();
        verify(digests, never()).sendDue();
        leads.set(true);
        jobs.runTimers();
        var order = inOrder(cases, digests);
        order.verify(cases).tick();
        order.verify(digests).sendDue();
        jobs.close();
    }
}
