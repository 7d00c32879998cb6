-- Workspace schema v3: dataset versions. The working copy stays in dataset_cases (editable); a snapshot is an
-- immutable, numbered list of case revisions that runs will reference. Revisions are content-addressed, so
-- snapshots that share unchanged cases share their storage.

-- A dataset made from chosen cases of another points at it; deleting the source keeps the copy.
ALTER TABLE datasets ADD COLUMN parent_id TEXT REFERENCES datasets (id) ON DELETE SET NULL;

CREATE INDEX datasets_by_parent ON datasets (parent_id);

-- The address of the revision each working case would be stored as (see case_revisions), kept up to date by
-- every write, so telling whether the working copy moved on since a snapshot — and taking the next one — never
-- re-hashes every case. NULL for cases written before this version: they are hashed when first needed.
ALTER TABLE dataset_cases ADD COLUMN revision_hash TEXT;

-- One row per distinct case content; `hash` is the sha256 of the canonical JSON of the fields below.
CREATE TABLE case_revisions (
  hash TEXT NOT NULL PRIMARY KEY,
  case_key TEXT NOT NULL,
  vars TEXT NOT NULL CHECK (json_valid(vars)),
  expected TEXT NOT NULL CHECK (json_valid(expected)),
  expected_output TEXT,
  tags TEXT NOT NULL CHECK (json_valid(tags)),
  notes TEXT NOT NULL
) STRICT;

-- Content-addressed rows can only ever hold what their hash says. A revision no snapshot uses any more (its
-- dataset was deleted) may be removed; the foreign key below refuses removing one still in use.
CREATE TRIGGER case_revisions_no_update BEFORE UPDATE ON case_revisions
BEGIN
  SELECT RAISE(ABORT, 'case revisions are immutable');
END;

CREATE TABLE dataset_snapshots (
  id TEXT PRIMARY KEY,
  dataset_id TEXT NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
  number INTEGER NOT NULL CHECK (number > 0),
  message TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  case_count INTEGER NOT NULL CHECK (case_count >= 0),
  content_hash TEXT NOT NULL,
  UNIQUE (dataset_id, number)
) STRICT;

-- `case_id` is the stable id of the working case the member was taken from (no foreign key: the working
-- case may be deleted later, the snapshot still holds it). Position is the case's order in the snapshot.
CREATE TABLE dataset_snapshot_cases (
  snapshot_id TEXT NOT NULL REFERENCES dataset_snapshots (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  case_id TEXT NOT NULL,
  revision_hash TEXT NOT NULL REFERENCES case_revisions (hash),
  PRIMARY KEY (snapshot_id, position),
  UNIQUE (snapshot_id, case_id)
) STRICT, WITHOUT ROWID;

-- The foreign key check when an unused revision is removed looks members up by revision.
CREATE INDEX dataset_snapshot_cases_by_revision ON dataset_snapshot_cases (revision_hash);

-- Snapshots are evidence runs rely on: never changed, and removed only with their dataset. A delete while
-- the parent row still exists is a direct delete and is refused; a cascade runs after the parent is gone.
CREATE TRIGGER dataset_snapshots_no_update BEFORE UPDATE ON dataset_snapshots
BEGIN
  SELECT RAISE(ABORT, 'dataset snapshots are immutable');
END;

CREATE TRIGGER dataset_snapshots_no_delete BEFORE DELETE ON dataset_snapshots
WHEN EXISTS (SELECT 1 FROM datasets WHERE id = OLD.dataset_id)
BEGIN
  SELECT RAISE(ABORT, 'dataset snapshots are immutable: they leave only with their dataset');
END;

CREATE TRIGGER dataset_snapshot_cases_no_update BEFORE UPDATE ON dataset_snapshot_cases
BEGIN
  SELECT RAISE(ABORT, 'dataset snapshots are immutable');
END;

CREATE TRIGGER dataset_snapshot_cases_no_delete BEFORE DELETE ON dataset_snapshot_cases
WHEN EXISTS (SELECT 1 FROM dataset_snapshots WHERE id = OLD.snapshot_id)
BEGIN
  SELECT RAISE(ABORT, 'dataset snapshots are immutable: they leave only with their dataset');
END;

-- A snapshot holds exactly case_count members at positions 0 … case_count - 1 (the primary key makes each
-- position unique), so once it is written no member can be added to it.
CREATE TRIGGER dataset_snapshot_cases_sealed BEFORE INSERT ON dataset_snapshot_cases
WHEN NEW.position >= (SELECT case_count FROM dataset_snapshots WHERE id = NEW.snapshot_id)
BEGIN
  SELECT RAISE(ABORT, 'dataset snapshots are immutable: no member can be added');
END;
