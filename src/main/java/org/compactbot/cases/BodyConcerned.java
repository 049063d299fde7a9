package org.compactbot.cases;

import java.util.List;
import java.util.Optional;

/**
 * The public body a challenge is about, as far as {@code bodies:} in mediators.yml can tell, and whether an address
 * belongs to it: the body's Compact lead officer's address, or another at the same (non-webmail) email domain. A
 * respondent that matches no configured body counts every body of the area, so that a person who asked to be kept
 * from "the council" is not handed to its officer because they spelt it differently. Pure.
 *
 * @param named      the body the respondent names, if one matches
 * @param candidates the bodies an address is checked against (the named one, or all of the area's)
 */
public record BodyConcerned(Optional<PublicBody> named, List<PublicBody> candidates) {
    public BodyConcerned {
        candidates = List.copyOf(candidates);
    }

    public static BodyConcerned of(MediatorDirectory directory, String area, String respondent) {
        Optional<PublicBody> named = directory.bodyFor(respondent, area);
        return new BodyConcerned(named, named.map(List::of).orElseGet(() -> area == null ? List.of() : new PublicBodies(directory.bodies()).inArea(area)));
    }

    /** Whether mail to {@code email} reaches the body concerned. */
    public boolean reaches(String email) {
        if (email == null || email.isBlank()) return false;
        for (PublicBody b : candidates) {
            String theirs = b.contact() == null ? null : b.contact().email();
            if (theirs == null || theirs.isBlank()) continue;
            if (theirs.strip().equalsIgnoreCase(email.strip()) || RoutingPolicy.sameEmailDomain(theirs, email)) return true;
        }
        return false;
    }

    /** How the person would name the body: the configured name, else what they said, else "the body concerned". */
    public String label(String respondent) {
        return named.map(PublicBody::name)
                .orElse(respondent == null || respondent.isBlank() ? "the body concerned" : CaseEmails.oneLine(respondent));
    }
}
