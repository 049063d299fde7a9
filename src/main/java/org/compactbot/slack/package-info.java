/**
 * Slack as a channel over the shared engine ({@code org.compactbot.conversation}): a Bolt for Java app, Block Kit
 * rendering, and the bridge into the HTTP server. Nothing here decides what a message means or what a challenge
 * needs; that is the engine's. This package turns Slack's requests into engine calls and the engine's replies into
 * Slack messages.
 *
 * <h2>How a request flows</h2>
 * <ol>
 *   <li><b>In.</b> Over HTTP, {@code POST /slack/events} ({@code web.SlackRoute}) hands the raw body and headers to
 *       {@link org.compactbot.slack.SlackHttp}; over Socket Mode (when slack.app-token is set) Bolt's
 *       {@code SocketModeApp} receives the same payloads on a WebSocket ({@link org.compactbot.slack.SlackChannel#startSocketMode}).</li>
 *   <li><b>Verification.</b> {@code SlackHttp} checks the v0 signature over the exact bytes and the timestamp's
 *       five-minute window (401, nothing done, otherwise), then runs the request through the Bolt {@code App}
 *       (Bolt's own check is off). Socket Mode needs none: the socket is opened with the app-level token.</li>
 *   <li><b>Routes.</b> {@link org.compactbot.slack.SlackRoutes} says what each kind of request does: every handler
 *       acknowledges at once and queues the work on {@link org.compactbot.slack.OrderedWork}, one lane per
 *       conversation ({@code slack:TEAM:USER}), so a person's turns run in order and Slack never waits for them.</li>
 *   <li><b>De-duplication.</b> Events go through {@link org.compactbot.slack.Redeliveries}: an event id seen before
 *       (Slack retries, X-Slack-Retry-Num) is not acted on again, even after a restart (the durable
 *       {@link org.compactbot.conversation.DeliveryLog}, kept by the store). A form submission is keyed by its view
 *       and contents the same way.</li>
 *   <li><b>Engine.</b> In the direct message, {@link org.compactbot.slack.DirectMessages} runs one
 *       {@code ConversationEngine.handle} turn per message or button click. In a channel,
 *       {@link org.compactbot.slack.ChannelAnswers} answers a mention or /compact from the Compacts alone
 *       ({@code AnswerService}), touching no conversation, and takes anything about a challenge to the direct message
 *       (challenges are confidential). {@link org.compactbot.slack.ChallengeModal} opens the form and submits it with
 *       {@code ConversationEngine.submitForm}; {@link org.compactbot.slack.AppHome} publishes the home tab.</li>
 *   <li><b>Blocks.</b> The engine's reply model ({@code TurnResult}, {@code Reply}) becomes Block Kit in pure classes:
 *       {@link org.compactbot.slack.SlackBlocks} (replies, quotes, buttons, the summary's Confirm / Edit),
 *       {@link org.compactbot.slack.ChallengeFormView} (the modal), {@link org.compactbot.slack.HomeView} (App Home).
 *       Everything goes out through {@link org.compactbot.slack.SlackWebApi}, with the bot token of the person's
 *       workspace ({@link org.compactbot.slack.BotTokens}). Sends queue in {@link org.compactbot.slack.SlackSends}, in
 *       order per person or channel, and a failed attempt ({@link org.compactbot.slack.SlackCalls} classifies it) is
 *       tried again on a timer, holding no thread; lookups a reply needs at once are asked once. A reply that gives the
 *       early-resolution letter is followed by its Word document, uploaded to the direct message
 *       ({@code SlackWebApi.fileToPerson}, files.uploadV2; scope {@code files:write}).</li>
 * </ol>
 *
 * <h2>One workspace or many</h2>
 * With slack.bot-token set the app serves one workspace with that token. With slack.client-id and slack.client-secret
 * set instead it serves many: {@code GET /slack/install} and {@code GET /slack/oauth_redirect}
 * ({@code web.SlackInstallRoute} -> {@link org.compactbot.slack.SlackHttp#install}) run Bolt's OAuth v2 flow, with the
 * one-time state in {@link org.compactbot.slack.StoredOAuthStates} and each workspace's bot token in
 * {@link org.compactbot.slack.StoredInstallations}, both over the store's
 * {@link org.compactbot.conversation.WorkspaceInstallations} port. Bolt's multi-team authorization finds the token for
 * each request; {@code BotTokens.installed} finds it for each call the queued work makes. {@link org.compactbot.slack.InstallPages}
 * says why an install did not finish.
 *
 * <h2>Where to add things</h2>
 * <ul>
 *   <li><b>A /compact word</b> (or a word a mention understands): {@code ChannelAnswers.command} (or
 *       {@code ChannelAnswers.mention}); answer in the acknowledgement only if it is instant, otherwise queue the work
 *       with {@code work.submit(conversationId, ...)}. Anything about a person's challenge goes to
 *       {@code DirectMessages}, never to the channel. Add it to {@code SlackBlocks.help()} (and a new slash command to
 *       {@code config/slack-app-manifest.yml}).</li>
 *   <li><b>A word in the direct message</b> (help, status, a new intake command): not here; the engine reads it
 *       ({@code conversation/package-info.java}), and every channel gets it.</li>
 *   <li><b>A button</b>: give it an action id beside the others ({@code SlackBlocks}, {@code HomeView}), and a
 *       {@code app.blockAction} in {@code SlackRoutes} that acks and queues the work.</li>
 *   <li><b>A view</b> (another modal, another home section): its blocks in a pure {@code ...View} class like
 *       {@code ChallengeFormView}; opening or publishing it through {@code SlackWebApi}; a submission route
 *       ({@code app.viewSubmission}) in {@code SlackRoutes} and its handling in a class of its own, as
 *       {@code ChallengeModal} does, through {@code Redeliveries} if acting twice would do harm.</li>
 *   <li><b>An event type</b>: {@code app.event(...)} in {@code SlackRoutes}, through {@code Redeliveries.once}.</li>
 * </ul>
 */
package org.compactbot.slack;
