-- The schema migrations 1..5 exactly as first shipped (Database.java before PostgreSQL support), for MigrationsTest.
-- migration 1
CREATE TABLE conversations (
  id TEXT PRIMARY KEY,
  channel TEXT NOT NULL,
  state TEXT NOT NULL,
  flow_version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE transcript (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
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
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  case_ref TEXT NOT NULL REFERENCES cases(ref),
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  note TEXT NOT NULL
);
CREATE TRIGGER case_events_append_only_u BEFORE UPDATE ON case_events
  BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
CREATE TRIGGER case_events_append_only_d BEFORE DELETE ON case_events
  BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  case_ref TEXT,
  payload TEXT NOT NULL,
  created_at TEXT NOT NULL,
  done_at TEXT
);
-- migration 2
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
  id INTEGER PRIMARY KEY AUTOINCREMENT,
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
-- migration 3
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
-- migration 4
CREATE TABLE evidence (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  case_ref TEXT NOT NULL REFERENCES cases(ref),
  received_at TEXT NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  content BLOB NOT NULL
);
-- migration 5
CREATE TABLE draft_evidence (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  conversation_id TEXT NOT NULL,
  received_at TEXT NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  content BLOB NOT NULL
);
CREATE INDEX draft_evidence_by_conversation ON draft_evidence(conversation_id);
