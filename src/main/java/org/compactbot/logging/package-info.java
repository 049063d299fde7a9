/**
 * What the service's log lines look like and what they may not show.
 * <ul>
 *   <li>{@link org.compactbot.logging.LogEncoder} (set in {@code logback.xml}) writes a line of text, or with
 *       {@code LOG_FORMAT=json} one JSON object per line with the MDC keys.</li>
 *   <li>{@link org.compactbot.logging.SecretRedactor} masks every secret in every line: token, credential and
 *       password shapes, and the configured secrets, registered from the configuration at start.</li>
 *   <li>{@link org.compactbot.logging.LogIds} names the MDC keys ({@code request_id}, {@code conversation_id}) that
 *       tie lines together.</li>
 * </ul>
 *
 * <h2>Rules</h2>
 * A conversation is logged by its pseudonym ({@code LogIds.conversation}), never by its key, which holds an email
 * address or a Slack user id. Do not log personal data (names, addresses, what people wrote); text from outside that
 * may hold an address (a mail server's error), logged at INFO or above, goes through
 * {@code SecretRedactor.maskEmails} ({@code ***@domain}). A new secret in the configuration is registered in
 * {@code SecretRedactor.registerSecretsOf}.
 */
package org.compactbot.logging;
