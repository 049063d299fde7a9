package org.compactbot.conversation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Questions about the challenge process itself, which no Compact text answers but a caseworker would: who will see
 * what I write, what happens next, is it confidential, what is a Compact, does it cost anything. Pure: table-tested in
 * ProcessAnswersTest.
 */
public final class ProcessAnswers {
    private ProcessAnswers() {}

    private static final List<Map.Entry<Pattern, String>> TOPICS = List.of(
            Map.entry(Pattern.compile("\\b(who|which people)\\b.{0,40}\\b(see|read|get|gets|receive|look at|have access|know|be told|sees|reads)\\b|"
                    + "\\bwho (is|are) (it|this) (going|sent) to\\b|\\bwhere does (it|this) go\\b"),
                    "Your challenge goes to an independent mediator appointed by the Compact Implementation Group (or, if none is free, "
                            + "to the area's Compact lead). The public body concerned is told about the challenge, but if you ask for "
                            + "confidentiality your name and organisation are kept from them. Nothing is published."),
            Map.entry(Pattern.compile("\\b((is|will|can) (it|this|my name|our name|everything|what i write) (be )?(kept )?(confidential|anonymous|private)|"
                    + "get (us|me) (in|into) trouble|count against (us|me)|(any )?repercussions?|backlash|punish(ed)? (us|me)|"
                    + "will they know (it was|it's|who) |will (the council|they) find out)\\b"),
                    "You choose whether the body concerned may be told it was you: if not, only the mediator sees your name and "
                            + "organisation. The Compact says a challenge should not have adverse financial or other consequences for "
                            + "the group raising it."),
            Map.entry(Pattern.compile("\\b(what happens (next|after|then|now)|after (i|we) (submit|send)|how long (will|does|do) (it|this|they|the process)|"
                    + "when will (i|we) hear|what('s| is) the process|how does (it|this|the process) work)\\b"),
                    "When you submit, you get a reference such as CC-2026-0001. The challenge is acknowledged within 5 working days and "
                            + "passed to an independent mediator, who should take it on within 2 working days and will contact you; a "
                            + "formal response is due within 20 working days. You can ask for the status at any time."),
            Map.entry(Pattern.compile("\\b(what (is|'s) (a|the|this) (local )?compact|what('s| is) (a |the )?compact|never heard of (it|the compact)|"
                    + "what does compact mean)\\b"),
                    "A local Compact is an agreement between the council (and other public bodies such as the NHS and the police) and "
                            + "the voluntary and community sector about how they work together: for example giving proper notice before "
                            + "changing or ending funding, and consulting properly before decisions that affect groups."),
            Map.entry(Pattern.compile("\\b(what (is|'s|does) (a |the )?mediator|who (is|are) the mediators?|is the mediator independent)\\b"),
                    "A mediator is an independent person appointed by the Compact Implementation Group, from neither your group nor the "
                            + "body concerned. They look at the facts, talk to both sides and help you reach an agreement."),
            Map.entry(Pattern.compile("\\b((does|will) (it|this|a challenge) cost|is (it|this) free|do (we|i) (have to )?pay|is there a (fee|charge))\\b"),
                    "Raising a Compact challenge costs nothing."));

    /** The bot's own answer to a question about the process, if the question is one. */
    public static Optional<String> to(String question) {
        String t = Agreement.normalise(question);
        for (var e : TOPICS) if (e.getKey().matcher(t).find()) return Optional.of(e.getValue());
        return Optional.empty();
    }
}
