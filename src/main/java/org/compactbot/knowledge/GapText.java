package org.compactbot.knowledge;

import java.util.regex.Pattern;

/**
 * A question as kept in the knowledge gaps list: no email addresses, phone numbers, postcodes or web
 * addresses, and no "my name is ..." or sign-off names; white space folded and cut to 300 characters.
 * What is left is what a person asked, not who they are. Pure.
 */
public final class GapText {
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(?:\\+44\\s?|0)\\d[\\d\\s-]{8,12}\\d(?!\\d)");
    private static final Pattern POSTCODE = Pattern.compile("(?i)\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[A-Z]{2}\\b");
    private static final Pattern WEB = Pattern.compile("(?i)\\bhttps?://\\S+|\\bwww\\.\\S+");
    private static final Pattern NAMED = Pattern.compile("\\b((?i:my name is|i am called|i'm called|this is|name:))\\s+\\p{Lu}[\\p{L}'-]+(\\s+\\p{Lu}[\\p{L}'-]+)?");
    private static final Pattern SIGN_OFF = Pattern.compile("\\b((?i:thanks|thank you|regards|cheers|best wishes|many thanks|kind regards))[,!.]?\\s+\\p{Lu}[\\p{L}'-]+(\\s+\\p{Lu}[\\p{L}'-]+)?\\s*$");
    public static final int MAX = 300;

    private GapText() {}

    public static String of(String question) {
        String s = ContactBlocks.EMAIL.matcher(question).replaceAll("[email]");
        s = WEB.matcher(s).replaceAll("[web address]");
        s = PHONE.matcher(s).replaceAll("[phone]");
        s = POSTCODE.matcher(s).replaceAll("[postcode]");
        s = NAMED.matcher(s).replaceAll("$1 [name]");
        s = SIGN_OFF.matcher(s.strip()).replaceAll("$1");
        s = s.replaceAll("\\s+", " ").strip();
        return s.length() > MAX ? s.substring(0, MAX) : s;
    }
}
