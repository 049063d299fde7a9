package org.compactbot.mail;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compactbot.cases.CaseParty;
import org.compactbot.cases.CaseProgress;
import org.compactbot.cases.CaseReply;
import org.compactbot.cases.CaseService;
import org.compactbot.cases.Mediator;
import org.compactbot.cases.Outbox;
import org.compactbot.cases.OutgoingEmail;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.conversation.ConversationId;
import org.compactbot.conversation.InboundLog;
import org.compactbot.conversation.Reply;
import org.compactbot.conversation.Slot;
import org.compactbot.conversation.TurnResult;
import org.compactbot.logging.LogIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The email channel: one inbound message in, at most one reply queued. Machines are never
 * answered (auto-replies, bounces, bulk mail, our own address, a sender over the hourly cap); a bounce of one of our
 * emails marks it undeliverable ({@link Bounces});
 * a reply on a case thread from its mediator moves the case; anything else is a turn of the
 * sender's conversation, answered on the same thread.
 */
public final class MailChannel {
    private static final Logger LOG = LoggerFactory.getLogger(MailChannel.class);
    static final int MAX_REPLIES_PER_SENDER_PER_HOUR = 10;
    /** The longest subject we echo back, and how much of a message we quote when we do not act on it. */
    static final int MAX_SUBJECT_CHARS = 150, MAX_QUOTED_CHARS = 2000;
    /** Threading ids looked up per message (References can be long; ours are near the end of a real thread's). */
    private static final int MAX_THREAD_IDS = 50;
    private static final Pattern CASE_REF = Pattern.compile("\\[([A-Z][A-Z0-9]{0,9}-\\d{4}-\\d{4})]");

    private final MessageParser parser;
    private final InboundLog log;
    private final ConversationEngine engine;
    private final CaseService cases;
    private final Outbox outbox;
    private final String ownAddress;
    private final MailMetrics metrics;
    private final String trustedAuthservId;
    private final Clock clock;
    private final Bounces bounces;

    public MailChannel(MessageParser parser, InboundLog log, ConversationEngine engine, CaseService cases, Outbox outbox, String ownAddress) {
        this(parser, log, engine, cases, outbox, ownAddress, "", MailMetrics.NONE, Clock.systemUTC());
    }

    /**
     * @param trustedAuthservId the authserv-id of our receiving mail server, whose Authentication-Results are believed
     *                          ({@code mail.trusted-authserv-id}; empty: any such header's failures count)
     */
    public MailChannel(MessageParser parser, InboundLog log, ConversationEngine engine, CaseService cases, Outbox outbox, String ownAddress,
                       String trustedAuthservId, MailMetrics metrics, Clock clock) {
        this.trustedAuthservId = trustedAuthservId == null ? "" : trustedAuthservId;
        this.clock = clock;
        this.parser = parser;
        this.log = log;
        this.engine = engine;
        this.cases = cases;
        this.outbox = outbox;
        this.ownAddress = ownAddress.toLowerCase(Locale.ROOT);
        this.metrics = metrics;
        this.bounces = new Bounces(outbox, cases, clock);
    }

    public MailOutcome receive(byte[] raw) {
        ParsedEmail mail = parser.parse(raw);
        String key = mail.messageId() != null && !mail.messageId().isBlank() ? mail.messageId() : "sha256:" + sha256(raw);
        String sender = mail.from().toLowerCase(Locale.ROOT);
        if (!log.firstReceipt(key, sender)) {
            MailOutcome duplicate = new MailOutcome.Duplicate(key);
            metrics.received(duplicate.what());
            return duplicate;
        }
        String before = MDC.get(LogIds.CONVERSATION);
        MDC.put(LogIds.CONVERSATION, LogIds.conversation(ConversationId.mail(sender).value()));
        try {
            MailOutcome o = decide(raw, mail, sender, key);
            log.processed(key, o.logged());
            metrics.received(o.what());
            LOG.info("inbound email {}: {}", o.what(), o.forLog());
            return o;
        } finally {
            if (before == null) MDC.remove(LogIds.CONVERSATION);
            else MDC.put(LogIds.CONVERSATION, before);
        }
    }

