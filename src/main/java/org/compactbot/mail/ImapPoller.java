package org.compactbot.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.compactbot.config.AppConfig;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the bot's mailbox over IMAP, by UID: every new message in the configured folder is handed
 * to the channel and then flagged seen. Waits with IDLE where the server supports it (woken at the
 * poll interval in any case), polls otherwise, and reconnects with backoff after any failure.
 */
public final class ImapPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ImapPoller.class);
    private final AppConfig.Mail config;
    private final Consumer<byte[]> channel;
    private final ScheduledExecutorService waker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "imap-waker"));
    private volatile boolean running;
    private volatile Folder folder;
    private long uidValidity = -1, lastUid;
    private Thread thread;

    public ImapPoller(AppConfig.Mail config, Consumer<byte[]> channel) {
        this.config = config;
        this.channel = channel;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    public void start() {
        running = true;
        thread = daemon(this::run, "imap-poller");
        thread.start();
        int seconds = config.imap().pollSeconds();
        waker.scheduleWithFixedDelay(this::wake, seconds, seconds, TimeUnit.SECONDS);
    }

    /** Breaks an IDLE so the folder is checked again (IDLE ends when another thread uses the folder). */
    private void wake() {
        Folder f = folder;
        if (f == null) return;
        try {
            if (f.isOpen()) f.getMessageCount();
        } catch (MessagingException | RuntimeException ignored) {
            // the poller notices a broken connection itself
        }
    }

    private void run() {
        long backoffMs = 1000;
        while (running) {
            try (Store store = connect()) {
                IMAPFolder f = (IMAPFolder) store.getFolder(config.imap().folder());
                f.open(Folder.READ_WRITE);
                folder = f;
                lastUid = 0; // a new connection starts from the unseen messages
                backoffMs = 1000;
                boolean idle = ((IMAPStore) store).hasCapability("IDLE");
                while (running && f.isOpen()) {
                    processUnseen(f);
                    if (idle) f.idle(true);
                    else sleep(config.imap().pollSeconds() * 1000L);
                }
            } catch (MessagingException | IOException | RuntimeException e) {
                if (!running) break;
                LOG.warn("IMAP {}:{} failed ({}); reconnecting in {} s", config.imap().host(), config.imap().port(), e.getMessage(), backoffMs / 1000);
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, 300_000);
            } finally {
                folder = null;
            }
        }
    }

    /**
     * New messages by UID (all unseen ones on the first pass of a connection, then those above the
     * highest UID handled): each to the channel, then flagged seen. A crash in between means it is
     * read again, and the channel's log drops the repeat.
     */
    void processUnseen(IMAPFolder f) throws MessagingException, IOException {
        long validity = f.getUIDValidity();
        if (validity != uidValidity) {
            uidValidity = validity;
            lastUid = 0;
        }
        Message[] candidates = lastUid == 0 ? f.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))
                : f.getMessagesByUID(lastUid + 1, jakarta.mail.UIDFolder.LASTUID);
        for (Message m : candidates) {
            long uid = f.getUID(m);
            if (uid <= lastUid || m.isSet(Flags.Flag.SEEN)) {
                lastUid = Math.max(lastUid, uid);
                continue;
            }
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            m.writeTo(raw);
            try {
                channel.accept(raw.toByteArray());
            } catch (RuntimeException e) {
                LOG.error("inbound message could not be processed; it stays unseen and will be tried again", e);
                continue;
            }
            m.setFlag(Flags.Flag.SEEN, true);
            lastUid = Math.max(lastUid, uid);
        }
    }

    private Store connect() throws MessagingException, IOException {
        AppConfig.Imap i = config.imap();
        Properties p = new Properties();
        String protocol = i.security().equals("ssl") ? "imaps" : "imap";
        p.put("mail.store.protocol", protocol);
        p.put("mail." + protocol + ".host", i.host());
        p.put("mail." + protocol + ".port", String.valueOf(i.port()));
        p.put("mail." + protocol + ".connectiontimeout", "10000");
        p.put("mail." + protocol + ".timeout", String.valueOf(Math.max(60, i.pollSeconds() * 2) * 1000));
        p.put("mail." + protocol + ".peek", "true");
        if (i.security().equals("starttls")) {
            p.put("mail.imap.starttls.enable", "true");
            p.put("mail.imap.starttls.required", "true");
        }
        String secret = i.password();
        if (!config.oauth2TokenCommand().isBlank()) {
            p.put("mail." + protocol + ".auth.mechanisms", "XOAUTH2");
            secret = OutboxSender.oauth2Token(config.oauth2TokenCommand());
        }
        Store store = Session.getInstance(p).getStore(protocol);
        store.connect(i.host(), i.port(), i.username(), secret);
        return store;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        waker.shutdownNow();
        wake();
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000); // let the message in hand finish before the store closes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
