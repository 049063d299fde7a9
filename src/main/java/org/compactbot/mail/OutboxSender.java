package org.compactbot.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.compactbot.cases.Outbox;
import org.compactbot.config.AppConfig;
import org.compactbot.logging.SecretRedactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: over SMTP (none / STARTTLS / SSL; password or an XOAUTH2 token from
 * mail.oauth2-token-command), or, with no SMTP host configured, as .eml files under data/outbox/.
 * A failed email is retried with exponential backoff and jitter, for as long as it takes; its
 * Message-ID never changes, so a receiver can tell a retry from a new message. Over SMTP each email's envelope
 * sender is its bounce address ({@link Verp}), so a bounce names the email it is about.
 */
public final class OutboxSender {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(30), LONGEST_RETRY = Duration.ofHours(1);
    /**
     * How long emails taken from a shared outbox stay this sender's (a round stops sending at half of it); when
     * an instance dies mid-round, another sends its emails after this.
     */
    static final Duration LEASE = Duration.ofMinutes(2);

    private final Outbox outbox;
    private final AppConfig.Mail config;
    private final Path fileOutbox;
    private final Clock clock;
    private final Random jitter;
    private final MailMetrics metrics;
    private boolean warnedEnvelopeRefused;

    public OutboxSender(Outbox outbox, AppConfig.Mail config, Path fileOutbox, Clock clock, Random jitter) {
        this(outbox, config, fileOutbox, clock, jitter, MailMetrics.NONE);
    }

    public OutboxSender(Outbox outbox, AppConfig.Mail config, Path fileOutbox, Clock clock, Random jitter, MailMetrics metrics) {
        this.outbox = outbox;
        this.config = config;
        this.fileOutbox = fileOutbox;
        this.clock = clock;
        this.jitter = jitter;
        this.metrics = metrics;
    }

