package org.compactbot.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.compactbot.app.Storage;
import org.compactbot.store.DatabaseBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** backup: an online, checked copy of the database, safe while `serve` runs. */
@Command(name = "backup", description = "Copy the database (cases, conversations, outbox) to FILE while the server runs, and check the copy.")
public final class BackupCommand implements Callable<Integer> {
    @ParentCommand CompactBotCommand main;
    @Spec CommandSpec spec;

    @Option(names = "--to", paramLabel = "FILE", required = true, description = "Where to write the copy (refused if it exists, unless --force)")
    Path to;

    @Option(names = "--force", description = "Replace FILE if it already exists")
    boolean force;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        Path source = Storage.databaseFile(main.config()).orElse(null);
        if (source == null) {
            spec.commandLine().getErr().println("store.url names a PostgreSQL database: back it up with pg_dump "
                    + "(for example pg_dump --format=custom --file=compact-bot.dump DATABASE); backup --to copies the SQLite file only.");
            return 2;
        }
        DatabaseBackup.Copy copy = DatabaseBackup.copy(source, to, force);
        out.printf("backed up %s to %s: %s, integrity check ok, %s (%.1f s)%n", source, copy.file().toAbsolutePath().normalize(),
                size(copy.bytes()), copy.rows().entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", ")), (System.nanoTime() - t0) / 1e9);
        out.println("restore: stop compact-bot, copy this file to " + source + " (removing any compact-bot.db-wal and -shm beside it), start again");
        return 0;
    }

    static String size(long bytes) {
        if (bytes < 1024) return bytes + " bytes";
        if (bytes < 1024 * 1024) return String.format("%.1f KiB", bytes / 1024.0);
        return String.format("%.1f MiB", bytes / (1024.0 * 1024));
    }
}
