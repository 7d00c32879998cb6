-- Workspace schema v20: a batch-mode run's batch jobs and the items each carries (issue 21). A job and its
-- items are stored in one transaction before the job is sent, so a crash while it is prepared, sent or
-- pending loses nothing: the next start finds it (by its local id when the remote id never got stored),
-- keeps polling and collects it once. An item's row says where its result key stands in that job.
CREATE TABLE run_batch_jobs (
  id TEXT PRIMARY KEY,
  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  provider TEXT NOT NULL,
  remote_id TEXT,
  input_file_id TEXT,
  state TEXT NOT NULL
    CHECK (state IN ('preparing', 'submitted', 'ended', 'collected', 'cancelling', 'cancelled', 'failed')),
  remote_status TEXT,
  requests INTEGER NOT NULL CHECK (requests > 0),
  succeeded INTEGER NOT NULL DEFAULT 0 CHECK (succeeded >= 0),
  failed INTEGER NOT NULL DEFAULT 0 CHECK (failed >= 0),
  expired INTEGER NOT NULL DEFAULT 0 CHECK (expired >= 0),
  attempt INTEGER NOT NULL CHECK (attempt >= 1),
  created_at TEXT NOT NULL,
  submitted_at TEXT,
  ended_at TEXT,
  last_polled_at TEXT,
  message TEXT
) STRICT;
CREATE INDEX run_batch_jobs_by_run ON run_batch_jobs (run_id, state);

CREATE TABLE run_batch_items (
  job_id TEXT NOT NULL REFERENCES run_batch_jobs (id) ON DELETE CASCADE,
  custom_id TEXT NOT NULL CHECK (length(custom_id) BETWEEN 1 AND 64),
  case_id TEXT NOT NULL,
  prompt_version_id TEXT NOT NULL,
  provider TEXT NOT NULL,
  model_id TEXT NOT NULL,
  repeat INTEGER NOT NULL CHECK (repeat >= 0),
  -- The exact request's hash when it may be cached: its repeats wait for its answer instead of being sent.
  request_hash TEXT,
  attempt INTEGER NOT NULL CHECK (attempt >= 1),
  state TEXT NOT NULL DEFAULT 'pending'
    CHECK (state IN ('pending', 'answered', 'failed', 'expired', 'retried', 'cancelled')),
  PRIMARY KEY (job_id, custom_id)
) STRICT;
CREATE INDEX run_batch_items_by_key ON run_batch_items (case_id, prompt_version_id, provider, model_id, repeat);
