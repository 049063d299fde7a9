package org.compactbot.cases;

/**
 * An area's Compact lead: receives a case when no mediator is eligible, and the area's weekly digest unless
 * {@code digest: off} in their {@code leads:} entry ({@link SendingWeeklyDigests}).
 *
 * @param digest whether the lead gets the weekly digest (on unless configured off)
 */
public record AreaLead(String area, String name, String email, boolean digest) {
    /** A lead who gets the weekly digest (the default). */
    public AreaLead(String area, String name, String email) {
        this(area, name, email, true);
    }
}
