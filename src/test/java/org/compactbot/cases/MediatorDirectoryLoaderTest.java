package org.compactbot.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.compactbot.knowledge.PracticeCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MediatorDirectoryLoaderTest {
    private static final String FILE = "config/mediators.yml";

    /** A good file in block style, one key a line, so that each problem below sits on a known line. */
    private static final String GOOD = """
            mediators:
              - id: m-funding
                name: Morgan Lee
                email: morgan@mediation.example
                organisation: Cheshire Mediation Service
                areas: [west-cheshire]
                specialisms: [funding, managing-change]
                capacity: 5
                absent:
                  - { from: 2026-12-22, to: 2027-01-02 }
              - id: m-consult
                name: Priya Shah
                email: priya@resolve.example
                organisation: Resolve North West
                areas: [west-cheshire, wolverhampton]
                specialisms: [consultation]
                capacity: 4
            leads:
              west-cheshire: { name: West Cheshire Compact lead, email: compact@cheshirewest.example }
            """;

    private static String with(String line, String replacement) {
        assertTrue(GOOD.contains(line + "\n"), "no such line in GOOD: " + line);
        return GOOD.replace(line + "\n", replacement + "\n");
    }

    private static String error(String yaml) {
        return assertThrows(MediatorConfigException.class, () -> MediatorDirectoryLoader.parse(yaml, FILE)).getMessage();
    }

    @Test
    void shippedFileLoads() throws Exception {
        MediatorDirectory dir = MediatorDirectoryLoader.load(Path.of("config/mediators.yml"));
        assertTrue(dir.mediators().size() >= 1);
        for (Mediator m : dir.mediators()) {
            assertTrue(PracticeCode.IDS.containsAll(m.specialisms()), m.toString());
            assertTrue(m.capacity() >= 1 && !m.areas().isEmpty(), m.toString());
        }
        assertTrue(dir.lead("west-cheshire").isPresent());
    }

    @Test
    void readsEveryField() throws Exception {
        MediatorDirectory dir = MediatorDirectoryLoader.parse(GOOD, FILE);
        assertEquals(List.of(
                new Mediator("m-funding", "Morgan Lee", "morgan@mediation.example", "Cheshire Mediation Service",
                        List.of("west-cheshire"), List.of("funding", "managing-change"), 5,
                        List.of(new Mediator.Absence(LocalDate.of(2026, 12, 22), LocalDate.of(2027, 1, 2)))),
                new Mediator("m-consult", "Priya Shah", "priya@resolve.example", "Resolve North West",
                        List.of("west-cheshire", "wolverhampton"), List.of("consultation"), 4, List.of())),
                dir.mediators());
        assertEquals(new AreaLead("west-cheshire", "West Cheshire Compact lead", "compact@cheshirewest.example"),
                dir.lead("west-cheshire").orElseThrow());
    }

    @Test
    void leadsAndAbsencesAreOptionalAndSpecialismsMayBeEmpty() throws Exception {
        MediatorDirectory dir = MediatorDirectoryLoader.parse("""
                mediators:
                  - { id: m-x, name: Sam Roe, email: sam@x.example, organisation: X, areas: [wolverhampton],
                      specialisms: [], capacity: 1 }
                """, FILE);
        assertEquals(1, dir.mediators().size());
        assertTrue(dir.leads().isEmpty());
        assertEquals(0, MediatorDirectoryLoader.parse("mediators: []\n", FILE).mediators().size());
    }

    @Test
    void badEmailNamesFileLineMediatorAndValue() {
        String yaml = """
                # Mediators appointed by the Compact Implementation Group
                mediators:
                  - id: m-funding
                    name: Morgan Lee
                    organisation: Cheshire Mediation Service
                    areas: [west-cheshire]
                    email: morgan@
                    specialisms: [funding]
                    capacity: 5
                """;
        assertEquals("config/mediators.yml line 7: mediator 'm-funding': email 'morgan@' is not an email address", error(yaml));
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of("email is not an address", with("    email: morgan@mediation.example", "    email: morgan.lee"),
                        4, "mediator 'm-funding': email 'morgan.lee' is not an email address"),
                Arguments.of("email with a display name", with("    email: priya@resolve.example", "    email: Priya <priya@resolve.example>"),
                        13, "mediator 'm-consult': email 'Priya <priya@resolve.example>' is not an email address"),
                Arguments.of("duplicate id", with("  - id: m-consult", "  - id: m-funding"),
                        11, "mediator 'm-funding': id 'm-funding' is already used at line 2"),
                Arguments.of("missing id", with("  - id: m-consult", "  -"),
                        12, "mediator #2: missing 'id'"),
                Arguments.of("missing name", with("    name: Morgan Lee", ""),
                        2, "mediator 'm-funding': missing 'name'"),
                Arguments.of("empty name", with("    name: Morgan Lee", "    name:"),
                        3, "mediator 'm-funding': name is empty"),
                Arguments.of("missing organisation", with("    organisation: Resolve North West", ""),
                        11, "mediator 'm-consult': missing 'organisation'"),
                Arguments.of("name is a list", with("    name: Morgan Lee", "    name: [Morgan, Lee]"),
                        3, "mediator 'm-funding': name must be a single value"),
                Arguments.of("unknown mediator key", with("    capacity: 5", "    capcity: 5"),
                        8, "mediator 'm-funding': unknown key 'capcity' (expected id, name, email, organisation, areas, "
                                + "specialisms, capacity, absent, deputy)"),
                Arguments.of("deputy not a mediator of the file", with("    capacity: 5", "    capacity: 5\n    deputy: m-nobody"),
                        9, "mediator 'm-funding': deputy 'm-nobody' is not a mediator in this file (ids: m-funding, m-consult)"),
                Arguments.of("own deputy", with("    capacity: 5", "    capacity: 5\n    deputy: m-funding"),
                        9, "mediator 'm-funding': cannot be their own deputy"),
                Arguments.of("deputies chained (here, each other's)", with("    capacity: 5", "    capacity: 5\n    deputy: m-consult")
                                .replace("    capacity: 4\n", "    capacity: 4\n    deputy: m-funding\n"),
                        9, "mediator 'm-funding': deputy 'm-consult' has a deputy of their own ('m-funding'); deputies do not chain"),
                Arguments.of("deputy a list", with("    capacity: 5", "    capacity: 5\n    deputy: [m-consult]"),
                        9, "mediator 'm-funding': deputy must be a single value"),
                Arguments.of("duplicate key", with("    email: morgan@mediation.example", "    name: Morgan Leigh"),
                        4, "mediator 'm-funding': duplicate key 'name'"),
                Arguments.of("no areas", with("    areas: [west-cheshire]", "    areas: []"),
                        6, "mediator 'm-funding': areas is empty"),
                Arguments.of("areas not a list", with("    areas: [west-cheshire]", "    areas: west-cheshire"),
                        6, "mediator 'm-funding': areas must be a list"),
                Arguments.of("missing areas", with("    areas: [west-cheshire]", ""),
                        2, "mediator 'm-funding': missing 'areas'"),
                Arguments.of("area not a lower-case id", with("    areas: [west-cheshire, wolverhampton]", "    areas: [West Cheshire]"),
                        15, "mediator 'm-consult': area 'West Cheshire' is not a lower-case id"),
                Arguments.of("unknown specialism", with("    specialisms: [funding, managing-change]",
                                "    specialisms: [funding,\n      fundraising]"),
                        8, "mediator 'm-funding': specialism 'fundraising' is not one of funding, consultation, "
                                + "volunteering, equality, bme, community-groups, partnerships, managing-change"),
                Arguments.of("missing specialisms", with("    specialisms: [consultation]", ""),
                        11, "mediator 'm-consult': missing 'specialisms'"),
                Arguments.of("capacity zero", with("    capacity: 5", "    capacity: 0"),
                        8, "mediator 'm-funding': capacity 0 must be at least 1"),
                Arguments.of("capacity negative", with("    capacity: 4", "    capacity: -2"),
                        17, "mediator 'm-consult': capacity -2 must be at least 1"),
                Arguments.of("capacity a fraction", with("    capacity: 5", "    capacity: 2.5"),
                        8, "mediator 'm-funding': capacity '2.5' is not a whole number"),
                Arguments.of("capacity a word", with("    capacity: 5", "    capacity: five"),
                        8, "mediator 'm-funding': capacity 'five' is not a whole number"),
                Arguments.of("missing capacity", with("    capacity: 4", ""),
                        11, "mediator 'm-consult': missing 'capacity'"),
                Arguments.of("absence ends before it starts", with("      - { from: 2026-12-22, to: 2027-01-02 }",
                                "      - { from: 2027-01-02, to: 2026-12-22 }"),
                        10, "mediator 'm-funding': absence: from 2027-01-02 is after to 2026-12-22"),
                Arguments.of("absence date not a date", with("      - { from: 2026-12-22, to: 2027-01-02 }",
                                "      - { from: 2026-12-32, to: 2027-01-02 }"),
                        10, "mediator 'm-funding': absence: from '2026-12-32' is not a date (YYYY-MM-DD)"),
                Arguments.of("absence in UK date order", with("      - { from: 2026-12-22, to: 2027-01-02 }",
                                "      - { from: 22/12/2026, to: 2027-01-02 }"),
                        10, "absence: from '22/12/2026' is not a date"),
                Arguments.of("absence without an end", with("      - { from: 2026-12-22, to: 2027-01-02 }",
                                "      - { from: 2026-12-22 }"),
                        10, "mediator 'm-funding': absence: missing 'to'"),
                Arguments.of("absence with an unknown key", with("      - { from: 2026-12-22, to: 2027-01-02 }",
                                "      - { from: 2026-12-22, until: 2027-01-02 }"),
                        10, "mediator 'm-funding': absence: unknown key 'until' (expected from, to)"),
                Arguments.of("absent not a list", with("      - { from: 2026-12-22, to: 2027-01-02 }",
                                "      from: 2026-12-22"),
                        10, "mediator 'm-funding': absent must be a list"),
                Arguments.of("mediator is not a mapping", "mediators:\n  - m-funding\n",
                        2, "mediator #1 must be a mapping"),
                Arguments.of("lead email bad", with("  west-cheshire: { name: West Cheshire Compact lead, email: compact@cheshirewest.example }",
                                "  west-cheshire: { name: West Cheshire Compact lead, email: compact }"),
                        19, "lead 'west-cheshire': email 'compact' is not an email address"),
                Arguments.of("lead without a name", with("  west-cheshire: { name: West Cheshire Compact lead, email: compact@cheshirewest.example }",
                                "  west-cheshire: { email: compact@cheshirewest.example }"),
                        19, "lead 'west-cheshire': missing 'name'"),
                Arguments.of("lead with an unknown key", with("  west-cheshire: { name: West Cheshire Compact lead, email: compact@cheshirewest.example }",
                                "  west-cheshire:\n    name: West Cheshire Compact lead\n    email: compact@cheshirewest.example\n    phone: 01244 000000"),
                        22, "lead 'west-cheshire': unknown key 'phone' (expected name, email, ask-body, closed, digest)"),
                Arguments.of("digest neither on nor off", with("  west-cheshire: { name: West Cheshire Compact lead, email: compact@cheshirewest.example }",
                                "  west-cheshire: { name: West Cheshire Compact lead, email: compact@cheshirewest.example, digest: weekly }"),
                        19, "lead 'west-cheshire': digest 'weekly' is not one of on (the lead gets the weekly digest, the default) or off"),
                Arguments.of("digest given as a list", with("  west-cheshire: { name: West Cheshire Compact lead, email: compact@cheshirewest.example }",
                                "  west-cheshire: { name: West Cheshire Compact lead, email: compact@cheshirewest.example, digest: [off] }"),
                        19, "lead 'west-cheshire': digest must be a single value"),
                Arguments.of("ask-body not a known value", with("  west-cheshire: { name: West Cheshire Compact lead, email: compact@cheshirewest.example }",
                                "  west-cheshire: { name: West Cheshire Compact lead, email: compact@cheshirewest.example, ask-body: immediately }"),
                        19, "lead 'west-cheshire': ask-body 'immediately' is not one of on-accept (ask the body when the mediator accepts) or at-once"),
                Arguments.of("closure backwards", with("  west-cheshire: { name: West Cheshire Compact lead, email: compact@cheshirewest.example }",
                                "  west-cheshire: { name: West Cheshire Compact lead, email: compact@cheshirewest.example,\n"
                                        + "                   closed: [{ from: 2027-01-01, to: 2026-12-24 }] }"),
                        20, "lead 'west-cheshire': closed: from 2027-01-01 is after to 2026-12-24"),
                Arguments.of("closure not a date", with("  west-cheshire: { name: West Cheshire Compact lead, email: compact@cheshirewest.example }",
                                "  west-cheshire: { name: West Cheshire Compact lead, email: compact@cheshirewest.example, closed: [{ from: Christmas, to: 2027-01-01 }] }"),
                        19, "lead 'west-cheshire': closed: from 'Christmas' is not a date (YYYY-MM-DD)"),
                Arguments.of("closed not a list", with("  west-cheshire: { name: West Cheshire Compact lead, email: compact@cheshirewest.example }",
                                "  west-cheshire: { name: West Cheshire Compact lead, email: compact@cheshirewest.example, closed: 2026-12-24 }"),
                        19, "lead 'west-cheshire': closed must be a list of { from: YYYY-MM-DD, to: YYYY-MM-DD }"),
                Arguments.of("lead area not a lower-case id", with("  west-cheshire: { name: West Cheshire Compact lead, email: compact@cheshirewest.example }",
                                "  West Cheshire: { name: West Cheshire Compact lead, email: compact@cheshirewest.example }"),
                        19, "lead 'West Cheshire': area 'West Cheshire' is not a lower-case id"),
                Arguments.of("lead given twice", GOOD + "  west-cheshire: { name: Someone Else, email: else@cheshirewest.example }\n",
                        20, "leads: duplicate area 'west-cheshire'"),
                Arguments.of("leads not a mapping", with("  west-cheshire: { name: West Cheshire Compact lead, email: compact@cheshirewest.example }",
                                "  - west-cheshire"),
                        19, "'leads' must be a mapping of area to { name, email }"),
                Arguments.of("top-level key misspelt", with("mediators:", "mediator:"),
                        1, "unknown key 'mediator' at the top level (expected mediators, leads, bodies)"),
                Arguments.of("unknown top-level key", GOOD + "areas: [west-cheshire]\n",
                        20, "unknown key 'areas' at the top level"),
                Arguments.of("no mediators key", "leads: {}\n",
                        1, "missing 'mediators'"),
                Arguments.of("mediators not a list", "# the directory\nmediators: { id: m-x }\n",
                        2, "'mediators' must be a list"),
                Arguments.of("top level a list", "- id: m-x\n",
                        1, "expected a mapping with 'mediators'"),
                Arguments.of("empty file", "# nothing here yet\n",
                        1, "the file is empty"),
                Arguments.of("YAML: unclosed flow sequence", with("    specialisms: [consultation]", "    specialisms: [consultation"),
                        17, "not valid YAML: expected ',' or ']', but got : (while parsing a flow sequence at line 16)"),
                Arguments.of("YAML: tab indentation", with("    name: Priya Shah", "\tname: Priya Shah"),
                        12, "not valid YAML: found character '\\t(TAB)' that cannot start any token"),
                Arguments.of("YAML: key indented too far", with("    name: Morgan Lee", "      name: Morgan Lee"),
                        3, "not valid YAML: mapping values are not allowed here"),
                Arguments.of("YAML: unterminated quote is reported where it opens", with("    name: Morgan Lee", "    name: \"Morgan Lee"),
                        3, "not valid YAML: while scanning a quoted scalar, found unexpected end of stream"),
                Arguments.of("YAML: two documents", GOOD + "---\nmediators: []\n",
                        20, "not valid YAML"));
    }

    @Test
    void aLeadMayTurnTheWeeklyDigestOff() throws Exception {
        String lead = "  west-cheshire: { name: West Cheshire Compact lead, email: compact@cheshirewest.example }";
        assertTrue(MediatorDirectoryLoader.parse(GOOD, FILE).lead("west-cheshire").orElseThrow().digest(), "on when left out");
        assertTrue(!MediatorDirectoryLoader.parse(with(lead, lead.replace(" }", ", digest: off }")), FILE).lead("west-cheshire").orElseThrow().digest());
        assertTrue(MediatorDirectoryLoader.parse(with(lead, lead.replace(" }", ", digest: on }")), FILE).lead("west-cheshire").orElseThrow().digest());
        assertTrue(!MediatorDirectoryLoader.parse(with(lead, lead.replace(" }", ", digest: \"OFF\" }")), FILE).lead("west-cheshire").orElseThrow().digest());
        assertTrue(MediatorDirectoryLoader.load(Path.of(FILE)).leads().values().stream().allMatch(AreaLead::digest), "the shipped leads get it");
    }

    @Test
    void anAreaSaysWhenTheBodyIsAskedAndWhichDaysItIsClosed() throws Exception {
        MediatorDirectory dir = MediatorDirectoryLoader.parse(with(
                "  west-cheshire: { name: West Cheshire Compact lead, email: compact@cheshirewest.example }",
                "  west-cheshire: { name: West Cheshire Compact lead, email: compact@cheshirewest.example, ask-body: at-once,\n"
                        + "                   closed: [{ from: 2026-12-24, to: 2027-01-01 }, { from: 2027-04-01, to: 2027-04-01 }] }"), FILE);
        AreaProcess p = dir.process("west-cheshire");
        assertEquals(AreaProcess.AskBody.AT_ONCE, p.askBody());
        assertEquals(List.of(new AreaProcess.Closure(LocalDate.of(2026, 12, 24), LocalDate.of(2027, 1, 1)),
                new AreaProcess.Closure(LocalDate.of(2027, 4, 1), LocalDate.of(2027, 4, 1))), p.closed());
        assertTrue(p.closedOn(LocalDate.of(2026, 12, 30)) && p.closedOn(LocalDate.of(2027, 4, 1)));
        assertTrue(!p.closedOn(LocalDate.of(2027, 1, 4)));
        assertEquals(new AreaLead("west-cheshire", "West Cheshire Compact lead", "compact@cheshirewest.example"), dir.lead("west-cheshire").orElseThrow());
        AreaProcess standard = MediatorDirectoryLoader.parse(GOOD, FILE).process("west-cheshire");
        assertEquals(AreaProcess.AskBody.ON_ACCEPT, standard.askBody(), "on acceptance unless the area says otherwise");
        assertTrue(standard.closed().isEmpty());
        assertEquals(AreaProcess.AskBody.ON_ACCEPT, dir.process("nowhere").askBody(), "an area with no lead entry");
    }

    @Test
    void aDeputyIsAnotherMediatorOfTheFile() throws Exception {
        MediatorDirectory dir = MediatorDirectoryLoader.parse(with("    capacity: 5", "    capacity: 5\n    deputy: m-consult"), FILE);
        Mediator morgan = dir.mediator("m-funding").orElseThrow();
        assertEquals("m-consult", morgan.deputy());
        assertEquals("m-consult", dir.deputyOf(morgan).orElseThrow().id());
        assertEquals(null, dir.mediator("m-consult").orElseThrow().deputy());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void badFileNamesFileLineAndProblem(String behaviour, String yaml, int line, String problem) {
        String m = error(yaml);
        assertTrue(m.startsWith(FILE + " line " + line + ": "), m);
        assertTrue(m.contains(problem), m);
    }

    @Test
    void missingFileSaysSo(@TempDir Path dir) {
        Path file = dir.resolve("mediators.yml");
        String m = assertThrows(MediatorConfigException.class, () -> MediatorDirectoryLoader.load(file)).getMessage();
        assertTrue(m.contains(file.toString()) && m.contains("not found"), m);
    }

    @Test
    void loadNamesTheFileItRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mediators.yml");
        Files.writeString(file, with("    capacity: 5", "    capacity: lots"));
        String m = assertThrows(MediatorConfigException.class, () -> MediatorDirectoryLoader.load(file)).getMessage();
        assertEquals(file + " line 8: mediator 'm-funding': capacity 'lots' is not a whole number", m);
    }
}
