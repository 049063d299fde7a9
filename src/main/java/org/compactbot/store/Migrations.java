package org.compactbot.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The schema, as one list of migrations for both engines, applied in order. Never edit one that has
 * shipped: append a new one. Write SQL in the subset SQLite and PostgreSQL share; where they differ,
 * use the tokens {@code {id}} (a generated row id) and {@code {blob}} (raw bytes), or a statement from
 * {@link Dialect} (such as {@link #appendOnly}). On SQLite the statements are exactly those of the
 * migrations as first shipped (MigrationsTest compares the schema they make).
 */
final class Migrations {
    private Migrations() {}

    /** One schema change: the statements that make it on an engine. */
    @FunctionalInterface
    interface Migration {
        List<String> statements(Dialect d);
    }

    static final List<Migration> ALL = List.of(
            // 1: conversations, cases and their audit trail
            all(sql("""
                    CREATE TABLE conversations (
                      id TEXT PRIMARY KEY,
                      channel TEXT NOT NULL,
                      state TEXT NOT NULL,
                      flow_version INTEGER NOT NULL,
                      created_at TEXT NOT NULL,
                      updated_at TEXT NOT NULL
                    );
                    CREATE TABLE transcript (
                      id {id},
                      conversation_id TEXT NOT NULL,
                      at TEXT NOT NULL,
                      direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
                      text TEXT NOT NULL
                    );
                    CREATE INDEX transcript_by_conversation ON transcript(conversation_id, id);
                    CREATE TABLE case_sequence (year INTEGER PRIMARY KEY, last INTEGER NOT NULL);
                    CREATE TABLE cases (
                      ref TEXT PRIMARY KEY,
                      year INTEGER NOT NULL,
                      seq INTEGER NOT NULL,
                      status TEXT NOT NULL,
                      area TEXT NOT NULL,
                      respondent TEXT NOT NULL,
                      organisation TEXT NOT NULL,
                      complainant_name TEXT NOT NULL,
                      complainant_email TEXT NOT NULL,
                      conversation_id TEXT,
                      details TEXT NOT NULL,
                      created_at TEXT NOT NULL,
                      updated_at TEXT NOT NULL,
                      UNIQUE (year, seq)
                    );
                    CREATE TABLE case_events (
                      id {id},
                      case_ref TEXT NOT NULL REFERENCES cases(ref),
                      at TEXT NOT NULL,
                      actor TEXT NOT NULL,
                      from_status TEXT,
                      to_status TEXT NOT NULL,
                      note TEXT NOT NULL
                    );
                    """),
                    appendOnly("case_events"),
                    sql("""
                    CREATE TABLE outbox (
                      id {id},
                      kind TEXT NOT NULL,
                      case_ref TEXT,
                      payload TEXT NOT NULL,
                      created_at TEXT NOT NULL,
                      done_at TEXT
                    );
                    """)),
            // 2: routing, timers, outgoing email
            sql("""
                    ALTER TABLE cases ADD COLUMN mediator_id TEXT;
                    ALTER TABLE cases ADD COLUMN routing_reason TEXT;
                    ALTER TABLE cases ADD COLUMN assigned_at TEXT;
                    ALTER TABLE cases ADD COLUMN acknowledged_at TEXT;
                    ALTER TABLE cases ADD COLUMN accepted_at TEXT;
                    ALTER TABLE cases ADD COLUMN closed_at TEXT;
                    ALTER TABLE cases ADD COLUMN outcome TEXT;
                    CREATE TABLE case_timers (
                      case_ref TEXT NOT NULL REFERENCES cases(ref),
                      timer TEXT NOT NULL,
                      fired_at TEXT NOT NULL,
                      PRIMARY KEY (case_ref, timer)
                    );
                    CREATE TABLE emails (
                      id {id},
                      case_ref TEXT,
                      purpose TEXT NOT NULL,
                      message_id TEXT NOT NULL UNIQUE,
                      recipient TEXT NOT NULL,
                      payload TEXT NOT NULL,
                      created_at TEXT NOT NULL,
                      attempts INTEGER NOT NULL DEFAULT 0,
                      next_attempt_at TEXT NOT NULL,
                      last_error TEXT,
                      sent_at TEXT
                    );
                    CREATE INDEX emails_due ON emails(sent_at, next_attempt_at);
                    """),
            // 3: redelivery logs of the channels
            sql("""
                    CREATE TABLE slack_events (
                      event_id TEXT PRIMARY KEY,
                      received_at TEXT NOT NULL
                    );
                    CREATE TABLE inbound_messages (
                      message_key TEXT PRIMARY KEY,
                      received_at TEXT NOT NULL,
                      sender TEXT NOT NULL,
                      processed_at TEXT,
                      outcome TEXT
                    );
                    """),
            // 4: a case's evidence
            sql("""
                    CREATE TABLE evidence (
                      id {id},
                      case_ref TEXT NOT NULL REFERENCES cases(ref),
                      received_at TEXT NOT NULL,
                      name TEXT NOT NULL,
                      type TEXT NOT NULL,
                      bytes INTEGER NOT NULL,
                      content {blob} NOT NULL
                    );
                    """),
            // 5: files sent before the challenge exists
            sql("""
                    CREATE TABLE draft_evidence (
                      id {id},
                      conversation_id TEXT NOT NULL,
                      received_at TEXT NOT NULL,
                      name TEXT NOT NULL,
                      type TEXT NOT NULL,
                      bytes INTEGER NOT NULL,
                      content {blob} NOT NULL
                    );
                    CREATE INDEX draft_evidence_by_conversation ON draft_evidence(conversation_id);
                    """),
            // 6: UK GDPR. A case's personal data can be erased (anonymised_at records when); case_events stays
            // append-only except for one controlled change: a note cut to a prefix of itself followed by [redacted].
            all(sql("ALTER TABLE cases ADD COLUMN anonymised_at TEXT;"),
                    perEngine(sql("""
                            DROP TRIGGER case_events_append_only_u;
                            CREATE TRIGGER case_events_append_only_u BEFORE UPDATE ON case_events
                              WHEN NOT (NEW.id = OLD.id AND NEW.case_ref = OLD.case_ref AND NEW.at = OLD.at AND NEW.actor = OLD.actor
                                AND COALESCE(NEW.from_status, '') = COALESCE(OLD.from_status, '') AND NEW.to_status = OLD.to_status
                                AND NEW.note <> OLD.note AND length(NEW.note) >= 10
                                AND substr(NEW.note, length(NEW.note) - 9, 10) = '[redacted]'
                                AND substr(OLD.note, 1, length(NEW.note) - 10) = substr(NEW.note, 1, length(NEW.note) - 10))
                              BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
                            """),
                            d -> List.of("""
                                    CREATE FUNCTION case_events_redact_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
                                      IF NEW.id = OLD.id AND NEW.case_ref = OLD.case_ref AND NEW.at = OLD.at AND NEW.actor = OLD.actor
                                        AND COALESCE(NEW.from_status, '') = COALESCE(OLD.from_status, '') AND NEW.to_status = OLD.to_status
                                        AND NEW.note <> OLD.note AND length(NEW.note) >= 10
                                        AND substr(NEW.note, length(NEW.note) - 9, 10) = '[redacted]'
                                        AND substr(OLD.note, 1, length(NEW.note) - 10) = substr(NEW.note, 1, length(NEW.note) - 10)
                                      THEN RETURN NEW; END IF;
                                      RAISE EXCEPTION 'case_events is append-only';
                                    END; $$""".strip(),
                                    "DROP TRIGGER case_events_append_only_u ON case_events",
                                    "CREATE TRIGGER case_events_append_only_u BEFORE UPDATE ON case_events FOR EACH ROW "
                                            + "EXECUTE FUNCTION case_events_redact_only()"))),
            // 7: a conversation's version, so that two instances never save over each other's turn
            sql("ALTER TABLE conversations ADD COLUMN version INTEGER NOT NULL DEFAULT 0;"),
            // 8: the replies sent to one address lately (the hourly cap on answering mail)
            sql("CREATE INDEX emails_by_recipient ON emails(recipient, created_at);"),
            // 9: questions the bot declined or was unsure of, for the operator (knowledge gaps): words only
            sql("""
                    CREATE TABLE knowledge_gaps (
                      question_key TEXT NOT NULL,
                      area TEXT NOT NULL,
                      question TEXT NOT NULL,
                      times INTEGER NOT NULL,
                      declined INTEGER NOT NULL,
                      first_asked TEXT NOT NULL,
                      last_asked TEXT NOT NULL,
                      PRIMARY KEY (question_key, area));
                    """),
            // 10: an email the recipient's mail system returned (a bounce to its VERP address): when, and why
            sql("""
                    ALTER TABLE emails ADD COLUMN undeliverable_at TEXT;
                    ALTER TABLE emails ADD COLUMN undeliverable_reason TEXT;
                    """),
            // 11: the Slack workspaces the bot is installed in by OAuth, each with its bot token, and installs in progress
            sql("""
                    CREATE TABLE slack_installations (
                      install_key TEXT PRIMARY KEY,
                      team_id TEXT,
                      enterprise_id TEXT,
                      team_name TEXT,
                      bot_token TEXT NOT NULL,
                      bot_user_id TEXT,
                      bot_id TEXT,
                      scopes TEXT,
                      installed_by TEXT,
                      installed_at TEXT NOT NULL);
                    CREATE TABLE slack_oauth_states (
                      state TEXT PRIMARY KEY,
                      issued_at TEXT NOT NULL);
                    """),
            // 12: links emailed to a person (resume a saved draft, see a case's status), by a digest of the token only
            sql("""
                    CREATE TABLE emailed_links (
                      token_digest TEXT PRIMARY KEY,
                      purpose TEXT NOT NULL,
                      target TEXT NOT NULL,
                      address TEXT NOT NULL,
                      created_at TEXT NOT NULL,
                      expires_at TEXT NOT NULL,
                      used_at TEXT);
                    CREATE INDEX emailed_links_by_target ON emailed_links(purpose, target);
                    """),
            // 13: the body's formal response (issue 16 step 2): whom we asked, when, and when and how it answered
            sql("""
                    ALTER TABLE cases ADD COLUMN body_name TEXT;
                    ALTER TABLE cases ADD COLUMN body_email TEXT;
                    ALTER TABLE cases ADD COLUMN body_asked_at TEXT;
                    ALTER TABLE cases ADD COLUMN body_answered_at TEXT;
                    ALTER TABLE cases ADD COLUMN body_answer TEXT;
                    """),
            // 14: closing well (issue 16 item 6): the closing survey and its answers (the comment is personal data), and
            // the anonymised outcome summaries a mediator publishes
            sql("""
                    CREATE TABLE surveys (
                      ref TEXT PRIMARY KEY,
                      sent_at TEXT NOT NULL,
                      reasked INTEGER NOT NULL DEFAULT 0,
                      satisfied TEXT,
                      outcome_as_asked TEXT,
                      comment TEXT,
                      answered_at TEXT);
                    CREATE TABLE published_outcomes (
                      ref TEXT PRIMARY KEY,
                      area TEXT NOT NULL,
                      body TEXT NOT NULL,
                      undertakings TEXT NOT NULL,
                      outcome TEXT NOT NULL,
                      month_closed TEXT NOT NULL,
                      summary TEXT NOT NULL,
                      published_by TEXT NOT NULL,
                      published_at TEXT NOT NULL);
                    """),
            // 15: the weekly digests sent to the area leads (issue 16 step 7): once per area and ISO week, whichever instance sends it;
            // and a case's history by its reference (the digest, like the timers, reads the paused time of every open case)
            sql("""
                    CREATE INDEX case_events_by_case ON case_events(case_ref, id);
                    CREATE TABLE digests_sent (
                      area TEXT NOT NULL,
                      iso_week TEXT NOT NULL,
                      sent_at TEXT NOT NULL,
                      PRIMARY KEY (area, iso_week));
                    """));

    /** SQL text in the shared subset, {@code {id}} and {@code {blob}} filled in for the engine; split into statements. */
    static Migration sql(String text) {
        return d -> splitStatements(text.replace("{id}", d.identity()).replace("{blob}", d.blob()));
    }

    /** Makes a table refuse UPDATE and DELETE. */
    static Migration appendOnly(String table) {
        return d -> d.appendOnly(table);
    }

    /** A change only expressible per engine (say, a trigger's condition): the SQLite and the PostgreSQL way. */
    static Migration perEngine(Migration sqlite, Migration postgresql) {
        return d -> d == Dialect.SQLITE ? sqlite.statements(d) : postgresql.statements(d);
    }

    /** Several parts making one migration (one schema version), in order. */
    static Migration all(Migration... parts) {
        return d -> {
            List<String> out = new ArrayList<>();
            for (Migration m : parts) out.addAll(m.statements(d));
            return out;
        };
    }

    /** Splits SQL text into statements, keeping SQLite trigger bodies (BEGIN ... END;) whole. */
    static List<String> splitStatements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inTrigger = false;
        for (String line : sql.split("\n")) {
            cur.append(line).append('\n');
            String t = line.strip().toUpperCase();
            if (t.startsWith("CREATE TRIGGER")) inTrigger = true;
            if (t.endsWith(";") && (!inTrigger || t.endsWith("END;"))) {
                out.add(cur.toString().strip());
                cur.setLength(0);
                inTrigger = false;
            }
        }
        if (!cur.toString().isBlank()) out.add(cur.toString().strip());
        return out;
    }
}
