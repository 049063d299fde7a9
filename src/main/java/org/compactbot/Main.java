package org.compactbot;

import org.compactbot.cli.CompactBotCommand;

/** The jar's entry point: `java -jar compact-bot.jar [--config FILE] COMMAND` (the commands are in {@code cli}). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Lucene reports its vector and mmap set-up through java.util.logging at INFO on newer JDKs
        java.util.logging.Logger.getLogger("org.apache.lucene").setLevel(java.util.logging.Level.WARNING);
        System.exit(run(args));
    }

    /** Runs one command line in this JVM and gives its exit code (the tests' way in). */
    public static int run(String... args) {
        return CompactBotCommand.run(args);
    }
}
