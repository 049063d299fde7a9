package org.compactbot.conversation;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compactbot.knowledge.AnswerService;

/**
 * "Can I talk to a person?", at any point and in any channel: the area's Compact lead is asked to contact the person
 * ({@link PersonHandover}), with the conversation so far and how to reach them, and the person is told who will be in
 * touch and by when. The draft is kept: they can carry on or stop. The area is the challenge's, or the one their words
 * name, or (several areas, none named) asked for; where the channel gives no way back to them (web or terminal chat)
 * and they have given no email, an email address or phone number is asked for first. Asked again before the promised
 * day, nothing more is sent and they are told so. After two turns in a row the bot did not understand, it offers a
 * person itself.
 */
final class PersonRequest {
    /** Turns in a row not understood before the bot offers a person. */
    static final int OFFER_AFTER = 2;
    /** A message longer than this says more than the request: after the handover it is read as usual too. */
    private static final int REQUEST_ALONE_WORDS = 14;
    private static final Pattern PHONE = Pattern.compile("(?<![\\d+])(?:\\+44|0)[\\d\\s()-]{8,16}\\d(?!\\d)");
    static final Reply.Choice TALK_TO_A_PERSON = new Reply.Choice("Talk to a person", "talk to a person");

    /** What the turn still needs after the person request had its say. */
    enum Next { DONE, READ_AS_USUAL }

    private final PersonHandover handover;
    private final Intake intake;
    private final ChallengeFlow flow;
    private final AnswerService answers;

    PersonRequest(PersonHandover handover, Intake intake, AnswerService answers) {
        this.handover = handover;
        this.intake = intake;
        this.flow = intake.flow();
        this.answers = answers;
    }

    /** Acts on a request for a person, or on the reply to its question; otherwise leaves the turn to be read as usual. */
    Next act(Turn t) {
        Conversation c = t.c;
        boolean offered = c.person.offered(); // an offer stands for one reply
        c.person = c.person.withMisunderstood(c.person.misunderstood(), false);
        if (c.person.waitingFor() == PersonNotes.Waiting.AREA) return areaGiven(t);
        if (c.person.waitingFor() == PersonNotes.Waiting.CONTACT) return contactGiven(t);
        boolean takesUpOffer = offered && c.state() instanceof DialogueState.Idle && c.offeredFor == null && Agreement.takesUp(t.text);
        if (!takesUpOffer && !AsksForAPerson.in(t.text)) return Next.READ_AS_USUAL;
        if (c.person.handedOverAsOf(t.today)) {
            t.say("I have already asked " + apposed(c.person.who()) + " to contact you (on " + Wording.date(c.person.askedOn()) + "), so I have not "
                    + "sent a second request. They will be in touch by " + Wording.date(c.person.by()) + ".");
            return carryOn(t);
        }
        String area = area(t);
        if (area == null) {
            c.person = c.person.waiting(PersonNotes.Waiting.AREA, null);
            t.say(Reply.of("I can ask a person to contact you. Which area's Compact is this about?", flow.prompt(Slot.AREA, c).choices()));
            return Next.DONE;
        }
        return reachOrAsk(t, area);
    }

    private Next areaGiven(Turn t) {
        Conversation c = t.c;
        Validation v = flow.read(Slot.AREA, t.text, c, t.today);
        if (v instanceof Validation.Accepted ok) return reachOrAsk(t, ok.value());
        c.person = c.person.notWaiting();
        t.say("I haven't passed anything on yet. Say \"talk to a person\" whenever you would like someone to contact you.");
        return Next.READ_AS_USUAL;
    }

    private Next contactGiven(Turn t) {
        Conversation c = t.c;
        String area = c.person.area();
        c.person = c.person.notWaiting();
        Optional<String> email = EmailAddress.findIn(t.text, 1).stream().findFirst();
        Optional<String> phone = phone(t.text);
        if (email.isEmpty() && phone.isEmpty()) {
            t.say("Without an email address or phone number nobody can get back to you, so I haven't passed anything on. Say "
                    + "\"talk to a person\" again whenever you are ready.");
            return Agreement.of(t.text) == Agreement.DECLINE || t.text.split("\\s+").length <= 3 ? carryOn(t) : Next.READ_AS_USUAL;
        }
        return handOver(t, area, email.orElse(null), phone.orElse(null));
    }

    /** Hands over when the person can be reached; otherwise asks how. */
    private Next reachOrAsk(Turn t, String area) {
        Conversation c = t.c;
        String email = givenEmail(c).or(() -> EmailAddress.findIn(t.text, 1).stream().findFirst()).orElse(null);
        String phone = phone(t.text).orElse(null);
        if (email == null && phone == null && !channelReachesThem(c)) {
            c.person = c.person.waiting(PersonNotes.Waiting.CONTACT, area);
            t.say("I can ask " + Wording.areaName(area) + "'s Compact lead to contact you. What email address or phone number should they use?");
            return Next.DONE;
        }
        return handOver(t, area, email, phone);
    }

