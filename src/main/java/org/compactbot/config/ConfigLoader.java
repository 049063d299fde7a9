package org.compactbot.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compactbot.conversation.EmailAddress;

/**
 * Reads config/compact-bot.yml over the embedded defaults. {@code ${VAR}} and {@code ${VAR:-default}}
 * in values are taken from the environment. Every non-secret setting can also be set by an environment variable named
 * after it ({@link #envName}: {@code server.port} -> {@code COMPACT_BOT_SERVER_PORT}), which wins over the file; secrets
 * (tokens, passwords) are read only through {@code ${VAR}} in the file. Every problem names the file or the variable,
 * and the key.
 */
public final class ConfigLoader {
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    private static final Set<String> KNOWN_KEYS = Set.of(
            "server", "server.port", "server.rate-limit", "server.rate-limit.per-minute", "server.rate-limit.burst",
            "server.rate-limit.slack-per-minute", "server.trusted-proxies", "server.public-url", "data", "data.dir", "knowledge", "knowledge.dir", "api", "api.token",
            "slack", "slack.bot-token", "slack.signing-secret", "slack.app-token", "slack.api-url",
            "slack.client-id", "slack.client-secret", "slack.redirect-uri",
            "mail", "mail.address", "mail.smtp", "mail.smtp.host", "mail.smtp.port", "mail.smtp.username",
            "mail.smtp.password", "mail.smtp.security", "mail.imap", "mail.imap.host", "mail.imap.port",
            "mail.imap.username", "mail.imap.password", "mail.imap.security", "mail.imap.folder",
            "mail.imap.poll-seconds", "mail.oauth2-token-command", "mail.inbound-token", "mail.trusted-authserv-id",
            "cases", "cases.mediators", "cases.reference-prefix",
            "retention", "retention.cases-years-after-closure", "retention.abandoned-drafts-days",
            "store", "store.url", "store.username", "store.password");
    /** Not settable by {@link #envName}: their values are read through {@code ${VAR}} in the file (README: Secrets). */
    static final Set<String> SECRET_KEYS = Set.of("api.token", "slack.bot-token", "slack.signing-secret", "slack.app-token",
            "slack.client-secret", "mail.smtp.password", "mail.imap.password", "mail.inbound-token", "store.password");
    static final String ENV_PREFIX = "COMPACT_BOT_";
    /** The variable that names the config file when --config is not given (read by the command line, not here). */
    public static final String CONFIG_VARIABLE = "COMPACT_BOT_CONFIG";

    private final Function<String, String> env;
    /** The names the environment holds, when known (to warn of a COMPACT_BOT_ variable that sets nothing). */
    private final Set<String> envNames;
    private final Set<String> referenced = new java.util.HashSet<>();
    private final List<String> warnings = new ArrayList<>();

    public ConfigLoader(Function<String, String> env) {
        this.env = env;
        this.envNames = Set.of();
    }

    /** Over this environment (tests pass a map; the command line passes {@code System.getenv()}). */
    public ConfigLoader(Map<String, String> env) {
        this.env = env::get;
        this.envNames = Set.copyOf(env.keySet());
    }

    public ConfigLoader() {
        this(System.getenv());
    }

