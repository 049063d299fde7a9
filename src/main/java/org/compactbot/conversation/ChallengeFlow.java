package org.compactbot.conversation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The challenge intake in one place: the order of the slots, what each asks, the help for it,
 * and how each answer is read and checked. Pure: no storage, no channel.
 */
public final class ChallengeFlow {
    static final List<Slot> ORDER = List.of(Slot.values());
    static final String LEFT_FOR_CASEWORKER = "(left for a caseworker to complete)";
    static final int MAX_ANSWER = 5000;
    /** The choices at the summary. */
    static final List<Reply.Choice> SUBMIT_OR_CHANGE = List.of(new Reply.Choice("Yes, submit it", "yes"), new Reply.Choice("Change something", "change"));

    private final List<String> areas;
    private static final Map<String, String> ROLE_LABELS = Map.of(RoleAnswer.GROUP, "A voluntary or community group",
            RoleAnswer.PUBLIC_BODY, "Staff of a public body", RoleAnswer.INDIVIDUAL, "An individual");

    public ChallengeFlow(List<String> areas) {
        this.areas = List.copyOf(areas);
    }

    /** The first slot, in order, that has no answer yet (CONFIRM when all are answered). */
    static Slot firstOpen(Conversation c) {
        for (Slot s : ORDER) if (open(c, s)) return s;
        return Slot.CONFIRM;
    }

    /** Whether the slot is still to be asked: not answered, or dates read from the story without words saying which is which. */
    static boolean open(Conversation c, Slot s) {
        return !c.has(s) || (s == Slot.DATES && c.notes().datesUnsure());
    }

    /** The slot to ask after {@code answered}: a correction returns where it came from. */
    static Slot next(Conversation c, Slot answered, Slot returnTo) {
        if (returnTo != null) return returnTo == Slot.CONFIRM ? firstOpen(c) : returnTo;
        return firstOpen(c);
    }

    Reply prompt(Slot slot, Conversation c) {
        return switch (slot) {
            case AREA -> Reply.of("Which area's Compact is this about?", areaChoices());
            case ROLE -> Reply.of("Are you raising this as:", List.of(
                    new Reply.Choice("A voluntary or community group", "group"),
                    new Reply.Choice("Staff of a public body", "public-body"),
                    new Reply.Choice("An individual", "individual")));
            case NAME -> Reply.of("What is your name?");
            case ORGANISATION -> Reply.of("Which organisation or group are you from? (Say skip if none.)");
            case EMAIL -> Reply.of("What email address should we use to contact you about this challenge?");
            case RESPONDENT -> Reply.of("Which public body is this about (for example the council, an NHS body or the police)? "
                    + "Name the department or officer too if you know them.");
            case WHAT_HAPPENED -> Reply.of("Please tell me what happened, in your own words.");
            case UNDERTAKINGS -> undertakingsPrompt(c);
            case DATES -> Reply.of("What are the key dates? For example: \"told on 3 Nov 2026, takes effect 30 Nov 2026\", "
                    + "or for a consultation \"opened 1 Oct 2026, closed 29 Oct 2026\". (Say skip if there are none.)");
            case IMPACT -> Reply.of("What is the impact? For example how many people are affected, staff at risk, or money involved. (Say skip if you are not sure.)");
            case INFORMAL_STEPS -> Reply.of("Have you already raised this with the body directly? When, with whom, and what did they say? (Say skip if not.)");
            case DESIRED_OUTCOME -> Reply.of("What would you like to happen as a result of this challenge?");
            case CONSENT -> Reply.of("Your challenge will be shared with an independent mediator. May "
                    + respondentName(c) + " be told that you raised it?", List.of(
                    new Reply.Choice("Yes, they may know it was me", "share"),
                    new Reply.Choice("No, keep my name confidential from them", "confidential")));
            case CONFIRM -> Reply.of(summary(c) + "\n\nIs this right? Say yes to submit your challenge, or \"change\" and the item to correct it (e.g. \"change email\").",
                    SUBMIT_OR_CHANGE);
        };
    }

    /**
     * The question asked another way, for a second try that still was not understood: never the same prompt a third
     * time, and the options spelled out.
     */
    Reply rephrase(Slot slot, Conversation c) {
        Reply asked = prompt(slot, c);
        String other = switch (slot) {
            case AREA -> "Let me put it another way: where is the public body? A town or council is enough, for example "
                    + areaList() + ".";
            case ROLE -> "Put another way: are you writing for a group or charity, do you work for the council or another public body, "
                    + "or is it just you?";
            case NAME -> "Just your name, please, for example Sam Patel.";
            case EMAIL -> "Which email address can we reach you at? It looks like name@example.org.";
            case DATES -> "Let me ask it differently: on what date were you told, and on what date does the change happen? For example "
                    + "\"told 3/11/2026, ends 30/11/2026\". If you don't know, say skip.";
            case UNDERTAKINGS -> "Put another way: which number fits best" + (c.suggestions().isEmpty() ? "" : ", 1 to " + c.suggestions().size())
                    + "? Or say none if none of them does.";
            case CONSENT -> "To put it simply: may " + respondentName(c) + " know it was you? Yes or no.";
            case WHAT_HAPPENED -> "In a sentence or two: what did the body do, and when?";
            case DESIRED_OUTCOME -> "In a sentence: what would put this right for you?";
            default -> asked.text();
        };
        return new Reply(other, asked.choices(), asked.quotes());
    }