    private Next handOver(Turn t, String area, String email, String phone) {
        Conversation c = t.c;
        ConversationId id = ConversationId.parse(c.id());
        if (email == null && id.channel() == Channel.MAIL) email = id.key();
        PersonHandover.Request r = new PersonHandover.Request(id, area, given(c, Slot.NAME), email, phone, given(c, Slot.ORGANISATION),
                given(c, Slot.RESPONDENT), ConsentAnswer.CONFIDENTIAL.equals(c.answer(Slot.CONSENT)), t.text, c.lastCaseRef(), t.today);
        PersonHandover.Handed handed = handover.handOver(r);
        if (handed instanceof PersonHandover.Handed.Asked to) {
            c.person = c.person.handedOver(t.today, to.by(), to.who());
            String how = phone != null && email == null ? "by phone on " + phone
                    : email != null ? "by email at " + email + (phone != null ? " or by phone on " + phone : "")
                    : id.channel() == Channel.SLACK ? "on Slack" : "";
            t.say("I have asked " + apposed(to.who()) + " to contact you" + (how.isEmpty() ? "" : " " + how) + ". They will be in touch by "
                    + Wording.date(to.by()) + " (within 2 working days), and they have our conversation so far, so you won't need to "
                    + "repeat yourself.");
        } else if (handed instanceof PersonHandover.Handed.Withheld w) {
            t.say("You asked for your name to be kept from " + w.body() + ", and " + w.lead() + " works for " + w.body()
                    + ", so I have not passed your details to them. No independent mediator for " + Wording.areaName(area)
                    + " can take this just now. If you are content for " + w.lead() + " to know who you are, you can write to them yourself at "
                    + w.leadEmail() + ". You can also raise a Compact challenge here; whoever takes it up, your name is kept from " + w.body() + ".");
        } else {
            t.say("I'm sorry: there is no Compact lead set up for " + Wording.areaName(area) + " that I can pass this to. You can still raise "
                    + "a Compact challenge here, and it will go to an independent mediator.");
        }
        return carryOn(t);
    }

    /** After the handover: a message that said more is read as usual; otherwise the person is told they can go on or stop. */
    private Next carryOn(Turn t) {
        if (t.text.split("\\s+").length > REQUEST_ALONE_WORDS) return Next.READ_AS_USUAL;
        Conversation c = t.c;
        if (c.state() instanceof DialogueState.Collecting col) {
            t.say("Your answers so far are kept: you can carry on with the challenge now, or stop here and come back to it later.");
            if (!Channel.named(c.channel()).asksAllAtOnce()) t.say(intake.prompt(c, col.slot()));
        } else if (c.state() instanceof DialogueState.Idle) {
            t.say("Meanwhile, you can still ask me about the Compact.");
        }
        return Next.DONE;
    }

    /**
     * After the turn: counts the turns in a row the bot could not understand; at {@link #OFFER_AFTER} it offers a person
     * (not while a request is waiting or after a handover whose day has not passed), just before the question asked again.
     */
    void afterTurn(Turn t) {
        Conversation c = t.c;
        if (!t.misunderstood) {
            c.person = c.person.withMisunderstood(0, c.person.offered());
            return;
        }
        int n = c.person.misunderstood() + 1;
        if (n >= OFFER_AFTER && c.person.waitingFor() == null && !c.person.handedOverAsOf(t.today)) {
            Reply offer = Reply.of("Would you like a person to contact you? Say \"talk to a person\" and I'll ask your area's Compact lead "
                    + "to get in touch.", List.of(TALK_TO_A_PERSON));
            // while a challenge is raised, the question asked again stays the last thing said
            if (c.state() instanceof DialogueState.Collecting && !t.replies.isEmpty()) t.replies.add(t.replies.size() - 1, offer);
            else t.say(offer);
            c.person = c.person.withMisunderstood(0, true);
            return;
        }
        c.person = c.person.withMisunderstood(n, false);
    }

    /** The challenge's area, or the one the person's words name, or the only one there is; null when it must be asked. */
    private String area(Turn t) {
        Conversation c = t.c;
        String chosen = given(c, Slot.AREA);
        if (chosen != null) return chosen;
        for (String said : new String[] {t.text, given(c, Slot.WHAT_HAPPENED), c.lastQuestion, c.offeredFor}) {
            if (said == null) continue;
            Optional<String> found = answers.areaDetector().detect(said);
            if (found.isPresent()) return found.get();
        }
        List<String> areas = answers.knownAreas();
        return areas.size() == 1 ? areas.get(0) : null;
    }

    /** Email and Slack reach the person where they wrote; the web and terminal chats do not. */
    private static boolean channelReachesThem(Conversation c) {
        Channel ch = Channel.named(c.channel());
        return ch == Channel.MAIL || ch == Channel.SLACK;
    }

    private static Optional<String> givenEmail(Conversation c) {
        String e = given(c, Slot.EMAIL);
        return e != null && EmailAddress.isValid(e) ? Optional.of(e) : Optional.empty();
    }

    /** An answer the person gave (not skipped or left for a caseworker), or null. */
    private static String given(Conversation c, Slot s) {
        String v = c.answer(s);
        return v == null || v.isBlank() || v.startsWith("(") ? null : v;
    }

    static Optional<String> phone(String text) {
        Matcher m = PHONE.matcher(text == null ? "" : text);
        while (m.find()) {
            long digits = m.group().chars().filter(Character::isDigit).count();
            if (digits >= 10 && digits <= 12) return Optional.of(m.group().strip());
        }
        return Optional.empty();
    }

    /** "Priya Shah, an independent Compact mediator" closed with its comma before the sentence goes on. */
    private static String apposed(String who) {
        return who.contains(", ") ? who + "," : who;
    }
}
