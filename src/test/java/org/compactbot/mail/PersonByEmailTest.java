package org.compactbot.mail;

import static org.compactbot.mail.MailChannelTest.email;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Asking for a person by email, in the middle of raising a challenge: the area's Compact lead receives (over SMTP, in
 * GreenMail) the conversation so far and the address to write to; the person is told who and by when, their draft is
 * kept, and asking again sends nothing more.
 */
class PersonByEmailTest {
    private static final String JO = "jo@bilston.org.uk", LEAD = "compact@wolverhampton.example";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir Path dir;
    MailFixture f;

    @BeforeEach
    void open() throws Exception {
        f = new MailFixture(dir, greenMail, MailIdentityTest.TRUSTED);
    }

    @AfterEach
    void close() {
        f.close();
    }


    private static String to(List<String> mail, String address) {
        return mail.stream().filter(m -> m.startsWith(address + " / ")).findFirst().orElseThrow(() -> new AssertionError("no email to " + address + ": " + mail));
    }

    @Test
    void theLeadGetsTheConversationAndHowToReachThePersonWhoIsToldWhoAndWhen() throws Exception {
        f.channel.receive(email("Jo Smith <" + JO + ">", "Our grant", "<p1@bilston.org.uk>", "",
                "Wolverhampton council have cut our youth club grant with two weeks' notice. Is that allowed?"));
        List<String> first = f.newMail();
        assertTrue(to(first, JO).contains("Please answer these by number"), "the challenge's questions went out: " + first);

        f.channel.receive(email("Jo Smith <" + JO + ">", "Re: Our grant", "<p2@bilston.org.uk>", f.replyingTo(JO, null),
                "Sorry, this is a lot of questions. Could I speak to someone instead?"));
        List<String> second = f.newMail();
        String lead = to(second, LEAD);
        assertTrue(lead.contains("someone asked to talk to a person (Wolverhampton)"), lead);
        assertTrue(lead.contains("Email: " + JO), "how to reach them: " + lead);
        assertTrue(lead.contains("Name: Jo Smith"), lead);
        assertTrue(lead.contains("person: Wolverhampton council have cut our youth club grant"), "the conversation so far: " + lead);
        assertTrue(lead.contains("Could I speak to someone instead?"), lead);
        String reply = to(second, JO);
        assertTrue(reply.contains("I have asked the Wolverhampton Compact lead to contact you by email at " + JO), reply);
        assertTrue(reply.contains("(within 2 working days)"), reply);
        assertTrue(reply.contains("Your answers so far are kept"), reply);

        f.channel.receive(email("Jo Smith <" + JO + ">", "Re: Our grant", "<p3@bilston.org.uk>", f.replyingTo(JO, null),
                "Hello again, can someone call me please?"));
        List<String> third = f.newMail();
        assertEquals(1, third.size(), "only the reply to Jo, nothing more to the lead: " + third);
        assertTrue(to(third, JO).contains("not sent a second request"), third.toString());
    }
}
