/**
 * Cases: a submitted Compact challenge from the moment it is raised until it is closed, and who looks after it.
 *
 * <h2>The parts</h2>
 * <ul>
 *   <li>A case: {@link org.compactbot.cases.ChallengeCase}, with its {@link org.compactbot.cases.CaseStatus} and an
 *       append-only history of {@link org.compactbot.cases.CaseEvent}s. It is created by
 *       {@link org.compactbot.cases.SubmittingChallenge} inside the conversation's own transaction (reference
 *       {@code CC-2026-0001}, evidence moved over, queued for routing).</li>
 *   <li>The directory: {@link org.compactbot.cases.MediatorDirectoryLoader} reads {@code config/mediators.yml} into a
 *       {@link org.compactbot.cases.MediatorDirectory} (mediators, their specialisms as
 *       {@link org.compactbot.knowledge.PracticeCode} ids, absences; areas' leads, each with its
 *       {@link org.compactbot.cases.AreaProcess} ({@code ask-body}, {@code closed} days) read by {@code LeadsReading}; the public
 *       {@link org.compactbot.cases.PublicBodies}), naming file and line for every problem.</li>
 *   <li>Routing: {@link org.compactbot.cases.RoutingPolicy} is pure: a mediator who serves the area, is present, has
 *       capacity, has not passed the case over and has no conflict of interest; a specialism match first, then fewest
 *       open cases, then round-robin; an absent mediator's case goes to their {@code deputy} when the deputy passes the same
 *       checks ({@link org.compactbot.cases.MediatorDirectory#actingFor} also sends the deputy their reminders); else
 *       the area's lead; else flagged. {@link org.compactbot.cases.CaseService#routeNew} applies its decision.</li>
 *   <li>Lifecycle: every change is one {@link org.compactbot.cases.CaseChange} (status move, typed
 *       {@link org.compactbot.cases.CaseChange.Field}s, emails, a timer fired) that the
 *       {@link org.compactbot.cases.CaseStore} port applies in one transaction, refusing a move
 *       {@link org.compactbot.cases.CaseStatus#next} does not allow. {@link org.compactbot.cases.CaseService} makes
 *       them: routing, a hand assignment, the mediator's emailed ACCEPT / DECLINE / INFO / RESOLVED, the complainant's
 *       message, closing. Each answers with a {@link org.compactbot.cases.CaseReply}.</li>
 *   <li>Timers: {@link org.compactbot.cases.CaseService#tick} (every 5 minutes, on the leading instance) in
 *       {@link org.compactbot.cases.WorkingDays} (England and Wales bank holidays): remind a mediator to accept after 2,
 *       reassign after 3, escalate to the lead when not acknowledged in 5, remind mediator and lead at 20 with no
 *       resolution. Each fires once per case (and mediator), recorded by its timer kind. No timer counts the area's
 *       {@code closed} days, and none runs while the case waits for the complainant or the body
 *       ({@link org.compactbot.cases.PausedTime}, read from the history: the response timer subtracts the days paused).</li>
 *   <li>The body's formal response: {@code AskingTheBody} asks the body the respondent names (its {@code contact}) with
 *       {@link org.compactbot.cases.BodyRequestEmail} on acceptance (or at routing, {@code ask-body: at-once}), the case
 *       waiting in {@code awaiting_body}; {@link org.compactbot.cases.CaseService#bodyReply} takes the contact's reply
 *       (the email channel proves it answers our request), the complainant's "we've had their final response"
 *       ({@link org.compactbot.cases.FinalResponseTold}) ends the wait too, and no reply in 20 working days escalates
 *       to the area's lead ({@code body_overdue}, once). A confidential complainant is never named to the body.</li>
 *   <li>Emails: {@link org.compactbot.cases.CaseEmails} writes them; they are queued in the
 *       {@link org.compactbot.cases.Outbox} port with the change that causes them, and the email channel sends them.</li>
 *   <li>The weekly digest (issue 16 step 7): {@link org.compactbot.cases.WeeklyDigest} composes an area's open cases,
 *       overdue timers (counted as {@code tick} counts them: working days less the area's closure days, the days paused
 *       not counted, no case timer while paused), cases waiting for the body with its deadline, and the week's new and
 *       closed cases, naming no complainant; {@link org.compactbot.cases.DigestEmail} writes it;
 *       {@link org.compactbot.cases.SendingWeeklyDigests} sends it to each lead from Monday 07:00 UK time, once per area
 *       and ISO week ({@link org.compactbot.cases.DigestsSent}, recorded with the queued email in one transaction),
 *       unless the lead's entry says {@code digest: off}.</li>
 *   <li>A person asked for: {@link org.compactbot.cases.HandingToAPerson} (the conversation's
 *       {@link org.compactbot.conversation.PersonHandover}) queues an email to the area's lead with the conversation so
 *       far and how to reach the person, and says who will contact them and by when (2 working days).</li>
 *   <li>Closing well: {@link org.compactbot.cases.CaseService#close} (every path: {@code cases close}, the mediator's
 *       RESOLVED) sends one closed notice ({@code ClosingNotice}) with the next steps after a case mediation did not
 *       settle ({@link org.compactbot.cases.Signposting}) and, once per case, the survey's two questions
 *       ({@link org.compactbot.cases.ClosingSurvey}); the complainant's reply on the closed case's thread is read by
 *       {@link org.compactbot.cases.SurveyAnswer} and kept through the {@link org.compactbot.cases.Surveys} port.
 *       {@link org.compactbot.cases.PublishingOutcome} (PUBLISH by email, {@code cases publish}) keeps an anonymised
 *       {@link org.compactbot.cases.PublishedOutcome}, which {@link org.compactbot.cases.PastOutcomesIndex} finds for
 *       the conversation's "has this happened before?".</li>
 *   <li>The case desk: {@link org.compactbot.cases.SigningIn} emails a one-time link (an {@link org.compactbot.cases.EmailedLinks}
 *       link of purpose SIGN_IN, 15 minutes) to an address of mediators.yml, a {@link org.compactbot.cases.DeskUser}
 *       (mediator, lead, or both); {@link org.compactbot.cases.CaseDesk} decides which cases they see (a mediator theirs
 *       and those they deputise for today, a lead the whole area), shows each as a {@link org.compactbot.cases.CaseView}
 *       (a confidential complainant withheld from an address {@link org.compactbot.cases.BodyConcerned#reaches}), reads
 *       evidence back through the {@link org.compactbot.cases.EvidenceFiles} port, and moves cases through the same
 *       {@code CaseService} methods as the email commands and the CLI.</li>
 *   <li>Report and retention: {@link org.compactbot.cases.AnnualReport} (the year's figures by area, code, respondent
 *       and outcome, CSV or Markdown) and {@link org.compactbot.cases.ClockFigures} (time paused, the bodies' response
 *       times and how many went unanswered), {@link org.compactbot.cases.OutcomesByUndertaking} (each cited undertaking's closed cases by outcome)
 *       and {@link org.compactbot.cases.SurveyFigures} (the closing survey's answers),
 *       put together by {@link org.compactbot.cases.YearReport} for {@code cases report} and, for a lead's areas only
 *       ({@link org.compactbot.cases.DeskReport}), the case desk's report page; {@link org.compactbot.cases.Retention} with its
 *       {@link org.compactbot.cases.RetentionPolicy} anonymises old cases by {@link org.compactbot.cases.Redaction};
 *       {@link org.compactbot.cases.PersonalData} is what is held about an address (export, erasure, the retention
 *       sweep): {@link org.compactbot.cases.PersonalDataService} asks every store that holds personal data for its
 *       own part through the {@link org.compactbot.cases.PersonalRecords} port (the case store links a person's cases
 *       and the conversations that raised them, the conversation store the conversations from or about their address;
 *       the outbox and the inbound mail log act on all of it), inside one transaction of the
 *       {@link org.compactbot.cases.AllOrNothing} port, and adds up what they say.</li>
 * </ul>
 *
 * <h2>Where to add</h2>
 * <ul>
 *   <li>A timer: a private method in {@code CaseService} called from {@code tick()}, which returns 0 when it is not
 *       due and otherwise applies a {@code CaseChange} with a timer kind of its own (add the mediator's id when it
 *       concerns one), so it fires once; its email in {@code CaseEmails}; a test in {@code CaseTimersTest} that moves
 *       the clock.</li>
 *   <li>A status: a constant in {@link org.compactbot.cases.CaseStatus} (its id is stored and shown: a contract), its
 *       moves in {@code next()} and into it from the others, {@code closed()} when it ends a case; the store's count of
 *       open cases per mediator ({@code SqlCaseStore.openCasesByMediator}) and the Slack label
 *       ({@code SlackBlocks}) name open statuses too.</li>
 *   <li>A mediator's instruction: a case in {@code CaseService.mediatorReply} and its {@code CaseReply} record.</li>
 *   <li>A field a change records: a record under {@code CaseChange.Field}, its column(s) in a migration and in
 *       {@code SqlCaseStore.columns}.</li>
 *   <li>A table with personal data: its store implements {@code PersonalRecords} (held, export, erase, sweep) and is
 *       listed in {@code app/Storage}'s {@code PersonalDataService}, in the order its export section comes.</li>
 * </ul>
 * Nothing here knows a channel or the database: storage is the {@code CaseStore}, {@code Outbox},
 * {@code PersonalRecords} and {@code AllOrNothing} ports.
 */
package org.compactbot.cases;
