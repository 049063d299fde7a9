package org.compactbot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationIdTest {

    @Test
    void eachChannelWritesTheIdsStoredInExistingDatabases() {
        assertEquals("mail:sam@lunchclub.org.uk", ConversationId.mail("sam@lunchclub.org.uk").value());
        assertEquals("slack:T1:U1", ConversationId.slack("T1", "U1").value());
        assertEquals("slack:-:U1", ConversationId.slack(null, "U1").value());
        assertEquals("slack:T1:-", ConversationId.slack("T1", null).value());
        assertEquals("api:web-7", ConversationId.api("web-7").toString());
        assertEquals("api:a:b@c", ConversationId.api("a:b@c").value());
        assertEquals("cli:sam", ConversationId.cli("sam").value());
        assertEquals("warm-1", ConversationId.unlisted("bench", "warm-1").value());
    }

    @Test
    void eachChannelStoresItsConversationsUnderTheNameUsedToday() {
        assertEquals("email", ConversationId.mail("sam@x.org").channel().id());
        assertEquals("slack", ConversationId.slack("T1", "U1").channel().id());
        assertEquals("api", ConversationId.api("web-7").channel().id());
        assertEquals("cli", ConversationId.cli("sam").channel().id());
        assertEquals("bench", ConversationId.unlisted("bench", "warm-1").channel().id());
    }

    @Test
    void aStoredIdIsReadBackUnchangedWithItsChannel() {
        for (String stored : List.of("mail:Sam.Patel@LunchClub.org.uk", "slack:T1:U1", "api:a:b", "cli:sam", "sam@x.org", "conv-1",
                "MAIL:sam@x.org", "other:thing", ":x", "")) {
            assertEquals(stored, ConversationId.parse(stored).value(), stored);
        }
        assertEquals(Channel.MAIL, ConversationId.parse("mail:sam@x.org").channel());
        assertEquals(Channel.SLACK, ConversationId.parse("slack:T1:U1").channel());
        assertEquals("T1:U1", ConversationId.parse("slack:T1:U1").key());
        assertEquals(ConversationId.slack("T1", "U1"), ConversationId.parse("slack:T1:U1"));
        assertEquals(ConversationId.unlisted("test", "sam"), ConversationId.parse("sam"), "the same conversation: the same stored form");
    }

    @Test
    void onlyByEmailDoesOneReplyAnswerManyQuestions() {
        assertTrue(Channel.MAIL.asksAllAtOnce());
        assertTrue(Channel.named("email").asksAllAtOnce(), "a conversation stored under email");
        for (Channel c : List.of(Channel.SLACK, Channel.API, Channel.CLI, Channel.named("bench"), Channel.named("test"))) {
            assertFalse(c.asksAllAtOnce(), c.id());
        }
        assertEquals(Channel.SLACK, Channel.named("slack"));
    }

    @Test
    void anEmailConversationIsFoundByItsAddressAsStoredNowOrAsABareAddress() {
        assertTrue(ConversationId.parse("mail:Sam@X.org").isEmailConversationOf("sam@x.org"));
        assertTrue(ConversationId.parse("Sam@X.org").isEmailConversationOf("sam@x.org"));
        assertFalse(ConversationId.parse("slack:T1:U1").isEmailConversationOf("sam@x.org"));
        assertFalse(ConversationId.parse("mail:sam@x.org.uk").isEmailConversationOf("sam@x.org"));
    }
}
