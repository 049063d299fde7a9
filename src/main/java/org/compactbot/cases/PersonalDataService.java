package org.compactbot.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * UK GDPR requests and the retention schedule over every store that holds personal data: each store's
 * {@link PersonalRecords} answers for its own tables, all in one transaction, and the results are added up. The stores
 * are asked in the order given, which is the order of the export's sections: the case store first (it links a person's
 * cases and the conversations that raised them), then the conversation store, the outbox and the inbound mail log.
 */
public final class PersonalDataService implements PersonalData {
    private final List<PersonalRecords> stores;
    private final AllOrNothing transaction;
    private final Clock clock;

    public PersonalDataService(List<PersonalRecords> stores, AllOrNothing transaction, Clock clock) {
        this.stores = List.copyOf(stores);
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The person with the address, and everything the stores link to them. */
    private PersonalRecords.Person find(String email) {
        PersonalRecords.Person person = PersonalRecords.Person.byAddress(email);
        for (PersonalRecords s : stores) person = s.link(person);
        return person;
    }

    @Override
    public Map<String, Object> export(String email, boolean withFileContent) {
        return transaction.allOrNothing(() -> {
            PersonalRecords.Person person = find(email);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("email", person.address());
            doc.put("exported_at", clock.instant().toString());
            boolean nothing = true;
            for (PersonalRecords s : stores) {
                Map<String, Object> sections = s.export(person, withFileContent);
                for (Object v : sections.values()) if (!(v instanceof Collection<?> c) || !c.isEmpty()) nothing = false;
                doc.putAll(sections);
            }
            if (nothing) doc.put("note", "Nothing is held about " + person.address() + ".");
            return doc;
        });
    }

    @Override
    public Holdings heldAbout(String email) {
        return transaction.allOrNothing(() -> held(find(email)));
    }

    private Holdings held(PersonalRecords.Person person) {
        Holdings h = Holdings.NONE;
        for (PersonalRecords s : stores) h = h.plus(s.held(person));
        return h;
    }

    @Override
    public Holdings erase(String email, String actor) {
        Instant now = clock.instant();
        return transaction.allOrNothing(() -> {
            PersonalRecords.Person person = find(email);
            Holdings h = held(person);
            if (h.isEmpty()) return h;
            for (PersonalRecords s : stores) s.erase(person, now, actor);
            return h;
        });
    }

    @Override
    public Sweep sweep(Instant casesClosedBefore, Instant untouchedBefore, boolean dryRun, String actor) {
        Instant now = clock.instant();
        return transaction.allOrNothing(() -> {
            PersonalRecords.Due due = PersonalRecords.Due.at(casesClosedBefore, untouchedBefore);
            for (PersonalRecords s : stores) due = s.due(due);
            Sweep done = Sweep.NONE;
            for (PersonalRecords s : stores) done = done.plus(s.sweep(due, dryRun, now, actor));
            return done;
        });
    }
}
