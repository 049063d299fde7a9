package org.compactbot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.radioButtons;
import static com.slack.api.model.block.element.BlockElements.staticSelect;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.Views;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.compactbot.conversation.Draft;
import org.compactbot.conversation.Reply;
import org.compactbot.conversation.Slot;
import org.compactbot.conversation.TurnResult;
import org.compactbot.knowledge.AnswerFormatter;

/**
 * The reply model in Block Kit: text as sections, quoted Compact passages with their citation and
 * plain-English gloss, choices as buttons whose value is the choice's value, the summary with
 * Confirm / Edit. Pure: no I/O. Everything a person or a document wrote is escaped.
 */
public final class SlackBlocks {
    /** One Slack message: the notification text and the blocks shown. */
    public record Message(String text, List<LayoutBlock> blocks) {}

    /** Action ids. Buttons in a direct message carry the step they answer: {@code dm:choice:<step>:<n>}. */
    static final String DM_CHOICE = "dm:choice:";
    static final String DM_EDIT = "dm:edit:";
    static final String CHANNEL_CHALLENGE = "channel:challenge";
    static final String HOME_ASK = "home:ask";
    static final String HOME_CHALLENGE = "home:challenge";
    static final String HOME_CHAT = "home:chat";
    /** The challenge form (a modal): its callback id, and the action id of every field (the block id is the slot id). */
    static final String CHALLENGE_FORM = "challenge_form";
    static final String FIELD = "value";

