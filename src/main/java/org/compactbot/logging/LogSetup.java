package org.compactbot.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * How logging starts, decided before logback reads {@code logback.xml} (which takes these system properties):
 * the level of Compact Bot's own loggers from {@code LOG_LEVEL} (default INFO), and where lines go. {@code serve}
 * logs to standard output, as a twelve-factor service does; every other command logs to standard error, because its
 * standard output is its result ({@code ask --json}, {@code chat --json}, {@code mail parse}). A {@code -D} given on
 * the java command line wins over both.
 */
public final class LogSetup {
    public static final String LEVEL_PROPERTY = "compactbot.log.level";
    public static final String TARGET_PROPERTY = "compactbot.log.target";
    private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    /** The properties to set and what to tell the operator. */
    public record Decision(String level, String target, List<String> warnings) {}

    private LogSetup() {
    }

    /**
     * @param env  the environment ({@code LOG_LEVEL})
     * @param args the command line: the first word that is not an option (nor --config's value) is the command
     */
    public static Decision decide(Function<String, String> env, String... args) {
        List<String> warnings = new ArrayList<>();
        String level = "INFO";
        String asked = env.apply("LOG_LEVEL");
        if (asked != null && !asked.isBlank()) {
            String up = asked.strip().toUpperCase(Locale.ROOT);
            if (LEVELS.contains(up)) {
                level = up;
            } else {
                warnings.add("LOG_LEVEL=" + asked.strip() + " is not a level (use TRACE, DEBUG, INFO, WARN, ERROR or OFF); logging at INFO");
            }
        }
        return new Decision(level, "serve".equals(command(args)) ? "System.out" : "System.err", List.copyOf(warnings));
    }

    static String command(String... args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config")) {
                i++;
            } else if (!args[i].startsWith("-")) {
                return args[i];
            }
        }
        return null;
    }

    /** Sets the properties logback.xml reads (unless given with -D) and prints the warnings on stderr; call before logging starts. */
    public static void apply(String... args) {
        Decision d = decide(System::getenv, args);
        if (System.getProperty(LEVEL_PROPERTY) == null) System.setProperty(LEVEL_PROPERTY, d.level());
        if (System.getProperty(TARGET_PROPERTY) == null) System.setProperty(TARGET_PROPERTY, d.target());
        d.warnings().forEach(w -> System.err.println("warning: " + w));
    }
}
