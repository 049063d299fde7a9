package org.compactbot.mail;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * Turns one raw RFC 822 message into a {@link ParsedEmail} the way the email channel reads it:
 * decoded headers, threading ids, whether a machine sent it, the visible new text (quoted replies
 * and signatures removed) and the attachments. It never throws: broken MIME, missing headers or
 * binary junk give the best result that can be had.
 */
public final class MessageParser {
    private static final int MAX_DEPTH = 16;
    private static final int MAX_PARTS = 500;
    private static final int MAX_BOUNDARY = 200;

    static {
        // Jakarta Mail reads these leniency switches from system properties, not from the Session.
        for (String[] kv : new String[][] {
                {"mail.mime.decodetext.strict", "false"},
                {"mail.mime.base64.ignoreerrors", "true"},
                {"mail.mime.ignoreunknownencoding", "true"},
                {"mail.mime.parameters.strict", "false"},
                {"mail.mime.decodeparameters", "true"},
                {"mail.mime.decodeparameters.strict", "false"},
                {"mail.mime.multipart.ignoremissingendboundary", "true"},
                {"mail.mime.multipart.ignoremissingboundaryparameter", "true"},
                {"mail.mime.multipart.allowempty", "true"},
                {"mail.mime.uudecode.ignoreerrors", "true"},
                {"mail.mime.uudecode.ignoremissingbeginend", "true"},
                {"mail.mime.ignorewhitespacelines", "true"}}) {
            try {
                if (System.getProperty(kv[0]) == null) System.setProperty(kv[0], kv[1]);
            } catch (SecurityException ignored) {
                // a locked-down JVM keeps the strict defaults; every caller below copes
            }
        }
    }

    private final Session session;

    public MessageParser() {
        Properties p = new Properties();
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.decodetext.strict", "false");
        p.setProperty("mail.mime.base64.ignoreerrors", "true");
        p.setProperty("mail.mime.parameters.strict", "false");
        p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        p.setProperty("mail.mime.multipart.allowempty", "true");
        this.session = Session.getInstance(p);
    }

    /** Parses one raw message; never throws and never returns null. */
    public ParsedEmail parse(byte[] raw) {
        byte[] bytes = raw == null ? new byte[0] : raw;
        try {
            return parseOrThrow(bytes);
        } catch (Exception | StackOverflowError e) {
            return fallback(bytes);
        }
    }

    private ParsedEmail parseOrThrow(byte[] raw) throws MessagingException {
        MimeMessage msg = new MimeMessage(session, new SharedByteArrayInputStream(RawMessage.repair(raw)));
        Headers h = Headers.of(msg);
        String subject = clean(EncodedWords.decode(h.first("Subject")));
        Mailbox from = Mailbox.first(h.first("From"));
        if (from.address().isEmpty() && h.first("From") == null) from = Mailbox.first(h.first("Sender"));
        Walker walker = new Walker(session);
        try {
            walker.walk(msg, 0, true, false, "text/plain");
        } catch (Exception | StackOverflowError e) {
            // keep what was collected before the failure
        }
        String text;
        try {
            text = walker.visibleText();
        } catch (Exception | StackOverflowError e) {
            text = "";
        }
        text = wellFormed(text);
        String reason = AutoDetector.reason(h, subject, from.address(), walker.report, walker.digest);
        Mailbox replyTo = Mailbox.first(h.first("Reply-To"));
        return new ParsedEmail(from.address(), from.name(), replyTo.address().isEmpty() ? null : replyTo.address(),
                Mailbox.addresses(h.all("To")), Mailbox.addresses(h.all("Cc")), blankToNull(h.first("Date")),
                subject, messageIdOf(h.first("Message-ID")), messageIdOf(h.first("In-Reply-To")),
                referencesOf(h.first("References")), reason != null, reason, text, walker.attachments);
    }

