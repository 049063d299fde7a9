/**
 * The HTTP face of the service (Javalin 7 on Jetty), built by {@link org.compactbot.web.WebServer} from its
 * {@link org.compactbot.web.WebServer.Parts}.
 *
 * <h2>Routes</h2>
 * Paths, JSON shapes and status codes are contracts (the shared ARCHITECTURE.md); change none of them here.
 * <ul>
 *   <li>{@code GET /}, {@code GET /answers}: the public pages, {@link org.compactbot.web.PublicPages}, rendered by
 *       {@link org.compactbot.web.Pages} from the jte templates in src/main/jte (compiled with the build into
 *       {@code gg.jte.generated.precompiled}, escaped as HTML; their models are public records because the generated
 *       classes live in another package). GOV.UK Frontend's stylesheet and script are vendored under
 *       {@code assets/} beside this package (scripts/build-frontend rebuilds them). Pages get their own
 *       Content-Security-Policy (their own files only, no inline script or style), and {@code ErrorMapping} answers a
 *       browser that asks for a page ({@link org.compactbot.web.Pages#wanted}) with an error page instead of JSON.</li>
 *   <li>{@code GET|POST /challenge/start}, {@code GET|POST /challenge/{question}}, {@code GET|POST /challenge/check},
 *       {@code GET /challenge/confirmation}, and from it {@code GET /challenge/letter} and {@code /challenge/letter.docx}
 *       (the early-resolution letter, {@link org.compactbot.web.LetterPages}, for the draft cookie's owner only, else
 *       404): raising a challenge in a browser, {@link org.compactbot.web.ChallengePages}
 *       (one question per page, {@code ChallengeQuestions}), over the {@code ConversationEngine}'s page methods. The
 *       draft is the web's conversation, keyed by a digest of the browser's {@code DraftCookie}; every POST carries the
 *       form token derived from it, checked by {@code ChallengePages.admit} (403 without it), and is answered with a 303.</li>
 *   <li>{@code /desk}, {@code /desk/sign-in[/sent|/{token}]}, {@code /desk/sign-out}, {@code /desk/cases/{ref}[/evidence/{n}|/{action}]}:
 *       the case desk for mediators and Compact leads ({@link org.compactbot.web.DeskSignInPages},
 *       {@link org.compactbot.web.DeskPages}, over {@link org.compactbot.web.DeskServices}), registered only when
 *       {@code Parts.desk} is present. Signed in by a one-time emailed link; the session is server-side
 *       ({@code DeskSessions}: a random id in the {@code compact_desk} cookie, Path=/desk, HttpOnly, SameSite=Strict,
 *       Secure over HTTPS); every POST carries the session's form token, checked by {@code DeskGate.admit} (403 without
 *       it), and is answered with a 303.</li>
 *   <li>{@code /desk/report?year=}, {@code /desk/report.csv}, {@code /desk/report.md}, {@code /desk/gaps}: a Compact
 *       lead's yearly report of their areas, as {@link org.compactbot.web.BarChart} SVG charts each followed by its table,
 *       the downloads as {@code cases report} writes them, and the areas' knowledge gaps
 *       ({@link org.compactbot.web.DeskReportPages}, registered when {@code DeskServices.report} is present); "not found"
 *       to anyone who leads no area.</li>
 *   <li>{@code GET /healthz}, {@code GET /readyz}, {@code GET /metrics}: {@code HealthRoutes}; what the stores report
 *       comes in through the {@link org.compactbot.web.Health} port. Every metric is defined in
 *       {@link org.compactbot.web.ServiceMetrics} (the Prometheus Java client, with its JVM and process metrics).</li>
 *   <li>{@code POST /api/ask}, {@code POST /api/chat/{conversationId}}: {@code ApiRoutes}, over the
 *       {@code AnswerService} and the {@code ConversationEngine}.</li>
 *   <li>{@code POST /mail/inbound}, {@code POST /slack/events}: {@code InboundRoutes}. Web imports no channel: the email
 *       channel arrives as a {@link org.compactbot.web.MailInbox} and Slack as an
 *       {@link org.compactbot.web.InboundEndpoint} (answered by {@link org.compactbot.web.SlackRoute}); the composition
 *       root ({@code org.compactbot.app.ChannelEndpoints.mailInbox}, {@code ChannelEndpoints.slackEndpoint}) adapts the channels to them. A
 *       channel that is off is an empty {@code Optional} in {@code Parts}: mail then answers 503, Slack 404.</li>
 * </ul>
 *
 * <h2>How a request goes through</h2>
 * <ol>
 *   <li>{@code WebServer.beginRequest}, before everything: the request id ({@code RequestIds}: the caller's sane
 *       X-Request-Id or a new one) goes into the log context and back as X-Request-Id, and the
 *       {@code SecurityHeaders} are set (HSTS when the request came over HTTPS, as {@code ClientAddress} judges it
 *       through trusted proxies only).</li>
 *   <li>The route's admission step ({@code ApiRoutes.admit}, {@code InboundRoutes.admitMail},
 *       {@code InboundRoutes.admitSlack}, {@code ChallengePages.admit}), before a byte of the body is read where it can be: not stopping
 *       ({@code Admission.notStopping}), within the rate limit ({@code Admission.withinLimit} per client by
 *       {@code TokenBuckets}, {@code withinSlackCap} for Slack as a whole), allowed ({@code ApiAccess}: the bearer
 *       token, or loopback callers while api.token is empty); then the body, read to the route's limit by
 *       {@code RequestBodies.read} (413 beyond it) and kept for the route.</li>
 *   <li>The route, wrapped by {@code WebServer.work}: counted while it runs (a graceful stop waits for it) and refused
 *       once the server is stopping.</li>
 *   <li>Error mapping: a step that refuses throws a {@code Refusal} (BadRequest, Unauthorized, PayloadTooLarge,
 *       TooManyRequests, Off, Restarting), which skips the handlers after it; {@code ErrorMapping} is the one place
 *       that turns it, Javalin's own 404/405/413, broken HTTP (400) and any other exception (500, logged) into the
 *       status, the refusal's headers and {@code {"error": "..."}}.</li>
 *   <li>{@code WebServer.endRequest}, always: drains any body no one read (so the caller gets the answer, not a reset),
 *       records the latency by route ({@code WebServer.route}: a fixed set of labels) and clears the log context.</li>
 * </ol>
 *
 * <h2>Where to add a route</h2>
 * Write its handler in the group it belongs to ({@code ApiRoutes} for {@code /api/*}, which its admission step
 * already covers; a new group class for a new kind of caller), throw a {@code Refusal} for every answer that is not
 * a success (add a subclass only for a new status), and register it in the route table in the
 * {@code WebServer} constructor, wrapped in {@code work(...)} when it does work a stop should wait for. Add its path
 * to {@code WebServer.route} so its latency gets its own label, and give a new route with a body an admission step
 * that reads it with {@code RequestBodies.read} (Javalin's own limit is the largest route's).
 */
package org.compactbot.web;
