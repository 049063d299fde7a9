package org.compactbot.store;

import java.time.Instant;
import java.util.Map;
import org.compactbot.cases.PersonalData;
import org.compactbot.cases.PersonalRecords;

/** A store that holds nothing and fails when asked to erase: for the all-or-nothing tests of personal data. */
final class FailingRecords implements PersonalRecords {
    @Override
    public PersonalData.Holdings held(Person person) {
        return PersonalData.Holdings.NONE;
    }

    @Override
    public Map<String, Object> export(Person person, boolean withFileContent) {
        return Map.of();
    }

    @Override
    public void erase(Person person, Instant now, String actor) {
        throw new IllegalStateException("the disk is full");
    }

    @Override
    public PersonalData.Sweep sweep(Due due, boolean dryRun, Instant now, String actor) {
        return PersonalData.Sweep.NONE;
    }
}
