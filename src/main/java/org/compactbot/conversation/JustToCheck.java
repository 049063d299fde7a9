package org.compactbot.conversation;

/**
 * "Just to check": a reading below {@link Validation#SURE} is put back to the person once before it is kept, and their
 * reply to that is read here first (yes keeps it, no asks again, saying it again means it). The same for the dates when
 * which is which was a guess, and for a hedged yes at the summary ("Shall I send it now?").
 */
final class JustToCheck {
    private final Intake intake;

    JustToCheck(Intake intake) {
        this.intake = intake;
    }

    /** Asks about an answer read but not for sure; it is kept only when the person confirms it. */
    void ask(Turn t, Slot slot, Validation.Accepted ok, String text) {
        Conversation c = t.c;
        c.notes = c.notes.withUnsure(new DraftNotes.Unsure(slot, ok.value(), text));
        t.say(intake.flow().checkUnsure(c.notes.unsure(), c));
    }

    /**
     * Reads {@code text} as the reply to a check asked at {@code slot}; true when that settled the turn, false when the
     * reply is to be read as an answer after all (the check is then dropped).
     */
    boolean settles(Turn t, Slot slot, Slot returnTo, String text) {
        Conversation c = t.c;
        DraftNotes.Unsure unsure = c.notes.unsure();
        if (unsure != null && unsure.slot() == slot) {
            c.notes = c.notes.withUnsure(null);
            Agreement yes = Agreement.of(text);
            if (yes == Agreement.AGREE && intake.flow().read(slot, unsure.said(), c, t.today) instanceof Validation.Accepted ok) {
                intake.keep(t, slot, returnTo, unsure.said(), ok);
                intake.advance(t, slot, returnTo);
                return true;
            }
            if (yes == Agreement.DECLINE && text.split("\\s+").length <= 3) {
                t.say("OK.");
                t.say(intake.prompt(c, slot));
                return true;
            }
            if (Agreement.normalise(text).equals(Agreement.normalise(unsure.said()))
                    && intake.flow().read(slot, text, c, t.today) instanceof Validation.Accepted ok) {
                intake.keep(t, slot, returnTo, text, ok); // said again: that is what they mean
                intake.advance(t, slot, returnTo);
                return true;
            }
        }
        if (slot == Slot.DATES && c.has(Slot.DATES) && c.notes.datesUnsure()) {
            Agreement yes = Agreement.of(text);
            if (yes == Agreement.AGREE) {
                c.notes = c.notes.withDatesConfirmed();
                intake.refreshChecks(t);
                intake.advance(t, slot, returnTo);
                return true;
            }
            if (yes == Agreement.DECLINE && !UkDates.mentionsADate(text)) {
                c.answers.remove(Slot.DATES.id());
                c.notes = c.notes.withoutDates();
                t.say("OK, let's get the dates right.");
                t.say(intake.prompt(c, slot));
                return true;
            }
        }
        return false;
    }

    /** A yes at the summary: submitted, unless it was hedged and not yet checked ("Shall I send it now?"). */
    void submitOrCheck(Turn t, boolean sure) {
        Conversation c = t.c;
        DraftNotes.Unsure asked = c.notes.unsure();
        if (!sure && (asked == null || asked.slot() != Slot.CONFIRM)) {
            c.notes = c.notes.withUnsure(new DraftNotes.Unsure(Slot.CONFIRM, "submit", t.text));
            t.say(Reply.of("Just to check: shall I send your challenge now, as it is above?", ChallengeFlow.SUBMIT_OR_CHANGE));
            return;
        }
        CaseSubmission.submit(t);
    }
}
