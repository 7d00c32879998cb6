-- Workspace schema v8: sign-offs of baselines and the record of baseline folders exported to a team repo.

-- A sign-off is evidence: who accepted which run slice as the prompt's baseline, when, in which role, with
-- the content hash of the results they saw. A signature (optional) covers the export's file hashes, kept in
-- `files`, so a later change to any signed file is detected and named.
CREATE TABLE signoffs (
  id TEXT PRIMARY KEY,
  prompt_id TEXT NOT NULL REFERENCES prompts (id) ON DELETE CASCADE,
  dataset_snapshot_id TEXT NOT NULL REFERENCES dataset_snapshots (id),
  run_id TEXT NOT NULL REFERENCES runs (id),
  slice TEXT NOT NULL CHECK (json_valid(slice)),
  name TEXT NOT NULL CHECK (length(name) > 0),
  role TEXT NOT NULL CHECK (length(role) > 0),
  comment TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  run_content_hash TEXT NOT NULL,
  files TEXT NOT NULL CHECK (json_valid(files)),
  signature TEXT CHECK (signature IS NULL OR json_valid(signature))
) STRICT;

CREATE INDEX signoffs_by_prompt ON signoffs (prompt_id, signed_at);
-- Importing the same folder twice must not duplicate a sign-off.
CREATE UNIQUE INDEX signoffs_unique ON signoffs (prompt_id, run_content_hash, name, role, signed_at);

CREATE TABLE bundle_exports (
  id INTEGER PRIMARY KEY,
  prompt_id TEXT NOT NULL REFERENCES prompts (id) ON DELETE CASCADE,
  folder TEXT NOT NULL,
  exported_at TEXT NOT NULL,
  exported_by TEXT NOT NULL,
  manifest_sha256 TEXT NOT NULL,
  commit_sha TEXT
) STRICT;

CREATE INDEX bundle_exports_by_prompt ON bundle_exports (prompt_id, exported_at);
