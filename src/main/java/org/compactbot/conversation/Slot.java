package org.compactbot.conversation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The challenge intake's questions, in the order they are asked (ids are the contract's SLOT names). */
public enum Slot {
    AREA("area", "area", false),
    ROLE("role", "who you are", false),
    NAME("name", "your name", false),
    ORGANISATION("organisation", "your organisation", true),
    EMAIL("email", "your email", false),
    RESPONDENT("respondent", "the body concerned", false),
    WHAT_HAPPENED("what_happened", "what happened", false),
    UNDERTAKINGS("undertakings", "undertakings", true),
    DATES("dates", "key dates", true),
    IMPACT("impact", "impact", true),
    INFORMAL_STEPS("informal_steps", "steps already taken", true),
    DESIRED_OUTCOME("desired_outcome", "what you want to happen", false),
    CONSENT("consent", "confidentiality", false),
    CONFIRM("confirm", "confirmation", false);

    private final String id;
    private final String label;
    private final boolean optional;

    Slot(String id, String label, boolean optional) {
        this.id = id;
        this.label = label;
        this.optional = optional;
    }

    public String id() { return id; }

    public String label() { return label; }

    public boolean optional() { return optional; }

    /** The choice that changes this slot's answer ("Your email" -> "change email"), as the summary's edit menu offers it. */
    public Reply.Choice changeChoice() {
        return new Reply.Choice(label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1),
                "change " + id.replace('_', ' '));
    }

    /** Free text where a question mark is usually part of the story, not a question to the bot. */
    boolean freeText() {
        return this == WHAT_HAPPENED || this == IMPACT || this == INFORMAL_STEPS || this == DESIRED_OUTCOME || this == RESPONDENT;
    }

    public static Optional<Slot> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    /** The slot a person means by a word such as "email", "respondent", "dates" or "what happened". */
    public static Optional<Slot> byName(String words) {
        String w = words.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("^(my|the|your)\\s+", "");
        for (Slot s : values()) {
            if (s == CONFIRM) continue;
            if (w.equals(s.id.replace('_', ' ')) || w.equals(s.label)) return Optional.of(s);
        }
        return switch (w) {
            case "org", "organization", "group", "charity" -> Optional.of(ORGANISATION);
            case "email address", "e-mail", "mail" -> Optional.of(EMAIL);
            case "body", "council", "against", "who it is against" -> Optional.of(RESPONDENT);
            case "story", "description", "what happened?" -> Optional.of(WHAT_HAPPENED);
            case "undertaking", "breach", "which undertaking" -> Optional.of(UNDERTAKINGS);
            case "date", "key dates" -> Optional.of(DATES);
            case "steps", "informal", "informal steps", "what we tried", "what i tried" -> Optional.of(INFORMAL_STEPS);
            case "outcome", "desired outcome", "what i want" -> Optional.of(DESIRED_OUTCOME);
            case "confidentiality", "consent to share", "sharing" -> Optional.of(CONSENT);
            case "my role", "who i am" -> Optional.of(ROLE);
            default -> Optional.empty();
        };
    }
}
