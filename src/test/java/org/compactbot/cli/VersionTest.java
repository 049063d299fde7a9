package org.compactbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.compactbot.config.Build;
import org.compactbot.web.Scrape;
import org.compactbot.web.ServiceMetrics;
import org.junit.jupiter.api.Test;

/** The version an operator sees comes from the build (the pom's project.version, passed in by surefire), not a literal. */
class VersionTest {
    private static String built() {
        String v = System.getProperty("compactbot.expected.version");
        assertNotNull(v, "surefire passes the pom's project.version as compactbot.expected.version");
        return v;
    }

    @Test
    void theBuildStampsThePomVersion() {
        assertEquals(built(), Build.version());
    }

    @Test
    void versionOptionPrintsTheBuiltVersion() {
        CliRun r = CliRun.run("", "--version");
        assertEquals(0, r.exit(), r.err());
        assertEquals("compact-bot " + built(), r.out().strip());
    }

    @Test
    void buildInfoMetricCarriesTheBuiltVersion() {
        assertEquals(1, Scrape.of(new ServiceMetrics().scrape()).value("compactbot_build_info{version=\"" + built() + "\"}"));
    }
}
