package org.compactbot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The core knows no channel: knowledge, conversation and cases use nothing from slack, mail, web or cli. */
class LayeringTest {
    private static final Pattern CHANNEL = Pattern.compile("\\borg\\.compactbot\\.(slack|mail|web|cli)\\.");

    @ParameterizedTest
    @ValueSource(strings = {"knowledge", "conversation", "cases"})
    void corePackageUsesNoChannel(String pkg) throws Exception {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/compactbot", pkg))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (CHANNEL.matcher(Files.readString(f)).find()) offenders.add(f.toString());
            }
        }
        assertEquals(List.of(), offenders);
    }

    /** Channels do not import each other: the web layer reaches Slack and email through its own endpoint types. */
    @Test
    void webUsesNoOtherChannel() throws Exception {
        Pattern other = Pattern.compile("\\borg\\.compactbot\\.(slack|mail|cli)\\.");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/compactbot/web"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (other.matcher(Files.readString(f)).find()) offenders.add(f.toString());
            }
        }
        assertEquals(List.of(), offenders);
    }
}
