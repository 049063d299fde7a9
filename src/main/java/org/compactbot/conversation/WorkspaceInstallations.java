package org.compactbot.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The chat workspaces the bot is installed in, each with the bot token it was given, for a channel that one deployment
 * serves to several organisations (Slack installed by OAuth into several councils' workspaces); and the one-time states
 * of installs in progress, so that an install finishes only in the browser that started it, once, within minutes. Kept
 * durably and shared by every instance. A port: the store implements it, a channel uses it.
 */
public interface WorkspaceInstallations {
    /** One workspace's installation: who it is, the bot's token and identity there, the scopes granted, who installed it. */
    record Installation(String teamId, String enterpriseId, String teamName, String botToken, String botUserId,
                        String botId, String scopes, String installedBy, Instant installedAt) {
        public Installation {
            if ((teamId == null || teamId.isBlank()) && (enterpriseId == null || enterpriseId.isBlank())) {
                throw new IllegalArgumentException("an installation needs a team or an enterprise");
            }
            if (botToken == null || botToken.isBlank()) throw new IllegalArgumentException("an installation needs its bot token");
        }

        /** The key it is kept under: the team, or the enterprise for an organisation-wide install. */
        public String key() {
            return teamId != null && !teamId.isBlank() ? teamId : "enterprise:" + enterpriseId;
        }

        @Override
        public String toString() { // never the token
            return "Installation[" + key() + ", bot " + botUserId + ", installed " + installedAt + "]";
        }
    }

    /** Keeps an installation, replacing the workspace's earlier one (a reinstall gives a new token). */
    void save(Installation installation);

    /** The installation for this team, or else the organisation-wide one of its enterprise; empty when not installed. */
    Optional<Installation> find(String enterpriseId, String teamId);

    /** Forgets the workspace's installation (uninstalled, or its tokens revoked); false when there was none. */
    boolean remove(String enterpriseId, String teamId);

    /** Records a state issued to a browser starting an install. */
    void issueState(String state, Instant at);

    /** True once for a state issued within {@code maxAge} before {@code now}; the state cannot be used again. */
    boolean useState(String state, Instant now, Duration maxAge);
}
