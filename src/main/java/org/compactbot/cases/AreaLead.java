package org.compactbot.cases;

/** An area's Compact lead: receives a case when no mediator is eligible. */
public record AreaLead(String area, String name, String email) {}
