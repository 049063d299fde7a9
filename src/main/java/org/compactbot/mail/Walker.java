package org.compactbot.mail;

import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Walks the MIME tree: collects body text, attachments and what the structure says about the sender. */
final class Walker {
    private static final int MAX_DEPTH = 16;
    private static final int MAX_PARTS = 500;
    private static final int MAX_BOUNDARY = 200;
    private static final Set<String> NOT_ATTACHMENTS = Set.of("message/delivery-status", "message/global-delivery-status",
            "text/rfc822-headers", "message/disposition-notification", "message/global-headers",
            "message/feedback-report", "application/pgp-signature", "application/pkcs7-signature",
            "application/x-pkcs7-signature", "application/pgp-encrypted");
    private static final Set<String> BODY_TEXT = Set.of("plain", "html", "enriched", "markdown", "x-markdown");

    /** One piece of body text in message order. */
    record Piece(String text, boolean html) {}

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
            String subject = FileNames.safe(MailText.clean(EncodedWords.decode(Headers.of(m).first("Subject"))));
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
        String s = MailText.normalise(Charsets.decode(b, mt.param("charset")));
        String format = mt.param("format");
        if (format != null && format.equalsIgnoreCase("flowed") && s.length() < 2_000_000) {
            String delsp = mt.param("delsp");
            s = Flowed.unflow(s, delsp != null && delsp.equalsIgnoreCase("yes"));
        }
        return s;
    }

    /** The answers typed under quoted numbered questions, in the first text part that has any (see ReplyText). */
    String answersUnderQuotes() {
        for (Piece piece : pieces) {
            String a = ReplyText.answersUnderQuotedQuestions(piece.html() ? HtmlText.toText(piece.text()) : piece.text());
            if (!a.isBlank()) return a;
        }
        return "";
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
