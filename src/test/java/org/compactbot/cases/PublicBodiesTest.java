package org.compactbot.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PublicBodiesTest {
    static final PublicBodies SHIPPED;

    static {
        try {
            SHIPPED = new PublicBodies(MediatorDirectoryLoader.load(Path.of("config/mediators.yml")).bodies());
        } catch (MediatorConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "\"{0}\" in {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "CWaC | - | Cheshire West and Chester Council",
            "cwac grants team | west-cheshire | Cheshire West and Chester Council",
            "Cheshire West and Chester Council | - | Cheshire West and Chester Council",
            "cheshire west council | - | Cheshire West and Chester Council",
            "the council | west-cheshire | Cheshire West and Chester Council",
            "The Council. | redcar-cleveland | Redcar & Cleveland Borough Council",
            "the council | - | -",
            "Wolverhampton City Council, community grants team | redcar-cleveland | City of Wolverhampton Council",
            "Wolves council | wolverhampton | City of Wolverhampton Council",
            "the city council | wolverhampton | City of Wolverhampton Council",
            "the city council | west-cheshire | -",
            "R&CBC | - | Redcar & Cleveland Borough Council",
            "redcar and cleveland council | - | Redcar & Cleveland Borough Council",
            "the NHS trust | west-cheshire | -",
            "Cheshire Police | west-cheshire | -",
    })
    void matchesWhatPeopleCallABody(String said, String area, String expected) {
        assertEquals(expected, SHIPPED.match(said, area).map(PublicBody::name).orElse(null));
    }

    @Test
    void aMistakeInABodyIsReportedWithItsLine() {
        String yaml = "mediators: []\nbodies:\n  - { name: A Council, area: west-cheshire }\n  - { name: B Council, area: West Cheshire }\n";
        MediatorConfigException e = assertThrows(MediatorConfigException.class, () -> MediatorDirectoryLoader.parse(yaml, "m.yml"));
        assertEquals("m.yml line 4: body 'B Council': area 'West Cheshire' is not a lower-case id such as west-cheshire", e.getMessage());
        String noName = "mediators: []\nbodies:\n  - { area: west-cheshire, aliases: [x] }\n";
        assertTrue(assertThrows(MediatorConfigException.class, () -> MediatorDirectoryLoader.parse(noName, "m.yml")).getMessage()
                .startsWith("m.yml line 3: body #1: missing 'name'"));
        String badMail = "mediators: []\nbodies:\n  - { name: C, area: a, contact: { name: Lead, email: nope } }\n";
        assertTrue(assertThrows(MediatorConfigException.class, () -> MediatorDirectoryLoader.parse(badMail, "m.yml")).getMessage()
                .contains("contact email 'nope' is not an email address"));
        String twice = "mediators: []\nbodies:\n  - { name: C, area: a }\n  - { name: c, area: b }\n";
        assertTrue(assertThrows(MediatorConfigException.class, () -> MediatorDirectoryLoader.parse(twice, "m.yml")).getMessage()
                .contains("line 4: body 'c': name 'c' is already used at line 3"));
    }

    @Test
    void bodiesAreOptional() throws Exception {
        assertEquals(List.of(), MediatorDirectoryLoader.parse("mediators: []\n", "m.yml").bodies());
    }
}
