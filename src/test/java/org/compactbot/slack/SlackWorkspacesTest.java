package org.compactbot.slack;

import static org.compactbot.slack.SlackFixture.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.compactbot.store.SqlWorkspaceInstallations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One deployment serving several councils' Slack workspaces: each workspace's admin installs the app through
 * GET /slack/install (OAuth v2, against the fake Slack on loopback), its bot token is kept in the store, and each
 * workspace's people are answered with their own workspace's token. An install needs the browser that started it, once;
 * an uninstalled workspace is no longer called.
 */
class SlackWorkspacesTest {
    private static final String COUNCIL_A = "T0COUNCILA", COUNCIL_B = "T0COUNCILB";

    @TempDir Path dir;
    private SlackFixture slack;

    @AfterEach
    void close() {
        if (slack != null) slack.close();
    }

    /** The install step's redirect to Slack: its query parameters, and the cookie set with it. */
    private record Started(Map<String, String> query, String cookie, String setCookie) {}

    private Started startInstall() throws Exception {
        HttpResponse<String> r = slack.browse("/slack/install", null);
        assertEquals(302, r.statusCode(), r.body());
        URI to = URI.create(r.headers().firstValue("Location").orElseThrow());
        assertEquals("https://slack.com/oauth/v2/authorize", to.getScheme() + "://" + to.getHost() + to.getPath());
        Map<String, String> q = new LinkedHashMap<>();
        for (String pair : to.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return new Started(q, setCookie.split(";")[0], setCookie);
    }

    private HttpResponse<String> finishInstall(Started s, String code, String cookie) throws Exception {
        return slack.browse("/slack/oauth_redirect?code=" + code + "&state=" + s.query().get("state"), cookie);
    }

    private void install(String team, String token) throws Exception {
        Started s = startInstall();
        slack.api.grant("code-" + team, team, token);
        HttpResponse<String> done = finishInstall(s, "code-" + team, s.cookie());
        assertEquals(200, done.statusCode(), done.body());
    }

    @Test
    void anAdminInstallsTheAppFromTheirBrowserAndTheWorkspaceTokenIsKept() throws Exception {
        slack = new SlackFixture(dir, null, true);
        Started s = startInstall();
        assertEquals(FakeSlackApi.CLIENT_ID, s.query().get("client_id"));
        assertEquals(SlackChannel.SCOPES, s.query().get("scope"), "the scopes the manifest lists");
        assertFalse(s.query().get("state").isBlank());
        assertEquals("slack-app-oauth-state=" + s.query().get("state"), s.cookie(), "the state is tied to this browser");
        assertTrue(s.setCookie().contains("HttpOnly") && s.setCookie().contains("Secure"), s.setCookie());

        slack.api.grant("code-1", COUNCIL_A, "xoxb-council-a");
        HttpResponse<String> done = finishInstall(s, "code-1", s.cookie());
        assertEquals(200, done.statusCode(), done.body());
        assertTrue(done.body().contains("Thank you"), "the admin is told it worked: " + done.body());

        var kept = new SqlWorkspaceInstallations(slack.db).find(null, COUNCIL_A).orElseThrow();
        assertEquals("xoxb-council-a", kept.botToken());
        assertEquals("U0BOT" + COUNCIL_A, kept.botUserId());
        assertEquals("Workspace " + COUNCIL_A, kept.teamName());
        assertEquals("U0ADMIN", kept.installedBy());
    }

    @Test
    void eachWorkspaceIsAnsweredWithItsOwnToken() throws Exception {
        slack = new SlackFixture(dir, null, true);
        install(COUNCIL_A, "xoxb-council-a");
        install(COUNCIL_B, "xoxb-council-b");

        assertEquals(200, slack.signed(SlackRequests.inTeam(COUNCIL_A, SlackRequests.directMessage(SlackRequests.newEventId(), "U1",
                "how long should a consultation run?")), JSON).statusCode());
        assertEquals(200, slack.signed(SlackRequests.inTeam(COUNCIL_B, SlackRequests.directMessage(SlackRequests.newEventId(), "U2",
                "how much notice before our funding ends?")), JSON).statusCode());
        slack.idle();

        List<FakeSlackApi.Call> posts = slack.api.await("chat.postMessage", 2);
        Map<String, String> tokenByChannel = new LinkedHashMap<>();
        for (FakeSlackApi.Call c : posts) tokenByChannel.putIfAbsent(c.params().get("channel"), c.token());
        assertEquals("xoxb-council-a", tokenByChannel.get("DU1"), "council A's person answered as council A's bot");
        assertEquals("xoxb-council-b", tokenByChannel.get("DU2"), "council B's person answered as council B's bot");
        for (FakeSlackApi.Call c : slack.api.all()) {
            assertNotEquals(FakeSlackApi.TOKEN, c.token(), "no call uses a token no workspace was given: " + c);
        }
    }

    @Test
    void anInstallFinishesOnlyInTheBrowserThatStartedItAndOnlyOnce() throws Exception {
        slack = new SlackFixture(dir, null, true);
        SqlWorkspaceInstallations kept = new SqlWorkspaceInstallations(slack.db);

        Started s = startInstall();
        slack.api.grant("code-1", COUNCIL_A, "xoxb-council-a");
        HttpResponse<String> noCookie = finishInstall(s, "code-1", null);
        assertEquals(400, noCookie.statusCode(), "a link forwarded to another browser installs nothing: " + noCookie.body());
        assertTrue(noCookie.body().contains("opened in another browser") && noCookie.body().contains("href=\"/slack/install\""),
                "the admin is told why, and where to start again: " + noCookie.body());
        HttpResponse<String> otherCookie = finishInstall(s, "code-1", "slack-app-oauth-state=someone-elses");
        assertEquals(400, otherCookie.statusCode());
        assertTrue(kept.find(null, COUNCIL_A).isEmpty());

        Started fresh = startInstall();
        assertEquals(200, finishInstall(fresh, "code-1", fresh.cookie()).statusCode());
        slack.api.grant("code-2", COUNCIL_B, "xoxb-council-b");
        HttpResponse<String> replay = finishInstall(fresh, "code-2", fresh.cookie());
        assertEquals(400, replay.statusCode(), "the same state again (a replayed callback) installs nothing");
        assertTrue(kept.find(null, COUNCIL_B).isEmpty());
    }

    @Test
    void anAdminWhoCancelsInSlackIsToldNothingWasInstalled() throws Exception {
        slack = new SlackFixture(dir, null, true);
        Started s = startInstall();
        HttpResponse<String> r = slack.browse("/slack/oauth_redirect?error=access_denied&state=" + s.query().get("state"), s.cookie());
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("cancelled"), r.body());
        assertTrue(slack.api.calls("oauth.v2.access").isEmpty());
    }

