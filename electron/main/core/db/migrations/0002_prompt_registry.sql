-- Workspace schema v2: environment pointers (staging, prod) and recorded approvals for the prompt registry.
-- Promotions and rollbacks themselves are recorded in audit_log; these tables hold the current state.

-- Lets the tables below require that a version belongs to the prompt they name (composite foreign key).
CREATE UNIQUE INDEX prompt_versions_by_id_and_prompt ON prompt_versions (id, prompt_id);

-- One row per prompt and environment; absent means nothing was promoted there yet. Every other version
-- is a draft. Rows are updated in place: the history of where an environment pointed is the audit log.
CREATE TABLE prompt_environments (
  prompt_id TEXT NOT NULL REFERENCES prompts (id),
  env TEXT NOT NULL CHECK (env IN ('staging', 'prod')),
  version_id TEXT NOT NULL REFERENCES prompt_versions (id),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (prompt_id, env),
  FOREIGN KEY (version_id, prompt_id) REFERENCES prompt_versions (id, prompt_id)
) STRICT;

-- An approval is evidence the promotion gate relies on, so like the audit log it can never change.
CREATE TABLE approvals (
  id TEXT PRIMARY KEY,
  prompt_id TEXT NOT NULL REFERENCES prompts (id),
  version_id TEXT NOT NULL REFERENCES prompt_versions (id),
  env TEXT NOT NULL CHECK (env IN ('staging', 'prod')),
  approver TEXT NOT NULL,
  comment TEXT NOT NULL,
  created_at TEXT NOT NULL,
  FOREIGN KEY (version_id, prompt_id) REFERENCES prompt_versions (id, prompt_id)
) STRICT;

CREATE INDEX approvals_by_version ON approvals (version_id, env, created_at);

CREATE TRIGGER approvals_append_only_update BEFORE UPDATE ON approvals
BEGIN
  SELECT RAISE(ABORT, 'approvals are append-only');
END;

CREATE TRIGGER approvals_append_only_delete BEFORE DELETE ON approvals
BEGIN
  SELECT RAISE(ABORT, 'approvals are append-only');
END;
