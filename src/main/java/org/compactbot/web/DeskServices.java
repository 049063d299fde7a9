package org.compactbot.web;

import java.time.Clock;
import java.util.Objects;
import org.compactbot.cases.CaseDesk;
import org.compactbot.cases.SigningIn;

/** What the case desk's pages need: signing in by an emailed link, the desk's cases and actions, and the sessions' clock. */
public record DeskServices(SigningIn signingIn, CaseDesk desk, Clock clock) {
    public DeskServices {
        Objects.requireNonNull(signingIn, "signingIn");
        Objects.requireNonNull(desk, "desk");
        Objects.requireNonNull(clock, "clock");
    }
}
