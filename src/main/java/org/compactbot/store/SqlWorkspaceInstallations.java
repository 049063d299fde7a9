package org.compactbot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.compactbot.conversation.WorkspaceInstallations;

/**
 * The workspaces Slack is installed in, in the slack_installations table (one row per team, or per enterprise for an
 * organisation-wide install), and the one-time OAuth states in slack_oauth_states. A state is deleted when used, and
 * states older than a day are pruned whenever a new one is issued.
 */
public final class SqlWorkspaceInstallations implements WorkspaceInstallations {
    private static final Duration PRUNE_AFTER = Duration.ofDays(1);

    private final Database db;

    public SqlWorkspaceInstallations(Database db) {
        this.db = db;
    }

    @Override
    public void save(Installation i) {
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO slack_installations(install_key, team_id, enterprise_id, team_name, bot_token, bot_user_id, bot_id,
                      scopes, installed_by, installed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (install_key) DO UPDATE SET team_id = excluded.team_id, enterprise_id = excluded.enterprise_id,
                      team_name = excluded.team_name, bot_token = excluded.bot_token, bot_user_id = excluded.bot_user_id,
                      bot_id = excluded.bot_id, scopes = excluded.scopes, installed_by = excluded.installed_by,
                      installed_at = excluded.installed_at""")) {
                p.setString(1, i.key());
                p.setString(2, i.teamId());
                p.setString(3, i.enterpriseId());
                p.setString(4, i.teamName());
                p.setString(5, i.botToken());
                p.setString(6, i.botUserId());
                p.setString(7, i.botId());
                p.setString(8, i.scopes());
                p.setString(9, i.installedBy());
                p.setString(10, Times.of(i.installedAt()));
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Installation> find(String enterpriseId, String teamId) {
        return db.inTransaction(c -> {
            if (teamId != null && !teamId.isBlank()) {
                Optional<Installation> team = one(c, teamId);
                if (team.isPresent()) return team;
            }
            return enterpriseId == null || enterpriseId.isBlank() ? Optional.<Installation>empty() : one(c, "enterprise:" + enterpriseId);
        });
    }

    @Override
    public boolean remove(String enterpriseId, String teamId) {
        String key = teamId != null && !teamId.isBlank() ? teamId : enterpriseId == null ? null : "enterprise:" + enterpriseId;
        if (key == null) return false;
        return db.inTransaction(c -> Sql.update(c, "DELETE FROM slack_installations WHERE install_key = ?", key) > 0);
    }

    @Override
    public void issueState(String state, Instant at) {
        db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM slack_oauth_states WHERE issued_at < ?")) {
                p.setString(1, Times.of(at.minus(PRUNE_AFTER)));
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO slack_oauth_states(state, issued_at) VALUES (?, ?)")) {
                p.setString(1, state);
                p.setString(2, Times.of(at));
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public boolean useState(String state, Instant now, Duration maxAge) {
        if (state == null || state.isBlank()) return false;
        return db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM slack_oauth_states WHERE state = ? AND issued_at >= ? AND issued_at <= ?")) {
                p.setString(1, state);
                p.setString(2, Times.of(now.minus(maxAge)));
                p.setString(3, Times.of(now));
                boolean fresh = p.executeUpdate() == 1;
                if (!fresh) Sql.update(c, "DELETE FROM slack_oauth_states WHERE state = ?", state);
                return fresh;
            }
        });
    }

    private static Optional<Installation> one(Connection c, String key) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                SELECT team_id, enterprise_id, team_name, bot_token, bot_user_id, bot_id, scopes, installed_by, installed_at
                FROM slack_installations WHERE install_key = ?""")) {
            p.setString(1, key);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) return Optional.empty();
                return Optional.of(new Installation(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                        r.getString(6), r.getString(7), r.getString(8), Sql.instant(r.getString(9))));
            }
        }
    }
}