    /** Last resort: the message as plain text without headers. */
    private static ParsedEmail fallback(byte[] raw) {
        String text;
        try {
            String all = Charsets.decode(raw, null);
            int cut = all.indexOf("\n\n");
            int cutCrlf = all.indexOf("\r\n\r\n");
            if (cutCrlf >= 0 && (cut < 0 || cutCrlf < cut)) cut = cutCrlf;
            text = ReplyText.visible(normalise(cut >= 0 ? all.substring(cut) : all));
        } catch (Exception | StackOverflowError e) {
            text = "";
        }
        return new ParsedEmail("", "", null, List.of(), List.of(), null, "", null, null, List.of(), false, null, text, List.of());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static final Pattern MSG_ID = Pattern.compile("<[^<>\\s]{1,998}>");

    static String messageIdOf(String raw) {
        if (raw == null || raw.isBlank()) return null;
        Matcher m = MSG_ID.matcher(raw);
        if (m.find()) return m.group();
        String s = raw.strip();
        int sp = s.indexOf(' ');
        return sp > 0 ? s.substring(0, sp) : s;
    }

    static List<String> referencesOf(String raw) {
        List<String> out = new ArrayList<>();
        if (raw == null || raw.isBlank()) return out;
        Matcher m = MSG_ID.matcher(raw);
        while (m.find() && out.size() < 200) out.add(m.group());
        if (out.isEmpty()) {
            for (String t : raw.strip().split("\\s+")) if (!t.isEmpty() && out.size() < 200) out.add(t);
        }
        return out;
    }

    /** The string with any unpaired surrogate replaced, so that it always encodes as UTF-8. */
    static String wellFormed(String s) {
        if (s == null) return "";
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = false;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    if (b != null) b.append(c).append(s.charAt(i + 1));
                    i++;
                    continue;
                }
                bad = true;
            } else if (Character.isLowSurrogate(c)) {
                bad = true;
            }
            if (bad && b == null) b = new StringBuilder(s.length()).append(s, 0, i);
            if (b != null) b.append(bad ? '\ufffd' : c);
        }
        return b == null ? s : b.toString();
    }

    /** A header value for display: no line breaks, control characters or unpaired surrogates, trimmed. */
    static String clean(String s) {
        if (s == null) return "";
        s = wellFormed(s);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' || c == '\t') b.append(' ');
            else if (c < 0x20 || c == 0x7f) continue;
            else b.append(c);
        }
        return b.toString().strip();
    }

    /** Line ends to \n, no NULs or byte-order marks. */
    static String normalise(String s) {
        if (s == null || s.isEmpty()) return "";
        StringBuilder b = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\r') {
                b.append('\n');
                if (i + 1 < n && s.charAt(i + 1) == '\n') i++;
            } else if (c == '\u0000' || c == '\ufeff') {
                continue;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ raw bytes

    /** Repairs the framing Jakarta Mail needs: mbox From_ line, missing header block, missing blank line. */
    static final class RawMessage {
        private RawMessage() {}

        static byte[] repair(byte[] raw) {
            return repair(raw, true);
        }

        /** @param mbox whether a leading mbox "From " line may be dropped (messages, not body parts) */
        static byte[] repair(byte[] raw, boolean mbox) {
            int pos = 0;
            if (mbox && startsWith(raw, 0, "From ")) {
                int eol = indexOf(raw, (byte) '\n', 0);
                pos = eol < 0 ? raw.length : eol + 1;
            }
            boolean sawHeader = false;
            int i = pos;
            while (i < raw.length) {
                int eol = indexOf(raw, (byte) '\n', i);
                int end = eol < 0 ? raw.length : eol;
                int contentEnd = end > i && raw[end - 1] == '\r' ? end - 1 : end;
                if (contentEnd == i) return slice(raw, pos); // the blank line: framing is fine
                byte c = raw[i];
                boolean continuation = c == ' ' || c == '\t';
                if (continuation && sawHeader) {
                    // folded header line
                } else if (!continuation && isHeaderLine(raw, i, contentEnd)) {
                    sawHeader = true;
                } else {
                    boolean crlf = end > i && end < raw.length && raw[end - 1] == '\r';
                    byte[] sep = crlf ? new byte[] {'\r', '\n'} : new byte[] {'\n'};
                    if (!sawHeader) return concat(sep, raw, pos, raw.length); // no headers at all
                    byte[] out = new byte[raw.length - pos + sep.length];
                    System.arraycopy(raw, pos, out, 0, i - pos);
                    System.arraycopy(sep, 0, out, i - pos, sep.length);
                    System.arraycopy(raw, i, out, i - pos + sep.length, raw.length - i);
                    return out;
                }
                i = end + 1;
            }
            return slice(raw, pos);
        }

        private static boolean isHeaderLine(byte[] b, int from, int to) {
            int i = from;
            int limit = Math.min(to, from + 200);
            while (i < limit) {
                byte c = b[i];
                if (c == ':') return i > from;
                if (c == ' ' || c == '\t') {
                    // obsolete syntax allows white space before the colon
                    int j = i;
                    while (j < limit && (b[j] == ' ' || b[j] == '\t')) j++;
                    return j < limit && b[j] == ':' && i > from;
                }
                if (c < 33 || c > 126) return false;
                i++;
            }
            return false;
        }

        static boolean startsWith(byte[] b, int at, String s) {
            if (b.length - at < s.length()) return false;
            for (int i = 0; i < s.length(); i++) if (b[at + i] != s.charAt(i)) return false;
            return true;
        }

        static int indexOf(byte[] b, byte c, int from) {
            for (int i = from; i < b.length; i++) if (b[i] == c) return i;
            return -1;
        }

        private static byte[] slice(byte[] raw, int pos) {
            if (pos == 0) return raw;
            byte[] out = new byte[raw.length - pos];
            System.arraycopy(raw, pos, out, 0, out.length);
            return out;
        }

        private static byte[] concat(byte[] head, byte[] raw, int from, int to) {
            byte[] out = new byte[head.length + to - from];
            System.arraycopy(head, 0, out, 0, head.length);
            System.arraycopy(raw, from, out, head.length, to - from);
            return out;
        }
    }

    // ------------------------------------------------------------------ headers

    /** Header values, unfolded, with raw 8-bit bytes read as UTF-8 (or Windows-1252 when not UTF-8). */
    static final class Headers {
        private final Map<String, List<String>> values = new LinkedHashMap<>();

        static Headers of(Part p) {
            Headers h = new Headers();
            try {
                Enumeration<Header> e = p.getAllHeaders();
                int count = 0;
                while (e.hasMoreElements() && count++ < 5000) {
                    Header header = e.nextElement();
                    if (header.getName() == null) continue;
                    String name = header.getName().strip().toLowerCase(Locale.ROOT);
                    String value = header.getValue() == null ? "" : fix8bit(unfold(header.getValue()));
                    h.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                }
            } catch (Exception e) {
                // no headers is a valid answer
            }
            return h;
        }

        String first(String name) {
            List<String> v = values.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        List<String> all(String name) {
            List<String> v = values.get(name.toLowerCase(Locale.ROOT));
            return v == null ? List.of() : v;
        }

        boolean has(String name) {
            return values.containsKey(name.toLowerCase(Locale.ROOT));
        }

        static String unfold(String v) {
            if (v.indexOf('\n') < 0 && v.indexOf('\r') < 0) return v.strip();
            StringBuilder b = new StringBuilder(v.length());
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c != '\r' && c != '\n') b.append(c);
            }
            return b.toString().strip();
        }

        /** Jakarta Mail reads header bytes as ISO-8859-1; raw UTF-8 (or Windows-1252) is recovered here. */
        static String fix8bit(String v) {
            boolean high = false;
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c > 0xff) return v;
                if (c >= 0x80) high = true;
            }
            if (!high) return v;
            return Charsets.decode(v.getBytes(StandardCharsets.ISO_8859_1), null);
        }
    }

    /** An address and display name taken leniently from an address header. */
    record Mailbox(String address, String name) {
        private static final Pattern ADDR = Pattern.compile("[^\\s<>()\",;:@]{1,200}@[^\\s<>()\",;:@]{1,255}");
        static final Mailbox NONE = new Mailbox("", "");

        static Mailbox first(String raw) {
            if (raw == null || raw.isBlank()) return NONE;
            List<Mailbox> all = parse(raw);
            return all.isEmpty() ? NONE : all.get(0);
        }

        static List<String> addresses(List<String> raws) {
            List<String> out = new ArrayList<>();
            for (String raw : raws) for (Mailbox m : parse(raw)) if (!m.address().isEmpty()) out.add(m.address());
            return out;
        }

        static List<Mailbox> parse(String raw) {
            List<Mailbox> out = new ArrayList<>();
            if (raw == null || raw.isBlank()) return out;
            if (raw.length() > 100_000) raw = raw.substring(0, 100_000);
            // Jakarta Mail's address parser slows down badly on long junk; real address headers are short
            if (raw.length() <= 4_000) try {
                for (InternetAddress a : InternetAddress.parseHeader(raw, false)) {
                    String address = a.getAddress() == null ? "" : clean(a.getAddress());
                    if (address.equals("<>")) address = "";
                    String personal = a.getPersonal();
                    if (personal != null && personal.contains("=?")) personal = EncodedWords.decode(personal);
                    out.add(new Mailbox(address, clean(personal)));
                    if (out.size() >= 100) break;
                }
                if (!out.isEmpty()) return out;
            } catch (Exception e) {
                // fall through to the pattern
            }
            Matcher m = ADDR.matcher(raw);
            while (m.find() && out.size() < 100) out.add(new Mailbox(m.group(), ""));
            if (out.isEmpty()) {
                String name = clean(EncodedWords.decode(raw.replace("<>", "")));
                out.add(new Mailbox("", name));
            }
            return out;
        }
    }

    // ------------------------------------------------------------------ MIME types and parameters

    /** A Content-Type read leniently: type, subtype and parameter look-ups that survive broken syntax. */
    record MediaType(String type, String subtype, String raw) {
        private static final Pattern TYPE = Pattern.compile(
                "\\s*([!#$%&'*+.^_`|~0-9A-Za-z-]{1,100})\\s*/\\s*([!#$%&'*+.^_`|~0-9A-Za-z-]{1,100})");

        static MediaType parse(String raw, String fallback) {
            if (raw != null && !raw.isBlank()) {
                Matcher m = TYPE.matcher(raw);
                if (m.lookingAt()) {
                    return new MediaType(m.group(1).toLowerCase(Locale.ROOT), m.group(2).toLowerCase(Locale.ROOT), raw);
                }
                if (raw.strip().toLowerCase(Locale.ROOT).startsWith("text")) return new MediaType("text", "plain", raw);
            }
            Matcher m = TYPE.matcher(fallback);
            m.lookingAt();
            return new MediaType(m.group(1), m.group(2), raw == null ? "" : raw);
        }

        String base() {
            return type + "/" + subtype;
        }

        boolean is(String t, String s) {
            return type.equals(t) && subtype.equals(s);
        }

        String param(String name) {
            return Params.get(raw, name, false);
        }
    }

    /** Parameter look-up on a structured header: Jakarta Mail first (RFC 2231), then a tolerant pattern. */
    static final class Params {
        private Params() {}

        static String get(String header, String name, boolean disposition) {
            if (header == null || header.isBlank()) return null;
            try {
                String v = disposition ? new ContentDisposition(header).getParameter(name)
                        : new ContentType(header).getParameter(name);
                if (v != null) return v;
            } catch (Exception e) {
                // broken syntax: use the pattern below
            }
            String v = byPattern(header, name);
            return v == null ? byPattern2231(header, name) : v;
        }

        private static String byPattern(String header, String name) {
            Pattern p = Pattern.compile("(?i)(?:^|[;\\s])" + Pattern.quote(name) + "\\s*=\\s*(?:\"([^\"]*)\"|([^;\\s\"]+))");
            Matcher m = p.matcher(header);
            if (!m.find()) return null;
            return m.group(1) != null ? m.group(1) : m.group(2);
        }

        private static String byPattern2231(String header, String name) {
            Pattern p = Pattern.compile("(?i)(?:^|[;\\s])" + Pattern.quote(name) + "\\*(?:0\\*?)?\\s*=\\s*\"?([^;\\s\"]+)");
            Matcher m = p.matcher(header);
            if (!m.find()) return null;
            String v = m.group(1);
            int q = v.indexOf('\'');
            int q2 = q < 0 ? -1 : v.indexOf('\'', q + 1);
            String cs = q > 0 ? v.substring(0, q) : null;
            String enc = q2 >= 0 ? v.substring(q2 + 1) : v;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < enc.length(); i++) {
                char c = enc.charAt(i);
                if (c == '%' && hex(enc, i + 1) >= 0) {
                    out.write(hex(enc, i + 1));
                    i += 2;
                } else {
                    out.write(c & 0xff);
                }
            }
            return Charsets.decode(out.toByteArray(), cs);
        }

        private static int hex(String s, int at) {
            if (at + 1 >= s.length()) return -1;
            int a = Character.digit(s.charAt(at), 16), b = Character.digit(s.charAt(at + 1), 16);
            return a < 0 || b < 0 ? -1 : a * 16 + b;
        }
    }

    // ------------------------------------------------------------------ charsets and encoded words

    /** Charset labels as mail uses them, with sensible fallbacks for unknown or wrong labels. */
    static final class Charsets {
        private Charsets() {}

        static final Charset WINDOWS_1252 = forNameOrNull("windows-1252");

        /**
         * Decodes bytes in the labelled charset. UTF-8, no label, US-ASCII or an unknown label: UTF-8 where the
         * bytes are UTF-8, stray bytes read as Windows-1252 (mail often mixes the two); unlabelled text with no
         * UTF-8 sequences at all is read as Windows-1252.
         */
        static String decode(byte[] b, String label) {
            Charset cs = forLabel(label);
            if (cs != null && !cs.equals(StandardCharsets.UTF_8)) return new String(b, cs);
            if (cs == null && !mostlyUtf8(b)) return new String(b, WINDOWS_1252 == null ? StandardCharsets.ISO_8859_1 : WINDOWS_1252);
            return utf8Lenient(b);
        }

        private static final char[] CP1252 = cp1252Table();

        private static char[] cp1252Table() {
            byte[] all = new byte[256];
            for (int i = 0; i < 256; i++) all[i] = (byte) i;
            String s = new String(all, WINDOWS_1252 == null ? StandardCharsets.ISO_8859_1 : WINDOWS_1252);
            char[] t = new char[256];
            for (int i = 0; i < 256; i++) t[i] = i < s.length() ? s.charAt(i) : (char) i;
            return t;
        }

        /** Length of the valid UTF-8 sequence starting at i (1 for ASCII), or 0 when the byte starts none. */
        private static int sequence(byte[] b, int i) {
            int c = b[i] & 0xff;
            if (c < 0x80) return 1;
            int n;
            if (c >= 0xc2 && c <= 0xdf) n = 1;
            else if (c >= 0xe0 && c <= 0xef) n = 2;
            else if (c >= 0xf0 && c <= 0xf4) n = 3;
            else return 0;
            if (i + n >= b.length) return 0;
            for (int k = 1; k <= n; k++) if ((b[i + k] & 0xc0) != 0x80) return 0;
            int c1 = b[i + 1] & 0xff;
            if (c == 0xe0 && c1 < 0xa0) return 0;
            if (c == 0xed && c1 > 0x9f) return 0;
            if (c == 0xf0 && c1 < 0x90) return 0;
            if (c == 0xf4 && c1 > 0x8f) return 0;
            return n + 1;
        }

        static boolean mostlyUtf8(byte[] b) {
            int good = 0, bad = 0;
            for (int i = 0; i < b.length; ) {
                int n = sequence(b, i);
                if (n == 0) {
                    bad++;
                    i++;
                } else {
                    if (n > 1) good++;
                    i += n;
                }
            }
            return bad == 0 || good >= bad;
        }

        static String utf8Lenient(byte[] b) {
            StringBuilder sb = new StringBuilder(b.length);
            for (int i = 0; i < b.length; ) {
                int n = sequence(b, i);
                int c = b[i] & 0xff;
                if (n == 1) {
                    sb.append((char) c);
                } else if (n == 0) {
                    sb.append(CP1252[c]);
                    n = 1;
                } else if (n == 2) {
                    sb.append((char) (((c & 0x1f) << 6) | (b[i + 1] & 0x3f)));
                } else if (n == 3) {
                    sb.append((char) (((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f)));
                } else {
                    sb.appendCodePoint(((c & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f));
                }
                i += n;
            }
            return sb.toString();
        }

        static Charset forLabel(String label) {
            if (label == null) return null;
            String n = label.strip().toLowerCase(Locale.ROOT);
            if (n.startsWith("\"") || n.startsWith("'")) n = n.replace("\"", "").replace("'", "").strip();
            int star = n.indexOf('*');
            if (star > 0) n = n.substring(0, star);
            if (n.isEmpty()) return null;
            switch (n) {
                case "us-ascii", "ascii", "ansi_x3.4-1968", "us", "iso646-us", "default", "unknown", "x-unknown", "none":
                    return null;
                case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "8859-1", "cp819":
                    return WINDOWS_1252;
                case "gb2312", "gbk", "x-gbk", "euc-cn", "cp936", "csgb2312", "gb_2312-80", "chinese":
                    return forNameOrNull("GB18030");
                case "ks_c_5601-1987", "ks_c_5601", "ksc5601", "euc-kr", "korean", "cp949":
                    return orElse(forNameOrNull("x-windows-949"), forNameOrNull("EUC-KR"));
                case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis":
                    return orElse(forNameOrNull("windows-31j"), forNameOrNull("Shift_JIS"));
                case "utf8", "utf-8", "unicode-1-1-utf-8", "x-unicode20utf8":
                    return StandardCharsets.UTF_8;
                case "iso-2022-jp", "csiso2022jp", "iso-2022-jp-1", "iso-2022-jp-ms", "cp50220", "cp50221":
                    return orElse(forNameOrNull("x-windows-iso2022jp"), forNameOrNull("ISO-2022-JP"));
                case "tis-620", "iso-8859-11":
                    return orElse(forNameOrNull("x-windows-874"), forNameOrNull("TIS-620"));
                default:
                    break;
            }
            if (n.matches("iso-8859-\\d{1,2}-[ie]")) n = n.substring(0, n.length() - 2);
            if (n.startsWith("cp-")) n = "cp" + n.substring(3);
            if (n.matches("win(dows)?-?125\\d")) n = "windows-" + n.substring(n.length() - 4);
            return forNameOrNull(n);
        }

        static Charset forNameOrNull(String n) {
            try {
                return Charset.forName(n);
            } catch (Exception e) {
                return null;
            }
        }

        private static Charset orElse(Charset a, Charset b) {
            return a != null ? a : b;
        }
    }

    /** RFC 2047 encoded words, decoded leniently: glued to text, split mid-character, bad padding. */
    static final class EncodedWords {
        private EncodedWords() {}

        private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]{1,80})\\?([bBqQ])\\?([^?]{0,10000})\\?=");

        static String decode(String s) {
            if (s == null) return null;
            if (!s.contains("=?")) return s;
            Matcher m = WORD.matcher(s);
            StringBuilder out = new StringBuilder(s.length());
            ByteArrayOutputStream pending = new ByteArrayOutputStream();
            String pendingCharset = null;
            int last = 0;
            while (m.find()) {
                String gap = s.substring(last, m.start());
                boolean adjacent = pendingCharset != null && gap.isBlank();
                String cs = m.group(1);
                byte[] bytes = m.group(2).equalsIgnoreCase("b") ? base64(m.group(3)) : q(m.group(3));
                if (adjacent && cs.equalsIgnoreCase(pendingCharset)) {
                    pending.write(bytes, 0, bytes.length);
                } else {
                    if (pendingCharset != null) out.append(Charsets.decode(pending.toByteArray(), pendingCharset));
                    if (!adjacent) out.append(gap);
                    pending.reset();
                    pending.write(bytes, 0, bytes.length);
                    pendingCharset = cs;
                }
                last = m.end();
            }
            if (pendingCharset != null) out.append(Charsets.decode(pending.toByteArray(), pendingCharset));
            out.append(s, last, s.length());
            return out.toString();
        }

        static byte[] base64(String text) {
            return TransferEncoding.base64(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        static byte[] q(String text) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '_') {
                    out.write(' ');
                } else if (c == '=' && i + 2 < text.length()
                        && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
                    out.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                    i += 2;
                } else if (c > 0xff) {
                    byte[] u = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                    out.write(u, 0, u.length);
                } else {
                    out.write(c);
                }
            }
            return out.toByteArray();
        }
    }

    /** Attachment names made safe: decoded, no directory part, no control characters. */
    static final class FileNames {
        private FileNames() {}

        static String safe(String name) {
            if (name == null) return null;
            String n = wellFormed(EncodedWords.decode(name));
            StringBuilder b = new StringBuilder(n.length());
            for (int i = 0; i < n.length(); i++) {
                char c = n.charAt(i);
                if (c == '\r' || c == '\n' || c == '\t') b.append(' ');
                else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) continue;
                else b.append(c);
            }
            n = b.toString();
            int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
            if (slash >= 0) n = n.substring(slash + 1);
            n = n.strip();
            while (n.startsWith(".")) n = n.substring(1);
            n = n.strip();
            if (n.isEmpty()) return null;
            if (n.length() > 200) {
                int dot = n.lastIndexOf('.');
                String ext = dot > 0 && n.length() - dot <= 10 ? n.substring(dot) : "";
                n = n.substring(0, 200 - ext.length()) + ext;
            }
            return n;
        }

        static String forType(MediaType t) {
            String sub = t.subtype();
            String ext = sub.matches("[a-z0-9]{1,8}") ? sub : "bin";
            if (t.is("text", "plain")) ext = "txt";
            if (t.type().equals("message")) ext = "eml";
            return "attachment." + ext;
        }
    }

    // ------------------------------------------------------------------ the MIME tree

    /** One piece of body text in message order. */
    record Piece(String text, boolean html) {}

    /** Walks the MIME tree: collects body text, attachments and what the structure says about the sender. */
    static final class Walker {
        private static final Set<String> NOT_ATTACHMENTS = Set.of("message/delivery-status", "message/global-delivery-status",
                "text/rfc822-headers", "message/disposition-notification", "message/global-headers",
                "message/feedback-report", "application/pgp-signature", "application/pkcs7-signature",
                "application/x-pkcs7-signature", "application/pgp-encrypted");
        private static final Set<String> BODY_TEXT = Set.of("plain", "html", "enriched", "markdown", "x-markdown");

        private final Session session;
        final List<Piece> pieces = new ArrayList<>();
        final List<ParsedEmail.Attachment> attachments = new ArrayList<>();
        boolean report;
        boolean digest;
        private int parts;

        Walker(Session session) {
            this.session = session;
        }

        /**
         * @param textWanted   this part may give body text
         * @param onlyIfNamed  a non-text part here is an attachment only when it has a file name (inline images)
         */
        void walk(Part p, int depth, boolean textWanted, boolean onlyIfNamed, String defaultType) {
            if (++parts > MAX_PARTS || depth > MAX_DEPTH) return;
            String ctRaw = header(p, "Content-Type");
            MediaType mt = MediaType.parse(ctRaw, defaultType);
            String cd = header(p, "Content-Disposition");
            boolean attachmentDisposition = cd != null && cd.strip().toLowerCase(Locale.ROOT).startsWith("attachment");
            String name = fileName(cd, mt);

            if (mt.type().equals("multipart")) {
                multipart(p, mt, depth, textWanted, onlyIfNamed);
                return;
            }
            if (mt.is("message", "rfc822") || mt.is("message", "global")) {
                if (depth == 0 && name == null && !attachmentDisposition) {
                    MimeMessage inner = innerMessage(p);
                    if (inner != null) {
                        walk(inner, depth + 1, textWanted, onlyIfNamed, "text/plain");
                        return;
                    }
                }
                byte[] b = content(p);
                String n = name != null ? name : messageName(b);
                attachments.add(new ParsedEmail.Attachment(n, mt.base(), b.length, b));
                return;
            }
            if (mt.type().equals("text") && BODY_TEXT.contains(mt.subtype()) && name == null && !attachmentDisposition) {
                if (textWanted) pieces.add(new Piece(text(p, mt), mt.subtype().equals("html")));
                return;
            }
            if (NOT_ATTACHMENTS.contains(mt.base())) {
                if (mt.base().contains("delivery-status")) report = true;
                return;
            }
            if (onlyIfNamed && name == null) return;
            byte[] b = content(p);
            attachments.add(new ParsedEmail.Attachment(name != null ? name : FileNames.forType(mt), mt.base(), b.length, b));
        }

        private void multipart(Part p, MediaType mt, int depth, boolean textWanted, boolean onlyIfNamed) {
            List<Part> children = children(p, mt);
            if (children.isEmpty()) {
                if (textWanted) {
                    String body = Charsets.decode(content(p), mt.param("charset"));
                    pieces.add(new Piece(body, false));
                }
                return;
            }
            switch (mt.subtype()) {
                case "alternative" -> {
                    int chosen = chooseAlternative(children);
                    for (int i = 0; i < children.size(); i++) {
                        if (i == chosen) walk(children.get(i), depth + 1, textWanted, onlyIfNamed, "text/plain");
                        else walk(children.get(i), depth + 1, false, true, "text/plain");
                    }
                }
                case "related" -> {
                    int root = rootOfRelated(children, mt);
                    for (int i = 0; i < children.size(); i++) {
                        walk(children.get(i), depth + 1, textWanted && i == root, i != root || onlyIfNamed, "text/plain");
                    }
                }
                case "report" -> {
                    String rt = mt.param("report-type");
                    if (rt == null || !rt.toLowerCase(Locale.ROOT).contains("feedback")) report = true;
                    for (int i = 0; i < children.size(); i++) {
                        walk(children.get(i), depth + 1, textWanted && i == 0, onlyIfNamed, "text/plain");
                    }
                }
                case "signed" -> walk(children.get(0), depth + 1, textWanted, onlyIfNamed, "text/plain");
                case "digest" -> {
                    digest = true;
                    for (Part c : children) walk(c, depth + 1, textWanted, onlyIfNamed, "message/rfc822");
                }
                default -> {
                    for (Part c : children) walk(c, depth + 1, textWanted, onlyIfNamed, "text/plain");
                }
            }
        }

        /** The plain-text alternative when it has text, else HTML, else the richest other alternative. */
        private int chooseAlternative(List<Part> children) {
            int plain = -1, html = -1, multi = -1;
            for (int i = 0; i < children.size(); i++) {
                Part c = children.get(i);
                MediaType t = MediaType.parse(header(c, "Content-Type"), "text/plain");
                String cd = header(c, "Content-Disposition");
                if (cd != null && cd.strip().toLowerCase(Locale.ROOT).startsWith("attachment")) continue;
                if (t.is("text", "plain") && plain < 0) {
                    if (!text(c, t).isBlank()) plain = i;
                } else if (t.is("text", "html") && html < 0) {
                    html = i;
                } else if (t.type().equals("multipart")) {
                    multi = i;
                }
            }
            if (plain >= 0) return plain;
            if (html >= 0) return html;
            if (multi >= 0) return multi;
            return 0;
        }

        private static int rootOfRelated(List<Part> children, MediaType mt) {
            String start = mt.param("start");
            if (start != null && !start.isBlank()) {
                String want = start.strip();
                for (int i = 0; i < children.size(); i++) {
                    String id = header(children.get(i), "Content-ID");
                    if (id != null && id.strip().equals(want)) return i;
                }
            }
            return 0;
        }

        private List<Part> children(Part p, MediaType mt) {
            byte[] body = body(p);
            String boundary = mt.param("boundary");
            List<Part> parts = split(body, boundary);
            if (parts.isEmpty() && boundary != null) parts = split(body, null);
            return parts;
        }

        /**
         * Splits a multipart body at its boundary lines (RFC 2046, leniently); empty when none appears. Parts after
         * a close delimiter are kept, and a nested multipart that reuses its parent's boundary gets the parts up to
         * the next close delimiter as its own.
         */
        static List<Part> split(byte[] body, String boundary) {
            List<Part> out = new ArrayList<>();
            String b = boundary == null ? inferBoundary(body)
                    : boundary.replace("\"", "").replace("\r", "").replace("\n", "").stripTrailing();
            // RFC 2046 caps boundaries at 70 characters
            if (b == null || b.isEmpty() || b.length() > MAX_BOUNDARY) return out;
            byte[] delimiter = ("--" + b).getBytes(StandardCharsets.ISO_8859_1);
            List<int[]> marks = new ArrayList<>(); // {line start, next line start, kind}
            for (int i = 0; i < body.length && marks.size() <= 2 * MAX_PARTS; ) {
                int eol = RawMessage.indexOf(body, (byte) '\n', i);
                int end = eol < 0 ? body.length : eol;
                int next = eol < 0 ? body.length : eol + 1;
                int kind = delimiterKind(body, i, end, delimiter);
                if (kind != 0) marks.add(new int[] {i, next, kind});
                i = next;
            }
            for (int k = 0; k < marks.size() && out.size() < MAX_PARTS; k++) {
                int[] m = marks.get(k);
                if (m[2] == 2) continue; // a close delimiter starts no part
                int from = m[1];
                boolean last = k + 1 >= marks.size();
                int to = last ? body.length : contentEnd(body, from, marks.get(k + 1)[0]);
                if (last && from >= body.length) break;
                Part part = makePart(Arrays.copyOfRange(body, from, Math.max(from, to)));
                if (part == null) continue;
                if (!last && reusesBoundary(part, b)) {
                    int close = k + 1;
                    while (close < marks.size() && marks.get(close)[2] != 2) close++;
                    int nestedEnd = close < marks.size() ? marks.get(close)[1] : body.length;
                    ByteArrayOutputStream nested = new ByteArrayOutputStream();
                    nested.write(body, from, Math.max(0, to - from));
                    nested.write('\r');
                    nested.write('\n');
                    nested.write(body, marks.get(k + 1)[0], nestedEnd - marks.get(k + 1)[0]);
                    Part whole = makePart(nested.toByteArray());
                    if (whole != null) part = whole;
                    k = close;
                }
                out.add(part);
            }
            return out;
        }

        private static int contentEnd(byte[] body, int from, int delimiterStart) {
            int stop = delimiterStart;
            if (stop > from && body[stop - 1] == '\n') stop--;
            if (stop > from && body[stop - 1] == '\r') stop--;
            return stop;
        }

        private static boolean reusesBoundary(Part part, String boundary) {
            MediaType t = MediaType.parse(header(part, "Content-Type"), "text/plain");
            if (!t.type().equals("multipart") || !boundary.equals(t.param("boundary"))) return false;
            for (byte x : body(part)) if (x != ' ' && x != '\t' && x != '\r' && x != '\n') return false;
            return true;
        }

        private static Part makePart(byte[] bytes) {
            try {
                return new MimeBodyPart(new SharedByteArrayInputStream(RawMessage.repair(bytes, false)));
            } catch (Exception e) {
                return null; // an unreadable part is left out
            }
        }

        /** 0: not a boundary line; 1: a delimiter; 2: the close delimiter. */
        private static int delimiterKind(byte[] body, int from, int to, byte[] delimiter) {
            if (to - from < delimiter.length) return 0;
            for (int k = 0; k < delimiter.length; k++) if (body[from + k] != delimiter[k]) return 0;
            int rest = from + delimiter.length;
            if (rest + 1 < to && body[rest] == '-' && body[rest + 1] == '-') return 2;
            for (int k = rest; k < to; k++) if (body[k] != ' ' && body[k] != '\t' && body[k] != '\r') return 0;
            return 1;
        }

        /** Without a boundary parameter, the first "--" line that looks like a boundary. */
        private static String inferBoundary(byte[] body) {
            int i = 0;
            int lines = 0;
            while (i < body.length && lines++ < 200) {
                int eol = RawMessage.indexOf(body, (byte) '\n', i);
                int end = eol < 0 ? body.length : eol;
                if (RawMessage.startsWith(body, i, "--")) {
                    String line = new String(body, i, end - i, StandardCharsets.ISO_8859_1).stripTrailing();
                    boolean spaces = line.indexOf(' ') >= 0 || line.indexOf('\t') >= 0;
                    return line.length() >= 8 && line.length() <= MAX_BOUNDARY + 2 && !spaces ? line.substring(2) : null;
                }
                i = end + 1;
            }
            return null;
        }

        private MimeMessage innerMessage(Part p) {
            try {
                byte[] b = content(p);
                if (b.length == 0) return null;
                return new MimeMessage(session, new SharedByteArrayInputStream(RawMessage.repair(b)));
            } catch (Exception e) {
                return null;
            }
        }

        private String messageName(byte[] b) {
            try {
                MimeMessage m = new MimeMessage(session, new SharedByteArrayInputStream(RawMessage.repair(b)));
                String subject = FileNames.safe(clean(EncodedWords.decode(Headers.of(m).first("Subject"))));
                if (subject != null && !subject.isBlank()) {
                    if (subject.length() > 120) subject = subject.substring(0, 120).strip();
                    return subject + ".eml";
                }
            } catch (Exception e) {
                // unnamed
            }
            return "message.eml";
        }

        private static String fileName(String cd, MediaType mt) {
            String v = cd == null ? null : Params.get(cd, "filename", true);
            if (v == null || v.isBlank()) v = mt.param("name");
            if (v == null || v.isBlank()) return null;
            return FileNames.safe(Headers.fix8bit(v));
        }

        static String header(Part p, String name) {
            try {
                String[] v = p.getHeader(name);
                if (v == null || v.length == 0 || v[0] == null) return null;
                return Headers.unfold(v[0]);
            } catch (Exception e) {
                return null;
            }
        }

        /** The content with its transfer encoding undone, leniently: bad base64 or quoted-printable never fails. */
        static byte[] content(Part p) {
            byte[] raw = rawBytes(p);
            if (raw == null) return decodedByJakarta(p);
            return switch (transferEncoding(p)) {
                case "quoted-printable" -> TransferEncoding.quotedPrintable(raw);
                case "base64" -> TransferEncoding.base64(raw);
                case "x-uuencode", "uuencode", "x-uue" -> {
                    byte[] b = decodedByJakarta(p);
                    yield b.length > 0 ? b : raw;
                }
                default -> raw;
            };
        }

        /** The body as it stands (a multipart body ignores any transfer encoding, as Jakarta Mail does). */
        static byte[] body(Part p) {
            byte[] raw = rawBytes(p);
            return raw != null ? raw : decodedByJakarta(p);
        }

        private static String transferEncoding(Part p) {
            String v = header(p, "Content-Transfer-Encoding");
            if (v == null) return "";
            v = v.replace("\"", "").strip().toLowerCase(Locale.ROOT);
            int end = 0;
            while (end < v.length() && v.charAt(end) != ';' && !Character.isWhitespace(v.charAt(end))) end++;
            return v.substring(0, end);
        }

        private static byte[] rawBytes(Part p) {
            try (InputStream in = p instanceof MimeBodyPart b ? b.getRawInputStream()
                    : p instanceof MimeMessage m ? m.getRawInputStream() : null) {
                return in == null ? null : in.readAllBytes();
            } catch (Exception e) {
                return null;
            }
        }

        private static byte[] decodedByJakarta(Part p) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = p.getInputStream()) {
                byte[] buf = new byte[16384];
                for (int n; (n = in.read(buf)) > 0; ) out.write(buf, 0, n);
            } catch (Exception e) {
                // keep what was read
            }
            return out.toByteArray();
        }

        static String text(Part p, MediaType mt) {
            byte[] b = content(p);
            String s = normalise(Charsets.decode(b, mt.param("charset")));
            String format = mt.param("format");
            if (format != null && format.equalsIgnoreCase("flowed") && s.length() < 2_000_000) {
                String delsp = mt.param("delsp");
                s = Flowed.unflow(s, delsp != null && delsp.equalsIgnoreCase("yes"));
            }
            return s;
        }

        String visibleText() {
            StringBuilder b = new StringBuilder();
            for (Piece piece : pieces) {
                String v = piece.html() ? ReplyText.visible(HtmlText.toText(piece.text())) : ReplyText.visible(piece.text());
                if (v.isBlank()) continue;
                if (b.length() > 0) b.append("\n\n");
                b.append(v);
            }
            return b.toString();
        }
    }

    /** Lenient transfer decodings: stray characters, bad escapes and missing padding are tolerated. */
    static final class TransferEncoding {
        private TransferEncoding() {}

        static byte[] quotedPrintable(byte[] in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
            int n = in.length;
            for (int i = 0; i < n; i++) {
                byte c = in[i];
                if (c != '=') {
                    out.write(c);
                    continue;
                }
                int hi = i + 1 < n ? Character.digit(in[i + 1], 16) : -1;
                int lo = i + 2 < n ? Character.digit(in[i + 2], 16) : -1;
                if (hi >= 0 && lo >= 0) {
                    out.write(hi * 16 + lo);
                    i += 2;
                    continue;
                }
                int j = i + 1;
                while (j < n && (in[j] == ' ' || in[j] == '\t')) j++;
                if (j < n && in[j] == '\r') j++;
                if (j < n && in[j] == '\n') {
                    i = j; // soft line break
                } else if (j >= n) {
                    i = n; // soft break at the very end
                } else {
                    out.write(c); // a stray '=' stays as it is
                }
            }
            return out.toByteArray();
        }

        static byte[] base64(byte[] in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * 3 / 4 + 3);
            int buffer = 0, bits = 0;
            for (byte b : in) {
                int v = value(b);
                if (v < 0) {
                    if (b == '=') {
                        buffer = 0; // padding ends a block; concatenated blocks start afresh
                        bits = 0;
                    }
                    continue;
                }
                buffer = ((buffer << 6) | v) & 0xffffff;
                bits += 6;
                if (bits >= 8) {
                    bits -= 8;
                    out.write((buffer >> bits) & 0xff);
                }
            }
            return out.toByteArray();
        }

        private static int value(byte c) {
            if (c >= 'A' && c <= 'Z') return c - 'A';
            if (c >= 'a' && c <= 'z') return c - 'a' + 26;
            if (c >= '0' && c <= '9') return c - '0' + 52;
            if (c == '+' || c == '-') return 62;
            if (c == '/' || c == '_') return 63;
            return -1;
        }
    }

    /** RFC 3676 format=flowed: soft line breaks joined, space-stuffing removed. */
    static final class Flowed {
        private Flowed() {}

        static String unflow(String s, boolean delsp) {
            String[] lines = s.split("\n", -1);
            StringBuilder out = new StringBuilder(s.length());
            StringBuilder cur = null;
            int curDepth = 0;
            for (String line : lines) {
                int depth = 0;
                while (depth < line.length() && line.charAt(depth) == '>') depth++;
                String body = line.substring(depth);
                if (body.startsWith(" ")) body = body.substring(1);
                boolean sig = body.equals("-- ");
                boolean soft = !sig && body.endsWith(" ");
                if (cur != null && depth != curDepth) {
                    emit(out, cur, curDepth);
                    cur = null;
                }
                if (cur == null) {
                    cur = new StringBuilder();
                    curDepth = depth;
                }
                cur.append(soft && delsp ? body.substring(0, body.length() - 1) : body);
                if (!soft) {
                    emit(out, cur, curDepth);
                    cur = null;
                }
            }
            if (cur != null) emit(out, cur, curDepth);
            if (out.length() > 0) out.setLength(out.length() - 1);
            return out.toString();
        }

        private static void emit(StringBuilder out, StringBuilder line, int depth) {
            if (depth > 0) out.append(">".repeat(depth)).append(' ');
            out.append(line).append('\n');
        }
    }

    // ------------------------------------------------------------------ HTML to text

    /** HTML to plain lines (paragraphs, list items, table rows), with quoted history removed. */
    static final class HtmlText {
        private HtmlText() {}

        private static final Set<String> BLOCK = Set.of("address", "article", "aside", "body", "center", "dd", "div", "dl",
                "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
                "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr",
                "ul", "caption", "details", "summary");
        private static final Set<String> PARAGRAPH = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "pre", "dl");
        private static final Set<String> SKIP = Set.of("script", "style", "head", "title", "noscript", "template", "xml",
                "object", "embed", "iframe", "svg", "math", "select", "option", "button");
        private static final Pattern FROM_KEY = Pattern.compile("(?iu)(from|de|von|da|fra|från|van|od|от)\\s*:");

        static String toText(String html) {
            Document doc = Jsoup.parse(html);
            doc.select("script, style, head, title, noscript, template").remove();
            doc.select("div.gmail_quote, blockquote.gmail_quote, div.gmail_attr, div.yahoo_quoted, div[id^=yahoo_quoted], "
                    + "div.moz-forward-container, div.gmail_signature, [data-smartmail=gmail_signature], div.moz-signature, "
                    + "pre.moz-signature, div#Signature, div#x_Signature, div.protonmail_quote, div.zmail_extra").remove();
            for (Element e : doc.select("div#divRplyFwdMsg, div#appendonsend, hr#stopSpelling, div#OLK_SRC_BODY_SECTION, "
                    + "div.OutlookMessageHeader, div[style*=border-top], div[style*=BORDER-TOP]")) {
                if (isQuoteStart(e)) {
                    cutFrom(e);
                    break;
                }
            }
            Renderer r = new Renderer();
            org.jsoup.select.NodeTraversor.filter(r, doc.body() != null ? doc.body() : doc);
            return tidy(r.out.toString());
        }

        private static boolean isQuoteStart(Element e) {
            String style = e.attr("style").toLowerCase(Locale.ROOT);
            if (!style.contains("border-top")) return true; // an id or class marker
            if (!style.contains("solid")) return false;
            String text = e.text();
            if (text.length() > 400) text = text.substring(0, 400);
            return FROM_KEY.matcher(text).find();
        }

        /** Removes the element and everything after it in document order. */
        private static void cutFrom(Element e) {
            Node n = e;
            while (n != null && n.parent() != null) {
                Node parent = n.parent();
                List<Node> siblings = new ArrayList<>(parent.childNodes());
                for (int k = siblings.size() - 1; k > n.siblingIndex(); k--) siblings.get(k).remove();
                n = parent;
            }
            e.remove();
        }

        private static String tidy(String s) {
            StringBuilder b = new StringBuilder(s.length());
            int blank = 0;
            for (String line : s.split("\n", -1)) {
                String l = line.stripTrailing();
                if (l.isBlank()) {
                    if (b.length() > 0) blank++;
                    continue;
                }
                if (b.length() > 0) b.append(blank > 0 ? "\n\n" : "\n");
                b.append(l);
                blank = 0;
            }
            return b.toString();
        }

        private static final class Renderer implements NodeFilter {
            final StringBuilder out = new StringBuilder();
            private int pre;

            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    text(pre > 0 ? t.getWholeText() : collapse(t.getWholeText()));
                    return FilterResult.CONTINUE;
                }
                if (!(node instanceof Element e)) return FilterResult.CONTINUE;
                String tag = e.normalName();
                if (SKIP.contains(tag)) return FilterResult.SKIP_ENTIRELY;
                switch (tag) {
                    case "blockquote" -> {
                        newline();
                        out.append(">\n");
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    case "br" -> out.append('\n');
                    case "li" -> {
                        newline();
                        out.append("- ");
                    }
                    case "td", "th" -> {
                        if (out.length() > 0 && !atLineStart() && out.charAt(out.length() - 1) != ' ') out.append(' ');
                    }
                    case "img" -> {
                        // images carry no text worth keeping
                    }
                    default -> {
                        if (tag.equals("pre")) pre++;
                        if (BLOCK.contains(tag)) newline();
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("pre") && pre > 0) pre--;
                    if (BLOCK.contains(tag)) newline();
                    // Outlook writes every line as a margin-less <p class=MsoNormal>: a line, not a paragraph
                    boolean outlookLine = tag.equals("p") && e.hasClass("MsoNormal");
                    if (PARAGRAPH.contains(tag) && (!outlookLine || e.text().isBlank())) out.append('\n');
                }
                return FilterResult.CONTINUE;
            }

            private void text(String s) {
                if (s.isEmpty()) return;
                if (atLineStart() || (out.length() > 0 && out.charAt(out.length() - 1) == ' ')) {
                    if (pre == 0) s = s.stripLeading();
                }
                out.append(s);
            }

            private boolean atLineStart() {
                return out.length() == 0 || out.charAt(out.length() - 1) == '\n';
            }

            private void newline() {
                if (!atLineStart()) out.append('\n');
            }

            private static String collapse(String s) {
                StringBuilder b = new StringBuilder(s.length());
                boolean space = false;
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u00a0' || c == '\u200b') {
                        if (!space) b.append(' ');
                        space = true;
                    } else {
                        b.append(c);
                        space = false;
                    }
                }
                return b.toString();
            }
        }
    }

    // ------------------------------------------------------------------ visible text

    /**
     * Removes quoted history and signatures from plain text, line by line and without backtracking
     * regexes on long lines: '>' lines, "On ... wrote:" headers (also wrapped over up to three lines and
     * in other languages), "-----Original Message-----", Outlook header blocks, underscore separators,
     * "-- " signatures and "Sent from my ..." lines.
     */
    static final class ReplyText {
        private ReplyText() {}

        private static final int LONG_LINE = 2000;
        private static final int MAX_HEADER = 500;

        private static final Pattern VERB = Pattern.compile("(?iu)(?:wrote|writes|a écrit|a ecrit|schrieb|hat geschrieben|"
                + "ha scritto|scrisse|escribió|escribio|escreveu|skrev|schreef|heeft geschreven|napisał|napisal|napsal|"
                + "написал|написала|написав|пишет|kirjoitti|írta|yazdı|έγραψε|a scris|写道|寫道|のメッセージ|님이 작성)");
        private static final Pattern OPENER = Pattern.compile("(?iu)(?:(?:on|le|am|il|el|em|op|den|på|dne|w dniu|pada|ön|"
                + "el día|στις|в)\\b|\\d)");
        private static final Pattern TIME = Pattern.compile("\\d{1,2}:\\d{2}");
        private static final Pattern DATEISH = Pattern.compile("\\d{1,2}:\\d{2}|\\d{1,4}[./-]\\d{1,2}[./-]\\d{2,4}|\\b(?:19|20)\\d{2}\\b");
        private static final Pattern ORIGINAL = Pattern.compile("(?iu)^\\s*[-_=*]{2,}\\s*(?:original message|forwarded message|"
                + "weitergeleitete nachricht|ursprüngliche nachricht|message d'origine|message transféré|mensaje original|"
                + "mensaje reenviado|messaggio originale|messaggio inoltrato|oorspronkelijk bericht|doorgestuurd bericht|"
                + "mensagem original|mensagem encaminhada|opprinnelig melding|oprindelig meddelelse|ursprungligt meddelande|"
                + "videresendt meddelelse|alkuperäinen viesti|исходное сообщение|пересылаемое сообщение|"
                + "wiadomość oryginalna|původní zpráva|reply message|message original|originalnachricht|"
                + "original message follows)\\s*[-_=*]*\\s*$");
        private static final Pattern BEGIN_FORWARD = Pattern.compile("(?iu)^\\s*(?:begin forwarded message|anfang der weitergeleiteten nachricht|"
                + "début du message réexpédié|inicio del mensaje reenviado)\\s*:\\s*$");
        private static final Pattern SENT_FROM = Pattern.compile("(?iu)^\\s*(?:sent from|sent with|sent using|sent via|sent by|get outlook for|"
                + "envoyé de mon|envoyé depuis|envoyé à partir de|von meinem|gesendet von|enviado desde|enviado do meu|"
                + "enviado de meu|inviato da|verzonden vanaf|verstuurd vanaf|verzonden met|skickat från|sendt fra|"
                + "отправлено с)\\b");
        private static final Pattern FIELD = Pattern.compile("(?iu)^\\s*\\**\\s*(from|de|von|da|fra|från|van|od|от|sent|date|datum|"
                + "data|fecha|enviado|enviada em|enviada|envoyé|envoye|gesendet|inviato|verzonden|sendt|skickat|отправлено|дата|"
                + "to|à|a|an|para|per|aan|til|till|do|кому|cc|bcc|kopie|subject|objet|betreff|asunto|assunto|oggetto|"
                + "onderwerp|emne|ämne|temat|тема|reply-to|répondre à|antwort an|importance|priority)\\s*\\**\\s*:");
        private static final Set<String> FROM_FIELDS = Set.of("from", "de", "von", "da", "fra", "från", "van", "od", "от");
        private static final Pattern SIGN_OFF = Pattern.compile("-\\p{L}[\\p{L}\\p{M}.' ]{0,40}");
        private static final Pattern SEPARATOR = Pattern.compile("\\s*[-_=*~—–]{3,}\\s*");

        static String visible(String text) {
            if (text == null || text.isEmpty()) return "";
            String[] lines = normalise(text).replace('\u00a0', ' ').split("\n", -1);
            int n = lines.length;
            List<String> out = new ArrayList<>();
            int i = 0;
            while (i < n) {
                String line = lines[i];
                if (line.isBlank()) {
                    out.add("");
                    i++;
                    continue;
                }
                if (isQuoted(line)) {
                    i++;
                    continue;
                }
                if (line.length() > LONG_LINE) {
                    out.add(line.stripTrailing());
                    i++;
                    continue;
                }
                if (isCut(lines, i)) break;
                int end = quoteHeaderEnd(lines, i);
                if (end >= 0) {
                    int next = nextNonBlank(lines, end + 1);
                    if (next < 0 || isQuoted(lines[next])) {
                        i = end + 1;
                        continue;
                    }
                    break;
                }
                out.add(line.stripTrailing());
                i++;
            }
            trimTail(out);
            if (out.size() > 1 && SIGN_OFF.matcher(out.get(out.size() - 1)).matches()) {
                out.remove(out.size() - 1);
                trimTail(out);
            }
            int start = 0;
            while (start < out.size() && out.get(start).isBlank()) start++;
            StringBuilder b = new StringBuilder();
            int blanks = 0;
            for (int k = start; k < out.size(); k++) {
                String l = out.get(k);
                if (l.isBlank()) {
                    blanks++;
                    continue;
                }
                if (b.length() > 0) b.append(blanks > 0 ? "\n\n" : "\n");
                b.append(l);
                blanks = 0;
            }
            return b.toString();
        }

        private static void trimTail(List<String> out) {
            while (!out.isEmpty()) {
                String last = out.get(out.size() - 1);
                if (last.isBlank() || (last.length() < 200 && SEPARATOR.matcher(last).matches())) out.remove(out.size() - 1);
                else break;
            }
        }

        static boolean isQuoted(String line) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '>') return true;
                if (c != ' ' && c != '\t') return false;
            }
            return false;
        }

        private static int nextNonBlank(String[] lines, int from) {
            for (int i = from; i < lines.length && i < from + 60; i++) if (!lines[i].isBlank()) return i;
            return -1;
        }

        /** Everything from this line on is history or signature. */
        private static boolean isCut(String[] lines, int i) {
            String line = lines[i];
            String s = line.strip();
            if (s.equals("--") || line.equals("-- ")) return true;
            if (s.length() >= 10 && s.chars().allMatch(c -> c == '_')) return true;
            if (ORIGINAL.matcher(line).matches() || BEGIN_FORWARD.matcher(line).matches()) return true;
            if (isSentFrom(s)) return true;
            return isHeaderBlock(lines, i);
        }

        private static boolean isSentFrom(String s) {
            if (s.length() > 100 || s.indexOf(',') >= 0 || !SENT_FROM.matcher(s).lookingAt()) return false;
            return s.split("\\s+").length <= 10;
        }

        /** An Outlook-style "From: / Sent: / To: / Subject:" block: three or more field lines including a sender. */
        private static boolean isHeaderBlock(String[] lines, int i) {
            Matcher m = FIELD.matcher(lines[i]);
            if (!m.lookingAt()) return false;
            int count = 0;
            boolean from = false;
            for (int k = i; k < lines.length && k < i + 12; k++) {
                String l = lines[k];
                if (l.isBlank() || l.length() > LONG_LINE) break;
                Matcher f = FIELD.matcher(l);
                if (!f.lookingAt()) break;
                count++;
                if (FROM_FIELDS.contains(f.group(1).toLowerCase(Locale.ROOT))) from = true;
            }
            return count >= 3 && from;
        }

        /** The last line of a quote header starting at line i (joined over up to three lines), or -1. */
        private static int quoteHeaderEnd(String[] lines, int i) {
            StringBuilder joined = new StringBuilder();
            for (int k = i; k < lines.length && k < i + 3; k++) {
                String l = lines[k];
                if (l.isBlank() || l.length() > MAX_HEADER) return -1;
                if (k > i) joined.append(' ');
                joined.append(l.strip());
                if (joined.length() > MAX_HEADER) return -1;
                String s = headerCore(joined.toString());
                if (!s.endsWith(":")) continue;
                if (k > i && !OPENER.matcher(s).lookingAt()) return -1;
                int next = nextNonBlank(lines, k + 1);
                boolean nextQuoted = next >= 0 && isQuoted(lines[next]);
                if (isQuoteHeader(s, nextQuoted)) return k;
                return -1;
            }
            return -1;
        }

        private static String headerCore(String s) {
            s = s.replace('\uff1a', ':'); // full-width colon (Chinese and Japanese clients)
            int a = 0;
            while (a < s.length() && (s.charAt(a) == '-' || s.charAt(a) == '*' || s.charAt(a) == ' ' || s.charAt(a) == '_')) a++;
            return s.substring(a).strip();
        }

        static boolean isQuoteHeader(String s, boolean nextQuoted) {
            if (s.length() < 8) return false;
            if (VERB.matcher(s).find()) {
                // mail clients write a time or an address; "On 5 March the council wrote:" before pasted text is not a header
                return nextQuoted || TIME.matcher(s).find() || s.indexOf('@') >= 0;
            }
            return nextQuoted && DATEISH.matcher(s).find() && (s.indexOf('@') >= 0 || s.indexOf('<') >= 0);
        }
    }

    // ------------------------------------------------------------------ auto-replies, bounces, bulk mail

    /** Decides whether a machine sent the message, and says why. */
    static final class AutoDetector {
        private AutoDetector() {}

        private static final Pattern DAEMON = Pattern.compile("(?i)(?:mailer-daemon|mailer_daemon|mailerdaemon|postmaster|"
                + "mail-daemon|mail_daemon|mdaemon)(?:@.*)?");
        private static final Pattern OOO_SUBJECT = Pattern.compile("(?iu)^\\s*(?:automatic reply|auto reply|autoreply|auto-reply|"
                + "auto response|autoresponse|autorespons|out of (?:the )?office|abwesenheitsnotiz|automatische antwort|"
                + "réponse automatique|reponse automatique|absence|respuesta automática|respuesta automatica|"
                + "fuera de la oficina|risposta automatica|automatisch antwoord|afwezig|automatyczna odpowiedź|autosvar|"
                + "автоматический ответ|on vacation|vacation reply|away from)");

        static String reason(Headers h, String subject, String from, boolean report, boolean digest) {
            String as = h.first("Auto-Submitted");
            if (as != null && !as.isBlank()) {
                String v = as.strip().toLowerCase(Locale.ROOT);
                int semi = v.indexOf(';');
                String token = (semi >= 0 ? v.substring(0, semi) : v).strip();
                int sp = token.indexOf(' ');
                if (sp > 0) token = token.substring(0, sp);
                if (!token.equals("no")) return "Auto-Submitted: " + token;
            }
            for (String x : List.of("X-Autoreply", "X-Autorespond", "X-Autoresponder", "X-Auto-Reply", "X-Autogenerated")) {
                String v = h.first(x);
                if (v != null && !v.strip().equalsIgnoreCase("no")) return x + " header";
            }
            if (report) return "delivery status report";
            String lf = from == null ? "" : from.strip().toLowerCase(Locale.ROOT);
            String fromRaw = h.first("From");
            if (DAEMON.matcher(lf).matches()
                    || (fromRaw != null && fromRaw.toLowerCase(Locale.ROOT).contains("mailer-daemon"))
                    || (fromRaw != null && lf.isEmpty() && fromRaw.toLowerCase(Locale.ROOT).contains("mailer daemon"))) {
                return "sent by the mail system (" + (lf.isEmpty() ? "MAILER-DAEMON" : lf) + ")";
            }
            String rp = h.first("Return-Path");
            if (rp != null && rp.replaceAll("\\s+", "").equals("<>")) return "empty Return-Path (bounce or auto-reply)";
            String prec = h.first("Precedence");
            if (prec != null) {
                String p = prec.strip().toLowerCase(Locale.ROOT);
                if (p.startsWith("bulk") || p.startsWith("junk") || p.startsWith("list") || p.startsWith("auto_reply")) {
                    return "Precedence: " + p;
                }
            }
            if (h.has("List-Id") || h.has("List-Unsubscribe")) return "mailing list or bulk mail (List-* header)";
            if (h.has("X-Mailman-Version") || digest) return "mailing list (digest or list manager)";
            if (h.has("X-Auto-Response-Suppress")) return "X-Auto-Response-Suppress header";
            String apple = h.first("X-Apple-Action");
            if (apple != null && apple.toUpperCase(Locale.ROOT).contains("VACATION")) return "vacation auto-reply (X-Apple-Action)";
            if (subject != null && OOO_SUBJECT.matcher(subject).lookingAt()
                    && (h.has("X-MS-Exchange-Inbox-Rules-Loop") || h.has("X-Vacation") || h.has("X-Autoreply-From"))) {
                return "out-of-office reply";
            }
            return null;
        }
    }
}
