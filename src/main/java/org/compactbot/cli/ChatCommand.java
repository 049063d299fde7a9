package org.compactbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.compactbot.app.Casework;
import org.compactbot.app.Knowledge;
import org.compactbot.app.Service;
import org.compactbot.app.Storage;
import org.compactbot.config.AppConfig;
import org.compactbot.knowledge.BgeEmbedder;
import java.time.Clock;
import org.compactbot.conversation.ChatJson;
import org.compactbot.conversation.ConversationEngine;
import org.compactbot.conversation.ConversationId;
import org.compactbot.conversation.QuestionsAsked;
import org.compactbot.conversation.Reply;
import org.compactbot.conversation.TurnResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** chat [--json] [--user ID]: the conversation engine on stdin/stdout, one turn per line. */
@Command(name = "chat", description = "Talk to the bot on the terminal: questions and Compact challenges.")
public final class ChatCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand CompactBotCommand main;
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print exactly one JSON object per input line.") boolean json;
    @Option(names = "--user", paramLabel = "ID", description = "Whose conversation (default: the OS user).") String user;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String who = user == null || user.isBlank() ? System.getProperty("user.name", "local") : user.strip();
        AppConfig config = main.config();
        Clock clock = Clock.systemUTC();
        try (Storage storage = Storage.open(config, clock); Knowledge knowledge = Knowledge.open(config, new BgeEmbedder(), System.err)) {
            ConversationEngine engine = Service.conversations(storage, knowledge.answers(storage.knowledgeGaps()), knowledge.embedder(),
                    clock, Casework.bodyNamesOrNone(config, System.err), QuestionsAsked.NONE,
                    Casework.handoverOrNone(config, storage));
            if (!json) out.println("Compact Bot. Ask a question about your local Compact, or say \"raise a challenge\". (Ctrl-D to leave.)");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                TurnResult t = engine.handle(ConversationId.cli(who), line);
                if (json) {
                    out.println(JSON.writeValueAsString(ChatJson.of(t)));
                } else {
                    for (Reply r : t.replies()) {
                        out.println(r.text());
                        for (int i = 0; i < r.choices().size(); i++) out.printf("  [%s] %s%n", r.choices().get(i).value(), r.choices().get(i).label());
                    }
                    if (t.caseInfo() != null && t.caseInfo().ref() != null && t.state().equals("idle")) {
                        out.println("(case " + t.caseInfo().ref() + ": " + t.caseInfo().status() + ")");
                    }
                    out.println();
                }
                out.flush();
            }
        }
        return 0;
    }
}
