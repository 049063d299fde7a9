package org.compactbot.slack;

import static org.compactbot.slack.SlackFixture.FORM;
import static org.compactbot.slack.SlackFixture.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.compactbot.cases.CaseProgress;
import org.compactbot.cases.CaseStatus;
import org.compactbot.conversation.ConversationId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slack end to end over HTTP: signed requests into the real /slack/events route, the real engine,
 * and a fake Slack Web API on loopback that records what the bot posts.
 */
class SlackChannelTest {
    @TempDir Path dir;
    private SlackFixture slack;

    @AfterEach
    void close() {
        if (slack != null) slack.close();
    }

    private static String allText(JsonNode blocks) {
        return blocks.toString();
    }

    private static List<JsonNode> elements(JsonNode blocks) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode b : blocks) if (b.path("type").asText().equals("actions")) b.get("elements").forEach(out::add);
        return out;
    }

    @Test
    void directMessageQuestionIsAckedAtOnceAndAnsweredWithTheQuotedTextAndCitation() throws Exception {
        slack = new SlackFixture(dir);
        long t0 = System.nanoTime();
        HttpResponse<String> r = slack.signed(SlackRequests.directMessage(SlackRequests.newEventId(), "U1",
                "how long should a consultation run?"), JSON);
        long ackMillis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(ackMillis < 3000, "acknowledged in " + ackMillis + " ms");

        FakeSlackApi.Call post = slack.api.await("chat.postMessage", 1).get(0);
        assertEquals("DU1", post.params().get("channel"));
        JsonNode blocks = post.json("blocks");
        assertTrue(blocks.get(0).path("text").path("text").asText().startsWith("&gt; ") || blocks.get(0).path("text").path("text").asText().startsWith("> "),
                "the answer opens with the quoted passage: " + blocks);
        assertTrue(allText(blocks).toLowerCase().contains("week"), blocks.toString());
        JsonNode citation = blocks.get(1);
        assertEquals("context", citation.path("type").asText());
        assertTrue(citation.path("elements").get(0).path("text").asText().startsWith("— "), citation.toString());
        assertTrue(post.params().get("text").contains("—"), "the notification text carries the citation too");

        String id = slack.db.inTransaction(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT id, channel FROM conversations")) {
                return rs.next() ? rs.getString(1) + " " + rs.getString(2) : null;
            }
        });
        assertEquals("slack:T0TEAM:U1 slack", id);
    }

    @Test
    void aWholeChallengeCanBeRaisedInADirectMessageAndConfirmedWithTheButton() throws Exception {
        slack = new SlackFixture(dir);
        List<String[]> script = List.of(
                new String[] {"Which area", "west-cheshire"},
                new String[] {"Are you raising this as", "group"},
                new String[] {"What is your name", "Sam Patel"},
                new String[] {"Which organisation", "Hope Street Youth Club"},
                new String[] {"What email address", "<mailto:sam@example.org|sam@example.org>"},
                new String[] {"Which public body", "Cheshire West and Chester Council, grants team"},
                new String[] {"Please tell me what happened", "The council told us by letter that our grant will end in two weeks, with no consultation at all."},
                new String[] {"Which apply?", "1"},
                new String[] {"I couldn't match", "none"},
                new String[] {"What are the key dates", "told on 3 Nov 2026, takes effect 17 Nov 2026"},
                new String[] {"What is the impact", "40 young people lose their weekly club"},
                new String[] {"Have you already raised this", "skip"},
                new String[] {"What would you like to happen", "Funding restored until proper notice is given"},
                new String[] {"Your challenge will be shared", "confidential"});
        slack.signed(SlackRequests.directMessage(SlackRequests.newEventId(), "U20", "raise a challenge"), JSON);
        for (int turn = 1; turn < 30; turn++) {
            FakeSlackApi.Call last = slack.api.await("chat.postMessage", turn).get(turn - 1);
            String asked = last.params().get("text");
            if (asked.contains("Is this right?")) {
                assertTrue(asked.contains("sam@example.org"), "the email arrived unwrapped: " + asked);
                JsonNode confirm = elements(last.json("blocks")).stream()
                        .filter(b -> b.path("value").asText().equals("yes")).findFirst().orElseThrow();
                assertEquals("primary", confirm.path("style").asText());
                assertTrue(elements(last.json("blocks")).stream().anyMatch(b -> b.path("type").asText().equals("static_select")));
                slack.signed(SlackRequests.blockAction("U20", "DU20", "2001.1", confirm.get("action_id").asText(), "yes", "Confirm", null), FORM);
                String done = slack.api.await("chat.postMessage", turn + 1).get(turn).params().get("text");
                assertTrue(done.matches("(?s).*your reference is CC-\\d{4}-\\d{4}.*"), done);
                return;
            }
            String answer = script.stream().filter(s -> asked.contains(s[0])).map(s -> s[1]).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError("unexpected question: " + asked));
            slack.signed(SlackRequests.directMessage(SlackRequests.newEventId(), "U20", answer), JSON);
        }
        throw new AssertionError("never reached the summary");
    }

    @Test
    void aGrievanceAskedDirectlyIsAnsweredWithAButtonToRaiseAChallenge() throws Exception {
        slack = new SlackFixture(dir);
        slack.signed(SlackRequests.directMessage(SlackRequests.newEventId(), "U21",
                "the council cut our grant with two weeks warning, is that allowed?"), JSON);
        FakeSlackApi.Call post = slack.api.await("chat.postMessage", 1).get(0);
        JsonNode blocks = post.json("blocks");
        assertTrue(blocks.toString().contains("raise a Compact challenge"), blocks.toString());
        assertTrue(elements(blocks).stream().anyMatch(b -> b.path("value").asText().equals("challenge")), blocks.toString());
    }

    @Test
    void askingForAPersonInADirectMessageEmailsTheAreasLeadHowToReachThemInSlack() throws Exception {
        slack = new SlackFixture(dir);
        slack.signed(SlackRequests.directMessage(SlackRequests.newEventId(), "U7", "Can I talk to a real person about our grant in Redcar?"), JSON);
        FakeSlackApi.Call post = slack.api.await("chat.postMessage", 1).get(0);
        assertEquals("DU7", post.params().get("channel"));
        assertTrue(post.params().get("text").contains("I have asked the Redcar & Cleveland Compact lead to contact you on Slack"), post.params().toString());
        List<org.compactbot.cases.Outbox.Pending> toLead = new org.compactbot.store.SqlOutbox(slack.db)
                .due(java.time.Instant.now().plusSeconds(60), 10).stream().filter(p -> p.email().purpose().equals("person_request")).toList();
        assertEquals(1, toLead.size());
        assertEquals("compact@redcar-cleveland.example", toLead.get(0).email().to());
        assertTrue(toLead.get(0).email().text().contains("They wrote in Slack: user U7 in workspace T0TEAM"), toLead.get(0).email().text());
    }

    @Test
    void aMentionInAChannelIsAnsweredInItsThread() throws Exception {
        slack = new SlackFixture(dir);
        assertEquals(200, slack.signed(SlackRequests.mention(SlackRequests.newEventId(), "U2", "C0GENERAL", "1700000100.000200",
                "how long should a consultation run?"), JSON).statusCode());
        FakeSlackApi.Call post = slack.api.await("chat.postMessage", 1).get(0);
        assertEquals("C0GENERAL", post.params().get("channel"));
        assertEquals("1700000100.000200", post.params().get("thread_ts"));
        assertTrue(post.json("blocks").toString().contains("— "), post.params().toString());
    }

    @Test
    void aQuestionCountsOnceOnMetricsWhetherAskedInADirectMessageAMentionOrByCommand() throws Exception {
        slack = new SlackFixture(dir);
        String answered = "compactbot_questions_total{outcome=\"answered\"}";
        slack.signed(SlackRequests.directMessage(SlackRequests.newEventId(), "U5", "how long should a consultation run?"), JSON);
        slack.api.await("chat.postMessage", 1);
        slack.idle();
        assertEquals(1, org.compactbot.web.Scrape.of(slack.metrics.scrape()).value(answered), "the direct message's question");
        slack.signed(SlackRequests.mention(SlackRequests.newEventId(), "U5", "C0GENERAL", "1700000300.000100",
                "how long should a consultation run?"), JSON);
        slack.api.await("chat.postMessage", 2);
        slack.idle();
        assertEquals(2, org.compactbot.web.Scrape.of(slack.metrics.scrape()).value(answered), "the mention's, once");
        slack.signed(SlackRequests.command("U5", "C0GENERAL", "what is full cost recovery?", slack.api.baseUrl() + "/respond/cmd-5"), FORM);
        slack.api.await("/respond/cmd-5", 1);
        slack.idle();
        var s = org.compactbot.web.Scrape.of(slack.metrics.scrape());
        assertEquals(3, s.value(answered), "the command's, once");
        assertEquals(0, s.value("compactbot_questions_total{outcome=\"declined\"}"));
    }

    @Test
    void startingAChallengeInAChannelMovesItToADirectMessageAndPostsNothingAboutItThere() throws Exception {
        slack = new SlackFixture(dir);
        slack.signed(SlackRequests.mention(SlackRequests.newEventId(), "U3", "C0GENERAL", "1700000200.000100",
                "I want to raise a challenge: the council cut our grant with two weeks notice"), JSON);
        slack.api.await("chat.postMessage", 1, c -> c.params().get("channel").equals("DU3"));
        slack.idle();
        FakeSlackApi.Call note = slack.api.await("chat.postEphemeral", 1).get(0);
        assertEquals("C0GENERAL", note.params().get("channel"));
        assertEquals("U3", note.params().get("user"));
        assertTrue(note.params().get("text").contains("messaged you privately"));
        assertTrue(slack.api.calls("chat.postMessage").stream().noneMatch(c -> c.params().get("channel").startsWith("C")),
                "nothing posted in the channel: " + slack.api.calls("chat.postMessage"));
        String dm = slack.api.calls("chat.postMessage").stream().map(c -> c.params().get("text")).reduce("", String::concat);
        assertTrue(dm.contains("Compact challenge"), dm);
    }

    @Test
    void slashCommandQuestionIsAcknowledgedAtOnceAndAnsweredOnlyToTheAsker() throws Exception {
        slack = new SlackFixture(dir);
        String responseUrl = slack.api.baseUrl() + "/respond/cmd-1";
        HttpResponse<String> ack = slack.signed(SlackRequests.command("U4", "C0GENERAL", "what is full cost recovery?", responseUrl), FORM);
        assertEquals(200, ack.statusCode());
        FakeSlackApi.Call answer = slack.api.await("/respond/cmd-1", 1).get(0);
        JsonNode body = answer.json(null);
        assertEquals("ephemeral", body.get("response_type").asText());
        assertTrue(body.get("blocks").toString().toLowerCase().contains("cost"), body.toString());
        assertTrue(slack.api.calls("chat.postMessage").isEmpty());
    }

    @Test
    void slashCommandHelpIsTheAcknowledgementItself() throws Exception {
        slack = new SlackFixture(dir);
        HttpResponse<String> ack = slack.signed(SlackRequests.command("U4", "C0GENERAL", "help", "http://127.0.0.1:1/unused"), FORM);
        assertEquals(200, ack.statusCode());
        assertTrue(ack.body().contains("/compact challenge"), ack.body());
        assertTrue(ack.body().contains("ephemeral"), ack.body());
    }

    /** A challenge form as a busy officer fills it in. */
    private static Map<String, String> completedForm() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("area", "west-cheshire");
        f.put("role", "group");
        f.put("name", "Sam Patel");
        f.put("organisation", "Hope Street Youth Club");
        f.put("email", "sam@example.org");
        f.put("respondent", "Cheshire West and Chester Council, grants team");
        f.put("what_happened", "The council told us by letter that our grant will end in two weeks, with no consultation at all.");
        f.put("dates", "told on 3 Nov 2026, takes effect 17 Nov 2026");
        f.put("desired_outcome", "Funding restored until proper notice is given");
        f.put("consent", "confidential");
        return f;
    }

    private static JsonNode field(JsonNode view, String blockId) {
        for (JsonNode b : view.get("blocks")) if (b.path("block_id").asText().equals(blockId)) return b.get("element");
        throw new AssertionError("no field " + blockId + " in " + view);
    }

    @Test
    void slashChallengeOpensTheFormFilledInFromTheDraftAndTheSlackProfile() throws Exception {
        slack = new SlackFixture(dir);
        slack.signed(SlackRequests.directMessage(SlackRequests.newEventId(), "U5", "I want to raise a challenge"), JSON);
        slack.api.await("chat.postMessage", 1);
        slack.signed(SlackRequests.directMessage(SlackRequests.newEventId(), "U5", "West Cheshire"), JSON);
        slack.api.await("chat.postMessage", 2);
        slack.idle();

        HttpResponse<String> ack = slack.signed(SlackRequests.command("U5", "C0GENERAL", "challenge", slack.api.baseUrl() + "/respond/x"), FORM);
        assertEquals(200, ack.statusCode());
        assertFalse(ack.body().contains("challenge"), "nothing about the challenge in the channel: " + ack.body());
        FakeSlackApi.Call open = slack.api.await("views.open", 1).get(0);
        assertEquals("1337.42.abcd", open.params().get("trigger_id"));
        JsonNode view = open.json("view");
        assertEquals("modal", view.get("type").asText());
        assertEquals("challenge_form", view.get("callback_id").asText());
        assertEquals("west-cheshire", field(view, "area").path("initial_option").path("value").asText(), "the area said in the DM");
        assertEquals("radio_buttons", field(view, "consent").path("type").asText());
        // opened first (the trigger lasts 3 s), then filled in with what Slack knows of the person
        JsonNode filled = slack.api.await("views.update", 1).get(0).json("view");
        assertEquals("west-cheshire", field(filled, "area").path("initial_option").path("value").asText());
        assertEquals("Sam Patel", field(filled, "name").path("initial_value").asText(), "the name Slack knows");
        assertEquals("sam.patel@example.org", field(filled, "email").path("initial_value").asText());
        List<String> optional = new ArrayList<>();
        for (JsonNode b : view.get("blocks")) if (b.path("optional").asBoolean()) optional.add(b.get("block_id").asText());
        assertEquals(List.of("organisation", "undertakings", "dates", "impact", "informal_steps"), optional);
    }

    @Test
    void theFormShowsEachWrongFieldThenCreatesTheSameCaseAsTheDirectMessageAndItIsRouted() throws Exception {
        slack = new SlackFixture(dir);
        Map<String, String> form = completedForm();
        form.put("email", "sam at example");
        form.put("dates", "the 45th of Smarch");
        form.remove("desired_outcome");
        HttpResponse<String> refused = slack.signed(SlackRequests.formSubmission("U6", form), FORM);
        assertEquals(200, refused.statusCode());
        JsonNode errors = new com.fasterxml.jackson.databind.ObjectMapper().readTree(refused.body());
        assertEquals("errors", errors.get("response_action").asText(), refused.body());
        assertTrue(errors.at("/errors/email").asText().contains("doesn't look like an email address"), refused.body());
        assertTrue(errors.at("/errors/dates").asText().contains("couldn't find a date"), refused.body());
        assertEquals("Please fill this in.", errors.at("/errors/desired_outcome").asText());
        assertEquals(List.of("area", "role", "name", "organisation", "email", "respondent", "what_happened", "consent").size(),
                form.size() - 1, "the fields that were right are not reported");
        assertEquals(3, errors.get("errors").size(), refused.body());
        assertTrue(slack.caseStore.list(null, null).isEmpty(), "nothing is created from a wrong form");

        HttpResponse<String> done = slack.signed(SlackRequests.formSubmission("U6", completedForm()), FORM);
        JsonNode update = new com.fasterxml.jackson.databind.ObjectMapper().readTree(done.body());
        assertEquals("update", update.get("response_action").asText(), done.body());
        String shown = update.get("view").toString();
        var cases = slack.caseStore.list(null, null);
        assertEquals(1, cases.size());
        var c = cases.get(0);
        assertTrue(shown.contains(c.ref()), shown);
        assertEquals("slack:T0TEAM:U6", c.conversationId());
        assertEquals("west-cheshire", c.area());
        assertEquals("sam@example.org", c.complainantEmail());
        assertEquals("Hope Street Youth Club", c.organisation());
        assertEquals("confidential", c.details().get("consent"));
        assertTrue(String.valueOf(c.details().get("details")).contains("told=2026-11-03"), c.details().toString());
        assertTrue(String.valueOf(c.details().get("details")).contains("less than the Compact's minimum"), "checked against the Compact");
        assertFalse(((List<?>) c.details().get("suggestions")).isEmpty(), "undertakings suggested from the story");

        FakeSlackApi.Call dm = slack.api.await("chat.postMessage", 1).get(0);
        assertEquals("DU6", dm.params().get("channel"));
        assertTrue(dm.params().get("text").contains("your reference is " + c.ref()), dm.params().toString());

        var directory = org.compactbot.cases.MediatorDirectoryLoader.load(Path.of("config/mediators.yml"));
        new org.compactbot.cases.CaseService(slack.caseStore, directory, java.time.Clock.systemUTC()).routeNew();
        var routed = slack.caseStore.find(c.ref()).orElseThrow();
        assertEquals("assigned", routed.status().id());
        assertTrue(routed.mediatorId() != null && !routed.mediatorId().isBlank(), routed.toString());
    }

    @Test
    void theSameSignedFormSubmissionPostedAgainCreatesNoSecondCase() throws Exception {
        slack = new SlackFixture(dir);
        String submission = SlackRequests.formSubmission("U7", completedForm());
        List<HttpResponse<String>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) answers.add(slack.signed(submission, FORM));
        var cases = slack.caseStore.list(null, null);
        assertEquals(1, cases.size(), "one case however often the submission is replayed");
        for (HttpResponse<String> r : answers) {
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains(cases.get(0).ref()), "each answer shows the one reference: " + r.body());
        }
        // a restart forgets nothing: the replay is still recognised
        slack.restart();
        slack.signed(submission, FORM);
        assertEquals(1, slack.caseStore.list(null, null).size());
        // a wrong form sent twice is shown its errors twice (nothing was created, so nothing is a replay)
        Map<String, String> wrong = completedForm();
        wrong.put("email", "sam at example");
        String bad = SlackRequests.formSubmission("U8", wrong);
        for (int i = 0; i < 2; i++) {
            JsonNode errors = new com.fasterxml.jackson.databind.ObjectMapper().readTree(slack.signed(bad, FORM).body());
            assertTrue(errors.at("/errors/email").asText().contains("doesn't look like an email address"), errors.toString());
        }
    }

    @Test
    void aSignedEventCallbackWithoutItsEventIs400AndNoServerError() throws Exception {
        slack = new SlackFixture(dir);
        HttpResponse<String> r = slack.signed("{\"type\":\"event_callback\",\"team_id\":\"T0TEAM\",\"event_id\":\"Ev9\"}", JSON);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("without an event"), r.body());
        assertEquals(400, slack.signed("{not json", JSON).statusCode());
        assertEquals(400, slack.signed(SlackRequests.form("payload", "{broken"), FORM).statusCode());
    }

    @Test
    void theFormOpensWithinTheTriggersThreeSecondsWhenSlackIsSlowToSayWhoThePersonIs() throws Exception {
        slack = new SlackFixture(dir);
        slack.api.slowNext("users.info", Duration.ofSeconds(4));
        java.time.Instant asked = java.time.Instant.now();
        slack.signed(SlackRequests.command("U6", "C0GENERAL", "challenge", slack.api.baseUrl() + "/respond/x"), FORM);
        FakeSlackApi.Call open = slack.api.await("views.open", 1).get(0);
        assertTrue(Duration.between(asked, open.at()).toMillis() < 2_000,
                "views.open " + Duration.between(asked, open.at()).toMillis() + " ms after the command: the trigger lasts 3 s");
        assertEquals("", field(open.json("view"), "name").path("initial_value").asText(), "opened before Slack said who U6 is");
        // when users.info answers, the open form is filled in with what Slack knows
        FakeSlackApi.Call update = slack.api.await("views.update", 1).get(0);
        assertEquals("V0VIEW", update.params().get("view_id"));
        assertEquals("h1", update.params().get("hash"));
        assertEquals("Sam Patel", field(update.json("view"), "name").path("initial_value").asText());
        assertEquals("sam.patel@example.org", field(update.json("view"), "email").path("initial_value").asText());
        slack.idle();
        assertTrue(slack.api.calls("chat.postMessage").isEmpty(), "the form opened, so nothing in the DM");
    }

    @Test
    void theFormOpensEvenWhenSlackCannotSayWhoThePersonIs() throws Exception {
        slack = new SlackFixture(dir);
        slack.api.failNext("users.info", 503, null);
        slack.signed(SlackRequests.command("U6", "C0GENERAL", "challenge", slack.api.baseUrl() + "/respond/x"), FORM);
        FakeSlackApi.Call open = slack.api.await("views.open", 1).get(0);
        assertTrue(slack.api.calls("users.info").stream().allMatch(c -> c.at().isAfter(open.at()) || c.at().equals(open.at())),
                "views.open first, then users.info: " + slack.api.all().stream().map(FakeSlackApi.Call::method).toList());
        slack.api.await("users.info", 1);
        slack.idle();
        assertEquals(1, slack.api.calls("users.info").size(), "asked once: the person is not kept waiting for a lookup");
        assertTrue(slack.api.calls("views.update").isEmpty(), "nothing to fill in");
        assertTrue(slack.api.calls("chat.postMessage").isEmpty(), "the form opened, so nothing in the DM");
    }

    @Test
    void whenSlackWillNotOpenTheFormTheChallengeStartsInTheDirectMessage() throws Exception {
        slack = new SlackFixture(dir);
        slack.api.failNext("views.open", 200, null);
        slack.signed(SlackRequests.command("U7", "C0GENERAL", "challenge", slack.api.baseUrl() + "/respond/x"), FORM);
        FakeSlackApi.Call post = slack.api.await("chat.postMessage", 1).get(0);
        assertEquals("DU7", post.params().get("channel"));
        assertTrue(post.params().get("text").contains("Which area"), post.params().toString());
        FakeSlackApi.Call told = slack.api.await("/respond/x", 1).get(0);
        assertTrue(told.body().contains("messaged you privately"), told.body());
    }

    @Test
    void aButtonClickAdvancesTheIntakeAndAnOldButtonIsNotUsedAgain() throws Exception {
        slack = new SlackFixture(dir);
        slack.signed(SlackRequests.directMessage(SlackRequests.newEventId(), "U6", "raise a challenge"), JSON);
        FakeSlackApi.Call areaQuestion = slack.api.await("chat.postMessage", 1).get(0);
        JsonNode area = elements(areaQuestion.json("blocks")).stream()
                .filter(b -> b.path("value").asText().equals("west-cheshire")).findFirst().orElseThrow();
        String click = SlackRequests.blockAction("U6", "DU6", "1001.000100", area.get("action_id").asText(), "west-cheshire",
                area.path("text").path("text").asText(), slack.api.baseUrl() + "/respond/a1");
        assertEquals(200, slack.signed(click, FORM).statusCode());

        FakeSlackApi.Call roleQuestion = slack.api.await("chat.postMessage", 2).get(1);
        assertTrue(roleQuestion.params().get("text").contains("Are you raising this as"), roleQuestion.params().toString());
        FakeSlackApi.Call update = slack.api.await("chat.update", 1).get(0);
        assertEquals("1001.000100", update.params().get("ts"));
        assertTrue(update.json("blocks").toString().contains("You chose"), update.params().toString());
        assertFalse(update.json("blocks").toString().contains("\"actions\""), "the clicked buttons are gone");

        slack.signed(click, FORM);
        FakeSlackApi.Call stale = slack.api.await("chat.postMessage", 3).get(2);
        assertTrue(stale.params().get("text").contains("earlier question"), stale.params().toString());

        JsonNode group = elements(roleQuestion.json("blocks")).stream()
                .filter(b -> b.path("value").asText().equals("group")).findFirst().orElseThrow();
        slack.signed(SlackRequests.blockAction("U6", "DU6", "1002.000100", group.get("action_id").asText(), "group",
                "A voluntary or community group", null), FORM);
        FakeSlackApi.Call nameQuestion = slack.api.await("chat.postMessage", 4).get(3);
        assertTrue(nameQuestion.params().get("text").contains("What is your name?"), nameQuestion.params().toString());
        assertTrue(elements(nameQuestion.json("blocks")).stream().anyMatch(b -> b.path("value").asText().equals("Sam Patel")),
                "offers the name Slack knows (users.info)");
        assertEquals(1, slack.api.calls("users.info").size());
    }

    @Test
    void aRetryAndADuplicateEventIdGetOneReplyEvenAfterARestart() throws Exception {
        slack = new SlackFixture(dir);
        String eventId = SlackRequests.newEventId();
        String body = SlackRequests.directMessage(eventId, "U7", "what is full cost recovery?");
        assertEquals(200, slack.signed(body, JSON).statusCode());
        assertEquals(200, slack.signed(body, JSON, "X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout").statusCode());
        assertEquals(200, slack.signed(body, JSON).statusCode());
        slack.api.await("chat.postMessage", 1);
        slack.idle();
        slack.restart();
        assertEquals(200, slack.signed(body, JSON, "X-Slack-Retry-Num", "2", "X-Slack-Retry-Reason", "http_timeout").statusCode());
        slack.idle();
        Thread.sleep(200);
        assertEquals(1, slack.api.calls("chat.postMessage").size(), slack.api.calls("chat.postMessage").toString());
    }

    @Test
    void aBadSignatureOrAStaleTimestampGets401AndDoesNothing() throws Exception {
        slack = new SlackFixture(dir);
        String body = SlackRequests.directMessage(SlackRequests.newEventId(), "U8", "what is full cost recovery?");
        long now = System.currentTimeMillis() / 1000;
        assertEquals(401, slack.post(body, JSON, now, SlackRequests.sign("not-the-secret", now, body)).statusCode());
        assertEquals(401, slack.post(body + " ", JSON, now, SlackRequests.sign(SlackRequests.SECRET, now, body)).statusCode(),
                "the signature is over the exact body");
        long stale = now - 6 * 60;
        assertEquals(401, slack.post(body, JSON, stale, SlackRequests.sign(SlackRequests.SECRET, stale, body)).statusCode());
        long future = now + 6 * 60;
        assertEquals(401, slack.post(body, JSON, future, SlackRequests.sign(SlackRequests.SECRET, future, body)).statusCode());
        assertEquals(401, slack.post(body, JSON, now, "").statusCode());
        slack.idle();
        assertTrue(slack.api.calls("chat.postMessage").isEmpty());
        assertEquals(200, slack.signed(body, JSON).statusCode(), "the same event, properly signed, is still new");
        slack.api.await("chat.postMessage", 1);
        var metrics = org.compactbot.web.Scrape.of(slack.metrics.scrape());
        assertEquals(5, metrics.value("compactbot_slack_acks_total{result=\"refused\"}"));
        assertEquals(1, metrics.value("compactbot_slack_acks_total{result=\"ok\"}"));
        assertEquals(0, metrics.value("compactbot_slack_acks_total{result=\"error\"}"));
        assertEquals(1, metrics.value("compactbot_slack_ack_seconds_count"));
    }

    @Test
    void rateLimitsAndServerErrorsFromTheWebApiAreRetried() throws Exception {
        slack = new SlackFixture(dir);
        slack.api.failNext("chat.postMessage", 429, "1");
        slack.api.failNext("chat.postMessage", 503, null);
        slack.signed(SlackRequests.directMessage(SlackRequests.newEventId(), "U9", "what is full cost recovery?"), JSON);
        List<FakeSlackApi.Call> posts = slack.api.await("chat.postMessage", 3);
        slack.idle();
        assertEquals(3, slack.api.calls("chat.postMessage").size());
        Duration waited = Duration.between(posts.get(0).at(), posts.get(1).at());
        assertTrue(waited.toMillis() >= 950, "waited " + waited.toMillis() + " ms after Retry-After: 1");
        assertEquals(posts.get(0).params().get("text"), posts.get(2).params().get("text"));
    }

    @Test
    void oneRateLimitedReplyDoesNotHoldUpAnybodyElse() throws Exception {
        slack = new SlackFixture(dir);
        // two people whose work shares one of the ordered lanes, where a retry used to sleep
        String first = "U1", second = null;
        int lane = Math.floorMod(ConversationId.slack(FakeSlackApi.TEAM, first).value().hashCode(), 4);
        for (int i = 2; second == null; i++) {
            if (Math.floorMod(ConversationId.slack(FakeSlackApi.TEAM, "U" + i).value().hashCode(), 4) == lane) second = "U" + i;
        }
        String firstDm = "D" + first, secondDm = "D" + second;
        slack.api.failNext("chat.postMessage", 429, "3");
        slack.signed(SlackRequests.directMessage(SlackRequests.newEventId(), first, "what is full cost recovery?"), JSON);
        FakeSlackApi.Call limited = slack.api.await("chat.postMessage", 1).get(0);
        assertEquals(firstDm, limited.params().get("channel"));
        slack.signed(SlackRequests.directMessage(SlackRequests.newEventId(), first, "how long should a consultation run?"), JSON);
        slack.signed(SlackRequests.directMessage(SlackRequests.newEventId(), second, "how long should a consultation run?"), JSON);

        FakeSlackApi.Call other = slack.api.await("chat.postMessage", 1, c -> secondDm.equals(c.params().get("channel"))).get(0);
        long behind = Duration.between(limited.at(), other.at()).toMillis();
        assertTrue(behind < 2_000, "the second person waited " + behind + " ms behind the first one's Retry-After: 3");

        List<FakeSlackApi.Call> firsts = slack.api.await("chat.postMessage", 3, c -> firstDm.equals(c.params().get("channel")));
        assertTrue(Duration.between(limited.at(), firsts.get(1).at()).toMillis() >= 2_900, "the first person's reply waited as Slack asked");
        assertEquals(limited.params().get("text"), firsts.get(1).params().get("text"), "the same reply, sent again");
        assertTrue(firsts.get(2).params().get("text").contains("consultation"), "their second answer still comes after their first");
        slack.idle();
    }

    @Test
    void theHomeTabShowsWhatTheBotDoesWithButtonsToAskOrChallenge() throws Exception {
        slack = new SlackFixture(dir);
        slack.signed(SlackRequests.homeOpened(SlackRequests.newEventId(), "U10"), JSON);
        FakeSlackApi.Call publish = slack.api.await("views.publish", 1).get(0);
        assertEquals("U10", publish.params().get("user_id"));
        JsonNode view = publish.json("view");
        assertEquals("home", view.get("type").asText());
        List<String> actions = elements(view.get("blocks")).stream().map(b -> b.get("action_id").asText()).toList();
        assertEquals(List.of("home:ask", "home:challenge", "home:chat"), actions);
        assertFalse(allText(view.get("blocks")).contains("Your challenges"), "nothing raised yet");

        slack.signed(SlackRequests.blockAction("U10", "DU10", "1003.1", "home:challenge", "challenge", "Raise a Compact challenge", null), FORM);
        assertEquals("challenge_form", slack.api.await("views.open", 1).get(0).json("view").get("callback_id").asText());

        slack.signed(SlackRequests.blockAction("U10", "DU10", "1003.1", "home:chat", "chat", "Raise one step by step", null), FORM);
        FakeSlackApi.Call post = slack.api.await("chat.postMessage", 1).get(0);
        assertEquals("DU10", post.params().get("channel"));
        assertTrue(post.params().get("text").contains("Which area"), post.params().toString());
    }

    @Test
    void slackUrlVerificationIsAnsweredWithItsChallenge() throws Exception {
        slack = new SlackFixture(dir);
        HttpResponse<String> r = slack.signed(SlackRequests.urlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"), JSON);
        assertEquals(200, r.statusCode());
        assertEquals("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", r.body());
    }

    @Test
    void statusOfACaseIsSentPrivatelyAndOnlyToTheOneWhoRaisedIt() throws Exception {
        slack = new SlackFixture(dir, new CaseStatusLookup() {
            @Override
            public Optional<CaseProgress> raisedIn(String ref, ConversationId conversation) {
                return ref.equals("CC-2026-0007") && conversation.value().equals("slack:T0TEAM:U11")
                        ? Optional.of(new CaseProgress(ref, CaseStatus.IN_MEDIATION, "Cheshire West and Chester Council", LocalDate.of(2026, 11, 30),
                        "The mediator works with you and Cheshire West and Chester Council towards a resolution.", false)) : Optional.empty();
            }

            @Override
            public List<OwnCase> raisedBy(ConversationId conversation) {
                return List.of();
            }
        });
        HttpResponse<String> ack = slack.signed(SlackRequests.command("U11", "C0GENERAL", "status cc-2026-0007", "http://127.0.0.1:1/x"), FORM);
        assertFalse(ack.body().contains("CC-2026-0007"), "nothing about the case in the channel: " + ack.body());
        FakeSlackApi.Call mine = slack.api.await("chat.postMessage", 1).get(0);
        assertEquals("DU11", mine.params().get("channel"));
        assertTrue(mine.params().get("text").contains("CC-2026-0007 about Cheshire West and Chester Council is in mediation."), mine.params().toString());
        assertTrue(mine.params().get("text").contains("Next deadline: Monday 30 November 2026."), mine.params().toString());

        slack.signed(SlackRequests.command("U12", "C0GENERAL", "status CC-2026-0007", "http://127.0.0.1:1/x"), FORM);
        FakeSlackApi.Call theirs = slack.api.await("chat.postMessage", 2).get(1);
        assertEquals("DU12", theirs.params().get("channel"));
        assertTrue(theirs.params().get("text").startsWith("I can't find a challenge"), theirs.params().toString());
        assertTrue(slack.api.calls("chat.postMessage").stream().noneMatch(c -> c.params().get("channel").startsWith("C")));
        assertNull(slack.api.calls("chat.postMessage").stream().filter(c -> c.params().get("channel").equals("C0GENERAL")).findAny().orElse(null));
    }

    @Test
    void theHomeTabListsTheChallengeInProgressAndTheChallengesRaisedWithTheirStatus() throws Exception {
        slack = new SlackFixture(dir);
        slack.signed(SlackRequests.formSubmission("U13", completedForm()), FORM);
        String ref = slack.caseStore.list(null, null).get(0).ref();
        slack.api.await("views.publish", 1);
        slack.signed(SlackRequests.directMessage(SlackRequests.newEventId(), "U13", "I want to raise another challenge about Wolverhampton"), JSON);
        slack.api.await("chat.postMessage", 2);
        slack.idle();

        slack.signed(SlackRequests.homeOpened(SlackRequests.newEventId(), "U13"), JSON);
        JsonNode home = slack.api.await("views.publish", 2).get(1).json("view");
        String text = allText(home.get("blocks"));
        assertTrue(text.contains("Your challenge in progress* for Wolverhampton"), text);
        assertTrue(text.contains("*" + ref + "*, raised"), text);
        assertTrue(text.contains("about Cheshire West and Chester Council, grants team: received, waiting for a mediator"), text);

        slack.signed(SlackRequests.homeOpened(SlackRequests.newEventId(), "U14"), JSON);
        String someoneElse = allText(slack.api.await("views.publish", 3).get(2).json("view").get("blocks"));
        assertFalse(someoneElse.contains(ref), "another person never sees this case: " + someoneElse);
        assertFalse(someoneElse.contains("in progress"), someoneElse);
    }
}
