package org.compactbot.slack;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import com.slack.api.model.view.View;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.conversation.ConversationId;
import org.compactbot.conversation.FormOutcome;
import org.compactbot.conversation.Slot;
import org.compactbot.conversation.TurnResult;
import org.compactbot.logging.LogIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The challenge as one form (a Slack modal, {@link ChallengeFormView}): opened filled in with the draft in progress
 * and what Slack knows of the person; submitted through the engine's {@link ConversationEngine#submitForm} while Slack
 * waits, so that wrong fields are shown beside them. The same submission posted again creates no second case.
 */
final class ChallengeModal {
    private static final Logger LOG = LoggerFactory.getLogger(ChallengeModal.class);

    private final ConversationEngine engine;
    private final CaseStatusLookup cases;
    private final SlackWebApi api;
    private final SlackProfiles profiles;
    private final DirectMessages direct;
    private final AppHome home;
    private final Redeliveries redeliveries;
    private final OrderedWork work;

    ChallengeModal(ConversationEngine engine, CaseStatusLookup cases, SlackWebApi api, SlackProfiles profiles, DirectMessages direct,
                   AppHome home, Redeliveries redeliveries, OrderedWork work) {
        this.engine = engine;
        this.cases = cases;
        this.api = api;
        this.profiles = profiles;
        this.direct = direct;
        this.home = home;
        this.redeliveries = redeliveries;
        this.work = work;
    }

    /**
     * Opens the challenge form, filled in with the person's draft in progress and what Slack is known to say of them.
     * views.open goes first, since its trigger lasts three seconds; if users.info has still to be asked, the open form is
     * filled in afterwards with views.update. If Slack will not open it (the trigger expired), the challenge starts in
     * the direct message instead.
     */
    void open(String team, String user, String triggerId, String responseUrl) {
        ConversationId id = ConversationId.slack(team, user);
        Map<Slot, String> known = new EnumMap<>(Slot.class);
        engine.draft(id).ifPresent(d -> known.putAll(d.answers()));
        SlackProfiles.Profile cached = profiles.cached(team, user);
        offer(known, cached);
        Optional<View> opened = api.openView(team, triggerId, ChallengeFormView.form(known, engine.formChoices()));
        if (opened.isEmpty()) {
            direct.startPrivatelyAndSay(team, user, responseUrl);
            return;
        }
        if (cached != null || opened.get().getId() == null) return;
        if (offer(known, profiles.of(team, user))) api.updateView(team, user, opened.get(), ChallengeFormView.form(known, engine.formChoices()));
    }

    /** Adds the profile's name and email where the form has none yet; true if anything was added. */
    private static boolean offer(Map<Slot, String> known, SlackProfiles.Profile profile) {
        if (profile == null) return false;
        boolean added = false;
        if (SlackProfiles.notBlank(profile.name()) && !known.containsKey(Slot.NAME)) added |= known.put(Slot.NAME, profile.name()) == null;
        if (SlackProfiles.notBlank(profile.email()) && !known.containsKey(Slot.EMAIL)) added |= known.put(Slot.EMAIL, profile.email()) == null;
        return added;
    }

    /** A submitted form: the errors to show in it, or the case created (shown in the form, the direct message and App Home). */
    Response submit(ViewSubmissionPayload p, ViewSubmissionContext ctx) {
        String team = p.getUser() != null && p.getUser().getTeamId() != null ? p.getUser().getTeamId()
                : p.getTeam() == null ? null : p.getTeam().getId();
        String user = p.getUser().getId();
        ConversationId id = ConversationId.slack(team, user);
        Map<Slot, String> values = ChallengeFormView.values(p);
        // the same signed submission posted again (a replay, or Slack retrying) creates no second case
        String submission = "view_submission:" + (p.getView() == null ? "" : p.getView().getId()) + ":"
                + SlackText.digest(id.value() + "\n" + values);
        if (!redeliveries.firstTime(submission)) {
            LOG.info("challenge form from {} already submitted; not submitting it again", LogIds.conversation(id.value()));
            return cases.raisedBy(id).stream().findFirst()
                    .map(own -> ctx.ackWithUpdate(ChallengeFormView.submitted(own.ref()))).orElseGet(ctx::ack);
        }
        FormOutcome outcome;
        try {
            outcome = engine.submitForm(id, values);
        } catch (RuntimeException e) {
            redeliveries.forget(submission);
            LOG.error("challenge form from {} could not be submitted", LogIds.conversation(id.value()), e);
            return ctx.ackWithErrors(Map.of(Slot.WHAT_HAPPENED.id(), "Sorry, something went wrong on our side and nothing was "
                    + "submitted. Please try again in a moment."));
        }
        if (outcome instanceof FormOutcome.Invalid invalid) {
            redeliveries.forget(submission); // the same answers sent again must be shown the same errors again
            Map<String, String> errors = new LinkedHashMap<>();
            invalid.errors().forEach((slot, message) -> errors.put(slot.id(), SlackBlocks.truncate(message, 150)));
            return ctx.ackWithErrors(errors);
        }
        TurnResult t = ((FormOutcome.Submitted) outcome).turn();
        work.submit(id.value(), () -> {
            direct.show(team, user, t);
            home.publish(team, user);
        });
        return ctx.ackWithUpdate(ChallengeFormView.submitted(t.caseInfo().ref()));
    }
}
