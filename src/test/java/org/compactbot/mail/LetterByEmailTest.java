package org.compactbot.mail;

import static org.compactbot.mail.MailChannelTest.email;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.compactbot.conversation.ConversationStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Draft a letter" by email on the case's own thread: the reply carries the early-resolution letter as text and as a
 * Word attachment (sent through GreenMail, opened back with Apache POI), and the mediator is not told of it.
 */
class LetterByEmailTest {
    private static final String SAM = "sam@lunchclub.org.uk";
    private static final String QUOTE = "Give a minimum of three months' notice in writing when changing or ending a funding relationship & <explain why>.";

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

    private String samsCase() throws Exception {
        String details = "{\"what_happened\":\"The council told us our grant ends at the end of the month.\","
                + "\"desired_outcome\":\"Restore the grant\",\"consent\":\"share\","
                + "\"details\":{\"codes\":\"funding\",\"told\":\"2026-11-03\",\"effective\":\"2026-11-30\",\"undertaking_numbers\":\"[1]\","
                + "\"checks\":\"27 days' notice (told 3 November 2026, takes effect 30 November 2026) against a minimum of three months. That is less than the Compact's minimum.\"},"
                + "\"suggestions\":[{\"citation\":\"West Cheshire Compact › Funding › 3\",\"text\":\"" + QUOTE.replace("\"", "\\\"") + "\",\"code\":\"funding\"}]}";
        String ref = f.raised("mail:" + SAM, new ConversationStore.NewCase("west-cheshire", "Cheshire West and Chester Council",
                "Northwich Lunch Club", "Sam Patel", SAM, details));
        f.cases.routeNew();
        f.newMail(); // the acknowledgement and the mediator's summary
        return ref;
    }

    @Test
    void draftALetterOnTheCaseThreadIsAnsweredWithTheLetterAndAWordAttachmentNotPassedToTheMediator() throws Exception {
        String ref = samsCase();
        int before = greenMail.getReceivedMessages().length;
        MailOutcome o = f.channel.receive(email("Sam Patel <" + SAM + ">", "Re: [" + ref + "] Your Compact challenge has been received",
                "<l1@lunchclub.org.uk>", f.replyingTo(SAM, "acknowledgement") + "Authentication-Results: " + MailIdentityTest.TRUSTED
                        + "; spf=pass; dkim=pass; dmarc=pass\r\n", "Could you draft a letter to the council for us please?\r\n\r\nThanks,\r\nSam"));
        assertEquals("replied", o.what(), o.detail());
        assertEquals(1, f.send());
        MimeMessage[] all = greenMail.getReceivedMessages();
        assertEquals(before + 1, all.length, "one reply, to Sam; nothing to the mediator");
        MimeMessage reply = all[all.length - 1];
        assertEquals(SAM, reply.getAllRecipients()[0].toString());
        assertTrue(reply.getSubject().contains("[" + ref + "]"), reply.getSubject());

        List<Part> parts = new ArrayList<>();
        flatten(reply, parts);
        String body = parts.stream().filter(p -> is(p, "text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(disposition(p)))
                .map(LetterByEmailTest::text).findFirst().orElseThrow();
        assertTrue(body.contains("Here is a letter you can send Cheshire West and Chester Council yourself"), body);
        assertTrue(body.contains("27 days' notice"), body);
        Part docx = parts.stream().filter(p -> Part.ATTACHMENT.equalsIgnoreCase(disposition(p))).findFirst().orElseThrow();
        assertTrue(docx.isMimeType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"), docx.getContentType());
        assertEquals("letter-to-cheshire-west-and-chester-council.docx", docx.getFileName());
        List<String> paragraphs;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.getInputStream().readAllBytes()))) {
            paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
        }
        assertTrue(paragraphs.contains("\u201C" + QUOTE + "\u201D (West Cheshire Compact › Funding › 3)"), paragraphs.toString());
        assertTrue(paragraphs.contains("To the Compact lead officer, Cheshire West and Chester Council"), paragraphs.toString());
        assertTrue(paragraphs.stream().anyMatch(p -> p.startsWith("27 days' notice")), paragraphs.toString());
        assertTrue(paragraphs.contains("Sam Patel\nNorthwich Lunch Club"), paragraphs.toString());
        assertFalse(f.caseStore.find(ref).orElseThrow().toString().contains("draft a letter"), "not added to the case for the mediator");
    }

