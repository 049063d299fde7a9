package org.compactbot.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compactbot.cases.CaseService;
import org.compactbot.cases.OutgoingEmail;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.conversation.Reply;
import org.compactbot.conversation.Slot;
import org.compactbot.conversation.TurnResult;
import org.compactbot.logging.LogIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The email channel: one inbound message in, at most one reply queued. Machines are never
 * answered (auto-replies, bounces, bulk mail, our own address, a sender over the hourly cap);
 * a reply on a case thread from its mediator moves the case; anything else is a turn of the
 * sender's conversation, answered on the same thread.
 */
public final class MailChannel {
    private static final Logger LOG = LoggerFactory.getLogger(MailChannel.class);
    static final int MAX_REPLIES_PER_SENDER_PER_HOUR = 10;
    private static final Pattern CASE_REF = Pattern.compile("\\[([A-Z][A-Z0-9]{0,9}-\\d{4}-\\d{4})]");

    /** What became of an inbound message. */
    public record Outcome(String what, String detail) {}

    private final MessageParser parser;
    private final InboundLog log;
    private final ConversationEngine engine;
    private final CaseService cases;
    private final Outbox outbox;
    private final String ownAddress;
    private final MailMetrics metrics;

    public MailChannel(MessageParser parser, InboundLog log, ConversationEngine engine, CaseService cases, Outbox outbox, String ownAddress) {
        this(parser, log, engine, cases, outbox, ownAddress, MailMetrics.NONE);
    }

    public MailChannel(MessageParser parser, InboundLog log, ConversationEngine engine, CaseService cases, Outbox outbox, String ownAddress,
                       MailMetrics metrics) {
        this.parser = parser;
        this.log = log;
        this.engine = engine;
        this.cases = cases;
        this.outbox = outbox;
        this.ownAddress = ownAddress.toLowerCase(Locale.ROOT);
        this.metrics = metrics;
    }

    public Outcome receive(byte[] raw) {
        ParsedEmail mail = parser.parse(raw);
        String key = mail.messageId() != null && !mail.messageId().isBlank() ? mail.messageId() : "sha256:" + sha256(raw);
        String sender = mail.from().toLowerCase(Locale.ROOT);
        if (!log.firstReceipt(key, sender)) {
            metrics.received("duplicate");
            return new Outcome("duplicate", "already processed " + key);
        }
        String before = MDC.get(LogIds.CONVERSATION);
        MDC.put(LogIds.CONVERSATION, LogIds.conversation("mail:" + sender));
        try {
            Outcome o = decide(mail, sender, key);
            log.processed(key, o.what() + (o.detail().isEmpty() ? "" : ": " + o.detail()));
            metrics.received(o.what());
            LOG.info("inbound email {}: {}", o.what(), o.what().equals("replied") ? "answered" : o.detail());
            return o;
        } finally {
            if (before == null) MDC.remove(LogIds.CONVERSATION);
            else MDC.put(LogIds.CONVERSATION, before);
        }
    }

    private Outcome decide(ParsedEmail mail, String sender, String key) {
        if (mail.auto()) return new Outcome("ignored", "automatic mail (" + mail.reason() + ")");
        if (sender.isEmpty()) return new Outcome("ignored", "no sender address");
        if (sender.equals(ownAddress)) return new Outcome("ignored", "mail from our own address");
        if (log.repliesInLastHour(sender) >= MAX_REPLIES_PER_SENDER_PER_HOUR) {
            return new Outcome("ignored", "more than " + MAX_REPLIES_PER_SENDER_PER_HOUR + " replies to this sender in the last hour");
        }
        String caseRef = caseThread(mail);
        if (caseRef != null) {
            CaseService.Outcome moved = cases.mediatorReply(caseRef, sender, mail.text());
            if (moved.ok() || !moved.message().startsWith("Only the mediator")) {
                reply(mail, moved.message() + (moved.ok() ? "" : "\n\nReply with ACCEPT, DECLINE <reason>, INFO <question> or RESOLVED <outcome> on the first line."), caseRef);
                return new Outcome("replied", "case " + caseRef + ": " + moved.message());
            }
            CaseService.Outcome added = cases.complainantReply(caseRef, sender, mail.text(), mail.attachments().stream()
                    .map(a -> new CaseService.Evidence(a.name(), a.type(), a.content())).toList());
            if (added.ok() || !added.message().startsWith("Only the person")) {
                reply(mail, added.message(), caseRef);
                return new Outcome("replied", "case " + caseRef + ": " + added.message());
            }
        }
        String text = mail.text().isBlank() ? mail.subject() : mail.text();
        Map<Slot, String> known = new LinkedHashMap<>();
        known.put(Slot.EMAIL, sender);
        SignOff signOff = SignOff.in(text);
        if (looksLikeAPersonsName(mail.fromName())) known.put(Slot.NAME, mail.fromName().strip());
        else if (signOff.name() != null && looksLikeAPersonsName(signOff.name())) known.put(Slot.NAME, signOff.name());
        if (signOff.organisation() != null) known.put(Slot.ORGANISATION, signOff.organisation());
        long t0 = System.nanoTime();
        TurnResult turn = engine.handle("mail:" + sender, "email", text, key, known);
        metrics.turn((System.nanoTime() - t0) / 1e9);
        String kept = keepAttachments("mail:" + sender, mail);
        reply(mail, render(turn) + kept, turn.caseInfo() == null ? null : turn.caseInfo().ref());
        return new Outcome("replied", "conversation turn, now " + turn.state());
    }

