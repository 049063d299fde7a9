package org.compactbot.slack;

import static org.compactbot.slack.SlackFixture.FORM;
import static org.compactbot.slack.SlackFixture.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The early-resolution letter in Slack, against the fake Web API on loopback: offered with a button when the challenge is
 * confirmed; the button gives the letter as a message and uploads its Word document to the direct message (files.uploadV2).
 */
class SlackLetterTest {
    @TempDir Path dir;
    private SlackFixture slack;

    @AfterEach
    void close() {
        if (slack != null) slack.close();
    }

    private static List<JsonNode> buttons(JsonNode blocks) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode b : blocks) if (b.path("type").asText().equals("actions")) b.get("elements").forEach(out::add);
        return out;
    }

    @Test
    void theConfirmedChallengeOffersTheLetterAndItsButtonPostsItAndUploadsTheWordDocument() throws Exception {
        slack = new SlackFixture(dir);
        List<String[]> script = List.of(
                new String[] {"Which area", "west-cheshire"},
                new String[] {"Are you raising this as", "group"},
                new String[] {"What is your name", "Sam Patel"},
                new String[] {"Which organisation", "Hope Street Youth Club"},
                new String[] {"What email address", "<mailto:sam@example.org|sam@example.org>"},
                new String[] {"Which public body", "Cheshire West and Chester Council"},
                new String[] {"Please tell me what happened", "The council told us by letter that our grant will end in two weeks, with no consultation at all."},
                new String[] {"Which apply?", "1"},
                new String[] {"I couldn't match", "none"},
                new String[] {"What are the key dates", "told on 3 Nov 2026, takes effect 17 Nov 2026"},
                new String[] {"What is the impact", "40 young people lose their weekly club"},
                new String[] {"Have you already raised this", "skip"},
                new String[] {"What would you like to happen", "Funding restored until proper notice is given"},
                new String[] {"Your challenge will be shared", "share"});
        slack.signed(SlackRequests.directMessage(SlackRequests.newEventId(), "U21", "raise a challenge"), JSON);
        int turn = 1;
        for (; turn < 30; turn++) {
            FakeSlackApi.Call last = slack.api.await("chat.postMessage", turn).get(turn - 1);
            String asked = last.params().get("text");
            if (asked.contains("Is this right?")) {
                JsonNode confirm = buttons(last.json("blocks")).stream().filter(b -> b.path("value").asText().equals("yes")).findFirst().orElseThrow();
                slack.signed(SlackRequests.blockAction("U21", "DU21", "2001.1", confirm.get("action_id").asText(), "yes", "Confirm", null), FORM);
                break;
            }
            String answer = script.stream().filter(s -> asked.contains(s[0])).map(s -> s[1]).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError("unexpected question: " + asked));
            slack.signed(SlackRequests.directMessage(SlackRequests.newEventId(), "U21", answer), JSON);
        }
        FakeSlackApi.Call done = slack.api.await("chat.postMessage", turn + 1).get(turn);
        JsonNode offer = buttons(done.json("blocks")).stream().filter(b -> b.path("value").asText().equals("draft a letter")).findFirst()
                .orElseThrow(() -> new AssertionError("no letter button: " + done.params().get("blocks")));
        assertEquals("Draft a letter to Cheshire West and Chester Council", offer.path("text").path("text").asText());
        assertTrue(slack.api.calls("files.getUploadURLExternal").isEmpty(), "offered, not sent unasked");

        slack.signed(SlackRequests.blockAction("U21", "DU21", "2002.1", offer.get("action_id").asText(), "draft a letter",
                offer.path("text").path("text").asText(), null), FORM);
        FakeSlackApi.Call complete = slack.api.await("files.completeUploadExternal", 1).get(0);
        assertEquals("DU21", complete.params().get("channel_id"), "into the person's direct message");
        FakeSlackApi.Call asked = slack.api.calls("files.getUploadURLExternal").get(0);
        assertEquals("letter-to-cheshire-west-and-chester-council.docx", asked.params().get("filename"));
        String fileId = complete.json("files").get(0).path("id").asText();
        byte[] docx = slack.api.uploaded(fileId);
        assertNotNull(docx, "the bytes were uploaded for " + fileId);
        assertEquals(Integer.parseInt(asked.params().get("length")), docx.length);
        List<String> paragraphs;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
        }
        assertTrue(paragraphs.contains("To the Compact lead officer, Cheshire West and Chester Council"), paragraphs.toString());
        assertTrue(paragraphs.stream().anyMatch(p -> p.startsWith("14 days' notice")), paragraphs.toString());
        assertTrue(paragraphs.contains("Sam Patel\nHope Street Youth Club"), paragraphs.toString());

        String letterMessage = slack.api.calls("chat.postMessage").stream().map(c -> c.params().get("text"))
                .filter(t -> t.contains("Here is a letter you can send")).findFirst().orElseThrow();
        assertTrue(letterMessage.contains("against a minimum of three months"), letterMessage);
        FakeSlackApi.Call lastMessage = slack.api.calls("chat.postMessage").get(slack.api.calls("chat.postMessage").size() - 1);
        assertTrue(lastMessage.at().compareTo(asked.at()) <= 0, "the letter's message comes before its file");
    }
}
