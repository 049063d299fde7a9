package org.compactbot.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.compactbot.config.AppConfig;
import org.compactbot.config.Build;
import org.compactbot.config.ConfigException;
import org.compactbot.config.ConfigLoader;
import org.compactbot.logging.LogSetup;
import org.compactbot.logging.SecretRedactor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** compact-bot: answers questions about local Compacts and guides Compact challenges. The commands hang off this one. */
@Command(name = "compact-bot", mixinStandardHelpOptions = true, versionProvider = CompactBotCommand.Version.class,
        description = "Answers questions about local Compacts and helps raise Compact challenges.",
        subcommands = {ServeCommand.class, AskCommand.class, ChatCommand.class, IndexCommand.class, KnowledgeCommand.class,
                CasesCommand.class, BenchCommand.class, MailCommand.class, BackupCommand.class})
public final class CompactBotCommand implements Runnable {
    public static final Path DEFAULT_CONFIG = Path.of("config/compact-bot.yml");

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: $COMPACT_BOT_CONFIG, else config/compact-bot.yml)")
    Path configFile;

    /** {@code --version}: the version the build stamped (config/Build), not a literal. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"compact-bot " + Build.version()};
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Which file to read: {@code --config}, else the one {@code COMPACT_BOT_CONFIG} names (both must exist), else the default. */
    record ConfigSource(Path file, boolean required) {}

    static ConfigSource configSource(Path option, Function<String, String> env) throws ConfigException {
        if (option != null) return new ConfigSource(option, true);
        String named = env.apply(ConfigLoader.CONFIG_VARIABLE);
        if (named == null || named.isBlank()) return new ConfigSource(DEFAULT_CONFIG, false);
        Path file = Path.of(named.strip());
        if (!Files.exists(file)) {
            throw new ConfigException(ConfigLoader.CONFIG_VARIABLE + " names the config file " + file + ", which does not exist "
                    + "(fix the path, or unset it to use config/compact-bot.yml or the embedded defaults)");
        }
        return new ConfigSource(file, true);
    }

    /** Reads the configuration; a missing default file means the embedded defaults. */
    public AppConfig config() throws ConfigException {
        ConfigLoader loader = new ConfigLoader();
        ConfigSource source = configSource(configFile, System::getenv);
        AppConfig cfg = loader.load(source.file(), source.required());
        loader.warnings().forEach(w -> System.err.println("warning: " + w));
        SecretRedactor.registerSecretsOf(cfg); // from here on, no log line shows a configured secret
        return cfg;
    }

    /** Runs one command line; the exit code: 0 done, 2 bad configuration or arguments, 1 anything else. */
    public static int run(String... args) {
        // logging set up here, before the model loads on its own thread and logs: otherwise SLF4J warns on stderr
        // that it replayed calls made while it was starting; LOG_LEVEL and stdout-or-stderr are decided first
        LogSetup.apply(args);
        org.slf4j.LoggerFactory.getILoggerFactory();
        CommandLine cl = new CommandLine(new CompactBotCommand());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + userMessage(e));
            return e instanceof ConfigException || e instanceof IllegalArgumentException ? 2 : 1;
        });
        cl.setOut(new PrintWriter(System.out, true));
        cl.setErr(new PrintWriter(System.err, true));
        return cl.execute(args);
    }

    /** The message a user reads for a failure: never a stack trace. */
    public static String userMessage(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            Throwable c = e.getCause();
            m = c != null && c.getMessage() != null ? c.getMessage() : e.getClass().getSimpleName();
        }
        return m;
    }
}
