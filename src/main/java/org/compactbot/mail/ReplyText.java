package org.compactbot.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes quoted history and signatures from plain text, line by line and without backtracking
 * regexes on long lines: '>' lines, "On ... wrote:" headers (also wrapped over up to three lines and
 * in other languages), "-----Original Message-----", Outlook header blocks, underscore separators,
 * "-- " signatures and "Sent from my ..." lines.
 */
final class ReplyText {
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
        String[] lines = MailText.normalise(text).replace('\u00a0', ' ').split("\n", -1);
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

    private static final java.util.regex.Pattern HAS_QUOTED_QUESTION = java.util.regex.Pattern.compile("(?m)^[ \\t]*>[> \\t]*\\d{1,2}[ \\t]*[.)][ \\t]+\\S");
    /** Answers under quoted questions are looked for in this much of a message (a reply to our short list is far smaller). */
    private static final int MAX_INTERLEAVED_CHARS = 100_000;
    private static final java.util.regex.Pattern QUOTED_NUMBER = java.util.regex.Pattern.compile("^(\\d{1,2})\\s*[.)]\\s+\\S.*");
    /** A line that closes a letter ("Thanks,", "Kind regards"): what follows is a signature. */
    static final java.util.regex.Pattern CLOSING = java.util.regex.Pattern.compile("(?i)^(thanks|thank you|many thanks|regards|kind regards|"
            + "best regards|best wishes|best|cheers|yours sincerely|yours faithfully|yours|warm regards|with thanks)[,.!]?$");

    /**
     * The answers a person typed under the numbered questions of the email they reply to, as most mail programs
     * invite: "> 2. Which organisation...?" then "Eston Youth Club" below it. Returned as numbered lines ("2. Eston
     * Youth Club"), after any text written above the first quoted question; empty when the reply has no answers
     * under numbered quoted lines (then the visible text is all there is).
     */
    static String answersUnderQuotedQuestions(String text) {
        if (text == null || text.isEmpty() || !HAS_QUOTED_QUESTION.matcher(text).find()) return "";
        String[] lines = MailText.normalise(text.length() > MAX_INTERLEAVED_CHARS ? text.substring(0, MAX_INTERLEAVED_CHARS) : text)
                .replace('\u00a0', ' ').split("\n", -1);
        java.util.Map<Integer, StringBuilder> answers = new java.util.LinkedHashMap<>();
        StringBuilder lead = new StringBuilder();
        Integer current = null;
        boolean sawQuestion = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) continue;
            if (isQuoted(line)) {
                String q = line.strip().replaceFirst("^(>\\s*)+", "");
                java.util.regex.Matcher m = QUOTED_NUMBER.matcher(q);
                if (m.matches()) {
                    current = Integer.parseInt(m.group(1));
                    sawQuestion = true;
                }
                continue;
            }
            String s = line.strip();
            if (s.equals("--") || line.equals("-- ") || ORIGINAL.matcher(line).matches() || BEGIN_FORWARD.matcher(line).matches()
                    || CLOSING.matcher(s).matches()) break;
            if (quoteHeaderEnd(lines, i) >= 0) continue; // "On Tue, 24 Nov 2026, Compact Bot wrote:"
            if (current == null) {
                if (!sawQuestion) lead.append(lead.length() > 0 ? "\n" : "").append(s);
                continue;
            }
            StringBuilder a = answers.computeIfAbsent(current, k -> new StringBuilder());
            if (a.length() > 0) a.append('\n');
            a.append(s);
        }
        if (answers.isEmpty()) return "";
        StringBuilder out = new StringBuilder(lead);
        answers.forEach((n, a) -> out.append(out.length() > 0 ? "\n" : "").append(n).append(". ").append(a));
        return out.toString();
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
