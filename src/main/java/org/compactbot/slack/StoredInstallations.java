package org.compactbot.slack;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import java.time.Clock;
import java.time.Instant;
import org.compactbot.conversation.WorkspaceInstallations;
import org.compactbot.conversation.WorkspaceInstallations.Installation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's {@link InstallationService} on the store: the OAuth flow saves each workspace's bot token here, Bolt finds it
 * for each request from that workspace, and an uninstall (app_uninstalled, tokens_revoked) deletes it. Only the bot
 * token is kept: the app asks for no user scopes, so an installer's user token is never stored.
 */
final class StoredInstallations implements InstallationService {
    private static final Logger LOG = LoggerFactory.getLogger(StoredInstallations.class);

    private final WorkspaceInstallations store;
    private final Clock clock;
    private final String installUrl;

    /** @param installUrl where an admin installs the app, for the message shown in a workspace that has not */
    StoredInstallations(WorkspaceInstallations store, Clock clock, String installUrl) {
        this.store = store;
        this.clock = clock;
        this.installUrl = installUrl;
    }

    @Override
    public boolean isHistoricalDataEnabled() {
        return false;
    }

    @Override
    public void setHistoricalDataEnabled(boolean enabled) {
        if (enabled) throw new UnsupportedOperationException("installations are kept one per workspace, not as a history");
    }

    @Override
    public void saveInstallerAndBot(Installer i) {
        save(i.getEnterpriseId(), Boolean.TRUE.equals(i.getIsEnterpriseInstall()) ? null : i.getTeamId(),
                i instanceof DefaultInstaller d ? d.getTeamName() : null,
                i.getBotAccessToken(), i.getBotUserId(), i.getBotId(), i.getBotScope(), i.getInstallerUserId(), i.getInstalledAt());
    }

    @Override
    public void saveBot(Bot b) {
        var earlier = store.find(b.getEnterpriseId(), b.getTeamId());
        save(b.getEnterpriseId(), Boolean.TRUE.equals(b.getIsEnterpriseInstall()) ? null : b.getTeamId(),
                b instanceof DefaultBot d ? d.getTeamName() : earlier.map(Installation::teamName).orElse(null),
                b.getBotAccessToken(), b.getBotUserId(), b.getBotId(), b.getBotScope(), earlier.map(Installation::installedBy).orElse(null),
                b.getInstalledAt());
    }

    private void save(String enterprise, String team, String teamName, String token, String botUser, String botId, String scopes,
                      String installedBy, Long installedAt) {
        Instant at = installedAt == null ? clock.instant() : Instant.ofEpochMilli(installedAt);
        Installation installation = new Installation(team, enterprise, teamName, token, botUser, botId, scopes, installedBy, at);
        store.save(installation);
        LOG.info("Slack installed in workspace {} ({})", installation.key(), teamName == null ? "no name given" : teamName);
    }

    @Override
    public void deleteBot(Bot bot) {
        remove(bot.getEnterpriseId(), bot.getTeamId());
    }

    @Override
    public void deleteInstaller(Installer installer) {
        remove(installer.getEnterpriseId(), installer.getTeamId());
    }

    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        remove(enterpriseId, teamId);
    }

    private void remove(String enterprise, String team) {
        if (store.remove(enterprise, team)) LOG.info("Slack uninstalled from workspace {}; its token is deleted", team != null ? team : enterprise);
    }

    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        return store.find(enterpriseId, teamId).map(i -> {
            DefaultBot b = new DefaultBot();
            b.setTeamId(i.teamId());
            b.setEnterpriseId(i.enterpriseId());
            b.setTeamName(i.teamName());
            b.setIsEnterpriseInstall(i.teamId() == null);
            b.setBotAccessToken(i.botToken());
            b.setBotUserId(i.botUserId());
            b.setBotId(i.botId());
            b.setBotScope(i.scopes());
            b.setInstalledAt(i.installedAt().toEpochMilli());
            return (Bot) b;
        }).orElse(null);
    }

    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        return store.find(enterpriseId, teamId).map(i -> {
            DefaultInstaller d = new DefaultInstaller();
            d.setTeamId(i.teamId());
            d.setEnterpriseId(i.enterpriseId());
            d.setTeamName(i.teamName());
            d.setIsEnterpriseInstall(i.teamId() == null);
            d.setBotAccessToken(i.botToken());
            d.setBotUserId(i.botUserId());
            d.setBotId(i.botId());
            d.setBotScope(i.scopes());
            d.setInstallerUserId(i.installedBy());
            d.setInstalledAt(i.installedAt().toEpochMilli());
            return (Installer) d;
        }).orElse(null);
    }

    @Override
    public String getInstallationGuideText(String enterpriseId, String teamId, String userId) {
        return "Compact Bot is not installed in this workspace yet. A workspace admin can add it at " + installUrl;
    }
}
