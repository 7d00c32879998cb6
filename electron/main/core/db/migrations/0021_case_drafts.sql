-- Workspace schema v21: cases a model generated for a dataset, waiting for a person to accept or reject them
-- (issue 22). Drafts are not cases: they never reach the working copy, a snapshot or a run until accepted.
-- They are stored so a review survives a reload; an accepted draft names the case it became.
CREATE TABLE case_drafts (
  id TEXT PRIMARY KEY,
  dataset_id TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  -- One generation request: its drafts share the segment, the model and the time.
  batch_id TEXT NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  -- The segment the cases were asked for: the tags every example case carried (JSON array).
  segment TEXT NOT NULL CHECK (json_valid(segment)),
  provider TEXT NOT NULL,
  model_id TEXT NOT NULL,
  vars TEXT NOT NULL CHECK (json_valid(vars)),
  expected TEXT NOT NULL CHECK (json_valid(expected)),
  expected_output TEXT,
  tags TEXT NOT NULL CHECK (json_valid(tags)),
  notes TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'rejected')),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  decided_at TEXT,
  decided_by TEXT,
  -- The working case an accepted draft became (no foreign key: the case may be deleted later).
  case_id TEXT,
  CHECK ((state = 'pending') = (decided_at IS NULL))
) STRICT;
CREATE INDEX case_drafts_by_dataset ON case_drafts (dataset_id, state, created_at, batch_id, position);
