-- Workspace schema v4: eval runs. A run is stored before its first call; each (case, prompt version, model,
-- repeat) gets exactly one result row, an answer or a recorded error, so a resumed run never duplicates one.

-- A run references the immutable dataset snapshot it read. Deleting that dataset is refused while runs
-- point at it (no cascade): results are evidence and must not vanish with an edit.
CREATE TABLE runs (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  status TEXT NOT NULL CHECK (
    status IN ('planned', 'running', 'paused', 'cancelled', 'completed', 'failed', 'interrupted')
  ),
  plan TEXT NOT NULL CHECK (json_valid(plan)),
  dataset_snapshot_id TEXT NOT NULL REFERENCES dataset_snapshots (id),
  -- The per-model prices the run's costs were computed with, frozen when it was created.
  price_table TEXT NOT NULL CHECK (json_valid(price_table)),
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT,
  created_by TEXT NOT NULL,
  -- Totals kept up to date by every batch write, so listing runs never scans their results.
  counts TEXT NOT NULL CHECK (json_valid(counts))
) STRICT;

CREATE INDEX runs_by_created ON runs (created_at);
CREATE INDEX runs_by_status ON runs (status);
CREATE INDEX runs_by_snapshot ON runs (dataset_snapshot_id);

CREATE TABLE run_results (
  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  case_id TEXT NOT NULL,
  prompt_version_id TEXT NOT NULL,
  prompt_hash TEXT NOT NULL,
  provider TEXT NOT NULL,
  model_id TEXT NOT NULL,
  repeat INTEGER NOT NULL CHECK (repeat >= 0),
  params TEXT NOT NULL CHECK (json_valid(params)),
  request TEXT NOT NULL CHECK (json_valid(request)),
  response_text TEXT,
  finish_reason TEXT,
  input_tokens INTEGER,
  output_tokens INTEGER,
  cached_tokens INTEGER,
  cost_usd REAL,
  ttft_ms REAL,
  total_ms REAL,
  attempts INTEGER NOT NULL CHECK (attempts >= 0),
  attempt_log TEXT NOT NULL CHECK (json_valid(attempt_log)),
  error_kind TEXT,
  error_message TEXT,
  cached INTEGER NOT NULL DEFAULT 0 CHECK (cached IN (0, 1)),
  created_at TEXT NOT NULL,
  UNIQUE (run_id, case_id, prompt_version_id, model_id, repeat)
) STRICT;

-- Results are paged in write order (rowid) within a run, optionally filtered by model, version or outcome.
CREATE INDEX run_results_by_run ON run_results (run_id);
CREATE INDEX run_results_by_model ON run_results (run_id, model_id);
CREATE INDEX run_results_by_version ON run_results (run_id, prompt_version_id);
CREATE INDEX run_results_by_outcome ON run_results (run_id, (error_kind IS NULL));

-- Answers to exact requests (sha256 of the canonical JSON of provider, model, messages and params).
CREATE TABLE response_cache (
  request_hash TEXT PRIMARY KEY,
  response TEXT NOT NULL CHECK (json_valid(response)),
  created_at TEXT NOT NULL
) STRICT;
