package org.compactbot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What counts as an email address, in one place for the bot's own address (config), the mediators, leads and bodies
 * (mediators.yml), the addresses read out of a broken mail header, and the address a person gives while raising a
 * challenge (the email slot, {@code ChallengeFlow}). It lives here, the lowest of the core packages, so that
 * conversation, cases, config and mail can all use it (cases already builds on conversation). An RFC 5322 dot-atom local part (at most 64
 * characters), then a domain name of two or more labels (letters, digits and inner hyphens, at most 63 each) whose
 * last label is not all digits, at most 254 characters in all. Display names, angle brackets, lists, address literals
 * and dotless hosts are not addresses. Pure: no look-up of the domain.
 */
public final class EmailAddress {
    private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern ADDRESS = Pattern.compile(
            ATEXT + "+(?:\\." + ATEXT + "+)*@" + LABEL + "(?:\\." + LABEL + ")*\\.(?![0-9]+(?![A-Za-z0-9-]))" + LABEL);
    /** An address inside other text: not glued to more address characters on either side. */
    private static final Pattern IN_TEXT = Pattern.compile("(?<![A-Za-z0-9!#$%&'*+/=?^_`{|}~.@-])" + ADDRESS.pattern()
            + "(?![A-Za-z0-9@-]|\\.[A-Za-z0-9])");

    private EmailAddress() {}

    /** Whether the whole text, as given (no spaces trimmed), is one address. */
    public static boolean isValid(String text) {
        if (text == null || text.length() > 254) return false;
        int at = text.lastIndexOf('@');
        return at > 0 && at <= 64 && ADDRESS.matcher(text).matches();
    }

    /** The addresses found in free text, in order, at most {@code limit}. */
    public static List<String> findIn(String text, int limit) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        Matcher m = IN_TEXT.matcher(text);
        while (out.size() < limit && m.find()) if (isValid(m.group())) out.add(m.group());
        return out;
    }
}