    private MailOutcome decide(byte[] raw, ParsedEmail mail, String sender, String key) {
        // a bounce (a delivery report, or anything sent to a bounce address) is read, never answered
        java.util.Optional<Bounce> bounce = Bounce.in(raw, mail, ownAddress);
        if (bounce.isPresent()) return bounces.handle(bounce.get());
        if (mail.auto()) return new MailOutcome.Automatic(mail.reason());
        if (sender.isEmpty()) return new MailOutcome.NoSender();
        if (sender.equals(ownAddress)) return new MailOutcome.FromUs();
        // every reply goes to the From address (never to Reply-To), so this caps what any one address can be sent
        if (outbox.repliesTo(sender, clock.instant().minus(Duration.ofHours(1))) >= MAX_REPLIES_PER_SENDER_PER_HOUR) {
            return new MailOutcome.OverReplyCap(MAX_REPLIES_PER_SENDER_PER_HOUR);
        }
        SenderCheck check = SenderCheck.of(mail.authenticationResults(), trustedAuthservId);
        String caseRef = caseThread(mail);
        Optional<String> statusOf = StatusRequest.in(mail.subject(), mail.text(), caseRef);
        if (statusOf.isPresent()) return status(mail, sender, statusOf.get(), check);
        if (caseRef != null) {
            CaseParty party = cases.partyOf(caseRef, sender);
            if (party instanceof CaseParty.AssignedMediator am) return fromMediator(mail, caseRef, am.mediator(), check);
            if (party instanceof CaseParty.Complainant && asksOnlyForALetter(mail.text())) {
                return letterOnCase(mail, caseRef, sender, key, check);
            }
            if (party instanceof CaseParty.Complainant) return fromComplainant(mail, caseRef, sender, check);
            if (party instanceof CaseParty.BodyContact b) return fromBody(mail, caseRef, b.email(), check);
        }
        return conversationTurn(mail, sender, key, check);
    }

    /**
     * STATUS: where the case stands, told only to the address it was raised from (every reply goes to the From address,
     * so a forged From learns nothing; one whose checks failed gets only the notice). Any other address is told no
     * such case was raised from it, whether or not the reference exists.
     */
    private MailOutcome status(ParsedEmail mail, String sender, String ref, SenderCheck check) {
        if (check instanceof SenderCheck.Failed f) return refuseFailedSender(mail, sender, f);
        Optional<CaseProgress> progress = cases.progressFor(ref, sender);
        reply(mail, sender, progress.map(CaseProgress::inWords).orElse("We can't find a challenge " + ref
                + " raised from this address. Check the reference (it looks like CC-2026-0001), and write from the email address "
                + "you gave when you raised it."), progress.isPresent() ? ref : null);
        return new MailOutcome.Status(ref, progress.isPresent());
    }

    /**
     * The mediator's instruction moves the case only with proof that the mediator wrote it: the message answers an
     * email we sent them about this case, and the receiving server's checks did not fail. Otherwise the configured
     * address is told what to do, and the case does not change.
     */
    private MailOutcome fromMediator(ParsedEmail mail, String caseRef, Mediator m, SenderCheck check) {
        String to = m.email();
        MailOutcome.Doubt doubt = doubt(mail, to, caseRef, check);
        if (doubt != null) {
            reply(mail, to, "We have not acted on your email about " + caseRef + ": " + doubt.text() + ". " + caseRef + " has not changed.\n\n"
                    + "To accept, decline, ask for information or record the outcome, reply to the email we sent you about " + caseRef
                    + " (it carries a code that shows it is really you) with ACCEPT, DECLINE <reason>, INFO <question> or RESOLVED "
                    + "<outcome> on the first line. If you did not write to us, someone may be using your address: nothing was done.", caseRef);
            return new MailOutcome.MediatorUnproven(caseRef, doubt);
        }
        CaseReply moved = cases.mediatorReply(caseRef, m.email(), mail.text());
        reply(mail, to, moved.message() + (moved.ok() ? "" : "\n\nReply with ACCEPT, DECLINE <reason>, INFO <question> or RESOLVED <outcome> on the first line."), caseRef);
        return new MailOutcome.OnCase(caseRef, moved);
    }

    /** The complainant's message (often an answer to the mediator) joins the case with the same proof as a mediator's. */
    private MailOutcome fromComplainant(ParsedEmail mail, String caseRef, String sender, SenderCheck check) {
        MailOutcome.Doubt doubt = doubt(mail, sender, caseRef, check);
        if (doubt != null) {
            reply(mail, sender, "We have not added your email to " + caseRef + ": " + doubt.text() + ". To add to your challenge, reply to the "
                    + "latest email we sent you about " + caseRef + " (it carries a code that shows it is really you) and write your message "
                    + "again. Here is what we received:\n\n" + quoted(mail.text()), caseRef);
            return new MailOutcome.ComplainantUnproven(caseRef, doubt);
        }
        CaseReply added = cases.complainantReply(caseRef, sender, mail.text(), mail.attachments().stream()
                .map(a -> new CaseService.Evidence(a.name(), a.type(), a.content())).toList());
        reply(mail, sender, added.message(), caseRef);
        return new MailOutcome.OnCase(caseRef, added);
    }

