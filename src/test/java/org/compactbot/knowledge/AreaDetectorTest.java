package org.compactbot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AreaDetectorTest {
    private final AreaDetector detector = new AreaDetector(List.of("wolverhampton", "west-cheshire", "redcar-cleveland"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "Does Cheshire West have a consultation code?            | west-cheshire",
            "CWaC cut our grant                                      | west-cheshire",
            "what does the west cheshire compact say                 | west-cheshire",
            "our group in Ellesmere Port lost its funding            | west-cheshire",
            "Wolves council gave us two weeks notice                 | wolverhampton",
            "Wolverhampton BME code                                  | wolverhampton",
            "is there a jargon buster in Redcar?                     | redcar-cleveland",
            "Redcar and Cleveland volunteering                       | redcar-cleveland",
            "how long should a consultation run?                     | NONE",
            "Manchester city council                                 | NONE",
            "wolverine sightings                                     | NONE",
    })
    void findsTheAreaAQuestionNames(String question, String area) {
        assertEquals(Optional.ofNullable(area), detector.detect(question));
    }

    @ParameterizedTest
    @CsvSource({"West Cheshire,west-cheshire", "wolves,wolverhampton", "redcar-cleveland,redcar-cleveland", "REDCAR,redcar-cleveland"})
    void resolvesWhatAUserTypesAsAnArea(String typed, String area) {
        assertEquals(Optional.of(area), detector.resolve(typed));
    }

    @org.junit.jupiter.api.Test
    void areaNamesAreTakenOutOfTheSearchTextButNeverEverything() {
        assertEquals("how do I renew my passport in ?", detector.withoutAreaNames("how do I renew my passport in Wolverhampton?"));
        assertEquals("CWaC", detector.withoutAreaNames("CWaC"));
    }

    @org.junit.jupiter.api.Test
    void filesOutsideAnAreaFolderDoNotMakeTheWordOtherAnArea() {
        AreaDetector withOther = new AreaDetector(List.of("wolverhampton", CorpusLoader.NO_AREA));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.empty(), withOther.detect("what do other councils do about notice?"));
        org.junit.jupiter.api.Assertions.assertEquals("what do other councils do about notice?",
                withOther.withoutAreaNames("what do other councils do about notice?"));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.of("other"), withOther.resolve("other"));
    }
}