    String help(Slot slot) {
        String specific = switch (slot) {
            case AREA -> "Choose the area whose Compact applies: where the public body is. Reply with the number or the name.";
            case ROLE -> "This tells the mediator who is raising the challenge. Reply with the number or in words.";
            case NAME -> "Your name goes to the mediator; you can ask for it to be kept from the body concerned later on.";
            case ORGANISATION -> "The group or organisation affected. If you are raising this as an individual, say skip.";
            case EMAIL -> "We send your case reference and updates to this address, for example name@example.org.";
            case RESPONDENT -> "The public body whose action you are challenging, e.g. \"Cheshire West and Chester Council, grants team\".";
            case WHAT_HAPPENED -> "Describe what the body did or did not do, and when. A few sentences is plenty.";
            case UNDERTAKINGS -> "These are the Compact's promises that seem to fit what happened. Pick the numbers that apply (e.g. \"1 and 3\"), or say none.";
            case DATES -> "Dates let me check the facts against the Compact, e.g. notice of a funding cut against its three-month minimum.";
            case IMPACT -> "Who is affected and how: people who use your service, staff at risk, money lost.";
            case INFORMAL_STEPS -> "The Compact expects an informal approach first. Tell me if you have raised it with the body and what happened.";
            case DESIRED_OUTCOME -> "For example: funding restored until proper notice is given, or a proper 12-week consultation.";
            case CONSENT -> "A challenge should never count against the group raising it, so you can ask for your name to be kept from the body.";
            case CONFIRM -> "Check each item. Say yes to submit, or \"change\" and the item (e.g. \"change dates\") to correct it.";
        };
        return specific + "\nYou can also say: back, skip" + (slot.optional() ? "" : " (not for this one)")
                + ", status, cancel, or ask me a question about the Compact at any time.";
    }

    /** Reads an answer to the slot; never throws. */
    Validation read(Slot slot, String raw, Conversation c, LocalDate today) {
        String text = raw.strip();
        if (text.isEmpty()) return new Validation.Rejected("I didn't catch that.");
        if (text.length() > MAX_ANSWER) {
            return new Validation.Rejected("That is longer than I can take in one answer (" + text.length()
                    + " characters; " + MAX_ANSWER + " at most). Could you shorten it?");
        }
        return switch (slot) {
            case AREA -> chooseArea(text);
            case ROLE -> RoleAnswer.reading(text)
                    .<Validation>map(r -> new Validation.Accepted(r.role(), new Validation.Found.Nothing(), r.confidence()))
                    .orElseGet(() -> new Validation.Rejected("Sorry, I couldn't tell which of these you are: a voluntary or community "
                            + "group, staff of a public body, or an individual?"));
            case NAME -> text.length() > 120 || !text.matches(".*\\p{L}.*")
                    ? new Validation.Rejected("Please give your name (just the name, e.g. Sam Patel).")
                    : new Validation.Accepted(text);
            case ORGANISATION, RESPONDENT, WHAT_HAPPENED, IMPACT, INFORMAL_STEPS, DESIRED_OUTCOME -> freeText(slot, text);
            case EMAIL -> email(text);
            case UNDERTAKINGS -> chooseUndertakings(text, c);
            case DATES -> dates(text, today, aboutConsultation(c));
            case CONSENT -> ConsentAnswer.reading(text)
                    .<Validation>map(r -> new Validation.Accepted(r.choice(), new Validation.Found.Nothing(), r.confidence()))
                    .orElseGet(() -> new Validation.Rejected("Sorry, I couldn't tell which you meant. May " + respondentName(c)
                            + " be told it was you? You could say \"yes, they can know\" or \"no, keep my name confidential\"."));
            case CONFIRM -> new Validation.Rejected("Say yes to submit, or \"change\" and the item to correct.");
        };
    }