    /** The most a message on a case's thread may say and still be taken as a request for the letter, not news for the mediator. */
    static final int MAX_LETTER_REQUEST_CHARS = 300;

    /** A short message asking for the letter ("draft a letter", "can you write a letter to the council for us?"). */
    private static boolean asksOnlyForALetter(String text) {
        return text.strip().length() <= MAX_LETTER_REQUEST_CHARS && ConversationEngine.asksForALetter(text);
    }

    /**
     * "Draft a letter" from the complainant on their case's thread: a turn of their conversation that gives the
     * early-resolution letter for that case (text and .docx), with the same proof as their other messages on it.
     */
    private MailOutcome letterOnCase(ParsedEmail mail, String caseRef, String sender, String key, SenderCheck check) {
        MailOutcome.Doubt doubt = doubt(mail, sender, caseRef, check);
        if (doubt != null) {
            reply(mail, sender, "We have not drafted the letter for " + caseRef + ": " + doubt.text() + ". Reply to the latest email we "
                    + "sent you about " + caseRef + " (it carries a code that shows it is really you) and ask again.", caseRef);
            return new MailOutcome.ComplainantUnproven(caseRef, doubt);
        }
        TurnResult turn = engine.letterForCase(ConversationId.mail(sender), caseRef, mail.text(), key);
        reply(mail, sender, render(turn), caseRef, LetterFiles.of(turn));
        return new MailOutcome.Turn(turn.state());
    }

    /**
     * The body's response, from the contact it was asked at, joins the case with the same proof: a reply to an email we
     * sent that address about this case (the request), and checks that did not fail. Anything else is only noticed.
     */
    private MailOutcome fromBody(ParsedEmail mail, String caseRef, String address, SenderCheck check) {
        MailOutcome.Doubt doubt = doubt(mail, address, caseRef, check);
        if (doubt != null) {
            reply(mail, address, "We have not added your email to " + caseRef + ": " + doubt.text() + ". To send the body's response, reply to "
                    + "our request for a formal response about " + caseRef + " (it carries a code that shows it is really you).", caseRef);
            return new MailOutcome.BodyUnproven(caseRef, doubt);
        }
        CaseReply added = cases.bodyReply(caseRef, address, mail.text(), mail.attachments().stream()
                .map(a -> new CaseService.Evidence(a.name(), a.type(), a.content())).toList());
        reply(mail, address, added.message(), caseRef);
        return new MailOutcome.OnCase(caseRef, added);
    }

    /**
     * A turn of the sender's conversation. A challenge in progress (which holds the person's details) is shown or
     * changed only by a reply to an email we sent this address; a message whose sender failed authentication gets
     * nothing but a notice.
     */
    private MailOutcome conversationTurn(ParsedEmail mail, String sender, String key, SenderCheck check) {
        ConversationId conversationId = ConversationId.mail(sender);
        if (check instanceof SenderCheck.Failed f) return refuseFailedSender(mail, sender, f);
        if (!threadsTo(mail, sender, null) && engine.challengeInProgressBefore(conversationId, key)) {
            reply(mail, sender, "You have a challenge in progress with us. To keep your details safe, we only show or change it when you "
                    + "reply to the latest email we sent you (it carries a code that shows it is really you), and this email was not a "
                    + "reply to one of ours. Nothing has changed. Please reply to our latest email and write your message again. "
                    + "Here is what we received:\n\n" + quoted(mail.text().isBlank() ? mail.subject() : mail.text()), null);
            return new MailOutcome.NotAReplyToUs();
        }
        // answers typed under our quoted questions are read with the questions' numbers, which the quote carried
        String text = !mail.answersUnderQuotes().isBlank() ? mail.answersUnderQuotes() : mail.text().isBlank() ? mail.subject() : mail.text();
        Map<Slot, String> known = new LinkedHashMap<>();
        known.put(Slot.EMAIL, sender);
        SignOff signOff = SignOff.in(text);
        if (looksLikeAPersonsName(mail.fromName())) known.put(Slot.NAME, mail.fromName().strip());
        else if (signOff.name() != null && looksLikeAPersonsName(signOff.name())) known.put(Slot.NAME, signOff.name());
        if (signOff.organisation() != null) known.put(Slot.ORGANISATION, signOff.organisation());
        long t0 = System.nanoTime();
        TurnResult turn = engine.handle(conversationId, text, key, known);
        metrics.turn((System.nanoTime() - t0) / 1e9);
        String kept = keepAttachments(conversationId, mail);
        reply(mail, sender, render(turn) + kept, turn.caseInfo() == null ? null : turn.caseInfo().ref(), LetterFiles.of(turn));
        return new MailOutcome.Turn(turn.state());
    }

