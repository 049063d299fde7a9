package org.compactbot.conversation;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message in which the person asks the bot for a human being: "can I talk to a person?", "I'd like to speak to
 * someone", "is there a human I can talk to", "can someone call me", "real person please", "speak to an adviser".
 * Not a person the message is about ("the person who sent the letter", "a person from the council told us"), not
 * someone they spoke to or should speak to at the body ("I tried to speak to someone at the council"), not a "no".
 * Read sentence by sentence, so that a long email with the request in it counts. Pure: table-tested in
 * AsksForAPersonTest.
 */
final class AsksForAPerson {
    private AsksForAPerson() {}

    /** Who people ask for. */
    private static final String WHO = "(?:a |an |some |one of your |one of the |your |the )?(?:real |actual |live |proper |human )?"
            + "(?:person|human(?: being)?|someone|somebody|some one|anyone|anybody|advisers?|advisors?|caseworkers?|case workers?|"
            + "member of (?:staff|the team|your team)|team member|people|staff|officer|manager|operator|"
            + "(?:compact )?lead(?: officer)?)";

    /** Ways of reaching them. */
    private static final String TALK = "(?:talk|speak|chat|have a (?:chat|word|conversation|call)|get through|be put through)"
            + "(?: directly| properly| in person| on the phone)? (?:to|with)"
            + "|contact|reach|get hold of|get in touch with|be put in touch with";

    /** Asking for it oneself: "can I", "I'd like to", "is it possible to", "how do I". */
    private static final String ASK = "(?:can|can't|cannot|could|may|might) (?:i|we)(?: please)?(?: just)?(?: actually)?"
            + "|(?:i|we)(?:'d| would)(?: really| much)? (?:like|love|prefer|rather|sooner)(?: to)?"
            + "|(?:i|we) (?:want|need|wish|wanna|have to|must)(?: to)?|(?:i|we)'?m (?:trying|hoping|wanting) to|let me|please let me"
            + "|is it possible(?: for me| for us)? to|would (?:i|we) be able to|(?:am i|are we) able to|how (?:do|can|could) (?:i|we)"
            + "|is there (?:a |any )?way (?:for me |for us |i can |we can )?(?:to )?|i'd like to|please";

    private static final Pattern ASKS_TO_TALK = Pattern.compile("\\b(?:" + ASK + ") (?:" + TALK + ") " + WHO + "\\b");

    /** "is there a human I can talk to", "is there someone to speak to". */
    private static final Pattern IS_THERE = Pattern.compile("\\bis there (?:a |an |any )?(?:real |actual )?"
            + "(?:person|human(?: being)?|someone|somebody|anyone|anybody|adviser|advisor)(?: real)? "
            + "(?:(?:i|we) (?:can|could|might)(?: ?be able to)? |(?:here |there )?to |who (?:i|we) (?:can|could) )"
            + "(?:talk|speak|chat|contact|ring|call|phone)\\b");

    /** "can someone call me", "I'd like someone to ring me back", "please get a person to contact us". */
    private static final String CALLER = "(?:someone|somebody|some one|a person|a human|a real person|an actual person|an adviser|an advisor|"
            + "one of your (?:team|staff|people|advisers|advisors)|a member of (?:staff|the team|your team)|a caseworker|the compact lead|a lead officer)";
    private static final String CONTACT = "(?:call|ring|phone|contact|email|e-mail|get (?:back )?in touch with|get back to|talk to|speak to|"
            + "speak with|talk with|call (?:me|us) back|ring (?:me|us) back)";
    private static final Pattern CALL_ME = Pattern.compile("(?:^|\\b(?:can|could|would|will|please|may)(?: you)?(?: please)?(?: (?:get|have|ask|arrange for))? "
            + "|\\b(?:i|we)(?:'d| would)? (?:like|want|need|prefer|appreciate)(?: it if)? |\\b(?:get|have|ask|arrange for) )"
            + CALLER + "(?: please)? (?:to )?" + CONTACT + " (?:me|us)\\b");

    /** The whole message is the request: "real person please", "human", "call me back", "put me through to someone". */
    private static final Pattern BARE = Pattern.compile("^(?:(?:please|hi|hello|ok|okay|sorry|look) )*(?:"
            + "(?:a |an )?(?:real |actual |live |proper )?(?:person|human(?: being)?|adviser|advisor|operator|agent)"
            + "|(?:talk|speak|chat) (?:to|with) " + WHO
            + "|(?:i want|i need|get me|give me|find me) (?:a |an )?(?:real |actual |proper )?(?:person|human|adviser|advisor)"
            + "|(?:put me through|transfer me|connect me|pass me|put me in touch) (?:to|with) " + WHO
            + "|(?:call|ring|phone) (?:me|us)(?: back)?|(?:a |request a |i'd like a |i want a |can i have a |can i get a )?(?:call ?back|ring ?back|phone call)"
            + ")(?: (?:please|pls|plz|now|instead|thanks|thank you|mate))*$");

    /** Not wanting the machine: "I don't want to talk to a bot", "stop, I want a human not a robot". */
    private static final Pattern NOT_A_BOT = Pattern.compile("\\b(?:don't|do not|dont) (?:want|wish) to (?:talk|speak|chat) (?:to|with) (?:a |an |the )?"
            + "(?:bot|robot|machine|computer|chatbot|ai)\\b|\\b(?:a|an) (?:person|human) not (?:a |an )?(?:bot|robot|machine|computer)\\b");

    /** Someone at the body concerned (or anywhere else but here): "someone at the council", "a person from the trust". */
    private static final Pattern AT_THE_BODY = Pattern.compile("^(?: (?:senior|else|there|directly|personally|in charge))?"
            + " (?:at|from|in|on|within|of|working (?:at|for)) (?:the |our |their |my |a |your local )?(?:[a-z&']+ ){0,3}"
            + "(?:council|councils|authority|nhs|trust|police|commissioning|commissioners|department|ccg|icb|school|hospital|"
            + "facebook|cabinet|funder|funders|government|cwac|rcbc|gp|surgery)\\b");

    /** Whether the message asks for a person. */
    static boolean in(String text) {
        if (text == null || text.isBlank()) return false;
        String t = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
        for (String sentence : t.split("[.!?;:\\n]+|\\s[-\u2013\u2014]\\s")) {
            String s = sentence.replaceAll("[,()\"*]+", " ").replaceAll("\\s+", " ").strip();
            if (s.isEmpty()) continue;
            if (BARE.matcher(s).matches() || NOT_A_BOT.matcher(s).find()) return true;
            if (asks(ASKS_TO_TALK, s) || asks(IS_THERE, s) || asks(CALL_ME, s)) return true;
        }
        return false;
    }

    /** A match in the sentence that is not about someone at the body concerned. */
    private static boolean asks(Pattern p, String sentence) {
        Matcher m = p.matcher(sentence);
        while (m.find()) {
            String after = sentence.substring(m.end(), Math.min(sentence.length(), m.end() + 60));
            if (!AT_THE_BODY.matcher(after).find()) return true;
        }
        return false;
    }
}
