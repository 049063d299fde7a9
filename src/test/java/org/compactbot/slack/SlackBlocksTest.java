package org.compactbot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.util.json.GsonFactory;
import java.util.List;
import org.compactbot.conversation.Reply;
import org.compactbot.conversation.Slot;
import org.compactbot.conversation.TurnResult;
import org.compactbot.knowledge.AnswerFormatter;
import org.junit.jupiter.api.Test;

/** The reply model in Block Kit, without Slack. */
class SlackBlocksTest {
    private static final AnswerFormatter.Quote QUOTE = new AnswerFormatter.Quote(
            "Give a minimum of three months' notice in writing when changing or ending a funding relationship.",
            "West Cheshire Compact › Managing Changes to Services › Public sector undertaking 3",
            "The council should give you at least three months' written notice.");

    private static String json(List<LayoutBlock> blocks) {
        return GsonFactory.createSnakeCase().toJson(blocks);
    }

    @Test
    void anAnswerIsTheQuotedPassageWithItsCitationAndGlossThenTheOffer() {
        Reply r = new Reply("\"" + QUOTE.text() + "\"\n  — " + QUOTE.citation() + "\n  In plain words: " + QUOTE.gloss()
                + "\n\nIf a public body has not kept to this, I can help you raise a Compact challenge: just say \"raise a challenge\".",
                List.of(new Reply.Choice("Raise a Compact challenge", "challenge")), List.of(QUOTE));
        List<LayoutBlock> blocks = SlackBlocks.turn(new TurnResult(List.of(r), "idle", null, null), null).get(0).blocks();
        assertTrue(((SectionBlock) blocks.get(0)).getText().getText().startsWith("> Give a minimum"));
        assertTrue(json(List.of(blocks.get(1))).contains("— West Cheshire Compact"));
        assertTrue(json(List.of(blocks.get(2))).contains("In plain words"));
        assertTrue(json(List.of(blocks.get(3))).contains("I can help you raise a Compact challenge"));
        ButtonElement b = (ButtonElement) ((ActionsBlock) blocks.get(4)).getElements().get(0);
        assertEquals("challenge", b.getValue());
        assertEquals("dm:choice:idle:0", b.getActionId());
    }

    @Test
    void suggestedUndertakingsKeepTheQuestionTheirNumbersAndHowToReply() {
        AnswerFormatter.Quote other = new AnswerFormatter.Quote("Consult for at least 12 weeks.", "West Cheshire Compact › Consultation › 3", "");
        String text = "These undertakings in the West Cheshire Compact look closest to what happened. Which apply?\n1. \"" + QUOTE.text()
                + "\"\n   — " + QUOTE.citation() + "\n2. \"" + other.text() + "\"\n   — " + other.citation()
                + "\nReply with the numbers that apply (e.g. \"1 and 3\"), or none.";
        Reply r = new Reply(text, List.of(new Reply.Choice("1", "1"), new Reply.Choice("2", "2"), new Reply.Choice("None of these", "none")),
                List.of(new AnswerFormatter.Quote(QUOTE.text(), QUOTE.citation(), ""), other));
        List<LayoutBlock> blocks = SlackBlocks.turn(new TurnResult(List.of(r), "collecting", Slot.UNDERTAKINGS, null), null).get(0).blocks();
        assertTrue(((SectionBlock) blocks.get(0)).getText().getText().startsWith("These undertakings"));
        assertTrue(((SectionBlock) blocks.get(1)).getText().getText().startsWith("> *1.* Give a minimum"));
        assertTrue(((SectionBlock) blocks.get(3)).getText().getText().startsWith("> *2.* Consult"));
        assertTrue(((SectionBlock) blocks.get(5)).getText().getText().startsWith("Reply with the numbers"));
        assertFalse(json(blocks).contains("Other Compacts"));
        assertEquals(3, ((ActionsBlock) blocks.get(6)).getElements().size());
    }