    /** The environment variable that sets {@code key}: {@code COMPACT_BOT_} and the key upper-cased, '.' and '-' as '_'. */
    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Every setting an environment variable can set: variable -> key (the non-secret single values). */
    public static Map<String, String> environmentSettings() {
        Map<String, String> out = new java.util.TreeMap<>();
        for (String key : KNOWN_KEYS) {
            boolean section = KNOWN_KEYS.stream().anyMatch(k -> k.startsWith(key + "."));
            if (!section && !SECRET_KEYS.contains(key)) out.put(envName(key), key);
        }
        return out;
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Loads {@code file}; when it does not exist and {@code required} is false, the defaults. */
    public AppConfig load(Path file, boolean required) throws ConfigException {
        if (!Files.exists(file)) {
            if (required) throw new ConfigException("config file " + file + " does not exist");
            return checked(new Reader(file, new ObjectMapper().createObjectNode()).read());
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new ConfigException(file + ": not valid YAML" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) root = new ObjectMapper().createObjectNode();
        if (!root.isObject()) throw new ConfigException(file + ": expected a mapping of settings at the top level");
        checkKeys(file, root, "");
        return checked(new Reader(file, root).read());
    }

    /** Warns of COMPACT_BOT_ variables that set nothing: a misspelt setting, or a secret named the settings' way. */
    private AppConfig checked(AppConfig config) {
        Map<String, String> settable = environmentSettings();
        for (String name : new java.util.TreeSet<>(envNames)) {
            if (!name.startsWith(ENV_PREFIX) || settable.containsKey(name) || referenced.contains(name) || name.equals(CONFIG_VARIABLE)) continue;
            String secret = SECRET_KEYS.stream().filter(k -> envName(k).equals(name)).findFirst().orElse(null);
            warnings.add(secret != null
                    ? "environment variable " + name + " is not read: " + secret + " is a secret, set only through ${VARIABLE} in the config file"
                    : "environment variable " + name + " matches no setting and is ignored (the rule: COMPACT_BOT_ + the setting's "
                    + "path upper-cased, '.' and '-' as '_', e.g. COMPACT_BOT_SERVER_PORT)");
        }
        return config;
    }

    private void checkKeys(Path file, JsonNode node, String prefix) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (!KNOWN_KEYS.contains(key)) {
                warnings.add(file + ": unknown setting '" + key + "' is ignored");
            } else if (e.getValue().isObject()) {
                checkKeys(file, e.getValue(), key);
            }
        }
    }

