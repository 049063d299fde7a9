/**
 * The dialogue every channel shares: questions answered, and a Compact challenge raised in people's own words.
 *
 * <h2>How a message becomes a reply</h2>
 * <ol>
 *   <li>A channel calls {@link org.compactbot.conversation.ConversationEngine#handle} with the conversation's
 *       {@link org.compactbot.conversation.ConversationId} (its {@link org.compactbot.conversation.Channel} and the
 *       channel's key for it: {@code ConversationId.mail(sender)}, {@code slack(team, user)}, {@code api(id)},
 *       {@code cli(who)}, {@code web(draft)}), the text and (email) the message's key and what the From header says. The id's stored form
 *       ({@code mail:sam@example.org}, {@code slack:T1:U1}, {@code api:web-1}, {@code cli:sam}, {@code web:<digest>}) is the conversation's key
 *       in the database and in logs, and {@code ConversationId.parse} reads it back; the channel's name
 *       ({@code Channel.id()}: email, slack, api, cli, web) is stored with the conversation.</li>
 *   <li>{@code TurnRunner} takes the conversation's lock, loads it (a row that cannot be read starts again politely),
 *       answers a redelivered message as before, clears a draft older than 30 days, then hands the turn on, and saves
 *       conversation, transcript and any new case in one transaction. A turn that raced another instance runs again.</li>
 *   <li>With no challenge in progress, {@code Talk} handles it: greeting, help, status, a question (answered by
 *       {@code Questions}, with the offer to raise a challenge when it reads like a grievance; "has this happened
 *       before?" is read by {@code PastOutcomesAsked} and answered from the
 *       {@link org.compactbot.conversation.PastOutcomes} port, also while a challenge is raised), or the start of a
 *       challenge, also by taking up the bot's offer ("yes please").</li>
 *   <li>While raising one, {@code Intake} reads what the reply says ({@code Understanding}: a command, a change, yes at
 *       the summary, a question, or an answer), then the answer to the question asked ({@code ChallengeFlow.read},
 *       using the readers {@code RoleAnswer}, {@code ConsentAnswer}, {@code UndertakingChoice}, {@code KeyDates},
 *       {@code NoAnswer}, {@code Correction}). A reading below {@code Validation.SURE} is checked once ("Just to
 *       check: ...?", {@code JustToCheck}). What the first message already answers is taken by {@code Prefill};
 *       status, back and change are {@code AnswersSoFar}'s; the undertakings offered, {@code UndertakingSuggestions}'.
 *       What follows from an answer (dates and their sentences, the Compact checks, the body's configured name) is
 *       kept in {@code DraftNotes}.</li>
 *   <li>By email (a {@code Channel} that {@code asksAllAtOnce()}), {@code EmailIntake} sends the open questions as one numbered list and reads the reply in any of the
 *       styles people use ({@code BatchAnswers}). Slack's modal goes through {@code ChallengeForm}; the web's
 *       question pages through {@code ChallengeByPages} (each page's answer read by the slot's own reader and kept by
 *       {@code Intake.keep}, results as {@code PageAnswer} and {@code PageSubmission}, the draft shown as {@code PageDraft}).</li>
 *   <li>Before either, {@code PersonRequest} takes a request for a person at any point ({@code AsksForAPerson}: "can I
 *       talk to a person?", "can someone call me"), asks which area or how to reach them when it must, and hands the
 *       conversation to the area's lead through the {@link org.compactbot.conversation.PersonHandover} port (implemented
 *       by {@link org.compactbot.cases.HandingToAPerson}), once until the promised day ({@code PersonNotes}). After two
 *       turns in a row the bot could not understand ({@code Turn.misunderstood}, or a declined question) it offers a
 *       person itself. The draft is untouched.</li>
 *   <li>Also before either, {@code LetterRequest} takes a request for the early-resolution letter ({@code AsksForALetter}:
 *       "draft a letter", "letter please"): from the draft once the body and an undertaking are known (the question is
 *       asked again after it), or from the conversation's case ({@code ConversationStore.caseFacts}); the facts as
 *       {@code LetterFacts}, composed by the pure {@code EarlyResolutionLetter} into a {@code Letter} carried on its
 *       {@code Reply} (and its text), written as .docx by {@code LetterDocument}. Nothing is stored for it.</li>
 *   <li>At the person's yes, {@code CaseSubmission.submit} hands a {@code ConversationStore.NewCase} to the store, which
 *       submits it through {@link org.compactbot.cases.SubmittingChallenge} in the same transaction.</li>
 * </ol>
 *
 * <h2>Where to add</h2>
 * <ul>
 *   <li>A slot: {@link org.compactbot.conversation.Slot} (its id is a contract), its prompt, rephrasing, help and
 *       reader in {@code ChallengeFlow}, its email label words in {@code BatchAnswers}.</li>
 *   <li>A way people say something: the reader's pattern, with a row in
 *       {@code src/test/resources/conversation/replies-found.tsv}.</li>
 *   <li>A command word: {@code Understanding.word}, acted on in {@code Intake.command}.</li>
 *   <li>A way of asking for a person: {@code AsksForAPerson}, with a row in {@code AsksForAPersonTest}; for the
 *       letter: {@code AsksForALetter}, with a row in {@code AsksForALetterTest}.</li>
 *   <li>A channel: a constant in {@code Channel.Standard} (its name and id prefix are stored: a contract, never
 *       changed for an existing channel) and a factory on {@code ConversationId}.</li>
 *   <li>A Compact check on the facts: {@code CompactChecks}.</li>
 * </ul>
 * Nothing here knows a channel or the database: the store is the {@code ConversationStore} port, the configured
 * bodies the {@link org.compactbot.conversation.BodyNames} port, and each question asked (answered or declined) is
 * reported once its turn is saved to the {@link org.compactbot.conversation.QuestionsAsked} port (the metrics). {@link org.compactbot.conversation.EmailAddress} is
 * the project's one rule for an email address (the email slot here; config, mediators.yml and mail use it too).
 */
package org.compactbot.conversation;
