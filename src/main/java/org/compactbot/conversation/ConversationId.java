package org.compactbot.conversation;

import java.util.Objects;

/**
 * Which conversation: the channel it takes place in and the channel's key for it (an email address, a Slack team and
 * user, an API client's id, an OS user). {@link #value()} (and {@link #toString()}) is the form stored in the database
 * and used by logs: {@code "mail:sam@example.org"}, {@code "slack:T1:U1"}, {@code "api:web-1"}, {@code "cli:sam"}, {@code "web:3q2-..."}; an
 * {@link Channel.Unlisted} channel's is the key alone. {@link #parse} reads any stored form back, unchanged. Two ids are
 * the same conversation when their stored forms are the same.
 */
public record ConversationId(Channel channel, String key) {
    public ConversationId {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(key, "key");
    }

    /** A conversation by email with the sender at this address (as written in the From header). */
    public static ConversationId mail(String sender) {
        return new ConversationId(Channel.MAIL, sender);
    }

    /** A Slack conversation with one user of one workspace; a missing part is written "-". */
    public static ConversationId slack(String team, String user) {
        return new ConversationId(Channel.SLACK, (team == null ? "-" : team) + ":" + (user == null ? "-" : user));
    }

    /** A conversation through POST /api/chat/{conversationId}. */
    public static ConversationId api(String conversation) {
        return new ConversationId(Channel.API, conversation);
    }

    /** A challenge raised on the web pages, keyed by the web's draft key (a digest the web derives from its cookie, never the cookie). */
    public static ConversationId web(String draft) {
        return new ConversationId(Channel.WEB, draft);
    }

    /** A conversation on the command line ({@code chat --user ID}). */
    public static ConversationId cli(String who) {
        return new ConversationId(Channel.CLI, who);
    }

    /** A conversation whose id carries no channel prefix, begun in the channel named {@code channel} ("bench"). */
    public static ConversationId unlisted(String channel, String key) {
        return new ConversationId(new Channel.Unlisted(channel), key);
    }

    /** A stored id read back: a known prefix gives its channel, anything else is an unlisted channel's key as it is. */
    public static ConversationId parse(String stored) {
        int colon = stored.indexOf(':');
        if (colon > 0) {
            var channel = Channel.byPrefix(stored.substring(0, colon));
            if (channel.isPresent()) return new ConversationId(channel.get(), stored.substring(colon + 1));
        }
        return new ConversationId(new Channel.Unlisted(""), stored);
    }

    /** The stored form. */
    public String value() {
        return channel.prefix().isEmpty() ? key : channel.prefix() + ":" + key;
    }

    /**
     * Whether this is the email conversation of the address (given lower-cased), as stored now or, in older databases,
     * as the bare address; compared ignoring case.
     */
    public boolean isEmailConversationOf(String address) {
        return value().equalsIgnoreCase(mail(address).value()) || value().equalsIgnoreCase(address);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConversationId other && value().equals(other.value());
    }

    @Override
    public int hashCode() {
        return value().hashCode();
    }

    @Override
    public String toString() {
        return value();
    }
}