    @Test
    void theSummaryHasConfirmAndEditAndAMenuOfItemsToChange() {
        Reply summary = Reply.of("Area: West Cheshire\n...\n\nIs this right?",
                List.of(new Reply.Choice("Yes, submit it", "yes"), new Reply.Choice("Change something", "change")));
        List<LayoutBlock> blocks = SlackBlocks.turn(new TurnResult(List.of(summary), "collecting", Slot.CONFIRM, null), null).get(0).blocks();
        ActionsBlock actions = (ActionsBlock) blocks.get(blocks.size() - 1);
        ButtonElement confirm = (ButtonElement) actions.getElements().get(0);
        ButtonElement edit = (ButtonElement) actions.getElements().get(1);
        StaticSelectElement items = (StaticSelectElement) actions.getElements().get(2);
        assertEquals(List.of("Confirm", "yes", "primary"), List.of(confirm.getText().getText(), confirm.getValue(), confirm.getStyle()));
        assertEquals(List.of("Edit", "change"), List.of(edit.getText().getText(), edit.getValue()));
        assertEquals("dm:edit:confirm", items.getActionId());
        assertTrue(items.getOptions().stream().anyMatch(o -> o.getValue().equals("change email")));
        assertTrue(items.getOptions().stream().anyMatch(o -> o.getValue().equals("change what happened")));
        assertEquals(13, items.getOptions().size());
    }

    @Test
    void whatAPersonWroteIsShownNeverActedOn() {
        Reply r = Reply.of("You said: <!channel> & <https://evil.example|click>");
        String text = ((SectionBlock) SlackBlocks.turn(new TurnResult(List.of(r), "idle", null, null), null).get(0).blocks().get(0))
                .getText().getText();
        assertEquals("You said: &lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;", text);
    }

    @Test
    void buttonsCarryTheStepTheyAnswerAndASuggestionComesFirst() {
        Reply r = Reply.of("What is your name?");
        List<LayoutBlock> blocks = SlackBlocks.turn(new TurnResult(List.of(r), "collecting", Slot.NAME, null),
                new Reply.Choice("Use Sam Patel", "Sam Patel")).get(0).blocks();
        ButtonElement b = (ButtonElement) ((ActionsBlock) blocks.get(1)).getElements().get(0);
        assertEquals("dm:choice:name:0", b.getActionId());
        assertEquals("name", SlackBlocks.stepOf(b.getActionId()));
        assertEquals("Sam Patel", b.getValue());
    }

    @Test
    void longTextIsSplitIntoSectionsSlackAccepts() {
        String story = ("The council wrote to us about our grant. ").repeat(200);
        List<LayoutBlock> blocks = SlackBlocks.turn(new TurnResult(List.of(Reply.of(story)), "idle", null, null), null).get(0).blocks();
        assertTrue(blocks.size() >= 3);
        for (LayoutBlock b : blocks) assertTrue(((SectionBlock) b).getText().getText().length() <= 3000);
    }

    @Test
    void aClickedMessageKeepsItsWordsAndShowsTheChoiceInsteadOfButtons() {
        List<LayoutBlock> original = SlackBlocks.turn(new TurnResult(List.of(Reply.of("Which area?",
                List.of(new Reply.Choice("West Cheshire", "west-cheshire")))), "collecting", Slot.AREA, null), null).get(0).blocks();
        List<LayoutBlock> after = SlackBlocks.withChoiceMade(original, "West Cheshire");
        assertFalse(after.stream().anyMatch(b -> b instanceof ActionsBlock));
        assertTrue(after.get(after.size() - 1) instanceof ContextBlock);
        assertTrue(json(after).contains("You chose: *West Cheshire*"));
    }

    @Test
    void aChannelAnswerOffersAChallengeOnlyPrivately() {
        var shown = new AnswerFormatter.Shown(QUOTE, List.of(), "If a public body has not kept to this...", "");
        String json = json(SlackBlocks.channelAnswer(shown).blocks());
        assertTrue(json.contains("channel:challenge"));
        assertTrue(json.contains("private message"));
        var none = new AnswerFormatter.Shown(null, List.of(), "", "I couldn't find anything in the Compacts that answers that.");
        assertTrue(json(SlackBlocks.channelAnswer(none).blocks()).contains("find anything in the Compacts"));
    }

    @Test
    void slackMarkupInWhatPeopleTypeIsUnwrapped() {
        assertEquals("sam@example.org", SlackText.plain("<mailto:sam@example.org|sam@example.org>", null));
        assertEquals("how long should a consultation run?", SlackText.plain("<@U0BOT> how long should a consultation run?", "U0BOT"));
        assertEquals("see example.org & a < b", SlackText.plain("see <https://example.org|example.org> &amp; a &lt; b", null));
        assertEquals("cc @U2", SlackText.plain("cc <@U2>", "U0BOT"));
    }
}
