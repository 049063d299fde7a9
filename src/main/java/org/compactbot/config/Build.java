package org.compactbot.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What the build stamped into the jar: the version, from the pom's {@code project.version} (Maven filters
 * {@code build.properties} beside this class), else the jar manifest's {@code Implementation-Version}. Never a literal
 * in the code: {@code --version} and {@code compactbot_build_info} show what was built.
 */
public final class Build {
    /** When neither the filtered resource nor a manifest says (classes run from an unfiltered IDE build). */
    public static final String UNKNOWN = "unknown";
    private static final String VERSION = read();

    private Build() {
    }

    public static String version() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = Build.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "").strip();
                if (!v.isEmpty() && !v.startsWith("${")) return v;
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        String manifest = Build.class.getPackage().getImplementationVersion();
        return manifest == null || manifest.isBlank() ? UNKNOWN : manifest;
    }
}
