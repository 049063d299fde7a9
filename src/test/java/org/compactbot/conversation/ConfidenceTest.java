package org.compactbot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How sure each reader is: plain answers are kept, hedged or contradictory ones are checked with the person first. */
class ConfidenceTest {
    static Stream<Arguments> consent() {
        return Stream.of(
                Arguments.of("they can know", "share", true),
                Arguments.of("sure, they can know it's us", "share", true),
                Arguments.of("yes", "share", true),
                Arguments.of("not bothered", "share", true),
                Arguments.of("don't tell them my name please", "confidential", true),
                Arguments.of("I'd rather they didn't know it was me", "confidential", true),
                Arguments.of("no, keep my name out of it", "confidential", true),
                Arguments.of("definitely not, we'd get in trouble", "confidential", true),
                Arguments.of("2", "confidential", true),
                Arguments.of("share", "share", true),
                Arguments.of("confidential", "confidential", true),
                Arguments.of("I suppose they can know", "share", false),
                Arguments.of("probably fine", "share", false),
                Arguments.of("maybe keep it anonymous", "confidential", false),
                Arguments.of("they can know but please don't use my name", "confidential", false),
                Arguments.of("tell them, but keep it confidential", "confidential", false));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}, sure: {2}")
    @MethodSource("consent")
    void consentReadings(String reply, String choice, boolean sure) {
        ConsentAnswer.Reading r = ConsentAnswer.reading(reply).orElseThrow();
        assertEquals(choice, r.choice());
        assertEquals(sure, r.confidence() >= Validation.SURE, "confidence " + r.confidence());
    }

    static Stream<Arguments> roles() {
        return Stream.of(
                Arguments.of("we're a parent and toddler group", "group", true),
                Arguments.of("youth club, all volunteers", "group", true),
                Arguments.of("I'm a local resident", "individual", true),
                Arguments.of("just me, I'm a carer", "individual", true),
                Arguments.of("clerk to the town council", "public-body", true),
                Arguments.of("3", "individual", true),
                Arguments.of("group", "group", true),
                Arguments.of("public-body", "public-body", true),
                Arguments.of("individual", "individual", true),
                Arguments.of("me", "individual", false),
                Arguments.of("I am", "individual", false),
                Arguments.of("I think we count as a group", "group", false),
                Arguments.of("probably a charity", "group", false));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}, sure: {2}")
    @MethodSource("roles")
    void roleReadings(String reply, String role, boolean sure) {
        RoleAnswer.Reading r = RoleAnswer.reading(reply).orElseThrow();
        assertEquals(role, r.role());
        assertEquals(sure, r.confidence() >= Validation.SURE, "confidence " + r.confidence());
    }
}
