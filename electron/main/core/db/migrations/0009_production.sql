-- Workspace schema v9: production samples. An import keeps the log's figures; its sampled calls become the
-- cases of the prompt's production dataset (key = the call's id in the log) and the results of a completed
-- run holding the logged outputs, so scoring, review queues, summaries and compare work on them unchanged.

CREATE TABLE production_settings (
  prompt_id TEXT PRIMARY KEY REFERENCES prompts (id) ON DELETE CASCADE,
  sample_rate REAL NOT NULL CHECK (sample_rate > 0 AND sample_rate <= 1),
  seed INTEGER NOT NULL CHECK (seed >= 0),
  -- [{ metric, direction: 'min' | 'max', value }]
  thresholds TEXT NOT NULL CHECK (json_valid(thresholds)),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;

CREATE TABLE production_imports (
  id TEXT PRIMARY KEY,
  prompt_id TEXT NOT NULL REFERENCES prompts (id) ON DELETE CASCADE,
  file_name TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('openai-log', 'langfuse', 'helicone', 'generic')),
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  total INTEGER NOT NULL CHECK (total >= 0),
  sampled INTEGER NOT NULL CHECK (sampled >= 0 AND sampled <= total),
  sample_rate REAL NOT NULL,
  period_start TEXT,
  period_end TEXT,
  run_id TEXT NOT NULL REFERENCES runs (id),
  dataset_id TEXT NOT NULL REFERENCES datasets (id),
  -- The suite version the import was last scored with; NULL until scored.
  scored_suite_version INTEGER
) STRICT;

CREATE INDEX production_imports_by_prompt ON production_imports (prompt_id, imported_at);
