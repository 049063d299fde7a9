package org.compactbot.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What erasure keeps and how case-history notes are redacted. */
class RedactionTest {
    static final List<String> SAM = Redaction.identifiers("Sam Patel", "sam@lunchclub.org.uk", "Northwich Lunch Club");

    @Test
    void notesCarryingAPersonsWordsOrNamingTheComplainantAreCutToAPrefixAndTheMarker() {
        Object[][] table = {
                // note, redacted form (null: kept as it is)
                {"challenge submitted", null},
                {"assigned to Morgan Lee: specialism managing-change", null},
                {"mediator asked: when did the council write to you?", "mediator asked: [redacted]"},
                {"passed over: m-funding declined: I know the Patel family", "passed over: m-funding declined: [redacted]"},
                {"passed over: m-funding did not accept within 3 working days", null},
                {"complainant wrote; evidence: sam-bank-statement.pdf", "complainant wrote; evidence: [redacted]"},
                {"complainant has had the body's final response; evidence: letter-to-sam.pdf",
                        "complainant has had the body's final response; evidence: [redacted]"},
                {"body replied: We have spoken to the group's treasurer about the grant", "body replied: [redacted]"},
                {"complainant wrote", null},
                {"closed: grant restored until March", null},
                {"closed: grant restored; Sam thanked the council", "closed: [redacted]"},
                {"closed: agreed with sam@lunchclub.org.uk", "closed: [redacted]"},
                {"flagged: Northwich Lunch Club asked for a call", "flagged: [redacted]"},
                {"Patel rang the office", "[redacted]"},
                {"closed: Samantha's group was consulted", null},   // a whole word only: Sam is not Samantha
                {"mediator asked: [redacted]", null},                // once
        };
        for (Object[] row : table) {
            Optional<String> got = Redaction.note((String) row[0], SAM);
            assertEquals(Optional.ofNullable((String) row[1]), got, (String) row[0]);
            got.ifPresent(r -> assertTrue(r.endsWith(Redaction.MARKER) && ((String) row[0]).startsWith(r.substring(0, r.length() - Redaction.MARKER.length())),
                    "the only change the database allows: a prefix and the marker"));
        }
    }

    @Test
    void theOrganisationGoesWhenItIsTheComplainantsOwn() {
        Object[][] table = {
                // role, organisation, erased with the person?
                {"group", "Northwich Lunch Club", false},
                {"public-body", "Cheshire West and Chester Council", false},
                {"individual", "Patel Catering", true},
                {null, "Northwich Lunch Club", true},
                {"group", "Sam Patel Community Trust", true},
                {"group", "", false},
        };
        for (Object[] row : table) {
            assertEquals(row[2], Redaction.organisationIsOwn((String) row[0], (String) row[1], "Sam Patel", "sam@lunchclub.org.uk"),
                    row[0] + " / " + row[1]);
        }
    }

    @Test
    void anonymisedDetailsKeepCategoriesCodesAndDatesButNoFreeText() {
        Map<String, Object> facts = new LinkedHashMap<>(Map.of("codes", "funding", "undertaking_numbers", "[1]", "consent_label", "Keep my name confidential",
                "told", "2026-11-03", "effective", "2026-11-30", "batch", "name,email"));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("area", "west-cheshire");
        details.put("role", "group");
        details.put("name", "Sam Patel");
        details.put("email", "sam@lunchclub.org.uk");
        details.put("organisation", "Northwich Lunch Club");
        details.put("respondent", "Cheshire West and Chester Council");
        details.put("what_happened", "Our grant was cut.");
        details.put("dates", "told 3 Nov");
        details.put("impact", "40 people");
        details.put("undertakings", "Funding undertaking 3");
        details.put("consent", "confidential");
        details.put("details", facts);
        Map<String, Object> kept = Redaction.details(details, SAM);
        assertEquals(List.of("area", "role", "undertakings", "consent", "respondent", "details"), List.copyOf(kept.keySet()));
        assertEquals(Map.of("codes", "funding", "undertaking_numbers", "[1]", "consent_label", "Keep my name confidential",
                "told", "2026-11-03", "effective", "2026-11-30"), kept.get("details"));
    }

    @Test
    void aRespondentDescribedWithTheComplainantsNameIsWithheld() {
        assertEquals("Cheshire West and Chester Council", Redaction.respondent("Cheshire West and Chester Council", SAM));
        assertEquals(Redaction.WITHHELD, Redaction.respondent("The council, after Sam Patel complained", SAM));
        assertEquals("The council", Redaction.respondent("The council", List.of()), "nothing to look for once erased");
    }

    @Test
    void whatIsWithheldFromTheBodyIncludesTheComplainantsOwnDomainButNotAWebmailOneNorItsWords() {
        String text = "Jo Bloggs (jo@riverside.org.uk, see www.riverside.org.uk) says the council cut the grant; jo.b@gmail.com";
        assertEquals("(withheld) ((withheld), see www.(withheld)) says the council cut the grant; jo.b@gmail.com",
                Redaction.withhold(text, Redaction.fromTheBody(of("Jo Bloggs", "jo@riverside.org.uk"))));
        assertEquals("(withheld) (jo@riverside.org.uk, see www.riverside.org.uk) says the council cut the grant; (withheld)",
                Redaction.withhold(text, Redaction.fromTheBody(of("Jo Bloggs", "jo.b@gmail.com"))));
        assertEquals("the council of (withheld): (withheld)", Redaction.withhold("the council of council.gov.uk: jo@council.gov.uk",
                Redaction.fromTheBody(of("", "jo@council.gov.uk"))));
    }

    private static ChallengeCase of(String name, String email) {
        return new ChallengeCase("CC-2026-0001", CaseStatus.SUBMITTED, "west-cheshire", "the council", "", name, email, "c", null, null,
                Map.of(), java.time.Instant.EPOCH, java.time.Instant.EPOCH, null, null, null, null, null, null);
    }
}
