package org.compactbot.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The file name an attachment is saved under, however its Content-Disposition spells it (RFC 2231 sections 3 and 4):
 * continued over several sections, percent-encoded only where a section is marked with "*", the charset named once on
 * the first section. The headers with "size=12 34" or an unbalanced quote are broken elsewhere, as real mail often is,
 * so the tolerant reader has to do what Jakarta Mail does for well-formed ones.
 */
class ParamsTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "attachment; filename*0*=UTF-8''na%C3%AFve%20; filename*1*=report.pdf                     | naïve report.pdf",
            "attachment; filename*0*=UTF-8''na%C3%AFve%20; filename*1*=report.pdf; size=12 34         | naïve report.pdf",
            "attachment; filename*0*=UTF-8''na%C3%AFve%20; filename*1*=rep; filename*2*=ort.pdf; x=\"y | naïve report.pdf",
            "attachment; filename*1*=report.pdf; filename*0*=UTF-8''na%C3%AFve%20; size=12 34         | naïve report.pdf",
            "attachment; filename*0=\"long name \"; filename*1=\"part two.pdf\"; size=12 34            | long name part two.pdf",
            "attachment; filename*0*=UTF-8''r%C3%A9sum; filename*1=\"%C3%A9 final.pdf\"; size=1 2     | résum%C3%A9 final.pdf",
            "attachment; filename*0=\"100%25 \"; filename*1*=%C3%A9.pdf; size=1 2                      | 100%25 é.pdf",
            "attachment; filename*0*=iso-8859-1'fr'caf%E9; filename*1*=%20menu.txt; size=1 2          | café menu.txt",
            "attachment; filename*0*=UTF-8''a%20b; filename*2*=c.pdf; size=1 2                        | a b",
            "attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf; size=1 2                              | résumé.pdf",
            "attachment; filename=\"plain.pdf\"; size=1 2                                              | plain.pdf",
            "attachment; filename*0*=UTF-8''na%C3%AFve%20; filename*1*=report.pdf                     | naïve report.pdf",
            "attachment; filename*0=\"long name \"; filename*1=\"part two.pdf\"                        | long name part two.pdf",
    })
    void readsTheWholeFileNameFromEverySection(String header, String expected) {
        assertEquals(expected, Params.get(header, "filename", true));
    }
}
