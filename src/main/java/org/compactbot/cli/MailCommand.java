package org.compactbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.compactbot.mail.MessageParser;
import org.compactbot.mail.ParsedEmail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** mail parse [FILE]: reads one raw email the way the email channel does. */
@Command(name = "mail", description = "Email channel tools.", subcommands = {MailCommand.Parse.class})
public final class MailCommand implements Runnable {
    @ParentCommand CompactBotCommand main;
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prints one JSON object: sender, subject, threading ids, auto-reply verdict, visible text, attachments. */
    @Command(name = "parse", description = "Parse one raw RFC 822 message (stdin when no FILE) and print it as JSON.")
    static final class Parse implements Callable<Integer> {
        private static final ObjectMapper JSON = new ObjectMapper();

        @ParentCommand MailCommand mail;
        @Spec CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "FILE", description = "The message file (default: stdin).") Path file;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            byte[] raw;
            try {
                raw = file == null ? System.in.readAllBytes() : Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                err.println("error: no such file: " + file);
                return 2;
            } catch (IOException | SecurityException e) {
                String what = file == null ? "standard input" : file.toString();
                err.println("error: cannot read " + what + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                return 2;
            }
            ParsedEmail email = new MessageParser().parse(raw);
            // UTF-8 bytes whatever the locale: System.out would otherwise encode in the platform charset
            PrintStream out = System.out;
            out.writeBytes(JSON.writeValueAsBytes(json(email)));
            out.write('\n');
            out.flush();
            return 0;
        }

        static Map<String, Object> json(ParsedEmail e) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", e.from());
            m.put("subject", e.subject());
            m.put("message_id", e.messageId());
            m.put("in_reply_to", e.inReplyTo());
            m.put("auto", e.auto());
            m.put("reason", e.reason());
            m.put("text", e.text());
            List<Map<String, Object>> atts = new ArrayList<>();
            for (ParsedEmail.Attachment a : e.attachments()) {
                Map<String, Object> am = new LinkedHashMap<>();
                am.put("name", a.name());
                am.put("type", a.type());
                am.put("bytes", a.bytes());
                atts.add(am);
            }
            m.put("attachments", atts);
            return m;
        }
    }
}
