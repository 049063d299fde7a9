package org.compactbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.compactbot.conversation.Conversation;
import org.compactbot.conversation.ConversationStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One list of migrations for both engines; on SQLite exactly the schema the first version shipped. */
class MigrationsTest {
    @TempDir Path dir;

    /** Migrations 1..5 as shipped before PostgreSQL support, statement by statement. */
    private static List<List<String>> shipped() throws IOException {
        String text;
        try (InputStream in = MigrationsTest.class.getResourceAsStream("/store/shipped-migrations-1-5.sql")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<List<String>> out = new ArrayList<>();
        for (String part : text.split("(?m)^-- migration \\d+\n")) {
            if (!part.startsWith("--")) out.add(Migrations.splitStatements(part));
        }
        return out;
    }

    /** A database made the way the first version made it: the shipped statements, then schema_version 1..5. */
    private Path shippedDatabase() throws Exception {
        Path file = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            int v = 0;
            for (List<String> migration : shipped()) {
                for (String sql : migration) s.execute(sql);
                s.execute("INSERT INTO schema_version(version) VALUES (" + ++v + ")");
            }
        }
        return file;
    }

    private static List<String> schema(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid")) {
            while (rs.next()) out.add(rs.getString(1) + " " + rs.getString(2) + " on " + rs.getString(3) + ": " + rs.getString(4));
        }
        return out;
    }

    @Test
    void onSqliteTheFirstFiveMigrationsAreExactlyTheStatementsThatShipped() throws Exception {
        List<List<String>> shipped = shipped();
        assertEquals(5, shipped.size());
        for (int v = 0; v < 5; v++) {
            assertEquals(shipped.get(v), Migrations.ALL.get(v).statements(Dialect.SQLITE), "migration " + (v + 1));
        }
    }

    @Test
    void aNewSqliteDatabaseHasTheSchemaTheFirstVersionMade() throws Exception {
        List<String> old = schema(shippedDatabase());
        Path fresh = dir.resolve("new.db");
        Database.open(fresh).close();
        List<String> now = schema(fresh);
        // migration 6 (erasure) adds a column to cases and replaces the update trigger; everything else is as it was
        // and migration 7 a version column to conversations, migration 10 the undeliverable columns to emails
        List<String> kept = old.stream().filter(e -> !e.startsWith("trigger case_events_append_only_u ") && !e.startsWith("table cases ")
                && !e.startsWith("table conversations ") && !e.startsWith("table emails ")).toList();
        assertEquals(kept, now.stream().filter(kept::contains).toList(), "what migrations 1-5 make is unchanged");
        assertEquals(old.stream().map(e -> e.substring(0, e.indexOf(':'))).sorted().toList(),
                now.stream().map(e -> e.substring(0, e.indexOf(':'))).filter(n -> old.stream().anyMatch(o -> o.startsWith(n + ":"))).sorted().toList());
        assertTrue(now.stream().anyMatch(e -> e.startsWith("table cases ") && e.contains("anonymised_at")), now.toString());
        assertTrue(now.stream().anyMatch(e -> e.startsWith("table conversations ") && e.contains("version")), now.toString());
        assertTrue(now.stream().anyMatch(e -> e.startsWith("table emails ") && e.contains("undeliverable_at")
                && e.contains("undeliverable_reason")), now.toString());
        assertTrue(now.stream().anyMatch(e -> e.startsWith("trigger case_events_append_only_u ") && e.contains("[redacted]")), now.toString());
    }

    @Test
    void aDatabaseTheFirstVersionMadeOpensWithItsCasesAndIsNotMigratedAgain() throws Exception {
        Path file = shippedDatabase();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("INSERT INTO case_sequence(year, last) VALUES (2026, 1)");
            s.execute("INSERT INTO cases(ref, year, seq, status, area, respondent, organisation, complainant_name, complainant_email, "
                    + "details, created_at, updated_at) VALUES ('CC-2026-0001', 2026, 1, 'submitted', 'west-cheshire', 'Council', "
                    + "'Lunch Club', 'Sam Patel', 'sam@lunch.example', '{}', '2026-11-20T10:00:00.000000Z', '2026-11-20T10:00:00.000000Z')");
        }
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
        try (Database db = Database.open("jdbc:sqlite:" + file, "", "")) {
            assertEquals("Lunch Club", new SqlCaseStore(db, clock, "compact@example.org").find("CC-2026-0001").orElseThrow().organisation());
            String next = new SqlConversationStore(db, "CC", clock).commitTurn(new Conversation("c1", "test", clock.instant()),
                    List.of(), new ConversationStore.NewCase("west-cheshire", "Council", "Youth Club", "Al", "al@youth.example", "{}"))
                    .orElseThrow();
            assertEquals("CC-2026-0002", next);
            int versions = db.inTransaction(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM schema_version WHERE version <= 5")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertEquals(5, versions, "migrations 1-5 are not applied a second time");
        }
    }

    @Test
    void aStoreUrlForAnotherEngineIsRefusedWithoutShowingTheRestOfTheUrl() {
        IOException e = assertThrows(IOException.class, () -> Database.open("jdbc:mysql://db.example/compact?password=hunter2", "", ""));
        assertTrue(e.getMessage().contains("store.url") && e.getMessage().contains("'jdbc:mysql:'")
                && e.getMessage().contains("jdbc:postgresql://") && !e.getMessage().contains("hunter2"), e.getMessage());
    }
}
