package org.compactbot.knowledge;

import java.util.regex.Pattern;

/** Recognises a question that reads like a complaint about what a public body did. */
public final class GrievanceSignal {
    private static final String BODY = "(they|the council|councils?|a council|the nhs|nhs|the police|the authority|the ccg|the trust|public bodies|a public body)";
    private static final String OURS = "(our|my|the|their|his|her|mum's|dad's|our club's|the club's)";
    private static final String THING = "(grant|funding|money|contract|service|centre|center|club|group|hub|project|minibus|budget|support|lease|hall|room)";
    private static final Pattern SIGNAL = Pattern.compile(
            "\\b((is|was) (that|this|it) (even |really |actually |at all )?(allowed|legal|lawful|right|fair|ok|okay|acceptable|permitted)"
            + "|are they (even |really )?allowed|can " + BODY + " (just |really |actually |even |simply |legally )?"
            + "|(do|does|must|should|shouldn't|don't|doesn't) " + BODY + " (not )?(have to|need to|legally have to|got to )?(warn|consult|give|tell|notify|ask)"
            + "|they('ve| have)? (cut|reduced|ended|stopped|withdrawn|axed|scrapped|closed|cancelled|ignored|refused|decommissioned|pulled)"
            + "|(cut|axed|scrapped|stopped|ended|withdrew|withdrawn|pulled|stopping|ending|closing|cutting|pulling|withdrawing|scrapping) "
            + OURS + " ([\\w']+ )?" + THING
            + "|" + OURS + " ([\\w']+ ){0,2}" + THING + "\\b.{0,40}\\b(is|are|was|were|will be|being|'s)? ?(stopping|ending|going|cut|pulled|withdrawn|"
            + "closing|stopped|ended|finishing|axed|scrapped|reduced|halved|taken away)"
            + "|(broke|broken|breach(ed)?|breaking) (the )?compact|complain|unfair"
            + "|(without|with hardly any|with little|with no|hardly any|no|only a few|a few|only) (proper |real |any |days'? |weeks'? )*(warning|notice|consultation)"
            + "|(not|never|didn't|did not|without) (properly |even |really )?(consult|ask|tell|warn|involv)\\w*"
            + "|(two|2|one|1|three|3|four|4|few) (days?|weeks?)'? (warning|notice)"
            + "|(losing|lose|lost|lost out on) (its|our|their|the|his|her|my) ([\\w']+ )?(funding|grant|money|contract|lease|hall|room|support)"
            + "|pulled (the|our|their) (plug|money|funding|grant)|(shutting|closing) (down )?(cos|because|as|since)"
            + "|challenge (it|this|that|them|the council|the decision)\\b)",
            Pattern.CASE_INSENSITIVE);

    private GrievanceSignal() {}

    public static boolean in(String text) {
        return SIGNAL.matcher(text).find();
    }
}