    private Validation freeText(Slot slot, String text) {
        if (slot != Slot.WHAT_HAPPENED && slot != Slot.DESIRED_OUTCOME) return new Validation.Accepted(text);
        String[] words = text.strip().split("\\s+");
        // "extend it", "reinstatement": short, but an outcome; a bare "yes" or "?" is not
        boolean shortOutcome = slot == Slot.DESIRED_OUTCOME && Agreement.of(text) == Agreement.UNCLEAR
                && (words.length == 2 && text.matches(".*\\p{L}{3,}.*") || text.matches(".*\\p{L}{5,}.*"));
        if (words.length < 3 && !shortOutcome) {
            return new Validation.Rejected(slot == Slot.WHAT_HAPPENED
                    ? "Could you say a little more about what happened? A sentence or two is enough."
                    : "Could you say a little more about the outcome you want?");
        }
        return new Validation.Accepted(text);
    }

    /** The first address in the reply ("my email is sam@x.org"), by the project's one rule ({@link EmailAddress}). */
    private Validation email(String text) {
        List<String> found = EmailAddress.findIn(text, 1);
        if (found.isEmpty()) {
            return new Validation.Rejected("\"" + shorten(text, 60) + "\" doesn't look like an email address. Please check it (e.g. name@example.org).");
        }
        return new Validation.Accepted(found.get(0).toLowerCase(Locale.ROOT));
    }

    static boolean aboutConsultation(Conversation c) {
        String story = c.answer(Slot.WHAT_HAPPENED);
        return story != null && KeyDates.mentionsConsultation(story.toLowerCase(Locale.ROOT));
    }

    private Validation dates(String text, LocalDate today, boolean aboutConsultation) {
        KeyDates.Reading r = KeyDates.reading(text, today, aboutConsultation);
        KeyDates d = r.dates();
        if (d.isEmpty()) {
            return new Validation.Rejected("I couldn't find a date in that. Please write dates like 3/11/2026, 3 Nov 2026 or 3rd November (or say skip).");
        }
        String problem = d.problem(today);
        if (problem != null) return new Validation.Rejected(problem);
        // asked for the dates, a person who gives two without saying which is which means them in order: sure enough
        return new Validation.Accepted(text, new Validation.Found.Dates(r));
    }

    private Validation chooseArea(String text) {
        String lower = text.toLowerCase(Locale.ROOT).strip();
        if (lower.matches("\\d+")) {
            int n = Integer.parseInt(lower);
            if (n >= 1 && n <= areas.size()) return new Validation.Accepted(areas.get(n - 1));
        }
        for (String a : areas) {
            if (lower.equals(a) || lower.contains(Wording.areaName(a).toLowerCase(Locale.ROOT)) || lower.contains(a.replace('-', ' '))) {
                return new Validation.Accepted(a);
            }
        }
        Optional<String> detected = new org.compactbot.knowledge.AreaDetector(areas).detect(text);
        return detected.<Validation>map(Validation.Accepted::new).orElseGet(() -> new Validation.Rejected(
                "I don't have a Compact for \"" + shorten(text, 40) + "\". Please choose one of: " + areaList() + "."));
    }

    private Validation chooseUndertakings(String text, Conversation c) {
        List<Conversation.Suggestion> s = c.suggestions();
        // by meaning, each offer is its wording and where it sits ("... › Code of Practice on Consultation › ...")
        UndertakingChoice.Choice choice = UndertakingChoice.read(text, s.stream().map(sg -> sg.text() + " " + sg.citation()).toList());
        if (choice instanceof UndertakingChoice.Choice.NoneOfThese) return new Validation.Accepted("none of these");
        if (choice instanceof UndertakingChoice.Choice.OutOfRange o) {
            return new Validation.Rejected("There is no number " + o.number() + ". Pick from 1 to " + o.offered() + ", or say none.");
        }
        if (!(choice instanceof UndertakingChoice.Choice.Picked p)) {
            return new Validation.Rejected("Sorry, I couldn't tell which you meant. Say the numbers that apply (e.g. \"1 and 3\"), "
                    + "describe the one you mean (e.g. \"the one about notice\"), or say none.");
        }
        List<String> chosen = new ArrayList<>(), codes = new ArrayList<>();
        for (int n : p.numbers()) {
            Conversation.Suggestion sg = s.get(n - 1);
            chosen.add(sg.citation());
            if (!sg.code().isEmpty() && !codes.contains(sg.code())) codes.add(sg.code());
        }
        return new Validation.Accepted(String.join("; ", chosen), new Validation.Found.Undertakings(p.numbers(), codes), p.confidence());
    }

