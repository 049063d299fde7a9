package org.compactbot.slack;

import com.slack.api.bolt.service.OAuthStateService;
import java.time.Clock;
import java.time.Duration;
import org.compactbot.conversation.WorkspaceInstallations;

/**
 * The OAuth {@code state} of installs in progress, on the store so that any instance can finish an install another
 * started: Bolt puts the state in a cookie and in the URL to Slack, and the callback is accepted only when both match
 * and the store still holds the state, issued under ten minutes ago. A state is used up by the first callback that
 * presents it, so a callback URL replayed later installs nothing.
 */
final class StoredOAuthStates implements OAuthStateService {
    private final WorkspaceInstallations store;
    private final Clock clock;

    StoredOAuthStates(WorkspaceInstallations store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void addNewStateToDatastore(String state) {
        store.issueState(state, clock.instant());
    }

    /** Checks and uses up the state at once (Bolt's callback checks it once, then consumes it), so two callbacks cannot both pass. */
    @Override
    public boolean isAvailableInDatabase(String state) {
        return store.useState(state, clock.instant(), Duration.ofSeconds(getExpirationInSeconds()));
    }

    @Override
    public void deleteStateFromDatastore(String state) {
        // already used up by isAvailableInDatabase
    }
}
