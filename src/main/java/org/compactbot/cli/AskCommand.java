package org.compactbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.compactbot.app.Knowledge;
import org.compactbot.knowledge.BgeEmbedder;
import org.compactbot.knowledge.Answer;
import org.compactbot.knowledge.AnswerFormatter;
import org.compactbot.knowledge.AnswerJson;
import org.compactbot.knowledge.AnswerService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** ask [--json] [--top N] [--area AREA] [QUESTION]: answers from the Compacts. */
@Command(name = "ask", description = "Answer a question from the Compacts (one per stdin line when none is given).")
public final class AskCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand CompactBotCommand main;
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object per question.") boolean json;
    @Option(names = "--top", defaultValue = "5", paramLabel = "N", description = "Passages to return (default 5).") int top;
    @Option(names = "--area", paramLabel = "AREA", description = "Only this area's Compacts.") String area;
    @Parameters(arity = "0..*", paramLabel = "QUESTION") List<String> words;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (top < 1 || top > 50) {
            err.println("error: --top must be between 1 and 50");
            return 2;
        }
        try (Knowledge knowledge = Knowledge.open(main.config(), new BgeEmbedder(), System.err)) {
            AnswerService answers = knowledge.answersWithoutGaps();
            if (area != null && answers.areaDetector().resolve(area).isEmpty()) {
                err.println("error: unknown area '" + area + "'. Known areas: " + String.join(", ", answers.knownAreas()));
                return 2;
            }
            if (words != null && !words.isEmpty()) {
                return answer(answers, String.join(" ", words), out, err) ? 0 : 2;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            boolean allOk = true;
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) continue;
                allOk &= answer(answers, line, out, err);
            }
            return allOk ? 0 : 2;
        }
    }

    private boolean answer(AnswerService answers, String question, PrintWriter out, PrintWriter err) throws Exception {
        if (question.isBlank()) {
            err.println("error: the question is empty: type a question about your local Compact");
            return false;
        }
        Answer a = answers.ask(question, area, top);
        if (json) out.println(JSON.writeValueAsString(AnswerJson.of(a)));
        else out.println(new AnswerFormatter().text(a) + "\n");
        out.flush();
        return true;
    }
}
