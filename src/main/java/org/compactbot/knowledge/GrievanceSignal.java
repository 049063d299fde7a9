package org.compactbot.knowledge;

import java.util.regex.Pattern;

/** Recognises a question that reads like a complaint about what a public body did. */
public final class GrievanceSignal {
    private static final Pattern SIGNAL = Pattern.compile(
            "\\b(is (that|this|it) (allowed|legal|right|fair|ok|okay|acceptable)|are they allowed|can they (just )?"
            + "|they('ve| have)? (cut|reduced|ended|stopped|withdrawn|axed|scrapped|closed|cancelled|ignored|refused|decommissioned)"
            + "|(cut|axed|scrapped|stopped|ended|withdrew|withdrawn|pulled) (our|my|the) (grant|funding|contract|money|service)"
            + "|(broke|broken|breach(ed)?|breaking) (the )?compact|complain|unfair|without (any )?(warning|notice|consultation)"
            + "|no (warning|notice|consultation)|(two|2|one|1|three|3|four|4) weeks?'? (warning|notice))",
            Pattern.CASE_INSENSITIVE);

    private GrievanceSignal() {}

    public static boolean in(String text) {
        return SIGNAL.matcher(text).find();
    }
}
