package org.compactbot.web;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.compactbot.cases.CaseDesk;
import org.compactbot.cases.DeskReport;
import org.compactbot.cases.SigningIn;
import org.compactbot.knowledge.KnowledgeGaps;

/**
 * What the case desk's pages need: signing in by an emailed link, the desk's cases and actions, the sessions' clock, and
 * for Compact leads the yearly report and the knowledge gaps (without a report: no /desk/report or /desk/gaps).
 */
public record DeskServices(SigningIn signingIn, CaseDesk desk, Clock clock, Optional<DeskReport> report, KnowledgeGaps gaps) {
    public DeskServices {
        Objects.requireNonNull(signingIn, "signingIn");
        Objects.requireNonNull(desk, "desk");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(gaps, "gaps");
    }

    /** Without the leads' report and knowledge gaps pages. */
    public DeskServices(SigningIn signingIn, CaseDesk desk, Clock clock) {
        this(signingIn, desk, clock, Optional.empty(), KnowledgeGaps.NONE);
    }
}