    private Reply undertakingsPrompt(Conversation c) {
        if (c.suggestions().isEmpty()) {
            return Reply.of("I couldn't match what happened to a particular undertaking. Say none to carry on, or describe which promise you think was broken.",
                    List.of(new Reply.Choice("None of these / not sure", "none")));
        }
        StringBuilder sb = new StringBuilder("These undertakings in the " + Wording.areaName(c.answer(Slot.AREA))
                + " Compact look closest to what happened. Which apply?");
        List<Reply.Choice> choices = new ArrayList<>();
        List<org.compactbot.knowledge.AnswerFormatter.Quote> quotes = new ArrayList<>();
        for (int i = 0; i < c.suggestions().size(); i++) {
            Conversation.Suggestion s = c.suggestions().get(i);
            sb.append("\n").append(i + 1).append(". \"").append(s.text()).append("\"\n   — ").append(s.citation());
            choices.add(new Reply.Choice(String.valueOf(i + 1), String.valueOf(i + 1)));
            quotes.add(new org.compactbot.knowledge.AnswerFormatter.Quote(s.text(), s.citation(), ""));
        }
        sb.append("\nReply with the numbers that apply (e.g. \"1 and 3\"), or none.");
        choices.add(new Reply.Choice("None of these", "none"));
        return new Reply(sb.toString(), choices, quotes);
    }

    /** Every answer, for the person to check before submitting. */
    String summary(Conversation c) {
        StringBuilder sb = new StringBuilder("Here is your challenge:");
        for (Slot s : ORDER) {
            if (s == Slot.CONFIRM) continue;
            String v = shown(s, c);
            sb.append("\n• ").append(capitalise(s.label())).append(": ").append(v == null ? "(not given)" : v);
        }
        String checks = c.notes().checks();
        if (!checks.isBlank()) sb.append("\n\nChecked against the Compact:\n").append(checks);
        return sb.toString();
    }

    String shown(Slot s, Conversation c) {
        String v = c.answer(s);
        if (v == null) return null;
        return switch (s) {
            case AREA -> Wording.areaName(v);
            case ROLE, CONSENT -> label(s, v);
            case RESPONDENT -> c.notes().respondentSaid() == null ? v : v + " (you said: " + shorten(c.notes().respondentSaid(), 80) + ")";
            default -> v;
        };
    }

    /** The words a choice is shown in ("A voluntary or community group"), for a slot whose answers are choices; else the value. */
    static String label(Slot s, String value) {
        if (s == Slot.ROLE) return ROLE_LABELS.getOrDefault(value, value);
        if (s == Slot.CONSENT) {
            return value.equals(ConsentAnswer.SHARE) ? "The body may be told who raised it"
                    : value.equals(ConsentAnswer.CONFIDENTIAL) ? "Keep my name confidential from the body" : value;
        }
        return value;
    }

    /**
     * "Just to check": a reading that was not sure enough to keep, put back to the person with the options, so that
     * yes keeps it and anything else is read as a new answer.
     */
    Reply checkUnsure(DraftNotes.Unsure u, Conversation c) {
        Reply asked = prompt(u.slot(), c);
        String meant = switch (u.slot()) {
            case ROLE -> "you are raising this as " + lowerFirst(label(Slot.ROLE, u.value()));
            case CONSENT -> u.value().equals(ConsentAnswer.SHARE) ? respondentName(c) + " may be told that you raised it"
                    : "your name should be kept confidential from " + respondentName(c);
            case UNDERTAKINGS -> "you mean " + u.value();
            default -> "you mean " + shorten(u.value(), 120);
        };
        List<Reply.Choice> options = new ArrayList<>();
        options.add(new Reply.Choice("Yes", "yes"));
        options.addAll(asked.choices().stream().filter(ch -> !ch.value().equals(u.value())).toList());
        return new Reply("Just to check: " + meant + "? Say yes, or choose another answer.", options, asked.quotes());
    }

    /** The dates read from the person's story, put back to them before anything is checked on them. */
    Reply checkDates(Conversation c) {
        KeyDates d = c.notes().dates();
        List<String> parts = new ArrayList<>();
        if (d.told() != null) parts.add(Wording.date(d.told()) + " is when you were told");
        if (d.effective() != null) parts.add(Wording.date(d.effective()) + " is when the change takes effect");
        if (d.consultationOpened() != null) parts.add(Wording.date(d.consultationOpened()) + " is when the consultation opened");
        if (d.consultationClosed() != null) parts.add(Wording.date(d.consultationClosed()) + " is when it closed");
        String said = String.join(", and ", parts);
        return Reply.of("Just to check the dates before I compare them with the Compact: " + said + ". Is that right? "
                        + "Say yes, or give the dates the right way round (for example \"told 3/11/2026, ends 30/11/2026\").",
                List.of(new Reply.Choice("Yes, that's right", "yes"), new Reply.Choice("No", "no")));
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    List<Reply.Choice> areaChoices() {
        List<Reply.Choice> out = new ArrayList<>();
        for (String a : areas) out.add(new Reply.Choice(Wording.areaName(a), a));
        return out;
    }

    String areaList() {
        return String.join(", ", areas.stream().map(Wording::areaName).toList());
    }

    private static String respondentName(Conversation c) {
        String r = c.answer(Slot.RESPONDENT);
        return r == null || r.startsWith("(") ? "the body concerned" : shorten(r, 80);
    }

    static String shorten(String s, int max) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