    private MailOutcome refuseFailedSender(ParsedEmail mail, String sender, SenderCheck.Failed f) {
        reply(mail, sender, "We received an email from this address, but the checks of the mail system it came through say it may "
                + "not be from you (" + f.method() + "=" + f.result() + "), so we have not acted on it. If you wrote it, please ask "
                + "whoever runs your email about SPF, DKIM and DMARC, or write to us from another address.", null);
        return new MailOutcome.SenderFailedChecks(f);
    }

    /**
     * Why a message on case {@code caseRef} cannot be taken as written by {@code address}, or null when it can: the
     * receiving server's checks failed, or it answers no email we sent that address about the case.
     */
    private MailOutcome.Doubt doubt(ParsedEmail mail, String address, String caseRef, SenderCheck check) {
        if (check instanceof SenderCheck.Failed f) return new MailOutcome.Doubt.ChecksFailed(f);
        if (!threadsTo(mail, address, caseRef)) return new MailOutcome.Doubt.NotAReply(caseRef);
        return null;
    }

    /** Whether the message answers an email we sent this address (about this case, when one is given). */
    private boolean threadsTo(ParsedEmail mail, String address, String caseRef) {
        List<String> ids = new java.util.ArrayList<>();
        if (mail.inReplyTo() != null) ids.add(mail.inReplyTo());
        ids.addAll(mail.references());
        int looked = 0;
        for (String id : ids) {
            if (looked++ >= MAX_THREAD_IDS) break;
            java.util.Optional<Outbox.Sent> sent = outbox.sent(id.strip());
            if (sent.isPresent() && sent.get().recipient().equalsIgnoreCase(address)
                    && (caseRef == null || caseRef.equals(sent.get().caseRef()))) return true;
        }
        return false;
    }

    private static String quoted(String text) {
        String t = text == null ? "" : text.strip();
        if (t.length() > MAX_QUOTED_CHARS) t = t.substring(0, MAX_QUOTED_CHARS) + " [...]";
        return t.isEmpty() ? "> (no text)" : "> " + t.replace("\n", "\n> ");
    }

    /** Files sent while raising a challenge: kept (within the evidence limits) for the case it becomes. */
    private String keepAttachments(ConversationId conversationId, ParsedEmail mail) {
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
        static SignOff in(String text) {
            List<String> lines = text.strip().lines().map(String::strip).toList();
            for (int i = Math.max(0, lines.size() - 6); i < lines.size(); i++) {
                if (!ReplyText.CLOSING.matcher(lines.get(i)).matches()) continue;
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

    /** Queues the answer to {@code mail} for {@code to} (always the sender's own address), on the same thread. */
    private void reply(ParsedEmail mail, String to, String body, String caseRef) {
        reply(mail, to, body, caseRef, List.of());
    }

    private void reply(ParsedEmail mail, String to, String body, String caseRef, List<OutgoingEmail.Attachment> files) {
        String theirs = mail.subject().strip();
        if (theirs.length() > MAX_SUBJECT_CHARS) theirs = theirs.substring(0, MAX_SUBJECT_CHARS).strip() + "...";
        String subject = theirs.isEmpty() ? "Your message to Compact Bot"
                : (theirs.regionMatches(true, 0, "Re:", 0, 3) ? theirs : "Re: " + theirs);
        if (caseRef != null && !subject.contains("[" + caseRef + "]")) subject = subject + " [" + caseRef + "]";
        String text = body + "\n\nCompact Bot\n";
        outbox.enqueue(new OutgoingEmail(to.toLowerCase(Locale.ROOT), subject, text, html(text), files, mail.messageId(), "reply",
                mail.references()), caseRef);
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
