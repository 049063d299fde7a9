package org.compactbot.slack;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.compactbot.conversation.Reply;
import org.compactbot.conversation.Slot;

/** What Slack tells us about a person (users.info, kept for an hour), to offer as answers to the name and email questions. */
final class SlackProfiles {
    private static final Duration FRESH = Duration.ofHours(1);

    /** A person's name and email as their Slack profile gives them (either may be null). */
    record Profile(String name, String email, long fetchedAtMillis) {}

    private final SlackWebApi api;
    private final Map<String, Profile> profiles = new ConcurrentHashMap<>();

    SlackProfiles(SlackWebApi api) {
        this.api = api;
    }

    /** The person's profile if it was fetched within the hour, else null; never calls Slack. */
    Profile cached(String team, String user) {
        Profile cached = profiles.get(team + ":" + user);
        return cached != null && System.currentTimeMillis() - cached.fetchedAtMillis() < FRESH.toMillis() ? cached : null;
    }

    /** The person's profile, or null when Slack has none to give. */
    Profile of(String team, String user) {
        Profile cached = cached(team, user);
        if (cached != null) return cached;
        Optional<Profile> fetched = api.user(team, user).map(u -> {
            if (u.isBot() || u.isDeleted()) return null;
            String name = u.getProfile() != null && notBlank(u.getProfile().getRealName()) ? u.getProfile().getRealName() : u.getRealName();
            String email = u.getProfile() == null ? null : u.getProfile().getEmail();
            return new Profile(name, email, System.currentTimeMillis());
        });
        fetched.ifPresent(p -> profiles.put(team + ":" + user, p));
        return fetched.orElse(null);
    }

    /** For the name and email questions, what Slack knows, as a one-click answer; null for other questions. */
    Reply.Choice suggestion(Slot expecting, String team, String user) {
        if (expecting != Slot.NAME && expecting != Slot.EMAIL) return null;
        Profile p = of(team, user);
        if (p == null) return null;
        String value = expecting == Slot.NAME ? p.name() : p.email();
        if (value == null || value.isBlank()) return null;
        return new Reply.Choice("Use " + value, value);
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
