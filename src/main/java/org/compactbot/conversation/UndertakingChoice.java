package org.compactbot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of the undertakings offered a reply picks, by number or by meaning: "1 and 3", "the second one", "first and
 * last", "both", "all of them", "the notice one", "the one about consultation", "none of these", "not sure". Pure:
 * table-tested in UndertakingChoiceTest.
 */
public final class UndertakingChoice {
    /** What the reply chose. */
    public sealed interface Choice {
        /**
         * These offers, numbered from 1, in the order the person named them; {@code confidence} is 1 when named by
         * number or position, less when read from the words of the offers.
         */
        record Picked(List<Integer> numbers, double confidence) implements Choice {
            public Picked(List<Integer> numbers) {
                this(numbers, 1.0);
            }
        }

        /** None of the offers fits, or the person does not know. */
        record NoneOfThese() implements Choice {}

        /** A number that was not offered. */
        record OutOfRange(int number, int offered) implements Choice {}

        /** No choice could be read. */
        record Unclear() implements Choice {}
    }

    private UndertakingChoice() {}

    /** How sure a choice read from the offers' words is: kept, but below a choice by number. */
    static final double BY_MEANING = 0.85;

    private static final Pattern NONE = Pattern.compile("^(none|nothing|neither|no|nope|nah|not sure|unsure|no idea|dunno|"
            + "i('m| am)? not sure|i don't know|i dont know|don't know|dont know|not really|none of (these|them|those|the above)|"
            + "(it's |its )?not (any|one) of (these|them|those)|can't say|cannot say|no (one|none) of them)\\b");
    private static final Pattern ALL = Pattern.compile("\\b(all|every one|everything|each of them|all of (them|these|those)|the lot)\\b");
    private static final Pattern BOTH = Pattern.compile("\\bboth\\b");
    private static final Pattern NUMBER = Pattern.compile("\\b(\\d{1,2})(st|nd|rd|th)?\\b");
    private static final String[] ORDINALS = {"first", "second", "third", "fourth", "fifth"};
    private static final String[] WORDS = {"one", "two", "three", "four", "five"};
    private static final Set<String> FILLER = Set.of("the", "one", "ones", "about", "that", "this", "which", "is", "on", "of", "i", "think",
            "its", "it's", "it", "probably", "maybe", "a", "an", "and", "or", "to", "for", "with", "in", "re", "regarding", "bit", "part",
            "says", "said", "say", "thing", "pick", "choose", "go", "want", "like", "would", "id", "i'd", "please", "yes", "mainly",
            "mostly", "definitely", "really", "just", "undertaking", "undertakings", "promise", "we", "our", "us", "they", "them",
            "council", "compact", "public", "sector", "partners", "will", "should", "be", "are", "was", "were", "has", "have",
            "broken", "broke", "applies", "apply", "fits", "fit", "matches", "closest", "relevant", "most");

    private static final Pattern QUESTION = Pattern.compile("\\?|^(can you|could you|what|whats|what's|how|why|which is|explain|tell me)\\b");
    private static final Pattern TIME_UNIT = Pattern.compile("^\\s*(weeks?|months?|days?|years?|%|per ?cent|pounds?|k\\b|households|people|families)");
    private static final Pattern EXCEPT = Pattern.compile("\\b(except|apart from|but not|other than|not)\\b(.*)$");

