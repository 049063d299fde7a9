package org.compactbot.conversation;

import java.time.LocalDate;

/**
 * Hands a conversation to a person: the area's Compact lead (or, for a person to be kept from the body whose officer the
 * lead is, an independent mediator) is emailed the conversation so far and how to reach the
 * person, and says who that is and by when they will be in touch. A port: the cases package implements it
 * ({@code cases.HandingToAPerson}), so that the dialogue knows no directory and no outbox.
 */
public interface PersonHandover {
    /** Where nobody is configured (a conversation without the mediators file): nothing is sent. */
    PersonHandover NONE = r -> new Handed.NoLead(r.area());

    Handed handOver(Request request);

    /**
     * Who asked and how to reach them.
     *
     * @param conversation the conversation (its channel and key: an email address, a Slack team and user)
     * @param area         the area whose lead is asked (never null)
     * @param name         the name they gave, or null
     * @param email        the email address they gave (or the one they wrote from), or null
     * @param phone        the phone number they gave, or null
     * @param organisation their group, or null
     * @param respondent   the body they are concerned about, or null
     * @param confidential they asked that their name is kept from that body
     * @param latest       the message in which they asked (not yet in the stored transcript)
     * @param caseRef      their case, if the conversation raised one, or null
     * @param today        the day they asked
     */
    record Request(ConversationId conversation, String area, String name, String email, String phone, String organisation,
                   String respondent, boolean confidential, String latest, String caseRef, LocalDate today) {}

    /** What came of it. */
    sealed interface Handed {
        /**
         * Someone was emailed: {@code who} (the area's lead, or an independent mediator; their name or role, as the person
         * is told it) will be in touch by {@code by}.
         */
        record Asked(String who, LocalDate by) implements Handed {}

        /**
         * Nothing was sent: the person asked to be kept from {@code body}, the area's lead ({@code lead}, at {@code leadEmail})
         * is that body's officer, and no independent mediator could take it.
         */
        record Withheld(String lead, String body, String leadEmail) implements Handed {}

        /** No Compact lead is configured for the area: nothing was sent. */
        record NoLead(String area) implements Handed {}
    }
}
