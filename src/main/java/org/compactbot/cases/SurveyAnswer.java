package org.compactbot.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a complainant's reply to the closing survey's two questions ({@link ClosingSurvey#QUESTIONS}): satisfied with how
 * the challenge was handled, and was the outcome what they asked for, each yes, partly or no. Four reply styles: numbered
 * ("1. yes 2. not really"), answers under the quoted questions (or just the two answers, one a line), labelled
 * ("Satisfied: yes / Outcome: partly"), and a paragraph in their own words ("Yes thanks, very happy with how it was
 * handled, but we didn't get the funding back"). What is neither an answer nor a question of ours is kept as the
 * comment. Pure: text in, {@link Reading} out.
 */
public final class SurveyAnswer {
    private SurveyAnswer() {}

    /** One answer to one question. */
    public enum Answer {
        YES, PARTLY, NO;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What the reply says. */
    public sealed interface Reading {}

    /** Both questions answered; the comment is the reply's own words (null when it was only the answers). */
    public record Answered(Answer satisfied, Answer outcomeAsAsked, String comment) implements Reading {}

    /** Not both answers could be read: the complainant is asked once more. */
    public record Unclear() implements Reading {}

    private static final Pattern QUESTION_1 = Pattern.compile("(?i)satisfied with how your challenge");
    private static final Pattern QUESTION_2 = Pattern.compile("(?i)outcome what you asked");
    private static final Pattern HINT = Pattern.compile("(?i)\\(?\\s*yes\\s*/\\s*partly\\s*/\\s*no\\s*\\)?");
    private static final Pattern NUMBERED = Pattern.compile("(?<![\\w.])(?:q(?:uestion)?\\s*)?([12])\\s*[.):=-]\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern LABEL_1 = Pattern.compile("(?i)\\b(?:satisf\\w*|handl\\w*|handled)\\s*[:=-]\\s*([^/\\n;]+)");
    private static final Pattern LABEL_2 = Pattern.compile("(?i)\\b(?:outcome\\w*|result)\\s*[:=-]\\s*([^/\\n;]+)");
    private static final Pattern CLAUSES = Pattern.compile("(?i)[,;.!?\\n]+|\\s+(?:but|although|though|however|whereas|and|yet)\\s+");

    private static final Pattern UNSURE = Pattern.compile("(?i)\\b(?:not sure|unsure|no idea|don'?t know|dunno|can'?t say|too early)\\b");
    private static final Pattern PARTLY = Pattern.compile("(?i)\\b(?:partly|partially|part|somewhat|sort of|kind of|kinda|in part|"
            + "mostly|some of|half|mixed|more or less|to an extent|to some extent|not entirely|not fully|not completely|not quite|"
            + "not all|not everything|a bit|a little|so-so|ish)\\b");
    private static final Pattern NEGATIVE = Pattern.compile("(?i)(?:\\b(?:no|nope|nah|not|never|unhappy|dissatisfied|disappointed|"
            + "disappointing|poor|poorly|badly|terrible|awful|lost|refused|rejected|failed|nothing|unfair|waste|worse|went ahead|"
            + "(?:still|was|were|got) (?:cut|closed|reduced|stopped))\\b|n't\\b)");
    private static final Pattern POSITIVE = Pattern.compile("(?i)\\b(?:yes|yeah|yep|yup|y|happy|satisfied|pleased|good|great|well|"
            + "helpful|excellent|brilliant|fantastic|fine|ok|okay|definitely|absolutely|totally|completely|fully|got|get|did|was|"
            + "succeeded|won|thanks|thank)\\b");
    private static final Pattern STRONG_POSITIVE = Pattern.compile("(?i)\\b(?:yes|yeah|yep|yup|y|happy|satisfied|pleased|good|great|"
            + "helpful|excellent|brilliant|fantastic|definitely|absolutely|got|succeeded|won)\\b");
    private static final Pattern HANDLING = Pattern.compile("(?i)\\b(?:handl\\w*|dealt|process|service|mediat\\w*|treated|support\\w*|"
            + "help\\w*|listen\\w*|communicat\\w*|experience|how it went|how you|how it was|kept informed|respons\\w* quick\\w*)");
    private static final Pattern OUTCOME = Pattern.compile("(?i)\\b(?:outcome|result|fund\\w*|grant|money|asked for|wanted|what we "
            + "asked|decision|revers\\w*|reinstat\\w*|back|achiev\\w*|restored|ended|end result|cut|lease|contract)");
    private static final Pattern BOTH = Pattern.compile("(?i)\\b(?:both|to both|all|each)\\b");

    /** Reads a reply; {@link Unclear} unless both answers are there. */
    public static Reading read(String reply) {
        String text = reply == null ? "" : reply.replace("\r", "");
        if (text.length() > 10_000) text = text.substring(0, 10_000); // an answer is short; a long email is read from its start
        List<String> own = new ArrayList<>();
        Answer[] a = new Answer[2];
        underQuestions(text, a);
        String body = ownLines(text, own);
        if (a[0] == null || a[1] == null) labelled(body, a);
        if (a[0] == null || a[1] == null) numbered(body, a);
        if (a[0] == null || a[1] == null) twoLines(own, a);
        if (a[0] == null || a[1] == null) ownWords(body, a);
        if (a[0] == null || a[1] == null) return new Unclear();
        return new Answered(a[0], a[1], comment(own));
    }

    /** Answers typed under our two questions (quoted or not): the first line after each that is not quoted. */
    private static void underQuestions(String text, Answer[] a) {
        int current = -1;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            String unquoted = line.replaceFirst("^(>\\s*)+", "");
            if (QUESTION_1.matcher(unquoted).find()) current = 0;
            else if (QUESTION_2.matcher(unquoted).find()) current = 1;
            else if (line.startsWith(">") || line.isEmpty()) continue;
            else if (current >= 0 && a[current] == null) {
                a[current] = clause(line);
                current = -1;
            }
        }
    }

    /** The reply's lines that are its own: neither quoted, nor our questions, nor a quote header. */
    private static String ownLines(String text, List<String> own) {
        StringBuilder b = new StringBuilder();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith(">") || QUESTION_1.matcher(line).find() || QUESTION_2.matcher(line).find()
                    || line.matches("(?i)^on .{0,200}wrote:$")) continue;
            own.add(line);
            b.append(line).append('\n');
        }
        return b.toString();
    }

    private static void labelled(String body, Answer[] a) {
        Matcher m1 = LABEL_1.matcher(body), m2 = LABEL_2.matcher(body);
        Answer s = m1.find() ? clause(m1.group(1)) : null, o = m2.find() ? clause(m2.group(1)) : null;
        if (s != null && o != null) {
            a[0] = s;
            a[1] = o;
        }
    }

    private static void numbered(String body, Answer[] a) {
        Matcher m = NUMBERED.matcher(body);
        List<int[]> marks = new ArrayList<>();
        while (m.find()) marks.add(new int[] {Integer.parseInt(m.group(1)) - 1, m.start(), m.end()});
        Answer[] found = new Answer[2];
        for (int i = 0; i < marks.size(); i++) {
            int[] k = marks.get(i);
            String part = body.substring(k[2], i + 1 < marks.size() ? marks.get(i + 1)[1] : body.length());
            if (found[k[0]] == null) found[k[0]] = clause(part.split("\n")[0]);
        }
        if (found[0] != null && found[1] != null) {
            a[0] = found[0];
            a[1] = found[1];
        }
    }

    /** Just the two answers, one a line ("Yes" then "Partly"): what is left when the quoted questions are taken away. */
    private static void twoLines(List<String> own, Answer[] a) {
        List<Answer> bare = new ArrayList<>();
        for (String line : own) {
            if (line.split("\\s+").length > 3) break;
            Answer x = clause(line);
            if (x == null) break;
            bare.add(x);
        }
        if (bare.size() == 2 && own.size() >= 2) {
            a[0] = bare.get(0);
            a[1] = bare.get(1);
        }
    }

    /** A paragraph in the complainant's own words: each clause's answer goes to the question its words are about. */
    private static void ownWords(String body, Answer[] a) {
        Answer[] topical = new Answer[2];
        List<Answer> general = new ArrayList<>();
        boolean both = false;
        for (String c : CLAUSES.split(body)) {
            Answer x = clause(c);
            if (x == null) continue;
            boolean outcome = OUTCOME.matcher(c).find(), handling = HANDLING.matcher(c).find();
            if (outcome && topical[1] == null) topical[1] = x;
            else if (handling && !outcome && topical[0] == null) topical[0] = x;
            else if (!outcome && !handling) {
                general.add(x);
                both |= BOTH.matcher(c).find();
            }
        }
        if (both && general.size() == 1) general.add(general.get(0));
        for (Answer g : general) {
            if (topical[0] == null) topical[0] = g;
            else if (topical[1] == null) topical[1] = g;
        }
        a[0] = topical[0];
        a[1] = topical[1];
    }

    /** The answer one clause gives, or null when it gives none. */
    static Answer clause(String s) {
        String c = s == null ? "" : HINT.matcher(s).replaceAll(" ").strip();
        if (c.isEmpty() || UNSURE.matcher(c).find()) return null;
        if (PARTLY.matcher(c).find()) return Answer.PARTLY;
        if (NEGATIVE.matcher(c).find()) return Answer.NO;
        if (STRONG_POSITIVE.matcher(c).find()) return Answer.YES;
        if (POSITIVE.matcher(c).find() && (HANDLING.matcher(c).find() || OUTCOME.matcher(c).find())) return Answer.YES;
        return null;
    }

    /** The reply's own words beyond bare answers, for the mediator and the report's readers; null when there are none. */
    private static String comment(List<String> own) {
        String all = String.join("\n", own).strip();
        if (all.isEmpty()) return null;
        String bare = all.replaceAll("(?i)\\b(?:q(?:uestion)?\\s*)?[12]\\s*[.):=-]", " ").replaceAll("(?i)\\b(?:satisfied|outcome)\\s*[:=-]", " ")
                .replaceAll("(?i)\\b(?:yes|no|partly|not really|y|n)\\b", " ").replaceAll("[\\s/,.;:!-]+", " ").strip();
        return bare.isEmpty() ? null : all.length() > 2000 ? all.substring(0, 2000) : all;
    }
}
