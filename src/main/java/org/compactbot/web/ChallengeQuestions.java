package org.compactbot.web;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.compactbot.conversation.Slot;

/**
 * How the web asks each of the intake's questions, one per page, in the GOV.UK Design System's words: the page's
 * address, its heading, hint and kind of field, what to say when a question that must be answered is left blank, and
 * its row on "Check your answers". The questions, their order and how answers are read are the engine's ({@link Slot}).
 */
enum ChallengeQuestions {
    AREA(Slot.AREA, "Which area's Compact is your challenge about?", "Choose where the public body is.", Kind.RADIOS,
            "Select the area whose Compact your challenge is about", "Area", null),
    ROLE(Slot.ROLE, "Who are you raising this challenge as?", null, Kind.RADIOS,
            "Select who you are raising this challenge as", "Raising it as", null),
    NAME(Slot.NAME, "What is your name?", "It goes to the mediator. You can ask for it to be kept from the body concerned later on.",
            Kind.TEXT, "Enter your name", "Name", "name"),
    ORGANISATION(Slot.ORGANISATION, "Which organisation or group are you from?",
            "Leave this blank if you are raising this as an individual.", Kind.TEXT, null, "Organisation", "organization"),
    EMAIL(Slot.EMAIL, "What is your email address?", "We will send your reference and updates about your challenge to this address.",
            Kind.EMAIL, "Enter your email address", "Email address", "email"),
    RESPONDENT(Slot.RESPONDENT, "Which public body is your challenge about?",
            "For example the council, an NHS body or the police. Name the department or officer too if you know them.", Kind.TEXT,
            "Enter the public body your challenge is about", "Public body", null),
    WHAT_HAPPENED(Slot.WHAT_HAPPENED, "What happened?", "In your own words: what the body did or did not do, and when. A few sentences is plenty.",
            Kind.TEXTAREA, "Enter what happened", "What happened", null),
    UNDERTAKINGS(Slot.UNDERTAKINGS, "Which Compact undertakings were not kept?", null, Kind.CHECKBOXES, null, "Undertakings not kept", null),
    DATES(Slot.DATES, "What are the key dates?", "For example \"told on 3 November 2026, takes effect 30 November 2026\", or for a "
            + "consultation \"opened 1 October 2026, closed 29 October 2026\". Leave this blank if there are none.", Kind.TEXT, null, "Key dates", null),
    IMPACT(Slot.IMPACT, "What is the impact?", "For example how many people are affected, staff at risk, or money involved. "
            + "Leave this blank if you are not sure.", Kind.TEXTAREA, null, "Impact", null),
    INFORMAL_STEPS(Slot.INFORMAL_STEPS, "Have you already raised this with the body directly?",
            "When, with whom, and what they said. Leave this blank if you have not.", Kind.TEXTAREA, null, "Steps already taken", null),
    DESIRED_OUTCOME(Slot.DESIRED_OUTCOME, "What would you like to happen?",
            "For example: funding restored until proper notice is given, or a proper 12-week consultation.", Kind.TEXTAREA,
            "Enter what you would like to happen", "Outcome you want", null),
    CONSENT(Slot.CONSENT, "May the body concerned be told that you raised this challenge?",
            "Your challenge always goes to an independent mediator. A challenge should never count against the group raising it.",
            Kind.RADIOS, "Select whether the body may be told that you raised this challenge", "Confidentiality", null);

    /** The kind of field a page has. */
    enum Kind { TEXT, EMAIL, TEXTAREA, RADIOS, CHECKBOXES }

    final Slot slot;
    final String heading;
    final String hint;
    final Kind kind;
    /** What the error summary says when the question is left blank; null where blank is a skip. */
    final String blank;
    /** The row's key on "Check your answers". */
    final String checkKey;
    /** The input's autocomplete token, or null. */
    final String autocomplete;

    ChallengeQuestions(Slot slot, String heading, String hint, Kind kind, String blank, String checkKey, String autocomplete) {
        this.slot = slot;
        this.heading = heading;
        this.hint = hint;
        this.kind = kind;
        this.blank = blank;
        this.checkKey = checkKey;
        this.autocomplete = autocomplete;
    }

    /** The page's last part of the address, the slot's id with hyphens ("what-happened"); also its field's id and name. */
    String path() {
        return slot.id().replace('_', '-');
    }

    /** The page asking for this slot: "/challenge/what-happened". */
    String href() {
        return "/challenge/" + path();
    }

    /** The heading, naming the body where the question is about it. */
    String heading(String respondent) {
        return this == CONSENT && respondent != null ? "May " + shorten(respondent) + " be told that you raised this challenge?" : heading;
    }

    /** The questions in the order they are asked. */
    static List<ChallengeQuestions> inOrder() {
        return List.of(values());
    }

    static Optional<ChallengeQuestions> at(String path) {
        return Arrays.stream(values()).filter(q -> q.path().equals(path)).findFirst();
    }

    static ChallengeQuestions of(Slot slot) {
        return Arrays.stream(values()).filter(q -> q.slot == slot).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(slot + " has no page"));
    }

    /** The question before this one, or null for the first. */
    ChallengeQuestions previous() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= 80 ? one : one.substring(0, 79) + "…";
    }
}