    /** Files sent while raising a challenge: kept (within the evidence limits) for the case it becomes. */
    private String keepAttachments(String conversationId, ParsedEmail mail) {
        if (mail.attachments().isEmpty()) return "";
        List<ConversationEngine.SentFile> kept = new java.util.ArrayList<>();
        List<String> refused = new java.util.ArrayList<>();
        long total = 0;
        for (ParsedEmail.Attachment a : mail.attachments()) {
            if (a.content().length > CaseService.MAX_EVIDENCE_BYTES || total + a.content().length > CaseService.MAX_EVIDENCE_PER_EMAIL) {
                refused.add(a.name());
            } else {
                total += a.content().length;
                kept.add(new ConversationEngine.SentFile(a.name(), a.type(), a.content()));
            }
        }
        engine.keepFiles(conversationId, kept);
        return (kept.isEmpty() ? "" : "\n\nKept with your challenge as evidence: " + String.join(", ", kept.stream().map(ConversationEngine.SentFile::name).toList()) + ".")
                + (refused.isEmpty() ? "" : "\n\nThese files were too large to keep: " + String.join(", ", refused)
                        + ". Please send a link to them instead.");
    }

    /** The case a message belongs to: a [REF] in the subject, or a reply to an email we sent about a case. */
    private String caseThread(ParsedEmail mail) {
        Matcher ref = CASE_REF.matcher(mail.subject());
        if (ref.find()) return ref.group(1);
        List<String> ids = new java.util.ArrayList<>(mail.references());
        if (mail.inReplyTo() != null) ids.add(0, mail.inReplyTo());
        for (String id : ids) {
            java.util.Optional<String> c = outbox.caseOf(id.strip());
            if (c.isPresent()) return c.get();
        }
        return null;
    }

    /** The name and organisation under a closing such as "Thanks," or "Kind regards," at the end of an email. */
    record SignOff(String name, String organisation) {
        private static final Pattern CLOSING = Pattern.compile("(?i)^(thanks|thank you|many thanks|regards|kind regards|best regards|best wishes|best|"
                + "cheers|yours sincerely|yours faithfully|yours|warm regards|with thanks)[,.!]?$");

        static SignOff in(String text) {
            List<String> lines = text.strip().lines().map(String::strip).toList();
            for (int i = Math.max(0, lines.size() - 6); i < lines.size(); i++) {
                if (!CLOSING.matcher(lines.get(i)).matches()) continue;
                List<String> after = lines.subList(i + 1, lines.size()).stream().filter(l -> !l.isEmpty()).toList();
                String name = after.isEmpty() ? null : after.get(0);
                String org = after.size() < 2 || after.get(1).contains("@") || after.get(1).matches(".*\\d{5,}.*") ? null : after.get(1);
                return new SignOff(name, org == null || org.length() > 80 ? null : org);
            }
            return new SignOff(null, null);
        }
    }

    /** A display name worth using as the person's name: words with letters, not an address or a role mailbox. */
    static boolean looksLikeAPersonsName(String name) {
        if (name == null || name.isBlank() || name.contains("@") || name.length() > 60) return false;
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.matches("[\\p{L}][\\p{L}'. -]*") && n.split("\\s+").length <= 5
                && !n.matches(".*\\b(info|admin|office|team|enquiries|hello|contact|no-?reply|support|mail)\\b.*");
    }

    /** Replies as plain text: each reply, with its choices as a numbered list to answer inline. */
    static String render(TurnResult t) {
        StringBuilder sb = new StringBuilder();
        for (Reply r : t.replies()) {
            if (sb.length() > 0) sb.append("\n\n");
            sb.append(r.text());
            for (int i = 0; i < r.choices().size(); i++) {
                sb.append("\n  ").append(r.choices().get(i).value()).append(" - ").append(r.choices().get(i).label());
            }
        }
        if (t.expecting() != null) sb.append("\n\n(Reply above the quoted text. You can also write help, back, skip, status or cancel.)");
        return sb.toString();
    }

    private void reply(ParsedEmail mail, String body, String caseRef) {
        String subject = mail.subject().isBlank() ? "Your message to Compact Bot"
                : (mail.subject().regionMatches(true, 0, "Re:", 0, 3) ? mail.subject() : "Re: " + mail.subject());
        if (caseRef != null && !subject.contains("[" + caseRef + "]")) subject = subject + " [" + caseRef + "]";
        String to = mail.replyTo() != null && !mail.replyTo().isBlank() ? mail.replyTo() : mail.from();
        String text = body + "\n\nCompact Bot\n";
        outbox.enqueue(new OutgoingEmail(to, subject, text, html(text), List.of(), mail.messageId(), "reply"), caseRef);
    }

    private static String html(String text) {
        String esc = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<html><body style=\"font-family:sans-serif\"><p>" + esc.replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p></body></html>";
    }

    private static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