    /** Sends what is due; returns how many were delivered. Never throws for a delivery problem. */
    public synchronized int drainOnce() {
        Instant claimed = clock.instant();
        List<Outbox.Pending> due = outbox.claim(claimed, 200, LEASE);
        if (due.isEmpty()) return 0;
        Session session = session();
        int sent = 0, next = 0; // next: the first claimed email not yet tried
        Transport transport = null;
        boolean envelopeRefused = false; // this round's server would not take a bounce address as the envelope sender
        try {
            while (next < due.size()) {
                if (clock.instant().isAfter(claimed.plus(LEASE.dividedBy(2)))) {
                    LOG.warn("sending is slow: the rest of this round's emails are left for the next round");
                    break; // well before their lease runs out: never two senders at once
                }
                Outbox.Pending p = due.get(next++);
                try {
                    MimeMessage m = MailMessages.build(session, config.address(), p.messageId(), p.email());
                    if (config.smtp().enabled()) {
                        if (transport == null) transport = connect(session);
                        envelopeRefused = send(session, transport, m, Verp.address(config.address(), p.id(), p.messageId()), envelopeRefused);
                    } else {
                        writeEml(p, m);
                    }
                    outbox.markSent(p.id(), clock.instant());
                    metrics.sent();
                    sent++;
                } catch (MessagingException | IOException | RuntimeException e) {
                    int attempts = p.attempts() + 1;
                    Instant retry = clock.instant().plus(backoff(attempts));
                    outbox.markFailed(p.id(), attempts, retry, e.getMessage());
                    metrics.sendFailed();
                    // a mail server's error may name the recipient: no addresses at WARN
                    LOG.warn("email {} not sent (attempt {}), retrying after {}: {}", p.messageId(), attempts, retry,
                            SecretRedactor.maskEmails(e.getMessage()));
                    if (transport != null && !transport.isConnected()) transport = null;
                    if (e instanceof MessagingException && config.smtp().enabled() && transport == null) {
                        // the server is unreachable: leave the rest for the next round rather than fail each in turn
                        break;
                    }
                }
            }
        } finally {
            if (next < due.size()) {
                outbox.release(due.subList(next, due.size()).stream().map(Outbox.Pending::id).toList(), clock.instant());
            }
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // closing after sending: nothing to recover
                }
            }
        }
        return sent;
    }

    /**
     * Sends with {@code mail.smtp.from} (the MAIL FROM of this message) set to the bounce address. A server that refuses
     * it (some submission servers accept only the account's own address) gets the bot's address instead, for the rest
     * of the round: the email still goes, only its bounce will not be matched. Returns whether that happened.
     */
    private boolean send(Session session, Transport transport, MimeMessage m, String bounceAddress, boolean refusedBefore)
            throws MessagingException {
        session.getProperties().setProperty("mail.smtp.from", refusedBefore ? config.address() : bounceAddress);
        try {
            transport.sendMessage(m, m.getAllRecipients());
            return refusedBefore;
        } catch (org.eclipse.angus.mail.smtp.SMTPSenderFailedException e) {
            if (refusedBefore) throw e;
            if (!warnedEnvelopeRefused) {
                warnedEnvelopeRefused = true;
                LOG.warn("the SMTP server refused the bounce address as envelope sender ({}): sending from mail.address instead, so "
                        + "bounces will not be matched to their emails", SecretRedactor.maskEmails(e.getMessage()));
            }
            session.getProperties().setProperty("mail.smtp.from", config.address());
            transport.sendMessage(m, m.getAllRecipients());
            return true;
        }
    }

    /** 30 s doubling to at most an hour, times a random factor from 0.5 to 1.5. */
    Duration backoff(int attempts) {
        long base = FIRST_RETRY.toMillis() << Math.min(attempts - 1, 20);
        long capped = Math.min(base, LONGEST_RETRY.toMillis());
        return Duration.ofMillis((long) (capped * (0.5 + jitter.nextDouble())));
    }

    private void writeEml(Outbox.Pending p, MimeMessage m) throws IOException, MessagingException {
        Files.createDirectories(fileOutbox);
        String name = String.format("%08d-%s.eml", p.id(), p.email().purpose().replaceAll("[^a-z_-]", ""));
        Path tmp = fileOutbox.resolve(name + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            m.writeTo(out);
        }
        Files.move(tmp, fileOutbox.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Session session() {
        AppConfig.Smtp s = config.smtp();
        Properties props = new Properties();
        props.put("mail.smtp.host", s.host());
        props.put("mail.smtp.port", String.valueOf(s.port()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "30000");
        props.put("mail.smtp.writetimeout", "30000");
        props.put("mail.smtp.auth", String.valueOf(!s.username().isBlank()));
        switch (s.security()) {
            case "starttls" -> {
                props.put("mail.smtp.starttls.enable", "true");
                props.put("mail.smtp.starttls.required", "true");
            }
            case "ssl" -> props.put("mail.smtp.ssl.enable", "true");
            default -> { }
        }
        if (!config.oauth2TokenCommand().isBlank()) props.put("mail.smtp.auth.mechanisms", "XOAUTH2");
        return Session.getInstance(props);
    }

    private Transport connect(Session session) throws MessagingException, IOException {
        AppConfig.Smtp s = config.smtp();
        Transport t = session.getTransport("smtp");
        if (s.username().isBlank()) {
            t.connect();
        } else {
            String secret = config.oauth2TokenCommand().isBlank() ? s.password() : oauth2Token(config.oauth2TokenCommand());
            t.connect(s.host(), s.port(), s.username(), secret);
        }
        return t;
    }

    /** Runs the configured command and takes the first line it prints as the access token. */
    static String oauth2Token(String command) throws IOException {
        Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(false).start();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("mail.oauth2-token-command did not finish within 30 s");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0 || out.isEmpty()) throw new IOException("mail.oauth2-token-command failed (exit " + p.exitValue() + ")");
            String token = out.lines().findFirst().orElse("");
            SecretRedactor.register(token);
            return token;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while getting the OAuth2 token");
        }
    }
}