    /** The choice a reply makes among {@code offered} (the wording of each undertaking offered, in order). */
    public static Choice read(String reply, List<String> offered) {
        String t = Agreement.normalise(reply);
        int n = offered.size();
        if (t.isEmpty()) return new Choice.Unclear();
        if (QUESTION.matcher(reply.strip().toLowerCase(Locale.ROOT)).find()) return new Choice.Unclear(); // "can you explain number 2?"
        Matcher except = EXCEPT.matcher(t);
        if (ALL.matcher(t).find() && except.find()) {
            List<Integer> left = new ArrayList<>();
            List<Integer> without = numbers(except.group(2), n);
            Matcher d = NUMBER.matcher(except.group(2));
            while (d.find()) without.add(Integer.parseInt(d.group(1)));
            for (int i = 1; i <= n; i++) if (!without.contains(i)) left.add(i);
            if (!without.isEmpty() && !left.isEmpty()) return new Choice.Picked(left);
        }
        List<Integer> picked = new ArrayList<>();
        if (t.matches(".*\\ball (" + n + "|" + (n <= 5 && n > 0 ? WORDS[n - 1] : "-") + ")\\b.*")) { // "all three"
            for (int i = 1; i <= n; i++) picked.add(i);
            return new Choice.Picked(picked);
        }
        if (UkDates.mentionsADate(reply) && !t.matches(".*\\b(number|option|undertaking)s?\\b.*")) {
            return new Choice.Unclear(); // "they emailed on 20 November saying the grant stops on 1 December": more of the story
        }
        Matcher m = NUMBER.matcher(t);
        while (m.find()) {
            if (TIME_UNIT.matcher(t.substring(m.end())).find()) continue; // "the 12 weeks one", "two weeks' notice"
            int k = Integer.parseInt(m.group(1));
            if (k < 1 || k > n) return new Choice.OutOfRange(k, n);
            if (!picked.contains(k)) picked.add(k);
        }
        for (int k : numbers(t, n)) if (!picked.contains(k)) picked.add(k);
        if (t.matches(".*\\bfirst (two|2)\\b.*") && n >= 2) picked = new ArrayList<>(List.of(1, 2));
        if (t.matches(".*\\blast (two|2)\\b.*") && n >= 2) picked = new ArrayList<>(List.of(n - 1, n));
        if (!picked.isEmpty()) return new Choice.Picked(picked);
        if (NONE.matcher(t).find()) return new Choice.NoneOfThese();
        if (ALL.matcher(t).find() || (BOTH.matcher(t).find() && n == 2)) {
            for (int i = 1; i <= n; i++) picked.add(i);
            return new Choice.Picked(picked);
        }
        // "notice and consultation": each part by meaning
        List<Integer> union = new ArrayList<>();
        for (String part : t.split("\\s*(\\band\\b|&|,|\\bplus\\b|\\balso\\b)\\s*")) {
            if (part.isBlank()) continue;
            if (byMeaning(part, offered) instanceof Choice.Picked p) for (int k : p.numbers()) if (!union.contains(k)) union.add(k);
        }
        if (!union.isEmpty() && t.matches(".*(\\band\\b|&|,|\\bplus\\b).*")) return new Choice.Picked(union, BY_MEANING);
        return byMeaning(t, offered);
    }