    @Test
    void aWorkspaceThatUninstallsIsForgottenAndNotCalledAgain() throws Exception {
        slack = new SlackFixture(dir, null, true);
        install(COUNCIL_A, "xoxb-council-a");
        install(COUNCIL_B, "xoxb-council-b");

        ObjectNode uninstalled = new ObjectMapper().createObjectNode().put("type", "app_uninstalled");
        assertEquals(200, slack.signed(SlackRequests.inTeam(COUNCIL_A, SlackRequests.event(SlackRequests.newEventId(), uninstalled)), JSON)
                .statusCode());
        slack.idle();
        slack.api.revoke("xoxb-council-a");
        SqlWorkspaceInstallations kept = new SqlWorkspaceInstallations(slack.db);
        assertTrue(kept.find(null, COUNCIL_A).isEmpty(), "its token is deleted");
        assertTrue(kept.find(null, COUNCIL_B).isPresent(), "other workspaces stay installed");

        int before = slack.api.calls("chat.postMessage").size();
        HttpResponse<String> late = slack.signed(SlackRequests.inTeam(COUNCIL_A, SlackRequests.directMessage(SlackRequests.newEventId(), "U1",
                "hello")), JSON);
        slack.idle();
        assertNotEquals(500, late.statusCode(), late.body());
        assertEquals(before, slack.api.calls("chat.postMessage").size(), "nothing is posted to a workspace that uninstalled");
    }

    @Test
    void aRevokedBotTokenForgetsTheWorkspaceButARevokedAdminUserTokenDoesNot() throws Exception {
        slack = new SlackFixture(dir, null, true);
        install(COUNCIL_A, "xoxb-council-a");
        ObjectMapper json = new ObjectMapper();
        ObjectNode userOnly = json.createObjectNode().put("type", "tokens_revoked");
        userOnly.putObject("tokens").putArray("oauth").add("UADMIN");
        assertEquals(200, slack.signed(SlackRequests.inTeam(COUNCIL_A, SlackRequests.event(SlackRequests.newEventId(), userOnly)), JSON)
                .statusCode());
        SqlWorkspaceInstallations kept = new SqlWorkspaceInstallations(slack.db);
        assertTrue(kept.find(null, COUNCIL_A).isPresent(), "the bot holds no user token, so the install stays");

        ObjectNode bot = json.createObjectNode().put("type", "tokens_revoked");
        bot.putObject("tokens").putArray("bot").add("UBOT");
        assertEquals(200, slack.signed(SlackRequests.inTeam(COUNCIL_A, SlackRequests.event(SlackRequests.newEventId(), bot)), JSON)
                .statusCode());
        assertTrue(kept.find(null, COUNCIL_A).isEmpty(), "a revoked bot token is deleted at once");
    }

    @Test
    void theInstallAsksForTheScopesTheManifestListsAndReturnsToItsRedirectUrl() throws Exception {
        var manifest = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(Path.of("config/slack-app-manifest.yml").toFile()).path("oauth_config");
        List<String> scopes = new java.util.ArrayList<>();
        manifest.path("scopes").path("bot").forEach(n -> scopes.add(n.asText()));
        assertEquals(String.join(",", scopes), SlackChannel.SCOPES);
        assertTrue(manifest.path("redirect_urls").get(0).asText().endsWith(SlackChannel.REDIRECT_PATH));
    }

    @Test
    void oneWorkspaceModeHasNothingToInstall() throws Exception {
        slack = new SlackFixture(dir);
        SlackHttp http = new SlackHttp(slack.channel, SlackRequests.SECRET, java.time.Clock.systemUTC());
        assertEquals(404, http.install(SlackChannel.INSTALL_PATH, Map.of(), Map.of()).status());
    }
}
