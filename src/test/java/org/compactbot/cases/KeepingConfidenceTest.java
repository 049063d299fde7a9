package org.compactbot.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last check on case emails: what reaches the body concerned of a confidential case names nobody and carries no file. */
class KeepingConfidenceTest {
    @TempDir Path dir;
    CaseFixture f;

    @BeforeEach
    void open() throws Exception {
        f = new CaseFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static OutgoingEmail mail(String to) {
        String text = "Sam Patel of Lunch Club (sam@lunchclub.org.uk, www.lunchclub.org.uk) sent the letter.";
        return new OutgoingEmail(to, "About Sam Patel", text, "<p>" + text + "</p>",
                List.of(new OutgoingEmail.Attachment("letter.pdf", "application/pdf", "x")), null, "test");
    }

    @Test
    void anEmailToTheBodyOrItsDomainIsWithheldAndLosesItsFiles() throws Exception {
        ChallengeCase c = f.store.find(f.submit("west-cheshire", "Lunch Club", "sam@lunchclub.org.uk", "Cheshire West and Chester Council",
                "funding", true)).orElseThrow();
        List<OutgoingEmail> out = KeepingConfidence.screen(c, List.of(mail("compact@cheshirewest.example"), mail("grants@cheshirewest.example"),
                mail("morgan@mediation.example")), f.directory);
        for (OutgoingEmail e : out.subList(0, 2)) {
            String all = e.subject() + e.text() + e.html();
            for (String s : List.of("Sam", "Patel", "Lunch Club", "lunchclub")) assertFalse(all.contains(s), s + " in " + all);
            assertTrue(e.text().contains("(withheld) of (withheld)"), e.text());
            assertEquals(List.of(), e.attachments());
            assertTrue(e.text().contains("Attachments were held back"), e.text());
        }
        assertEquals(mail("morgan@mediation.example"), out.get(2), "the mediator's email is untouched");
    }

    @Test
    void aComplainantWhoAgreedTheBodyMayKnowIsNamedAsBefore() throws Exception {
        String ref = f.submit("west-cheshire", "Lunch Club", "sam@lunchclub.org.uk", "Cheshire West and Chester Council", "funding", false);
        ChallengeCase c = f.store.find(ref).orElseThrow();
        assertFalse(c.confidential());
        // through the service's store: a change's email to the body goes out as written
        OutgoingEmail e = mail("compact@cheshirewest.example");
        assertTrue(new KeepingConfidence(f.store, f.directory).apply(new CaseChange(ref, null, "test", "note", List.of(), List.of(e), null)));
        String queued = f.db.inTransaction(x -> {
            try (var p = x.prepareStatement("SELECT payload FROM emails WHERE recipient = ? ORDER BY id DESC LIMIT 1")) {
                p.setString(1, "compact@cheshirewest.example");
                try (var rs = p.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        assertTrue(queued.contains("Sam Patel of Lunch Club"), queued);
    }
}
