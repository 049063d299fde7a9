package org.compactbot.cases;

import java.time.Instant;
import java.util.List;

/**
 * An anonymised outcome summary a mediator published for a closed case, for groups asking "has this happened
 * before?": the area, the body (public bodies are public), the undertakings, how it closed, the month, and the
 * summary with the complainant's name, organisation, email and other names from the case withheld.
 *
 * @param month the month the case closed, as yyyy-MM
 */
public record PublishedOutcome(String ref, String area, String body, List<String> undertakings, CaseStatus outcome, String month,
                               String summary, String publishedBy, Instant publishedAt) {
    public PublishedOutcome {
        undertakings = List.copyOf(undertakings);
    }

    /** The outcome as the publisher and the groups who ask see it. */
    public String inWords() {
        return CaseEmails.areaName(area) + ", " + body + (undertakings.isEmpty() ? "" : "; undertakings: " + String.join("; ", undertakings))
                + "; " + outcome.id().replace('_', ' ') + ", " + month + ":\n" + summary;
    }
}
