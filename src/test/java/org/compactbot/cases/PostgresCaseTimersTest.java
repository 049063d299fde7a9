package org.compactbot.cases;

import org.compactbot.store.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The case timers, routing and reports of CaseTimersTest with the cases in PostgreSQL (skipped as root). */
class PostgresCaseTimersTest extends CaseTimersTest {
    @BeforeEach
    @Override
    void open() throws Exception {
        f = new CaseFixture(dir, TestPostgres.newDatabase());
    }

    @AfterEach
    @Override
    void close() {
        if (f != null) super.close(); // none when skipped (as root)
    }
}
