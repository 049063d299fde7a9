package org.compactbot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.staticSelect;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import java.util.ArrayList;
import java.util.List;
import org.compactbot.conversation.Reply;
import org.compactbot.conversation.Slot;
import org.compactbot.conversation.TurnResult;
import org.compactbot.knowledge.AnswerFormatter;

/**
 * The reply model in Block Kit: text as sections, quoted Compact passages with their citation and
 * plain-English gloss, choices as buttons whose value is the choice's value, the summary with
 * Confirm / Edit. Pure: no I/O. Everything a person or a document wrote is escaped. The App Home tab is
 * {@link HomeView}, the challenge form {@link ChallengeFormView}.
 */
public final class SlackBlocks {
    /** One Slack message: the notification text and the blocks shown. */
    public record Message(String text, List<LayoutBlock> blocks) {}

    /** Action ids. Buttons in a direct message carry the step they answer: {@code dm:choice:<step>:<n>}. */
    static final String DM_CHOICE = "dm:choice:";
    static final String DM_EDIT = "dm:edit:";
    static final String CHANNEL_CHALLENGE = "channel:challenge";

    static final int MAX_BLOCKS = 50;
    static final int MAX_SECTION = 2900;
    private static final int MAX_BUTTON_TEXT = 75;
    private static final int MAX_FALLBACK = 3000;
    private static final String OTHER_COMPACTS = "Other Compacts say the same:";

    private SlackBlocks() {}

    /** Where a conversation stands after a turn, as carried in its buttons: the slot expected, else the state. */
    public static String step(TurnResult t) {
        return t.expecting() != null ? t.expecting().id() : t.state();
    }

    /** The step a direct-message button or menu was for (from its action id), or null. */
    static String stepOf(String actionId) {
        String[] parts = actionId == null ? new String[0] : actionId.split(":");
        return parts.length >= 3 ? parts[2] : null;
    }

    /**
     * A turn of the direct-message conversation: one message (more only past Slack's 50 blocks).
     * @param suggestion an extra choice for the question asked (e.g. the name Slack knows), or null
     */
    public static List<Message> turn(TurnResult t, Reply.Choice suggestion) {
        String step = step(t);
        List<LayoutBlock> blocks = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        int[] n = {0};
        for (int i = 0; i < t.replies().size(); i++) {
            Reply r = t.replies().get(i);
            boolean last = i == t.replies().size() - 1;
            texts.add(r.text());
            blocks.addAll(body(r));
            List<Reply.Choice> choices = new ArrayList<>(r.choices());
            if (last && suggestion != null) choices.add(0, suggestion);
            if (t.expecting() == Slot.CONFIRM && r.asksToSubmit()) {
                blocks.add(summaryActions(step));
            } else if (!choices.isEmpty()) {
                blocks.add(buttons(choices, step, n));
            }
        }
        return split(String.join("\n\n", texts), blocks);
    }

    /**
     * The blocks for a reply's words. When it quotes the Compacts: the words before the first
     * quote, each quote laid out (numbered when the text numbers it, for choices such as "1"),
     * and the words after the last one (an offer, or how to reply). Otherwise its text.
     */
    static List<LayoutBlock> body(Reply r) {
        List<LayoutBlock> out = new ArrayList<>();
        String text = r.text();
        List<AnswerFormatter.Quote> quotes = r.quotes();
        if (quotes.isEmpty()) {
            out.addAll(sections(text));
            return out;
        }
        int first = text.indexOf(quotes.get(0).text());
        String lead = first < 0 ? "" : text.substring(0, first).replaceAll("(\\d+\\.\\s*)?\"\\s*$", "").strip();
        if (!lead.isEmpty()) out.addAll(sections(lead));
        for (int i = 0; i < quotes.size(); i++) {
            AnswerFormatter.Quote q = quotes.get(i);
            if (i == 1 && text.contains(OTHER_COMPACTS)) out.add(section(s -> s.text(markdownText("*" + OTHER_COMPACTS + "*"))));
            String number = text.contains((i + 1) + ". \"" + q.text()) ? (i + 1) + ". " : "";
            out.addAll(quote(q, number));
        }
        String tail = trailingNote(text, quotes.get(quotes.size() - 1));
        if (!tail.isEmpty()) out.addAll(sections(tail));
        return out;
    }

    /** The words after the last quoted passage (and its gloss), if any. */
    static String trailingNote(String text, AnswerFormatter.Quote last) {
        int at = text.lastIndexOf(last.citation());
        if (at < 0) return "";
        StringBuilder rest = new StringBuilder();
        for (String line : text.substring(at + last.citation().length()).split("\n")) {
            if (line.strip().startsWith("In plain words:")) continue;
            rest.append(line).append('\n');
        }
        return rest.toString().strip();
    }

    private static List<LayoutBlock> sections(String text) {
        List<LayoutBlock> out = new ArrayList<>();
        for (String chunk : chunks(SlackText.escape(text))) out.add(section(s -> s.text(markdownText(chunk))));
        return out;
    }

    /** One quoted passage: the source's words as a block quote, the citation and the gloss beneath. */
    static List<LayoutBlock> quote(AnswerFormatter.Quote q, String number) {
        List<LayoutBlock> out = new ArrayList<>();
        String quoted = "> " + (number.isEmpty() ? "" : "*" + number.strip() + "* ") + SlackText.escape(q.text()).replace("\n", "\n> ");
        for (String chunk : chunks(quoted)) out.add(section(s -> s.text(markdownText(chunk))));
        String citation = "— " + SlackText.escape(q.citation());
        out.add(context(List.of(markdownText(truncate(citation, MAX_SECTION)))));
        if (q.gloss() != null && !q.gloss().isBlank()) {
            out.add(context(List.of(markdownText(truncate("_In plain words:_ " + SlackText.escape(q.gloss()), MAX_SECTION)))));
        }
        return out;
    }