    static final int MAX_BLOCKS = 50;
    private static final int MAX_SECTION = 2900;
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
            if (t.expecting() == Slot.CONFIRM && isConfirm(r)) {
                blocks.add(summaryActions(step));
            } else if (!choices.isEmpty()) {
                blocks.add(buttons(choices, step, n));
            }
        }
        return split(String.join("\n\n", texts), blocks);
    }

    private static boolean isConfirm(Reply r) {
        return r.choices().stream().anyMatch(c -> c.value().equals("yes"))
                && r.choices().stream().anyMatch(c -> c.value().equals("change"));
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
            String label = s.label().substring(0, 1).toUpperCase(Locale.ROOT) + s.label().substring(1);
            items.add(option(plainText(label), "change " + s.id().replace('_', ' ')));
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

    /** The App Home tab with nothing of the person's own to show. */
    public static View home() {
        return home(Optional.empty(), List.of());
    }

    /**
     * The App Home tab: what the bot does, the person's challenge in progress and the challenges they
     * have raised with where each stands, and buttons to ask or to start a challenge. Only the person sees it.
     */
    public static View home(Optional<Draft> draft, List<CaseStatusLookup.OwnCase> cases) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("Compact Bot"))));
        blocks.add(section(s -> s.text(markdownText("I answer questions about your local Compact, the agreement between councils, "
                + "NHS bodies and the police and the voluntary and community sector, quoting its exact words with "
                + "the section they come from.\n\nIf a public body has not kept to the Compact, I can help you raise a "
                + "*Compact challenge*: I ask what happened, check it against the Compact and pass it to an "
                + "independent mediator. Challenges are confidential and are handled in a private message."))));
        blocks.add(actions(List.of(
                button(b -> b.actionId(HOME_ASK).text(plainText("Ask a question")).value("ask")),
                button(b -> b.actionId(HOME_CHALLENGE).text(plainText("Raise a Compact challenge")).value("challenge").style("primary")),
                button(b -> b.actionId(HOME_CHAT).text(plainText("Raise one step by step in a chat")).value("chat")))));
        draft.ifPresent(d -> {
            blocks.add(divider());
            String area = d.answers().containsKey(Slot.AREA) ? " for " + areaName(d.answers().get(Slot.AREA)) : "";
            String about = d.answers().containsKey(Slot.RESPONDENT) ? ", about " + escape(truncate(d.answers().get(Slot.RESPONDENT), 80)) : "";
            blocks.add(section(s -> s.text(markdownText("*Your challenge in progress*" + area + about + "\nLast changed "
                    + DAY.format(d.updatedAt().atZone(UK)) + "; next question: " + d.at().label()
                    + ". Carry on in our direct message (say status to see where it stands). Unfinished challenges are cleared after 30 days."))));
        });
        if (!cases.isEmpty()) {
            blocks.add(divider());
            StringBuilder sb = new StringBuilder("*Your challenges*");
            for (CaseStatusLookup.OwnCase c : cases.subList(0, Math.min(cases.size(), 20))) {
                sb.append("\n• *").append(escape(c.ref())).append("*, raised ").append(DAY.format(c.raisedOn()))
                        .append(c.respondent() == null || c.respondent().isBlank() ? "" : ", about " + escape(truncate(c.respondent(), 60)))
                        .append(": ").append(statusWords(c.status()));
            }
            if (cases.size() > 20) sb.append("\n…and ").append(cases.size() - 20).append(" earlier ones: ask `/compact status REF`.");
            String text = sb.toString();
            blocks.add(section(s -> s.text(markdownText(truncate(text, MAX_SECTION)))));
        }
        blocks.add(context(List.of(markdownText("In any channel: mention @Compact Bot with a question, or use `/compact <question>`, "
                + "`/compact challenge`, `/compact status`, `/compact help`."))));
        return Views.view(v -> v.type("home").blocks(blocks));
    }

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    /** A case status in words, as the person who raised it would say it. */
    static String statusWords(String status) {
        return switch (status) {
            case "submitted" -> "received, waiting for a mediator";
            case "assigned" -> "with a mediator, waiting for them to accept";
            case "accepted" -> "accepted by a mediator";
            case "in_mediation" -> "in mediation";
            case "escalated" -> "escalated to the Compact lead";
            case "resolved" -> "resolved";
            case "withdrawn" -> "withdrawn";
            case "closed_unresolved" -> "closed without agreement";
            case "signposted" -> "closed, signposted elsewhere";
            default -> status.replace('_', ' ');
        };
    }

    private static String areaName(String area) {
        return escape(org.compactbot.knowledge.AreaDetector.displayName(area));
    }

    private static String escape(String s) {
        return SlackText.escape(s);
    }

    // ---------------------------------------------------------------- the challenge form

    /** How each field of the form asks for its slot: label, hint, whether it takes several lines. */
    private record Field(String label, String hint, boolean multiline) {}

    private static final Map<Slot, Field> FIELDS = fields();

    private static Map<Slot, Field> fields() {
        Map<Slot, Field> f = new LinkedHashMap<>();
        f.put(Slot.AREA, new Field("Which area's Compact is this about?", "Where the public body is.", false));
        f.put(Slot.ROLE, new Field("You are raising this as", null, false));
        f.put(Slot.NAME, new Field("Your name", null, false));
        f.put(Slot.ORGANISATION, new Field("Your organisation or group", "Leave blank if you are raising this as an individual.", false));
        f.put(Slot.EMAIL, new Field("Your email", "We send your reference and updates here.", false));
        f.put(Slot.RESPONDENT, new Field("Which public body is it about?", "The council, an NHS body or the police; the department or officer too if you know them.", false));
        f.put(Slot.WHAT_HAPPENED, new Field("What happened?", "In your own words: what the body did or did not do, and when.", true));
        f.put(Slot.UNDERTAKINGS, new Field("Which Compact undertakings were broken, if you know", "Leave blank and we suggest the closest ones from what you wrote.", true));
        f.put(Slot.DATES, new Field("Key dates", "For example: told on 3 Nov 2026, takes effect 30 Nov 2026; or: consultation opened 1 Oct 2026, closed 29 Oct 2026.", false));
        f.put(Slot.IMPACT, new Field("Impact", "How many people are affected, staff at risk, money involved.", true));
        f.put(Slot.INFORMAL_STEPS, new Field("Steps already taken", "Have you raised it with the body directly? When, with whom, what did they say?", true));
        f.put(Slot.DESIRED_OUTCOME, new Field("What would you like to happen?", null, true));
        f.put(Slot.CONSENT, new Field("May the body concerned be told that you raised it?", "Your challenge always goes to an independent mediator.", false));
        return f;
    }

    /**
     * The challenge form: every intake question as a field, filled in with what is already known
     * (a draft in progress, the person's Slack profile).
     * @param choices the options of the fields that are choices (area, role, consent), as the engine offers them
     */
    public static View challengeForm(Map<Slot, String> known, Map<Slot, List<Reply.Choice>> choices) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText("Tell us what happened and we will check it against your Compact and pass it to an "
                + "independent mediator. Prefer to go step by step? Send me a direct message saying _challenge_."))));
        FIELDS.forEach((slot, field) -> {
            String initial = known.get(slot);
            List<Reply.Choice> options = choices.get(slot);
            BlockElement element;
            if (options != null && !options.isEmpty()) {
                List<OptionObject> opts = options.stream().map(c -> option(plainText(truncate(c.label(), 75)), c.value())).toList();
                OptionObject chosen = opts.stream().filter(o -> o.getValue().equals(initial)).findFirst().orElse(null);
                element = slot == Slot.AREA
                        ? staticSelect(e -> e.actionId(FIELD).placeholder(plainText("Choose an area")).options(opts).initialOption(chosen))
                        : radioButtons(e -> e.actionId(FIELD).options(opts).initialOption(chosen));
            } else {
                element = plainTextInput(e -> e.actionId(FIELD).multiline(field.multiline()).maxLength(3000)
                        .initialValue(initial == null ? null : truncate(initial, 3000)));
            }
            blocks.add(input(i -> i.blockId(slot.id()).label(plainText(field.label())).optional(slot.optional())
                    .hint(field.hint() == null ? null : plainText(field.hint())).element(element)));
        });
        return Views.view(v -> v.type("modal").callbackId(CHALLENGE_FORM)
                .title(Views.viewTitle(t -> t.type("plain_text").text("Compact challenge")))
                .submit(Views.viewSubmit(t -> t.type("plain_text").text("Submit")))
                .close(Views.viewClose(t -> t.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    /** What the form shows once the challenge is submitted. */
    public static View formSubmitted(String ref) {
        return Views.view(v -> v.type("modal").callbackId(CHALLENGE_FORM + ":done")
                .title(Views.viewTitle(t -> t.type("plain_text").text("Compact challenge")))
                .close(Views.viewClose(t -> t.type("plain_text").text("Done")))
                .blocks(List.of(section(s -> s.text(markdownText("Thank you. Your Compact challenge has been submitted: your reference is *"
                        + escape(ref) + "*.\n\nI have sent you the details in a direct message. We will acknowledge it by email within "
                        + "5 working days and pass it to an independent mediator. Use `/compact status " + escape(ref)
                        + "` at any time to see where it stands."))))));
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
