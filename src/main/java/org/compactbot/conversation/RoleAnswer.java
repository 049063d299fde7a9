package org.compactbot.conversation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who is raising the challenge, from how people describe themselves: "youth club, all volunteers", "we're a parent and
 * toddler group", "I'm a council officer raising it for a group we fund", "just me, I'm a carer for my mum". Pure:
 * table-tested in RoleAnswerTest.
 */
public final class RoleAnswer {
    public static final String GROUP = "group", PUBLIC_BODY = "public-body", INDIVIDUAL = "individual";

    private RoleAnswer() {}

    private static final Pattern ALONE = Pattern.compile("\\b(just me|only me|myself|on my own|by myself|not (from|in|part of|with|a member of|a member of) (a|an|any|the|their|that|this)( \\w+)? "
            + "(group|organisation|organization|charity|club)|no group|not a group|not representing|as an individual|an individual|individual|"
            + "private (person|individual|citizen)|personally|in a personal capacity)\\b");
    private static final Pattern OFFICIAL = Pattern.compile("\\b((i|we) work (for|at|in) (the )?(council|nhs|police|ccg|icb|local authority|authority|trust|hospital|"
            + "city council|borough council)|council (officer|staff|employee|worker)|(an |a )?officer (at|for|of|with) the|(i'm|i am) (an? )?(officer|commissioner|"
            + "employee|member of staff)|public (body|sector) (staff|worker|employee)|staff (of|at|from) (a|the) (public|council|nhs)|(i.m|i am|im|we.re|we are) (\\w+ )?from the council|"
            + "on behalf of the council|nhs staff|police staff|statutory|public body|public-body|staff of a public body|work for a public|"
            + "clerk (to|of|for) the (\\w+ )?council|(town|parish|city|borough|county|district) council (clerk|officer)|councillor|commissioner|"
            + "civil servant|(employed|hired) (by|at) (the |a )?(council|nhs|police|local authority|authority|trust)|(i'm|i am|im) (at|with) the (council|nhs|police)|"
            + "(nhs|police|council|icb|ccg) (manager|lead|worker|employee|officer))\\b");
    private static final Pattern GROUP_WORDS = Pattern.compile("\\b(group|club|charity|charities|association|society|trust|volunteers|volunteer[- ]run|"
            + "voluntary|community|committee|chair|chairperson|secretary|treasurer|coordinator|co-ordinator|trustee|trustees|cic|social enterprise|"
            + "church|mosque|temple|gurdwara|faith|network|forum|project|hub|centre|center|foodbank|food bank|pantry|tots|playgroup|lunch club|"
            + "organisation|organization|vcs|vcse|third sector|we run|we are an?|we're an?|our)\\b");
    private static final Pattern PERSON = Pattern.compile("\\b(member of the public|resident|carer|parent|local person|person|citizen|service user|user of|me|i'm|i am|my mum|"
            + "my dad|my son|my daughter|taxpayer)\\b");

    /** The role the reply describes, if it describes one. */
    public static Optional<String> read(String text) {
        return reading(text).map(Reading::role);
    }

    /** The role read, and how sure the reading is (see {@link Validation#SURE}). */
    public record Reading(String role, double confidence) {}

    /** Words that only hint at a person on their own ("me", "I am"): kept only once the person confirms. */
    private static final Pattern WEAK_PERSON = Pattern.compile("^(me|i'm|i am|im|person|my mum|my dad|my son|my daughter)$");

    /** The role the reply describes, if it describes one, with how sure the reading is. */
    public static Optional<Reading> reading(String text) {
        String t = Agreement.normalise(text);
        if (t.isEmpty()) return Optional.empty();
        double hedged = Hedge.in(t) ? Hedge.CONFIDENCE : 1.0;
        if (t.matches("(the )?(1|one|first|1st|first one|option 1|a)( one)?")) return Optional.of(new Reading(GROUP, 1.0));
        if (t.matches("(the )?(2|two|second|2nd|second one|option 2|b|middle)( one)?")) return Optional.of(new Reading(PUBLIC_BODY, 1.0));
        if (t.matches("(the )?(3|three|third|3rd|third one|option 3|c|last)( one)?")) return Optional.of(new Reading(INDIVIDUAL, 1.0));
        if (OFFICIAL.matcher(t).find()) return Optional.of(new Reading(PUBLIC_BODY, Math.min(hedged, 0.95)));
        if (ALONE.matcher(t).find()) return Optional.of(new Reading(INDIVIDUAL, Math.min(hedged, 0.95)));
        if (GROUP_WORDS.matcher(t).find()) return Optional.of(new Reading(GROUP, Math.min(hedged, 0.9)));
        Matcher person = PERSON.matcher(t);
        boolean strong = false, any = false;
        while (person.find()) {
            any = true;
            strong |= !WEAK_PERSON.matcher(person.group()).matches();
        }
        if (any) return Optional.of(new Reading(INDIVIDUAL, Math.min(hedged, strong ? 0.9 : 0.6)));
        return Optional.empty();
    }
}