    private static ActionsBlock buttons(List<Reply.Choice> choices, String step, int[] n) {
        List<BlockElement> elements = new ArrayList<>();
        for (Reply.Choice c : choices) {
            if (elements.size() == 25) break;
            String id = DM_CHOICE + step + ":" + n[0]++;
            elements.add(button(b -> b.actionId(id).text(plainText(truncate(c.label(), MAX_BUTTON_TEXT))).value(c.value())));
        }
        return actions(elements);
    }

    /** Under the summary: Confirm, Edit, and a menu to change one item directly. */
    private static ActionsBlock summaryActions(String step) {
        List<OptionObject> items = new ArrayList<>();
        for (Slot s : Slot.values()) {
            if (s == Slot.CONFIRM) continue;
            Reply.Choice change = s.changeChoice();
            items.add(option(plainText(change.label()), change.value()));
        }
        return actions(List.of(
                button(b -> b.actionId(DM_CHOICE + step + ":0").text(plainText("Confirm")).value("yes").style("primary")),
                button(b -> b.actionId(DM_CHOICE + step + ":1").text(plainText("Edit")).value("change")),
                staticSelect(m -> m.actionId(DM_EDIT + step).placeholder(plainText("Change an item…")).options(items))));
    }

    /**
     * An answer for a channel (a mention's thread, a slash command): the quotes, and for a
     * grievance an offer to raise a challenge privately. Never anything about a case.
     */
    public static Message channelAnswer(AnswerFormatter.Shown shown) {
        if (shown.best() == null) {
            return new Message(truncate(shown.noAnswer(), MAX_FALLBACK),
                    List.of(section(s -> s.text(markdownText(SlackText.escape(truncate(shown.noAnswer(), MAX_SECTION)))))));
        }
        List<LayoutBlock> blocks = new ArrayList<>(quote(shown.best(), ""));
        if (!shown.alsoIn().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("*" + shown.alsoHeading() + "*"))));
            for (AnswerFormatter.Quote q : shown.alsoIn()) blocks.addAll(quote(q, ""));
        }
        if (!shown.note().isEmpty()) blocks.add(section(s -> s.text(markdownText(SlackText.escape(shown.note())))));
        if (!shown.offer().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("If a public body has not kept to this, I can help you raise a Compact "
                    + "challenge. Challenges are confidential, so I'll take it up with you in a private message."))));
            blocks.add(actions(List.of(button(b -> b.actionId(CHANNEL_CHALLENGE).value("challenge")
                    .text(plainText("Raise a challenge privately"))))));
        }
        String text = "\"" + shown.best().text() + "\" — " + shown.best().citation();
        return split(text, blocks).get(0);
    }

    /** A short plain message (help, notices). */
    public static Message plain(String text) {
        return new Message(truncate(text, MAX_FALLBACK), sections(text));
    }

    /** What the bot does and how to use it in Slack. */
    public static Message help() {
        String text = "*Compact Bot* answers questions about your local Compact (the agreement between public bodies and "
                + "the voluntary and community sector), quoting its exact words, and helps you raise a Compact challenge.\n"
                + "• `/compact <question>`: ask a question (only you see the answer)\n"
                + "• `/compact challenge`: raise a challenge with a form (only you see it)\n"
                + "• `/compact status [REF]`: where your challenge stands, in a private message\n"
                + "• mention @Compact Bot with a question in a channel: I answer in a thread\n"
                + "• or message me directly for the whole conversation.\n"
                + "Challenges are confidential: I never discuss them in a channel.";
        return new Message("Compact Bot help: /compact <question>, /compact challenge, /compact status [REF], /compact help",
                List.of(section(s -> s.text(markdownText(text)))));
    }


    /** The clicked message with its buttons replaced by what was chosen, so an old button cannot be clicked again. */
    static List<LayoutBlock> withChoiceMade(List<LayoutBlock> original, String label) {
        List<LayoutBlock> out = new ArrayList<>();
        if (original != null) for (LayoutBlock b : original) if (!(b instanceof ActionsBlock)) out.add(b);
        out.add(context(List.of(markdownText("You chose: *" + SlackText.escape(truncate(label, 200)) + "*"))));
        return out;
    }

    private static List<Message> split(String text, List<LayoutBlock> blocks) {
        List<Message> out = new ArrayList<>();
        String fallback = truncate(text, MAX_FALLBACK);
        for (int i = 0; i < blocks.size(); i += MAX_BLOCKS) {
            out.add(new Message(fallback, List.copyOf(blocks.subList(i, Math.min(blocks.size(), i + MAX_BLOCKS)))));
        }
        if (out.isEmpty()) out.add(new Message(fallback, List.of()));
        return out;
    }

    /** Splits text into pieces that fit a section, at line breaks where possible. */
    static List<String> chunks(String text) {
        List<String> out = new ArrayList<>();
        String rest = text.isBlank() ? " " : text;
        while (rest.length() > MAX_SECTION) {
            int cut = rest.lastIndexOf('\n', MAX_SECTION);
            if (cut < MAX_SECTION / 2) cut = rest.lastIndexOf(' ', MAX_SECTION);
            if (cut < MAX_SECTION / 2) cut = MAX_SECTION;
            out.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        out.add(rest);
        return out;
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