    String interpolate(Path file, String key, String value) throws ConfigException {
        Matcher m = VAR.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            referenced.add(m.group(1));
            String v = env.apply(m.group(1));
            if (v == null || v.isEmpty()) v = m.group(2);
            if (v == null) {
                throw new ConfigException(file + ": " + key + " uses ${" + m.group(1)
                        + "}, but that environment variable is not set (write ${" + m.group(1) + ":-default} for a default)");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Reads typed values one key at a time, falling back to the defaults. */
    private final class Reader {
        final Path file;
        final JsonNode root;

        Reader(Path file, JsonNode root) {
            this.file = file;
            this.root = root;
        }

        AppConfig read() throws ConfigException {
            AppConfig d = AppConfig.defaults();
            AppConfig.RateLimit dl = d.server().rateLimit();
            var rateLimit = new AppConfig.RateLimit(intIn("server.rate-limit.per-minute", dl.perMinute(), 0, 1_000_000),
                    intIn("server.rate-limit.burst", dl.burst(), 0, 1_000_000),
                    intIn("server.rate-limit.slack-per-minute", dl.slackPerMinute(), 0, 1_000_000));
            if (rateLimit.perMinute() > 0 && rateLimit.burst() < 1) {
                throw new ConfigException(where("server.rate-limit.burst") + ": must be at least 1 when per-minute is set (0 turns the limit off)");
            }
            var server = new AppConfig.Server(port("server.port", d.server().port()), rateLimit, addressRanges("server.trusted-proxies"),
                    publicUrl("server.public-url"));
            var data = new AppConfig.Data(Path.of(str("data.dir", d.data().dir().toString(), false)));
            var knowledge = new AppConfig.Knowledge(Path.of(str("knowledge.dir", d.knowledge().dir().toString(), false)));
            var api = new AppConfig.Api(str("api.token", "", true));
            var slack = new AppConfig.Slack(str("slack.bot-token", "", true), str("slack.signing-secret", "", true),
                    str("slack.app-token", "", true), url("slack.api-url", d.slack().apiUrl()),
                    str("slack.client-id", "", true), str("slack.client-secret", "", true), str("slack.redirect-uri", "", true));
            if (!slack.botToken().isBlank() && (!slack.clientId().isBlank() || !slack.clientSecret().isBlank())) {
                throw new ConfigException(where("slack.client-id") + ": set either slack.bot-token (one workspace) or "
                        + "slack.client-id and slack.client-secret (many workspaces, each installing through /slack/install), not both");
            }
            if (slack.clientId().isBlank() != slack.clientSecret().isBlank() && !slack.signingSecret().isBlank()) {
                warnings.add(where(slack.clientId().isBlank() ? "slack.client-id" : "slack.client-secret") + " is empty: Slack for "
                        + "many workspaces needs both slack.client-id and slack.client-secret (the app's Basic Information page), so it is off");
            }
            if (!slack.redirectUri().isBlank() && !slack.redirectUri().matches("https?://\\S+/slack/oauth_redirect")) {
                throw new ConfigException(where("slack.redirect-uri") + ": expected the public URL of /slack/oauth_redirect, "
                        + "e.g. https://compact-bot.example.org/slack/oauth_redirect, got '" + slack.redirectUri() + "'");
            }
            var smtp = new AppConfig.Smtp(str("mail.smtp.host", "", true), port("mail.smtp.port", 587),
                    str("mail.smtp.username", "", true), str("mail.smtp.password", "", true),
                    oneOf("mail.smtp.security", "starttls", "none", "starttls", "ssl"));
            var imap = new AppConfig.Imap(str("mail.imap.host", "", true), port("mail.imap.port", 993),
                    str("mail.imap.username", "", true), str("mail.imap.password", "", true),
                    oneOf("mail.imap.security", "ssl", "none", "starttls", "ssl"), str("mail.imap.folder", "INBOX", false),
                    intIn("mail.imap.poll-seconds", 60, 1, 86_400));
            String address = str("mail.address", d.mail().address(), false);
            if (!EmailAddress.isValid(address)) {
                throw new ConfigException(where("mail.address") + ": '" + address + "' is not an email address");
            }
            var mail = new AppConfig.Mail(address, smtp, imap, str("mail.oauth2-token-command", "", true),
                    str("mail.inbound-token", "", true), str("mail.trusted-authserv-id", "", true));
            String prefix = str("cases.reference-prefix", "CC", false);
            if (!prefix.matches("[A-Z][A-Z0-9]{0,9}")) {
                throw new ConfigException(where("cases.reference-prefix") + ": '" + prefix
                        + "' must be 1-10 capital letters or digits, starting with a letter (e.g. CC)");
            }
            var cases = new AppConfig.Cases(Path.of(str("cases.mediators", d.cases().mediators().toString(), false)), prefix);
            var retention = new AppConfig.Retention(
                    intIn("retention.cases-years-after-closure", d.retention().casesYearsAfterClosure(), 1, 100),
                    intIn("retention.abandoned-drafts-days", d.retention().abandonedDraftsDays(), 1, 36_500));
            String storeUrl = str("store.url", "", true);
            if (!storeUrl.isEmpty() && !storeUrl.startsWith("jdbc:sqlite:") && !storeUrl.startsWith("jdbc:postgresql://")) {
                int colon = storeUrl.indexOf(':', storeUrl.startsWith("jdbc:") ? 5 : 0);
                String scheme = colon < 0 ? storeUrl : storeUrl.substring(0, colon + 1); // not the rest: it may hold a password
                throw new ConfigException(where("store.url") + ": expected empty (the SQLite file under data.dir), jdbc:sqlite:FILE "
                        + "or jdbc:postgresql://HOST[:PORT]/DATABASE, got a '" + scheme + "' URL");
            }
            if (storeUrl.equals("jdbc:sqlite:")) throw new ConfigException(where("store.url") + ": jdbc:sqlite: needs a file name after it");
            var store = new AppConfig.Store(storeUrl, str("store.username", "", true), str("store.password", "", true));
            return new AppConfig(server, data, knowledge, api, slack, mail, cases, retention, store);
        }

        /** The variable setting {@code key}, when one is set (and may set it). */
        String fromEnv(String key) {
            if (SECRET_KEYS.contains(key)) return null;
            String v = env.apply(envName(key));
            return v == null ? null : v;
        }

        /** Where a value came from, for messages: {@code FILE: key} or {@code environment COMPACT_BOT_KEY (key)}. */
        String where(String key) {
            return fromEnv(key) != null ? "environment variable " + envName(key) + " (" + key + ")" : file + ": " + key;
        }

        JsonNode node(String key) {
            String v = fromEnv(key);
            if (v != null) return com.fasterxml.jackson.databind.node.TextNode.valueOf(v);
            JsonNode n = root;
            for (String part : key.split("\\.")) {
                n = n == null ? null : n.get(part);
            }
            return n == null || n.isNull() ? null : n;
        }

        String str(String key, String dflt, boolean mayBeEmpty) throws ConfigException {
            JsonNode n = node(key);
            if (n == null) return dflt;
            if (!n.isValueNode()) throw new ConfigException(where(key) + ": expected a single value, not a list or mapping");
            String v = (fromEnv(key) != null ? n.asText() : interpolate(file, key, n.asText())).strip();
            if (v.isEmpty() && !mayBeEmpty) throw new ConfigException(where(key) + ": must not be empty");
            return v;
        }

        /** A YAML list, or one string of comma-separated entries (handy from an environment variable). */
        List<String> addressRanges(String key) throws ConfigException {
            JsonNode n = node(key);
            if (n == null) return List.of();
            List<String> raw = new ArrayList<>();
            if (n.isArray()) {
                for (JsonNode e : n) {
                    if (!e.isValueNode()) throw new ConfigException(where(key) + ": expected a list of addresses");
                    raw.add(interpolate(file, key, e.asText()));
                }
            } else if (n.isValueNode()) {
                raw.addAll(List.of((fromEnv(key) != null ? n.asText() : interpolate(file, key, n.asText())).split(",")));
            } else {
                throw new ConfigException(where(key) + ": expected a list of addresses or CIDR ranges");
            }
            List<String> out = new ArrayList<>();
            for (String r : raw) {
                if (r.isBlank()) continue;
                try {
                    AddressRange.parse(r);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(where(key) + ": " + e.getMessage());
                }
                out.add(r.strip());
            }
            return out;
        }

        int port(String key, int dflt) throws ConfigException {
            return intIn(key, dflt, 0, 65_535);
        }

        int intIn(String key, int dflt, int min, int max) throws ConfigException {
            String s = str(key, String.valueOf(dflt), false);
            try {
                int v = Integer.parseInt(s);
                if (v < min || v > max) throw new NumberFormatException();
                return v;
            } catch (NumberFormatException e) {
                throw new ConfigException(where(key) + ": expected a whole number from " + min + " to " + max + ", got '" + s + "'");
            }
        }

        String oneOf(String key, String dflt, String... allowed) throws ConfigException {
            String v = str(key, dflt, false).toLowerCase();
            for (String a : allowed) if (a.equals(v)) return v;
            throw new ConfigException(where(key) + ": expected one of " + String.join(", ", allowed) + ", got '" + v + "'");
        }

        /** The service's public address: empty, or http(s)://host[:port] (the pages are served at a host's root), kept without a trailing slash. */
        String publicUrl(String key) throws ConfigException {
            String v = str(key, "", true).strip();
            if (v.isEmpty()) return "";
            if (!v.matches("https?://[A-Za-z0-9.\\[\\]:-]+(:\\d{1,5})?/?")) {
                throw new ConfigException(where(key) + ": expected the address people open the service at, like https://compact.example.gov.uk (a host's root, no path), "
                        + "got '" + v + "'");
            }
            return v.replaceAll("/+$", "");
        }

        String url(String key, String dflt) throws ConfigException {
            String v = str(key, dflt, false);
            if (!v.matches("https?://\\S+")) throw new ConfigException(where(key) + ": expected an http(s) URL, got '" + v + "'");
            return v.endsWith("/") ? v : v + "/";
        }
    }
}
