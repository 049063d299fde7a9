package org.compactbot.conversation;

import java.util.Optional;

/**
 * Where a conversation takes place, and what that means for it: the name a conversation is stored with
 * (conversations.channel), the prefix of its {@link ConversationId}s, and whether one reply there answers many
 * questions at once (email, where people write letters rather than chat).
 *
 * <p>The channels people use are {@link Standard}; {@link Unlisted} is a conversation whose id carries no channel
 * prefix (the bench, tests, an id read back from an older database).
 */
public sealed interface Channel permits Channel.Standard, Channel.Unlisted {
    Channel MAIL = Standard.MAIL;
    Channel SLACK = Standard.SLACK;
    Channel API = Standard.API;
    Channel CLI = Standard.CLI;
    Channel WEB = Standard.WEB;

    /** The name a conversation is stored with (conversations.channel): "email", "slack", "api", "cli", "web". */
    String id();

    /** What its conversation ids begin with, before the colon ("mail" in "mail:sam@example.org"); empty for none. */
    String prefix();

    /**
     * Whether one reply answers many questions (email): a challenge's open questions go out as one numbered list, and a
     * concern is answered and its challenge started in the same reply instead of being offered as a choice.
     */
    boolean asksAllAtOnce();

    /** The channel whose conversation ids begin with this prefix. */
    static Optional<Channel> byPrefix(String prefix) {
        for (Standard s : Standard.values()) if (s.prefix.equals(prefix)) return Optional.of(s);
        return Optional.empty();
    }

    /** The channel a conversation was stored with (its {@link #id()}): one people use, or an unlisted one of that name. */
    static Channel named(String id) {
        for (Standard s : Standard.values()) if (s.id.equals(id)) return s;
        return new Unlisted(id);
    }

    /** The channels people use. */
    enum Standard implements Channel {
        MAIL("email", "mail", true),
        SLACK("slack", "slack", false),
        API("api", "api", false),
        CLI("cli", "cli", false),
        /** The public pages (questions asked in a browser). */
        WEB("web", "web", false);

        private final String id;
        private final String prefix;
        private final boolean asksAllAtOnce;

        Standard(String id, String prefix, boolean asksAllAtOnce) {
            this.id = id;
            this.prefix = prefix;
            this.asksAllAtOnce = asksAllAtOnce;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String prefix() {
            return prefix;
        }

        @Override
        public boolean asksAllAtOnce() {
            return asksAllAtOnce;
        }
    }

    /**
     * A channel whose conversation ids carry no prefix: the id is the key as it is. {@code id} is the name a new
     * conversation is stored with ("bench", "test"); empty when it is not known (an id read back from the database).
     */
    record Unlisted(String id) implements Channel {
        public Unlisted {
            if (id == null) id = "";
        }

        @Override
        public String prefix() {
            return "";
        }

        @Override
        public boolean asksAllAtOnce() {
            return false;
        }
    }
}
