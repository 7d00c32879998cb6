-- Workspace schema v6: scoring. A prompt's eval suite (scorers + gate rules) is versioned; scores are stored
-- per result and scorer version, so re-scoring with a changed scorer adds rows and never calls the model;
-- baselines and gate results are evidence for promotion.

-- Rubrics (0001) gain nothing here: a changed rubric is saved as a new (key, version) row.

CREATE TABLE eval_suites (
  prompt_id TEXT NOT NULL REFERENCES prompts (id) ON DELETE CASCADE,
  version INTEGER NOT NULL CHECK (version > 0),
  -- { scorers: [...], gates: [...] } as validated by shared/domain/scoring.ts evalSuiteDraftSchema.
  suite TEXT NOT NULL CHECK (json_valid(suite)),
  message TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  PRIMARY KEY (prompt_id, version)
) STRICT;

-- One score per result × metric × scorer fingerprint (sha256 of the scorer's canonical JSON plus, for
-- judges, the rubric version): the same scorer never scores the same output twice, a changed one does.
CREATE TABLE run_scores (
  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  case_id TEXT NOT NULL,
  prompt_version_id TEXT NOT NULL,
  model_id TEXT NOT NULL,
  repeat INTEGER NOT NULL CHECK (repeat >= 0),
  metric TEXT NOT NULL,
  scorer_hash TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('format', 'rule', 'judge', 'human')),
  -- Normalised to 0..1 (pass = 1); NULL when the output could not be scored (e.g. the judge failed).
  value REAL CHECK (value IS NULL OR (value >= 0 AND value <= 1)),
  raw REAL,
  passed INTEGER CHECK (passed IS NULL OR passed IN (0, 1)),
  reason TEXT NOT NULL DEFAULT '',
  details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details)),
  created_at TEXT NOT NULL,
  UNIQUE (run_id, case_id, prompt_version_id, model_id, repeat, metric, scorer_hash)
) STRICT;

CREATE INDEX run_scores_by_metric ON run_scores (run_id, metric);

-- Judge calls are calls like any other: request, response, tokens, cost, latency, attempts.
CREATE TABLE score_calls (
  id INTEGER PRIMARY KEY,
  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  case_id TEXT NOT NULL,
  prompt_version_id TEXT NOT NULL,
  model_id TEXT NOT NULL,
  repeat INTEGER NOT NULL,
  metric TEXT NOT NULL,
  scorer_hash TEXT NOT NULL,
  sample INTEGER NOT NULL CHECK (sample >= 0),
  judge_provider TEXT NOT NULL,
  judge_model TEXT NOT NULL,
  request TEXT NOT NULL CHECK (json_valid(request)),
  response_text TEXT,
  input_tokens INTEGER,
  output_tokens INTEGER,
  cost_usd REAL,
  total_ms REAL,
  attempts INTEGER NOT NULL,
  error_message TEXT,
  created_at TEXT NOT NULL
) STRICT;

CREATE INDEX score_calls_by_run ON score_calls (run_id);

-- The baseline of a prompt on a dataset snapshot: one slice (version × model) of a run.
CREATE TABLE baselines (
  prompt_id TEXT NOT NULL REFERENCES prompts (id) ON DELETE CASCADE,
  dataset_snapshot_id TEXT NOT NULL REFERENCES dataset_snapshots (id),
  run_id TEXT NOT NULL REFERENCES runs (id),
  prompt_version_id TEXT NOT NULL,
  provider TEXT NOT NULL,
  model_id TEXT NOT NULL,
  set_by TEXT NOT NULL,
  set_at TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (prompt_id, dataset_snapshot_id)
) STRICT;

CREATE TABLE gate_results (
  id TEXT PRIMARY KEY,
  prompt_id TEXT NOT NULL REFERENCES prompts (id) ON DELETE CASCADE,
  prompt_version_id TEXT NOT NULL,
  candidate_run_id TEXT NOT NULL REFERENCES runs (id),
  provider TEXT NOT NULL,
  model_id TEXT NOT NULL,
  baseline_run_id TEXT REFERENCES runs (id),
  suite_version INTEGER NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('pass', 'fail', 'inconclusive')),
  paired_cases INTEGER NOT NULL,
  -- The rule outcomes (shared/domain/scoring.ts ruleOutcomeSchema[]), kept as evaluated.
  rules TEXT NOT NULL CHECK (json_valid(rules)),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;

CREATE INDEX gate_results_by_version ON gate_results (prompt_version_id, created_at);

-- Canary runs: the sampled share and what the gate on the sample decided (NULL for a plain run).
ALTER TABLE runs ADD COLUMN canary TEXT CHECK (canary IS NULL OR json_valid(canary));