    /** Offers named by ordinal or number word: "first", "the second one", "number one", "the middle one", "last". */
    private static List<Integer> numbers(String t, int n) {
        List<Integer> out = new ArrayList<>();
        String[] words = t.split(" ");
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            String next = i + 1 < words.length ? words[i + 1] : "";
            String prev = i > 0 ? words[i - 1] : "";
            if (TIME_UNIT.matcher(next).find()) continue;
            int k = indexOf(ORDINALS, w);
            // a number word names an offer as the reply's first word ("two please", "one and three") or after "number",
            // "option" or "and"; not in "the notice one", "last one"
            if (k < 0 && indexOf(WORDS, w) >= 0 && (i == 0 || prev.matches("number|option|no|and|&"))) k = indexOf(WORDS, w);
            if (w.equals("last") && n > 0) k = n - 1;
            if (w.equals("middle") && n % 2 == 1) k = n / 2;
            if (k >= 0 && k < n && !out.contains(k + 1)) out.add(k + 1);
        }
        return out;
    }

    /**
     * The offers whose wording best shares the reply's own words ("the notice one" -> the offer about notice). A word
     * every offer has tells them apart less than a word only one has; offers still level are all taken, since each
     * is what the person named.
     */
    private static Choice byMeaning(String t, List<String> offered) {
        List<String> words = new ArrayList<>();
        for (String w : t.split(" ")) {
            if (w.length() <= 2 || FILLER.contains(w)) continue;
            words.add(stem(w));
            words.addAll(SAME_TOPIC.getOrDefault(stem(w), List.of()));
        }
        if (words.isEmpty() || offered.isEmpty()) return new Choice.Unclear();
        List<java.util.Map<String, Integer>> counts = new ArrayList<>();
        for (String o : offered) {
            java.util.Map<String, Integer> c = new java.util.HashMap<>();
            for (String w : Agreement.normalise(o).split(" ")) c.merge(stem(w), 1, Integer::sum);
            counts.add(c);
        }
        java.util.Set<String> known = new java.util.HashSet<>();
        for (var c : counts) known.addAll(c.keySet());
        for (int i = 0; i < words.size(); i++) {
            // "notise one": a word none of the offers has, one letter away from one they have
            String w = words.get(i);
            if (w.length() >= 5 && !known.contains(w)) for (String k : known) if (oneEditApart(w, k)) { words.set(i, k); break; }
        }
        double[] score = new double[offered.size()];
        for (String w : words) {
            int having = 0;
            for (var c : counts) if (c.containsKey(w)) having++;
            if (having == 0) continue;
            double weight = Math.log(1.0 + (double) offered.size() / having);
            for (int i = 0; i < offered.size(); i++) {
                Integer k = counts.get(i).get(w);
                if (k != null) score[i] += weight * (1 + Math.log(k));
            }
        }
        double best = 0;
        for (double v : score) best = Math.max(best, v);
        if (best <= 0) return new Choice.Unclear();
        List<Integer> top = new ArrayList<>();
        for (int i = 0; i < score.length; i++) if (score[i] >= best - 1e-9) top.add(i + 1);
        return new Choice.Picked(top, BY_MEANING);
    }

    /** Everyday words for what undertakings speak of: "the money one" is about payment and grants. */
    private static final java.util.Map<String, List<String>> SAME_TOPIC = java.util.Map.ofEntries(
            java.util.Map.entry("money", List.of("pay", "paymen", "grant", "fund", "funding")),
            java.util.Map.entry("cash", List.of("pay", "paymen", "grant", "fund")),
            java.util.Map.entry("paymen", List.of("pay", "paid")),
            java.util.Map.entry("paid", List.of("pay", "paymen")),
            java.util.Map.entry("pay", List.of("paymen", "paid")),
            java.util.Map.entry("upfron", List.of("advanc")),
            java.util.Map.entry("warnin", List.of("notice")),
            java.util.Map.entry("notice", List.of("warnin")),
            java.util.Map.entry("asked", List.of("consul", "consult")),
            java.util.Map.entry("ask", List.of("consul", "consult")),
            java.util.Map.entry("consul", List.of("consult")),
            java.util.Map.entry("consult", List.of("consul")),
            java.util.Map.entry("cut", List.of("ending", "end", "fund", "funding")),
            java.util.Map.entry("volunt", List.of("volunt")),
            java.util.Map.entry("equali", List.of("equal", "equali", "divers")));

    /** A crude stem, enough to meet "consulting" with "consultation" and "notice" with "notices". */
    static String stem(String w) {
        String s = w.toLowerCase(Locale.ROOT).replace("'", "");
        for (String suffix : new String[] {"ations", "ation", "ments", "ment", "ings", "ing", "ed", "es", "s"}) {
            if (s.length() > suffix.length() + 3 && s.endsWith(suffix)) return s.substring(0, Math.min(s.length() - suffix.length(), 6));
        }
        return s.length() > 6 ? s.substring(0, 6) : s;
    }

    /** Whether one letter changed, added, dropped or swapped with its neighbour turns {@code a} into {@code b}. */
    static boolean oneEditApart(String a, String b) {
        if (a.equals(b) || Math.abs(a.length() - b.length()) > 1 || b.length() < 5) return false;
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) i++;
        if (a.length() == b.length()) {
            if (a.substring(i + 1).equals(b.substring(i + 1))) return true; // changed
            return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2)); // swapped
        }
        return a.length() > b.length() ? a.substring(i + 1).equals(b.substring(i)) : a.substring(i).equals(b.substring(i + 1));
    }

    private static int indexOf(String[] words, String w) {
        for (int i = 0; i < words.length; i++) if (words[i].equals(w)) return i;
        return -1;
    }
}
