-- Workspace schema v1: prompt registry, datasets, rubrics and the append-only audit log.
-- JSON columns are TEXT checked with json_valid; every table is STRICT.

CREATE TABLE workspace_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE prompts (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description TEXT NOT NULL DEFAULT '',
  owner TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE prompt_versions (
  id TEXT PRIMARY KEY,
  prompt_id TEXT NOT NULL REFERENCES prompts (id),
  number INTEGER NOT NULL CHECK (number > 0),
  messages TEXT NOT NULL CHECK (json_valid(messages)),
  model_provider TEXT NOT NULL,
  model_id TEXT NOT NULL,
  params TEXT NOT NULL CHECK (json_valid(params)),
  author TEXT NOT NULL,
  message TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (prompt_id, number)
) STRICT;

CREATE INDEX prompt_versions_by_hash ON prompt_versions (content_hash);

-- Versions are evidence: eval results will point at them, so they can never change or disappear.
CREATE TRIGGER prompt_versions_no_update BEFORE UPDATE ON prompt_versions
BEGIN
  SELECT RAISE(ABORT, 'prompt versions are immutable');
END;

CREATE TRIGGER prompt_versions_no_delete BEFORE DELETE ON prompt_versions
BEGIN
  SELECT RAISE(ABORT, 'prompt versions are immutable');
END;

CREATE TABLE datasets (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE dataset_cases (
  id TEXT PRIMARY KEY,
  dataset_id TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  case_key TEXT NOT NULL,
  position INTEGER NOT NULL,
  vars TEXT NOT NULL CHECK (json_valid(vars)),
  expected TEXT NOT NULL CHECK (json_valid(expected)),
  expected_output TEXT,
  tags TEXT NOT NULL CHECK (json_valid(tags)),
  notes TEXT NOT NULL DEFAULT '',
  UNIQUE (dataset_id, case_key)
) STRICT;

CREATE INDEX dataset_cases_by_position ON dataset_cases (dataset_id, position);

CREATE TABLE rubrics (
  id TEXT PRIMARY KEY,
  key TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version > 0),
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  criteria TEXT NOT NULL CHECK (json_valid(criteria)),
  created_at TEXT NOT NULL,
  UNIQUE (key, version)
) STRICT;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  details TEXT NOT NULL CHECK (json_valid(details))
) STRICT;

CREATE INDEX audit_log_by_entity ON audit_log (entity_type, entity_id, id);

CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
