package org.compactbot.conversation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answers in one reply to a list of questions sent at once (the email intake), in the ways people reply:
 * numbered lines ("1. A youth club"), "Label: answer" lines ("Role: we are a community group"), or one paragraph
 * that answers everything, each fact in its own sentence. Pure: table-tested in BatchAnswersTest.
 */
final class BatchAnswers {
    private BatchAnswers() {}

    private static final Pattern NUMBERED = Pattern.compile("^\\s*(?:q(?:uestion)?\\s*)?(\\d{1,2})\\s*[.):-]\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern LABELLED = Pattern.compile("^\\s*[-*•]?\\s*([A-Za-z][A-Za-z '/&()?-]{1,45}?)\\s*[:=]\\s*(.+)$");

    /** The answers by question; empty when the reply answers none of the questions asked. */
    static Map<Slot, String> read(String text, List<Slot> asked) {
        Map<Slot, String> numbered = numbered(text, asked);
        if (!numbered.isEmpty()) return numbered;
        Map<Slot, String> labelled = labelled(text, asked);
        if (!labelled.isEmpty()) return labelled;
        return prose(text, asked);
    }

    static Map<Slot, String> numbered(String text, List<Slot> asked) {
        Map<Slot, String> out = new LinkedHashMap<>();
        Slot current = null;
        boolean newParagraph = false;
        StringBuilder paragraph = new StringBuilder();
        List<String> between = new ArrayList<>(); // paragraphs after a blank line, between numbered answers
        List<Slot> before = new ArrayList<>();
        for (String line : text.split("\\R")) {
            Matcher m = NUMBERED.matcher(line);
            if (m.matches() && Integer.parseInt(m.group(1)) >= 1 && Integer.parseInt(m.group(1)) <= asked.size()) {
                flush(paragraph, between, before, current);
                current = asked.get(Integer.parseInt(m.group(1)) - 1);
                out.put(current, m.group(2).strip());
                newParagraph = false;
            } else if (line.isBlank()) {
                newParagraph = true;
            } else if (current != null && !newParagraph) {
                out.merge(current, line.strip(), (a, b) -> a.isEmpty() ? b : a + "\n" + b);
            } else if (current != null) {
                // "3. Told 02/10/2026 ..." then a blank line and a paragraph on the impact: a mix of numbers and prose
                if (paragraph.length() == 0) flush(paragraph, between, before, null);
                paragraph.append(paragraph.length() == 0 ? "" : "\n").append(line.strip());
            }
        }
        flush(paragraph, between, before, current);
        out.values().removeIf(String::isBlank);
        if (out.isEmpty()) return out;
        for (int i = 0; i < between.size(); i++) {
            String p = between.get(i);
            Map<Slot, String> read = new LinkedHashMap<>();
            for (String sentence : SENTENCE.split(p.strip())) {
                if (sentence.isBlank()) continue;
                for (Slot slot : proseSlots(sentence.toLowerCase(Locale.ROOT))) {
                    if (asked.contains(slot) && !out.containsKey(slot)) read.merge(slot, sentence.strip(), (a, b) -> a + " " + b);
                }
            }
            if (!read.isEmpty()) out.putAll(read);
            else if (before.get(i) != null) out.merge(before.get(i), p, (a, b) -> a + "\n" + b); // more of the answer above it
        }
        return out;
    }

    /** Ends a paragraph between numbered answers, noting the answer it followed. */
    private static void flush(StringBuilder paragraph, List<String> between, List<Slot> before, Slot after) {
        if (paragraph.length() == 0) return;
        between.add(paragraph.toString());
        before.add(after);
        paragraph.setLength(0);
    }

    static Map<Slot, String> labelled(String text, List<Slot> asked) {
        Map<Slot, String> out = new LinkedHashMap<>();
        Slot current = null;
        for (String line : text.split("\\R")) {
            Matcher m = LABELLED.matcher(line);
            Slot s = m.matches() ? slotOfLabel(m.group(1)) : null;
            if (s != null && asked.contains(s)) {
                current = s;
                out.put(s, m.group(2).strip());
            } else if (s != null) {
                current = null; // a label for something not asked: not ours to read
            } else if (current != null && !line.isBlank() && !m.matches()) {
                out.merge(current, line.strip(), (a, b) -> a + "\n" + b);
            }
        }
        return out;
    }

    /** The question a label names: "Role", "Who we are", "Organisation", "Dates", "Raised already", "Can they know it's us". */
    static Slot slotOfLabel(String label) {
        String l = label.toLowerCase(Locale.ROOT).replaceAll("[?()]", "").replaceAll("\\s+", " ").strip();
        if (l.split(" ").length > 7) return null;
        for (var e : LABELS) if (e.getValue().matcher(l).find()) return e.getKey();
        return null;
    }

    /** Words a label uses for each question, tried in this order ("tell the council" is about consent, not the body). */
    private static final List<Map.Entry<Slot, Pattern>> LABELS = List.of(
            Map.entry(Slot.CONSENT, Pattern.compile("confiden|consent|anonym|\\bknow\\b|\\btell\\b|name (shared|given)|share (my|our) name|privacy|identity|"
                    + "name (us|me)\\b|\\bnamed\\b|happy to be|mention (us|me)")),
            Map.entry(Slot.RESPONDENT, Pattern.compile("complain(ed|ing)? (about|against)|complaint (about|against)|\\bconcerned\\b|\\bagainst\\b")),
            Map.entry(Slot.INFORMAL_STEPS, Pattern.compile("\\bsteps?\\b|\\braised\\b|informal|contacted|\\btried\\b|action|done so far|so far|already|previous")),
            Map.entry(Slot.DESIRED_OUTCOME, Pattern.compile("outcome|\\bwant|like to happen|would like|resolution|remedy|asking|request|hope")),
            Map.entry(Slot.DATES, Pattern.compile("\\bdates?\\b|\\bwhen\\b|timeline|timing|deadline")),
            Map.entry(Slot.IMPACT, Pattern.compile("impact|effect|affected|consequence|harm|means for|what it means|difference|who loses|cost to")),
            Map.entry(Slot.ROLE, Pattern.compile("\\brole\\b|capacity|raising|who (we|i|you) (are|am)|are you|\\btype\\b|^(we are|i am|i'm)$")),
            Map.entry(Slot.NAME, Pattern.compile("^(my |your |full |contact |first and last |person's )?name$")),
            Map.entry(Slot.EMAIL, Pattern.compile("e-?mail|contact")),
            Map.entry(Slot.ORGANISATION, Pattern.compile("organi[sz]ation|\\bgroup\\b|charity|\\bclub\\b|\\borg\\b")),
            Map.entry(Slot.AREA, Pattern.compile("\\barea\\b|\\bcompact\\b")),
            Map.entry(Slot.RESPONDENT, Pattern.compile("\\bbody\\b|respondent|council|against|authority")),
            Map.entry(Slot.WHAT_HAPPENED, Pattern.compile("happened|story|details|issue|problem|summary|background|description")));

    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z0-9\"'])|\\R+");

    /** One paragraph (or a few) answering several questions: each sentence is given to the question it answers. */
    static Map<Slot, String> prose(String text, List<Slot> asked) {
        Map<Slot, String> out = new LinkedHashMap<>();
        List<String> sentences = new ArrayList<>();
        for (String s : SENTENCE.split(text.strip())) if (!s.isBlank()) sentences.add(s.strip());
        if (sentences.size() < 2) return out; // one sentence is the answer to the question in hand, not a batch
        for (String s : sentences) {
            String l = s.toLowerCase(Locale.ROOT);
            if (asked.contains(Slot.ORGANISATION) && !out.containsKey(Slot.ORGANISATION)) {
                Matcher org = ORGANISATION_NAME.matcher(s);
                if (org.find()) {
                    // "of Whitmore Reans Community Transport": the name goes on over the capitalised words after the matched part
                    Matcher more = MORE_OF_THE_NAME.matcher(s.substring(org.end()));
                    String tail = more.lookingAt() ? more.group() : "";
                    out.put(Slot.ORGANISATION, ((org.group(1) != null ? org.group(1) : org.group(2)) + tail).strip());
                }
            }
            for (Slot slot : proseSlots(l)) {
                if (!asked.contains(slot)) continue;
                if (slot == Slot.DATES && KeyDates.read(s, UkDates.ANY_DAY).isEmpty()) continue; // only the person's own steps
                out.merge(slot, s, (a, b) -> a + " " + b);
            }
        }
        return out;
    }

    private static final Pattern ROLE_WORDS = Pattern.compile("\\b(we are|we're|we run|i run|i'm|i am|i work|as an?|on behalf of)\\b.*"
            + "\\b(group|club|charity|association|society|trust|network|project|centre|organisation|resident|individual|myself|officer|council|nhs|staff)\\b");
    private static final Pattern IMPACT_WORDS = Pattern.compile("\\b(\\d+|dozens?|hundreds?|many|several|about|around)\\b.*\\b(people|families|children|kids|young|members|"
            + "users|residents|volunteers|staff|jobs|pensioners|older|carers|households|homes|clients|patients|pupils|visitors|attendees|sessions)\\b|"
            + "\\b(lose|losing|lost|close|closing|drop|affect\\w*|impact\\w*|at risk|rely|relies|depend\\w*|go without|miss out|isolat\\w*|"
            + "struggl\\w*|suffer\\w*|redundan\\w*|£\\s?\\d)");
    private static final Pattern STEPS_WORDS = Pattern.compile("\\b(we|i)\\b.{0,40}\\b(emailed|e-mailed|wrote|written|phoned|rang|called|spoke|met|"
            + "raised|contacted|complained|asked|chased|sent|talked|visited|did (ring|phone|call|email|write|speak|contact|ask|talk|raise))\\b|\\b(no reply|no response|heard nothing|haven't heard|not heard|haven't raised|"
            + "have not raised|not raised it|not contacted|haven't contacted)\\b");
    private static final Pattern OUTCOME_WORDS = Pattern.compile("\\b(we want|we'd like|we would like|i want|i'd like|i would like|we hope|"
            + "we're asking|we are asking|asking for|please (restore|reinstate|reverse|extend|consult)|should (restore|reinstate|reverse|extend|consult)|"
            + "restore|reinstate|reverse the|extend the|proper notice|proper consultation)\\b");
    private static final Pattern CONSENT_WORDS = Pattern.compile("\\b(confidential\\w*|anonymous\\w*|know (it was|it's|that it)|tell (them|the council)|"
            + "(my|our) name|who raised|it was (me|us))\\b");

    /** A group's name as people write it in a sentence: "we are Eston Youth Club", "from the Hoole Tots Group". */
    private static final String CAPITALISED_NAME = "((?:the\\s+)?[A-Z][\\w&'-]*(?:\\s+(?:[A-Z][\\w&'-]*|of|and|&|for|the))*\\s+[A-Z][\\w&'-]*)";
    private static final Pattern ORGANISATION_NAME = Pattern.compile("(?:called|named|from|at|of|for|with|run|we are|we're|I'm with|I am with|on behalf of)\\s+"
            + "((?:the\\s+)?[A-Z][\\w&'-]*(?:\\s+(?:[A-Z][\\w&'-]*|of|and|&|for|the))*\\s+(?:Club|Group|Trust|Association|Society|Centre|Center|"
            + "Project|Network|Charity|Bank|Partnership|Forum|Hub|CIC|Ltd|Tots|Collective|Alliance|Foundation|Initiative|Mission|Pantry|Cafe|Café|"
            + "Kitchen|Friends|Players|Choir|Scouts|Guides|Community|Support|Service|Services|Circle|Church|Team|Council))\\b"
            + "|(?:writing for|writing on behalf of|on behalf of|called|named|I'm with|I am with|we run|I run|I help run|I chair)\\s+" + CAPITALISED_NAME);
    private static final Pattern MORE_OF_THE_NAME = Pattern.compile("(\\s+[A-Z][\\w&'-]*)+");
    private static final Pattern TOLD_OR_ENDS = Pattern.compile("\\b(told|notified|informed|letter|notice|received|got|decided|decision|announced|"
            + "ends?|ending|stops?|cut|closes?|closing|from|until|withdrawn|effect|consult\\w*|opened|closed)\\b");

    private static List<Slot> proseSlots(String l) {
        List<Slot> out = new ArrayList<>();
        if (CONSENT_WORDS.matcher(l).find()) {
            out.add(Slot.CONSENT);
            return out; // a sentence about being named is about nothing else
        }
        if (ROLE_WORDS.matcher(l).find()) out.add(Slot.ROLE);
        boolean steps = STEPS_WORDS.matcher(l).find();
        // "we emailed the officer on 5 November" is a step taken, not a date the challenge turns on
        if (UkDates.mentionsADate(l) && (!steps || TOLD_OR_ENDS.matcher(l).find())) out.add(Slot.DATES);
        if (steps) out.add(Slot.INFORMAL_STEPS);
        else if (OUTCOME_WORDS.matcher(l).find()) out.add(Slot.DESIRED_OUTCOME);
        else if (IMPACT_WORDS.matcher(l).find()) out.add(Slot.IMPACT);
        return out;
    }
}
