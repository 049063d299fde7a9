package org.compactbot.slack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.compactbot.conversation.DeliveryLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on each Slack delivery once. Slack retries an event it thinks failed (marking it X-Slack-Retry-Num; the event id
 * stays the same), and a signed form submission can be posted again. Ids seen lately are remembered in memory, so an
 * acknowledgement never waits for the database; the durable record in the {@link DeliveryLog} (which survives a
 * restart) is written by the worker before it acts. Work that did not happen is forgotten, so that it is taken when
 * it comes again.
 */
final class Redeliveries {
    private static final Logger LOG = LoggerFactory.getLogger(Redeliveries.class);

    private final DeliveryLog log;
    private final OrderedWork work;
    /** Event ids seen lately, oldest forgotten first. */
    private final Set<String> recent = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > 10_000;
                }
            }));

    Redeliveries(DeliveryLog log, OrderedWork work) {
        this.log = log;
        this.work = work;
    }

    /** Queues an event's work (in the lane of {@code key}) unless this event id has been handled before. */
    void once(String eventId, Integer retryNum, String key, Runnable job) {
        if (eventId == null) {
            work.submit(key, job);
            return;
        }
        if (!recent.add(eventId)) {
            duplicate(eventId, retryNum);
            return;
        }
        boolean queued = work.submit(key, () -> {
            if (!log.firstTime(eventId)) {
                duplicate(eventId, retryNum);
                return;
            }
            job.run();
        });
        if (!queued) recent.remove(eventId); // dropped unhandled: Slack's retry of it must be taken
    }

    /** Records a submission now (it is acted on while Slack waits); true only the first time it is seen. */
    boolean firstTime(String submission) {
        return recent.add(submission) && log.firstTime(submission);
    }

    /** A submission that created nothing: sending it again is to be acted on. */
    void forget(String submission) {
        recent.remove(submission);
        log.forget(submission);
    }

    private static void duplicate(String eventId, Integer retryNum) {
        LOG.info("Slack event {} already handled{}; not acting on it again", eventId,
                retryNum == null || retryNum == 0 ? "" : " (retry " + retryNum + ")");
    }
}
