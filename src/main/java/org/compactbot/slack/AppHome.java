package org.compactbot.slack;

import org.compactbot.conversation.ConversationEngine;
import org.compactbot.conversation.ConversationId;

/** The person's App Home tab: what the bot does, their challenge in progress and the challenges they raised ({@link HomeView}). */
final class AppHome {
    private final ConversationEngine engine;
    private final CaseStatusLookup cases;
    private final SlackWebApi api;

    AppHome(ConversationEngine engine, CaseStatusLookup cases, SlackWebApi api) {
        this.engine = engine;
        this.cases = cases;
        this.api = api;
    }

    /** Shows the tab as it now stands (when opened, and after a challenge is submitted). */
    void publish(String team, String user) {
        ConversationId id = ConversationId.slack(team, user);
        var view = HomeView.of(engine.draft(id), cases.raisedBy(id));
        api.publishHome(team, user, view);
    }
}
