package org.compactbot.slack;

import java.util.Optional;
import org.compactbot.conversation.WorkspaceInstallations;

/**
 * The bot token to call Slack with for a workspace: the one configured token when the app serves one workspace, or the
 * token that workspace's installation was given when it serves many (empty for a workspace that has not installed it).
 */
@FunctionalInterface
interface BotTokens {
    Optional<String> forTeam(String team);

    /** One workspace: slack.bot-token, whichever team asks. */
    static BotTokens single(String token) {
        Optional<String> t = Optional.of(token);
        return team -> t;
    }

    /** Many workspaces: each team's installation. */
    static BotTokens installed(WorkspaceInstallations installations) {
        return team -> team == null ? Optional.empty()
                : installations.find(null, team).map(WorkspaceInstallations.Installation::botToken);
    }
}
