package org.compactbot.cases;

/** Who an email address is on a case: the mediator it is assigned to, the person who raised it, the body asked to respond, or none. */
public sealed interface CaseParty {
    /** The mediator the case is assigned to; {@code mediator.email()} is the configured address, the one to write to. */
    record AssignedMediator(Mediator mediator) implements CaseParty {}

    /** The person who raised the challenge, at the address the case holds. */
    record Complainant(String email) implements CaseParty {}

    /** The Compact lead officer of the body asked for its formal response, at the address it was asked at. */
    record BodyContact(String email) implements CaseParty {}

    /** Anyone else (or no such case). */
    record Outsider() implements CaseParty {}
}
