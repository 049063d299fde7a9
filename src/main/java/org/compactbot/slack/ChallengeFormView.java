package org.compactbot.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.radioButtons;
import static com.slack.api.model.block.element.BlockElements.staticSelect;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.Views;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.compactbot.conversation.Reply;
import org.compactbot.conversation.Slot;

/**
 * The challenge form (a Slack modal) in Block Kit: every intake question as a field, and what it shows once
 * submitted; and the fields read back from a submission. Pure: no I/O; {@link ChallengeModal} opens and submits it.
 */
public final class ChallengeFormView {
    /** The form's callback id, and the action id of every field (the block id is the slot id). */
    static final String CHALLENGE_FORM = "challenge_form";
    static final String FIELD = "value";

    private ChallengeFormView() {}

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
    public static View form(Map<Slot, String> known, Map<Slot, List<Reply.Choice>> choices) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText("Tell us what happened and we will check it against your Compact and pass it to an "
                + "independent mediator. Prefer to go step by step? Send me a direct message saying _challenge_."))));
        FIELDS.forEach((slot, field) -> {
            String initial = known.get(slot);
            List<Reply.Choice> options = choices.get(slot);
            BlockElement element;
            if (options != null && !options.isEmpty()) {
                List<OptionObject> opts = options.stream().map(c -> option(plainText(SlackBlocks.truncate(c.label(), 75)), c.value())).toList();
                OptionObject chosen = opts.stream().filter(o -> o.getValue().equals(initial)).findFirst().orElse(null);
                element = slot == Slot.AREA
                        ? staticSelect(e -> e.actionId(FIELD).placeholder(plainText("Choose an area")).options(opts).initialOption(chosen))
                        : radioButtons(e -> e.actionId(FIELD).options(opts).initialOption(chosen));
            } else {
                element = plainTextInput(e -> e.actionId(FIELD).multiline(field.multiline()).maxLength(3000)
                        .initialValue(initial == null ? null : SlackBlocks.truncate(initial, 3000)));
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
    public static View submitted(String ref) {
        return Views.view(v -> v.type("modal").callbackId(CHALLENGE_FORM + ":done")
                .title(Views.viewTitle(t -> t.type("plain_text").text("Compact challenge")))
                .close(Views.viewClose(t -> t.type("plain_text").text("Done")))
                .blocks(List.of(section(s -> s.text(markdownText("Thank you. Your Compact challenge has been submitted: your reference is *"
                        + SlackText.escape(ref) + "*.\n\nI have sent you the details in a direct message. We will acknowledge it by email within "
                        + "5 working days and pass it to an independent mediator. Use `/compact status " + SlackText.escape(ref)
                        + "` at any time to see where it stands."))))));
    }

    /** The form's fields by slot: the text typed, or the value of the option chosen. */
    static Map<Slot, String> values(ViewSubmissionPayload p) {
        Map<Slot, String> out = new EnumMap<>(Slot.class);
        if (p.getView() == null || p.getView().getState() == null || p.getView().getState().getValues() == null) return out;
        p.getView().getState().getValues().forEach((blockId, fields) -> Slot.byId(blockId).ifPresent(slot -> {
            ViewState.Value v = fields == null ? null : fields.get(FIELD);
            if (v == null) return;
            String value = v.getSelectedOption() != null ? v.getSelectedOption().getValue() : v.getValue();
            if (value != null) out.put(slot, value);
        }));
        return out;
    }
}
