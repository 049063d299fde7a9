package org.compactbot.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The case desk's server-side sessions. A browser holds only a random 256-bit id in the cookie {@value #COOKIE}
 * (Path=/desk, HttpOnly, SameSite=Strict, Secure over HTTPS); the server keeps, by a digest of that id, the session's
 * form token (every desk form carries it), the address signed in (none before sign-in: the sign-in forms need a token
 * too) and a one-off message for the next page. A session is forgotten after {@link #IDLE} without use; signing in
 * starts a new one (so an id seen before sign-in opens nothing after it), and signing out ends it. Kept in memory: a
 * restart signs everyone out. At most {@link #MAX} sessions of each kind (signed in, not yet) are kept; the least recently used go first.
 */
final class DeskSessions {
    static final String COOKIE = "compact_desk";
    static final Duration IDLE = Duration.ofHours(8);
    static final int MAX = 10_000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** One browser's session: its id (the cookie's value), its form token, who is signed in (null: nobody yet). */
    static final class Session {
        final String id;
        final String formToken = random();
        final String email;
        Instant lastUsed;
        DeskPages.Notice flash;

        private Session(String id, String email, Instant now) {
            this.id = id;
            this.email = email;
            this.lastUsed = now;
        }

        /** Whether a posted form token is this session's, compared in constant time. */
        boolean accepts(String posted) {
            return posted != null && MessageDigest.isEqual(formToken.getBytes(StandardCharsets.US_ASCII), posted.getBytes(StandardCharsets.US_ASCII));
        }

        synchronized void flash(DeskPages.Notice n) {
            flash = n;
        }

        /** The one-off message for this page, taken (null when none). */
        synchronized DeskPages.Notice takeFlash() {
            DeskPages.Notice f = flash;
            flash = null;
            return f;
        }
    }

    private final Clock clock;
    /**
     * By digest of the id, least recently used first: those not signed in apart from those signed in, so that a flood of
     * visitors to the sign-in page cannot push a signed-in person's session out.
     */
    private final Map<String, Session> visitors = lru(), members = lru();

    private static Map<String, Session> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
                return size() > MAX;
            }
        };
    }

    DeskSessions(Clock clock) {
        this.clock = clock;
    }

    /** The live session the cookie names, touched; empty when there is none or it has been idle too long. */
    synchronized Optional<Session> of(String cookie) {
        if (cookie == null || !ID.matcher(cookie).matches()) return Optional.empty();
        String key = digest(cookie);
        Map<String, Session> in = members.containsKey(key) ? members : visitors;
        Session s = in.get(key);
        Instant now = clock.instant();
        if (s == null) return Optional.empty();
        if (Duration.between(s.lastUsed, now).compareTo(IDLE) > 0) {
            in.remove(key);
            return Optional.empty();
        }
        s.lastUsed = now;
        return Optional.of(s);
    }

    /** A new session; {@code email} null for one not signed in yet. */
    synchronized Session start(String email) {
        Session s = new Session(random(), email, clock.instant());
        (email == null ? visitors : members).put(digest(s.id), s);
        return s;
    }

    synchronized void end(Session s) {
        visitors.remove(digest(s.id));
        members.remove(digest(s.id));
    }

    /** The Set-Cookie header for the session. */
    static String header(Session s, boolean secure) {
        return COOKIE + "=" + s.id + "; Path=/desk; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    /** The header that removes the cookie. */
    static String cleared(boolean secure) {
        return COOKIE + "=; Path=/desk; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return B64.encodeToString(b);
    }

    private static String digest(String id) {
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(("compact-bot desk\n" + id).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
