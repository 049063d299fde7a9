package org.compactbot.logging;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compactbot.config.AppConfig;

/**
 * Masks secrets in log text: Slack tokens, bearer and basic credentials, {@code password=...}-style pairs,
 * XOAUTH2 strings, JSON web tokens, and the secret values of the loaded configuration (registered at start),
 * whatever shape they have. Every log line goes through {@link #redact} (see {@link LogEncoder}).
 */
public final class SecretRedactor {
    static final String MASK = "***";
    private static final int SHORTEST_SECRET = 4;
    private static final Set<String> SECRETS = new CopyOnWriteArraySet<>();

    private record Rule(Pattern pattern, String replacement) {}

    private static final List<Rule> RULES = List.of(
            // base64 of "user=...\u0001auth=Bearer ..." (XOAUTH2 SASL response) always starts with dXNlcj
            new Rule(Pattern.compile("dXNlcj[A-Za-z0-9+/=]{10,}"), "[XOAUTH2 " + MASK + "]"),
            new Rule(Pattern.compile("\\b(xox[abposer]|xapp)-[A-Za-z0-9-]+"), "$1-" + MASK),
            new Rule(Pattern.compile("(?i)\\b(Bearer|Basic)(\\s+)[A-Za-z0-9._~+/=-]+"), "$1$2" + MASK),
            new Rule(Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*"), MASK),
            new Rule(Pattern.compile("(?i)\\b([a-z_.-]*(?:password|passwd|pwd|secret|token|apikey|api_key|auth))"
                    + "(\\s*=\\s*\"?|\"\\s*:\\s*\"?)(?!\\*\\*\\*)([^\\s\",;&'}]+)"), "$1$2" + MASK));

    private SecretRedactor() {}

    /** Adds secret values to mask from now on (blank and very short values are ignored). */
    public static void register(String... secrets) {
        for (String s : secrets) if (s != null && s.strip().length() >= SHORTEST_SECRET) SECRETS.add(s.strip());
    }

    /** Registers every secret in the configuration: API and inbound-mail tokens, Slack credentials, mail and database passwords. */
    public static void registerSecretsOf(AppConfig config) {
        register(config.api().token(), config.mail().inboundToken(), config.slack().botToken(), config.slack().signingSecret(),
                config.slack().appToken(), config.slack().clientSecret(), config.mail().smtp().password(), config.mail().imap().password(),
                config.store().password());
    }

    static void forgetRegistered() {
        SECRETS.clear();
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) return text;
        String out = text;
        for (String secret : SECRETS) {
            if (out.contains(secret)) out = out.replace(secret, MASK);
        }
        for (Rule r : RULES) {
            Matcher m = r.pattern.matcher(out);
            if (m.find()) out = m.replaceAll(r.replacement);
        }
        return out;
    }

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@([A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+)");

    /** An address becomes "***@domain": for text from outside (a mail server's error) logged at INFO or above. */
    public static String maskEmails(String text) {
        return text == null ? null : EMAIL.matcher(text).replaceAll(MASK + "@$1");
    }
}
