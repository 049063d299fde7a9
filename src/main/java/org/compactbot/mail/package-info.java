/**
 * The email channel: how an email becomes a conversation turn or a reply on a case, and how what the bot says is sent.
 *
 * <h2>How an email is handled</h2>
 * <ol>
 *   <li>It arrives by {@link org.compactbot.mail.ImapPoller} (the bot's mailbox, by UID, IDLE where offered) or as the
 *       raw body of {@code POST /mail/inbound}; both hand the bytes to {@link org.compactbot.mail.MailChannel#receive}.</li>
 *   <li>{@link org.compactbot.mail.MessageParser} reads it into a {@link org.compactbot.mail.ParsedEmail} and never
 *       throws: headers decoded leniently ({@code Headers}, {@code EncodedWords}, {@code Charsets}), the MIME tree walked
 *       ({@code Walker}), HTML turned into lines ({@code HtmlText}), the visible new text kept without quoted replies
 *       and signatures ({@code ReplyText}), attachments named safely ({@code FileNames}). {@code AutoDetector} says
 *       whether a machine sent it (auto-reply, bounce, bulk mail) and why. {@code mail parse} prints the same reading.</li>
 *   <li>Dedupe: the {@link org.compactbot.conversation.InboundLog} port records the Message-ID (or a hash of the bytes);
 *       a redelivery is a {@link org.compactbot.mail.MailOutcome.Duplicate} and nothing happens again.</li>
 *   <li>Bounces first: a delivery status notification or anything sent to a bounce address ({@link org.compactbot.mail.Verp},
 *       the envelope sender {@link org.compactbot.mail.OutboxSender} gives each email) is read by
 *       {@link org.compactbot.mail.Bounce} and handled by {@link org.compactbot.mail.Bounces}: never answered; when signed
 *       for one of our emails and failed, the outbox row is marked undeliverable and the case history notes it.</li>
 *   <li>Never answered ({@link org.compactbot.mail.MailOutcome.Ignored}): machines, no sender, our own address, an
 *       address already sent {@code MAX_REPLIES_PER_SENDER_PER_HOUR} replies in the last hour.</li>
 *   <li>Sender checks: {@link org.compactbot.mail.SenderCheck} reads the receiving server's
 *       {@code Authentication-Results} (only our server's, by {@code mail.trusted-authserv-id}). A message is taken as
 *       written by its address only when no check failed and it answers an email we sent that address (our Message-IDs
 *       carry a random part, {@link org.compactbot.cases.Outbox#sent}). Otherwise it is
 *       {@link org.compactbot.mail.MailOutcome.Refused}: the address gets a notice saying what to do, nothing else changes.</li>
 *   <li>Routing: a {@code [CC-2026-0001]} in the subject, or a reply to an email we sent about a case, puts it on that
 *       case. From the assigned mediator it goes to {@link org.compactbot.cases.CaseService#mediatorReply}, from the
 *       complainant to {@link org.compactbot.cases.CaseService#complainantReply} (attachments kept as evidence; but a
 *       request for the early-resolution letter, with the same proof, to
 *       {@link org.compactbot.conversation.ConversationEngine#letterForCase}, never to the mediator), from the
 *       body's contact asked for its formal response (the address the case recorded, answering our request) to
 *       {@link org.compactbot.cases.CaseService#bodyReply}; the {@link org.compactbot.cases.CaseReply} is the reply. Anything else is a turn of the sender's conversation
 *       ({@link org.compactbot.conversation.ConversationEngine#handle}), with the name and organisation the From header
 *       and the sign-off give, rendered as plain text with numbered choices; a letter a turn gives is also attached
 *       as a Word document ({@code LetterFiles}).</li>
 *   <li>Outbox: every reply is queued on the same thread in the {@link org.compactbot.cases.Outbox} port (the store),
 *       beside the case emails. The result is a {@link org.compactbot.mail.MailOutcome}, whose words feed the
 *       {@code outcome} metrics label ({@link org.compactbot.mail.MailMetrics}), the inbound log and the log line.</li>
 *   <li>Sending: {@link org.compactbot.mail.OutboxSender} claims due emails, builds each MIME message
 *       ({@link org.compactbot.mail.MailMessages}) and sends it over SMTP (password or XOAUTH2), retrying with backoff
 *       and keeping the Message-ID; with no SMTP host it writes {@code .eml} files under {@code data/outbox/}.</li>
 * </ol>
 *
 * <h2>Where to add</h2>
 * <ul>
 *   <li>A word for the conversation (like a bare {@code status} while raising a challenge): it goes in
 *       {@code conversation.Understanding.word} and is acted on in {@code Talk} (no challenge in progress) and
 *       {@code Intake.command} (while raising one); this package needs nothing.</li>
 *   <li>A command about a case already raised (like {@code STATUS CC-2026-0001}): read from the subject or first line
 *       ({@link org.compactbot.mail.StatusRequest}) in {@code MailChannel.decide} before the case thread and the
 *       conversation, answered from {@code CaseService} (its {@code progressFor} checks the address), with its own
 *       {@code MailOutcome}.</li>
 *   <li>A mediator's instruction (like {@code ACCEPT}, {@code DECLINE}, {@code INFO}, {@code RESOLVED}): a case in
 *       {@link org.compactbot.cases.CaseService#mediatorReply} with its {@link org.compactbot.cases.CaseReply} record,
 *       and its word in the help lines {@code MailChannel} sends a mediator.</li>
 *   <li>A new reason not to answer, or to refuse: a record under {@code MailOutcome.Ignored} or {@code MailOutcome.Refused}
 *       with its detail, returned from {@code MailChannel.decide}.</li>
 *   <li>A way mail arrives broken: the parser part that reads it, with a case in {@code MessageParserTest} (and, for
 *       a real message, one in the shared corpus {@code MailCorpusTest} reads).</li>
 * </ul>
 * Storage is reached only through the core's ports ({@code InboundLog}, {@code Outbox}, {@code CaseService}); only the
 * wiring constructs the adapters.
 */
package org.compactbot.mail;