    @Test
    void aLetterRequestThatAnswersNoEmailOfOursGetsNoLetter() throws Exception {
        String ref = samsCase();
        MailOutcome o = f.channel.receive(email("Sam Patel <" + SAM + ">", "[" + ref + "] letter", "<l2@lunchclub.org.uk>",
                "Authentication-Results: " + MailIdentityTest.TRUSTED + "; spf=pass; dkim=pass; dmarc=pass\r\n", "draft a letter"));
        assertEquals("refused", o.what(), o.detail());
        List<String> got = f.newMail();
        assertEquals(1, got.size(), got.toString());
        assertTrue(got.get(0).contains("We have not drafted the letter for " + ref), got.get(0));
        assertFalse(got.get(0).contains("27 days"), got.get(0));
    }

    @Test
    void aLongMessageOnTheCaseThreadThatMentionsALetterStillGoesToTheCase() throws Exception {
        String ref = samsCase();
        String text = "Thanks for your email. We met the grants officer on Monday and she said the decision was made by the cabinet "
                + "member, not officers. She suggested we put our concerns in writing. Could you write a letter to the council for us, "
                + "or should we wait for the mediator to contact them first? We also have the minutes of the meeting if you need them.";
        MailOutcome o = f.channel.receive(email("Sam Patel <" + SAM + ">", "Re: [" + ref + "] Your Compact challenge has been received",
                "<l3@lunchclub.org.uk>", f.replyingTo(SAM, "acknowledgement") + "Authentication-Results: " + MailIdentityTest.TRUSTED
                        + "; spf=pass; dkim=pass; dmarc=pass\r\n", text));
        assertTrue(o instanceof MailOutcome.OnCase, "news for the mediator, kept on the case: " + o.detail());
    }

    @Test
    void aNewEmailFromTheAddressThatRaisedTheCaseGetsTheLetterFromItsConversation() throws Exception {
        samsCase();
        MailOutcome o = f.channel.receive(email("Sam Patel <" + SAM + ">", "letter", "<l4@lunchclub.org.uk>",
                "Authentication-Results: " + MailIdentityTest.TRUSTED + "; spf=pass; dkim=pass; dmarc=pass\r\n", "letter please"));
        assertEquals("replied", o.what(), o.detail());
        assertEquals(1, f.send());
        MimeMessage reply = greenMail.getReceivedMessages()[greenMail.getReceivedMessages().length - 1];
        assertEquals(SAM, reply.getAllRecipients()[0].toString(), "only ever to the address that raised it");
        List<Part> parts = new ArrayList<>();
        flatten(reply, parts);
        Part docx = parts.stream().filter(p -> Part.ATTACHMENT.equalsIgnoreCase(disposition(p))).findFirst()
                .orElseThrow(() -> new AssertionError("no attachment"));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.getInputStream().readAllBytes()))) {
            assertTrue(doc.getParagraphs().stream().map(XWPFParagraph::getText).anyMatch(t -> t.startsWith("What happened: The council told us")));
        }
    }

    private static void flatten(Part p, List<Part> out) throws Exception {
        if (p.isMimeType("multipart/*")) {
            MimeMultipart mp = (MimeMultipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) flatten(mp.getBodyPart(i), out);
        } else {
            out.add(p);
        }
    }

    private static boolean is(Part p, String type) {
        try {
            return p.isMimeType(type);
        } catch (Exception e) {
            return false;
        }
    }

    private static String disposition(Part p) {
        try {
            return p.getDisposition();
        } catch (Exception e) {
            return null;
        }
    }

    private static String text(Part p) {
        try {
            return p.getContent().toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
