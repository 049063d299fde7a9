package org.compactbot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.Views;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.compactbot.cases.CaseStatus;
import org.compactbot.conversation.Draft;
import org.compactbot.conversation.Slot;

/** The App Home tab in Block Kit. Pure: no I/O; {@link AppHome} publishes it. */
public final class HomeView {
    /** The action ids of its buttons. */
    static final String HOME_ASK = "home:ask";
    static final String HOME_CHALLENGE = "home:challenge";
    static final String HOME_CHAT = "home:chat";

    private HomeView() {}

    /**
     * The App Home tab: what the bot does, the person's challenge in progress and the challenges they
     * have raised with where each stands, and buttons to ask or to start a challenge. Only the person sees it.
     */
    public static View of(Optional<Draft> draft, List<CaseStatusLookup.OwnCase> cases) {
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
            String about = d.answers().containsKey(Slot.RESPONDENT) ? ", about " + escape(SlackBlocks.truncate(d.answers().get(Slot.RESPONDENT), 80)) : "";
            blocks.add(section(s -> s.text(markdownText("*Your challenge in progress*" + area + about + "\nLast changed "
                    + DAY.format(d.updatedAt().atZone(UK)) + "; next question: " + d.at().label()
                    + ". Carry on in our direct message (say status to see where it stands). Unfinished challenges are cleared after 30 days."))));
        });
        if (!cases.isEmpty()) {
            blocks.add(divider());
            StringBuilder sb = new StringBuilder("*Your challenges*");
            for (CaseStatusLookup.OwnCase c : cases.subList(0, Math.min(cases.size(), 20))) {
                sb.append("\n• *").append(escape(c.ref())).append("*, raised ").append(DAY.format(c.raisedOn()))
                        .append(c.respondent() == null || c.respondent().isBlank() ? "" : ", about " + escape(SlackBlocks.truncate(c.respondent(), 60)))
                        .append(": ").append(statusWords(c.status()));
            }
            if (cases.size() > 20) sb.append("\n…and ").append(cases.size() - 20).append(" earlier ones: ask `/compact status REF`.");
            String text = sb.toString();
            blocks.add(section(s -> s.text(markdownText(SlackBlocks.truncate(text, SlackBlocks.MAX_SECTION)))));
        }
        blocks.add(context(List.of(markdownText("In any channel: mention @Compact Bot with a question, or use `/compact <question>`, "
                + "`/compact challenge`, `/compact status`, `/compact help`."))));
        return Views.view(v -> v.type("home").blocks(blocks));
    }

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    /** A case status in words, as the person who raised it would say it ({@link CaseStatus#inWords()}). */
    static String statusWords(String status) {
        return CaseStatus.byId(status).map(CaseStatus::inWords).orElse(status.replace('_', ' '));
    }

    private static String areaName(String area) {
        return escape(org.compactbot.knowledge.AreaDetector.displayName(area));
    }

    private static String escape(String s) {
        return SlackText.escape(s);
    }
}
