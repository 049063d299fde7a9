package org.compactbot.knowledge;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a question asks whom to contact about the Compact ("who do I contact about the Wolverhampton
 * compact?", "phone number for Redcar compact enquiries"), which the contact block answers, not a passage.
 * A question about "points of contact" the council must offer is about an undertaking, not this. Pure.
 */
public final class ContactQuestion {
    private static final Pattern ASKS = Pattern.compile("\\b("
            + "who (do|should|can|could|would) (i|we|you|one) (contact|ring|call|phone|email|e-mail|write to|speak to|talk to|ask)"
            + "|who (to|should i|should we) (contact|ring|call|phone|email|speak to|talk to)"
            + "|who('s| is) the (contact|person to (contact|ask|speak to))"
            + "|contact (details|info|information|number|person|address|email)"
            + "|(phone|telephone|tel|contact|mobile) (no|number|numbers)"
            + "|email address|e-mail address|postal address"
            + "|get in touch|how (do|can) (i|we) (contact|reach|get hold of)"
            + "|who (runs|looks after|is in charge of|manages|leads on|deals with) the compact"
            + "|(ring|call|phone|email) (about|for|regarding) the compact"
            + "|compact (lead|officer|team) contact"
            + "|(what'?s|whats|what is|need|needs|give me|send me|is there|got) (the |a |an |your |any )?"
            + "(e-?mail|phone|telephone|contact|number|address|email address)(?! of)(?! policy)"
            + ")\\b");
    private static final Pattern NOT = Pattern.compile("\\b(point|points) of contact\\b|\\bsingle contact\\b");

    private ContactQuestion() {}

    public static boolean asks(String question) {
        String q = question.toLowerCase(Locale.ROOT).replace('’', '\'');
        return ASKS.matcher(q).find() && !NOT.matcher(q).find();
    }
}
