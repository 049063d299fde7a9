package org.compactbot.mail;

import static org.compactbot.mail.MailChannelTest.email;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compactbot.cases.ChallengeCase;
import org.compactbot.store.Database;
import org.compactbot.store.SqlCaseStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An email intake answered in the three ways people answer a list of questions, each written by someone who had not
 * seen the parser (src/test/resources/eval/mail-replies-own.md): under the quoted questions, as "Label: answer"
 * lines, and as one paragraph. Each ends in a case with the right facts within three replies.
 */
class EmailReplyStylesTest {
    static final String JULIE = "julie@skeltonpantry.test";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir Path dir;
    MailFixture f;
    Database db;
    MailChannel channel;
    SqlCaseStore caseStore;

    @BeforeEach
    void open() throws Exception {
        f = new MailFixture(dir, greenMail, "");
        db = f.db;
        caseStore = f.caseStore;
        channel = f.channel;
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** The fenced blocks of the replies file, in order: style A, B, C. */
    static List<String> replies() throws Exception {
        return blocks("mail-replies-own.md");
    }

    static List<String> blocks(String file) throws Exception {
        String md = Files.readString(Path.of("src/test/resources/eval", file), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("```\\n(.*?)```", Pattern.DOTALL).matcher(md);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private String lastReplyToJulie() {
        return lastReplyTo(JULIE);
    }

    private String lastReplyTo(String address) {
        f.send();
        MimeMessage last = null;
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            try {
                if (m.getAllRecipients()[0].toString().equals(address)) last = m;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        if (last == null) return "";
        try {
            Object content = last.getContent();
            if (content instanceof jakarta.mail.Multipart mp) {
                for (int i = 0; i < mp.getCount(); i++) {
                    if (mp.getBodyPart(i).isMimeType("text/plain")) return String.valueOf(mp.getBodyPart(i).getContent());
                }
            }
            return String.valueOf(content);
        } catch (Exception e) {
            return GreenMailUtil.getBody(last).replace("=\r\n", "").replace("=3D", "=");
        }
    }

    private void reply(int n, String body) {
        replyAs("Julie Brennan", JULIE, "Re: Our grant", "<j" + n + "@skeltonpantry.test>", body);
    }

    /** A reply on the thread of the last email the bot sent this person. */
    private void replyAs(String name, String address, String subject, String messageId, String body) {
        MailOutcome o = channel.receive(email(name + " <" + address + ">", subject, messageId,
                f.replyingTo(address, "reply"), body.replace("\n", "\r\n")));
        assertEquals("replied", o.what(), o.detail());
    }

    @ParameterizedTest(name = "style {0}")
    @ValueSource(ints = {0, 1, 2})
    void eachReplyStyleEndsInACaseWithTheRightFactsWithinThreeReplies(int style) throws Exception {
        channel.receive(email("Julie Brennan <" + JULIE + ">", "Our grant", "<j0@skeltonpantry.test>", "",
                "Hello, Redcar and Cleveland Council has told us our grant is ending and gave us hardly any warning. I want to raise a challenge."
                        + "\r\n\r\nJulie"));
        String list = lastReplyToJulie();
        assertTrue(list.contains("1. Are you raising this as") && list.contains("7. Your challenge will be shared"), list);

        int replies = 0;
        reply(++replies, replies().get(style));
        String next = lastReplyToJulie();
        for (int i = 0; i < 3 && caseStore.list(null, null).isEmpty(); i++) {
            String answer = next.contains("Which apply?") ? "the notice one" : next.contains("Here is your challenge") ? "Yes, please send it" : null;
            if (answer == null) break;
            reply(++replies, answer);
            next = lastReplyToJulie();
        }
        List<ChallengeCase> cases = caseStore.list(null, null);
        assertEquals(1, cases.size(), "no case after " + replies + " replies; the bot last said:\n" + next);
        assertTrue(replies <= 3, replies + " replies");
        ChallengeCase c = cases.get(0);
        assertEquals("redcar-cleveland", c.area());
        assertEquals("Skelton Community Pantry", c.organisation());
        Map<String, Object> details = c.details();
        assertEquals("group", details.get("role"));
        assertEquals("share", details.get("consent"));
        String facts = String.valueOf(details.get("details"));
        assertTrue(facts.contains("told=2026-10-02") && facts.contains("effective=2026-10-30"), facts);
        assertTrue(facts.contains("28 days' notice"), facts);
        assertTrue(String.valueOf(details.get("impact")).contains("70 households"), details.toString());
        assertTrue(String.valueOf(details.get("informal_steps")).toLowerCase().contains("grants officer"), details.toString());
        assertTrue(String.valueOf(details.get("desired_outcome")).toLowerCase().contains("notice"), details.toString());
    }

    static final String ROB = "rob@wrct.test";

    /**
     * A second story, written by another person who had not seen the parser (mail-replies-third.md): a Wolverhampton
     * transport charity, in four styles, the fourth a mix of numbered lines, prose and a sign-off. Block 0 is the
     * bot's questions.
     */
    @ParameterizedTest(name = "style {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void aSecondStoryInFourStylesEndsInACaseWithinThreeReplies(int style) throws Exception {
        channel.receive(email("Rob Tranter <" + ROB + ">", "Dial-a-ride grant", "<r0@wrct.test>", "",
                "Hello, Wolverhampton council have emailed to say our dial-a-ride grant is stopping at the end of the month, with less than "
                        + "a month's warning. I'd like to raise a challenge.\r\n\r\nRob Tranter"));
        String list = lastReplyTo(ROB);
        assertTrue(list.contains("1. Are you raising this as"), list);
        int replies = 0;
        String body = blocks("mail-replies-third.md").get(style);
        replyAs("Rob Tranter", ROB, "Re: Dial-a-ride grant", "<r" + (++replies) + "@wrct.test>", body);
        String next = lastReplyTo(ROB);
        for (int i = 0; i < 3 && caseStore.list(null, null).isEmpty(); i++) {
            String answer = next.contains("Which apply?") ? "the one about notice" : next.contains("Here is your challenge") ? "yes that's all correct" : null;
            if (answer == null) break;
            replyAs("Rob Tranter", ROB, "Re: Dial-a-ride grant", "<r" + (++replies) + "@wrct.test>", answer);
            next = lastReplyTo(ROB);
        }
        List<ChallengeCase> cases = caseStore.list(null, null);
        assertEquals(1, cases.size(), "no case after " + replies + " replies; the bot last said:\n" + next);
        assertTrue(replies <= 3, replies + " replies");
        ChallengeCase c = cases.get(0);
        assertEquals("wolverhampton", c.area());
        assertTrue(c.organisation().startsWith("Whitmore Reans Community Transport"), c.organisation());
        Map<String, Object> details = c.details();
        assertEquals("group", details.get("role"));
        assertEquals("share", details.get("consent"));
        String facts = String.valueOf(details.get("details"));
        assertTrue(facts.contains("told=2026-10-02") && facts.contains("effective=2026-10-31"), facts);
        assertTrue(facts.contains("29 days' notice"), facts);
        assertTrue(String.valueOf(details.get("impact")).contains("140"), details.toString());
        assertTrue(String.valueOf(details.get("informal_steps")).contains("Mark Bayliss"), details.toString());
        assertTrue(String.valueOf(details.get("desired_outcome")).toLowerCase().contains("notice"), details.toString());
    }
}
