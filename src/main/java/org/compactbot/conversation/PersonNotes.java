package org.compactbot.conversation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a conversation keeps about asking for a person, beside the draft (a draft cancelled or submitted keeps it):
 * a request waiting for the area or a way to reach the person, the last handover (so that asking again before the
 * promised day sends nothing more), how many turns in a row the bot did not understand, and whether it has just
 * offered a person. Stored in the conversation's details by {@link #toMap()}.
 *
 * @param waitingFor    {@link Waiting#AREA} or {@link Waiting#CONTACT} while a request needs it; null otherwise
 * @param area          the area of a request waiting for contact details, or null
 * @param askedOn       the day the lead was last asked, or null
 * @param by            the day the person was told they would hear by, or null
 * @param who           who the person was told would contact them, or null
 * @param misunderstood turns in a row the bot could not understand
 * @param offered       the bot offered a person in its last reply
 */
record PersonNotes(Waiting waitingFor, String area, LocalDate askedOn, LocalDate by, String who, int misunderstood, boolean offered) {
    static final PersonNotes NONE = new PersonNotes(null, null, null, null, null, 0, false);

    /** What a request for a person waits for. */
    enum Waiting { AREA, CONTACT }

    /** Whether the lead was asked and the day promised has not passed. */
    boolean handedOverAsOf(LocalDate today) {
        return by != null && !today.isAfter(by);
    }

    PersonNotes waiting(Waiting what, String forArea) {
        return new PersonNotes(what, forArea, askedOn, by, who, 0, false);
    }

    PersonNotes handedOver(LocalDate on, LocalDate promised, String lead) {
        return new PersonNotes(null, null, on, promised, lead, 0, false);
    }

    PersonNotes notWaiting() {
        return new PersonNotes(null, null, askedOn, by, who, misunderstood, offered);
    }

    PersonNotes withMisunderstood(int n, boolean offeredNow) {
        return new PersonNotes(waitingFor, area, askedOn, by, who, n, offeredNow);
    }

    Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        if (waitingFor != null) m.put("person_waiting_for", waitingFor.name());
        if (area != null) m.put("person_area", area);
        if (askedOn != null) m.put("person_asked_on", askedOn.toString());
        if (by != null) m.put("person_by", by.toString());
        if (who != null) m.put("person_who", who);
        if (misunderstood > 0) m.put("misunderstood", Integer.toString(misunderstood));
        if (offered) m.put("person_offered", "true");
        return m;
    }

    static PersonNotes fromMap(Map<String, String> m) {
        if (m == null) return NONE;
        Waiting w = null;
        try {
            if (m.get("person_waiting_for") != null) w = Waiting.valueOf(m.get("person_waiting_for"));
        } catch (IllegalArgumentException e) {
            w = null;
        }
        int n = 0;
        String mis = m.get("misunderstood");
        if (mis != null && mis.matches("\\d{1,3}")) n = Integer.parseInt(mis);
        return new PersonNotes(w, m.get("person_area"), day(m.get("person_asked_on")), day(m.get("person_by")), m.get("person_who"), n,
                "true".equals(m.get("person_offered")));
    }

    private static LocalDate day(String s) {
        try {
            return s == null ? null : LocalDate.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
