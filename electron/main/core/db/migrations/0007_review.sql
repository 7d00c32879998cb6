-- Workspace schema v7: human review. Reviewers score results of a run against a rubric, one item at a time;
-- their scores (or an adjudicated one) become the run's human scores like any scorer's.

CREATE TABLE reviewers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE review_queues (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  run_id TEXT NOT NULL,
  rubric_id TEXT NOT NULL REFERENCES rubrics (id),
  mode TEXT NOT NULL CHECK (mode IN ('single', 'pairwise')),
  blind INTEGER NOT NULL CHECK (blind IN (0, 1)),
  reviewers_per_item INTEGER NOT NULL CHECK (reviewers_per_item BETWEEN 1 AND 10),
  -- The draft it was created from (source, pair), for the record and for packs.
  definition TEXT NOT NULL CHECK (json_valid(definition)),
  -- 'imported': came from another workspace's review pack; its run is not in this workspace.
  origin TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('local', 'imported')),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;

-- One case's output (single) or pair of outputs (pairwise). For an imported queue the texts travel with
-- the item, because the run they came from is in another workspace.
CREATE TABLE review_items (
  id TEXT PRIMARY KEY,
  queue_id TEXT NOT NULL REFERENCES review_queues (id) ON DELETE CASCADE,
  case_id TEXT NOT NULL,
  -- The result(s) under review: [{ promptVersionId, provider, modelId, repeat }] (one, or a and b).
  results TEXT NOT NULL CHECK (json_valid(results)),
  -- Snapshot of what the reviewer sees: case key, input, expected, output texts (for packs and imports).
  content TEXT NOT NULL CHECK (json_valid(content)),
  position INTEGER NOT NULL
) STRICT;

CREATE INDEX review_items_by_queue ON review_items (queue_id, position);

-- Who reviews which item, in which (random, per reviewer) order; for pairwise, whether sides are swapped.
CREATE TABLE review_assignments (
  id TEXT PRIMARY KEY,
  queue_id TEXT NOT NULL REFERENCES review_queues (id) ON DELETE CASCADE,
  item_id TEXT NOT NULL REFERENCES review_items (id) ON DELETE CASCADE,
  reviewer_id TEXT NOT NULL REFERENCES reviewers (id),
  position INTEGER NOT NULL,
  swapped INTEGER NOT NULL DEFAULT 0 CHECK (swapped IN (0, 1)),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'skipped')),
  skip_reason TEXT,
  -- Pairwise preference in the queue's terms ('a' = the first slice of the pair), not the reviewer's sides.
  preference TEXT CHECK (preference IS NULL OR preference IN ('a', 'b', 'equal')),
  updated_at TEXT NOT NULL,
  UNIQUE (item_id, reviewer_id),
  UNIQUE (queue_id, reviewer_id, position)
) STRICT;

CREATE TABLE review_scores (
  assignment_id TEXT NOT NULL REFERENCES review_assignments (id) ON DELETE CASCADE,
  criterion_key TEXT NOT NULL,
  raw REAL NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  PRIMARY KEY (assignment_id, criterion_key)
) STRICT;

-- Every change a reviewer makes, so undo can restore the previous state exactly.
CREATE TABLE review_changes (
  id INTEGER PRIMARY KEY,
  queue_id TEXT NOT NULL REFERENCES review_queues (id) ON DELETE CASCADE,
  reviewer_id TEXT NOT NULL,
  assignment_id TEXT NOT NULL,
  -- The assignment row and its scores before the change.
  before TEXT NOT NULL CHECK (json_valid(before)),
  at TEXT NOT NULL
) STRICT;

CREATE TABLE review_adjudications (
  item_id TEXT NOT NULL REFERENCES review_items (id) ON DELETE CASCADE,
  criterion_key TEXT NOT NULL,
  raw REAL NOT NULL,
  reason TEXT NOT NULL,
  by TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (item_id, criterion_key)
) STRICT;
