package org.compactbot.store;

/** The stores on a real PostgreSQL (embedded; skipped as root, where PostgreSQL cannot run). */
class PostgresStoreTest extends StoreBehaviour {
    @Override
    String newDatabase() {
        return TestPostgres.newDatabase();
    }
}
