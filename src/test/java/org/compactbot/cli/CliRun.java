package org.compactbot.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.compactbot.Main;
import org.compactbot.knowledge.SharedKnowledge;

/** Runs the real command line in-process with given stdin, capturing stdout, stderr and exit code. */
record CliRun(int exit, String out, String err) {

    /** A config whose data dir holds the shared test index, so commands do not rebuild it. */
    static Path testConfig(Path dir) throws Exception {
        SharedKnowledge.index();
        Path cfg = dir.resolve("compact-bot.yml");
        Files.writeString(cfg, "data: { dir: \"" + SharedKnowledge.dataDir() + "\" }\nknowledge: { dir: ./index-data }\n");
        return cfg;
    }

    /** A data directory holding a copy of the shared test index (so a command or process does not rebuild it). */
    static Path dataWithIndex(Path dir) throws Exception {
        SharedKnowledge.index();
        Path from = SharedKnowledge.dataDir().resolve("index");
        Path data = Files.createDirectories(dir.resolve("data"));
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = data.resolve("index").resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return data;
    }

    static synchronized CliRun run(String stdin, String... args) {
        InputStream oldIn = System.in;
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
