package org.compactbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.compactbot.config.AppConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The case list a page of 50 cases at a time, over HTTP: every case reachable by the Next links, once, the filters kept. */
class DeskPagingTest {
    @TempDir Path dir;
    private DeskSite site;
    private final List<String> refs = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        site = new DeskSite(dir, AppConfig.RateLimit.OFF);
        for (int i = 0; i < 57; i++) {
            refs.add(site.raise("west-cheshire", "Person " + i, "Group " + i, "p" + i + "@example.org", "Cheshire West and Chester Council",
                    i % 2 == 0 ? "They cut our grant " + i : "No consultation " + i, false, "m-consult"));
        }
    }

    @AfterEach
    void stop() {
        if (site != null) site.close();
    }

    private static List<String> refsOn(DeskSite.Browser.Page page) {
        return page.doc().select("table.compact-cases tbody tr a[href^=/desk/cases/]").eachText();
    }

    @Test
    void theLeadSeesFiftyCasesAPageAndReachesEveryCaseByNextOnce() throws Exception {
        DeskSite.Browser lead = site.new Browser();
        lead.signIn("compact@cheshirewest.example");
        DeskSite.Browser.Page first = lead.get("/desk");
        assertEquals(50, refsOn(first).size(), first.main());
        assertTrue(first.main().contains("57 cases") && first.main().contains("Showing 1 to 50"), first.main());
        assertTrue(first.doc().select("a[rel=prev]").isEmpty(), "no Previous on the first page");
        DeskSite.Browser.Page second = lead.get(first.doc().selectFirst("a[rel=next]").attr("href"));
        assertEquals(7, refsOn(second).size(), second.main());
        assertTrue(second.doc().select("a[rel=next]").isEmpty(), "no Next on the last page");
        assertEquals("/desk?page=1", second.doc().selectFirst("a[rel=prev]").attr("href"));
        Set<String> seen = new HashSet<>(refsOn(first));
        seen.addAll(refsOn(second));
        assertEquals(new HashSet<>(refs), seen, "every case once, none twice");
    }

    @Test
    void theNextLinkKeepsTheSearchAndAPageThatIsNotANumberShowsTheFirst() throws Exception {
        DeskSite.Browser lead = site.new Browser();
        lead.signIn("compact@cheshirewest.example");
        DeskSite.Browser.Page few = lead.get("/desk?q=grant");
        assertEquals(29, refsOn(few).size(), "29 of the 57 say grant: one page");
        assertTrue(few.doc().select("a[rel=next]").isEmpty());
        DeskSite.Browser.Page all = lead.get("/desk?q=o&page=1");
        assertEquals("/desk?q=o&page=2", all.doc().selectFirst("a[rel=next]").attr("href"));
        assertEquals(50, refsOn(lead.get("/desk?page=abc")).size());
        assertEquals(50, refsOn(lead.get("/desk?page=99")).size(), "past the end: the first page");
    }
}
