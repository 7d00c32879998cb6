-- A big snapshot is written in chunks across several short transactions, so the core never stalls on one.
-- Until its last transaction it is incomplete: invisible to every read, open to new members, and removable
-- (a crash leaves one behind, which the next open removes). Completing it is refused unless it holds all
-- its members; once complete it is as immutable as ever. Existing snapshots are complete.
ALTER TABLE dataset_snapshots ADD COLUMN complete INTEGER NOT NULL DEFAULT 1 CHECK (complete IN (0, 1));

DROP TRIGGER dataset_snapshots_no_update;
DROP TRIGGER dataset_snapshots_no_delete;
DROP TRIGGER dataset_snapshot_cases_no_delete;
DROP TRIGGER dataset_snapshot_cases_sealed;

-- While incomplete only its number (a placeholder until then), content hash and completeness may change.
CREATE TRIGGER dataset_snapshots_no_update BEFORE UPDATE ON dataset_snapshots
WHEN OLD.complete = 1 OR NEW.complete = 0
  OR NEW.id IS NOT OLD.id OR NEW.dataset_id IS NOT OLD.dataset_id OR NEW.case_count IS NOT OLD.case_count
  OR NEW.message IS NOT OLD.message OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
BEGIN
  SELECT RAISE(ABORT, 'dataset snapshots are immutable');
END;

CREATE TRIGGER dataset_snapshots_complete_all_members BEFORE UPDATE ON dataset_snapshots
WHEN OLD.complete = 0 AND NEW.complete = 1
  AND (SELECT COUNT(*) FROM dataset_snapshot_cases WHERE snapshot_id = NEW.id) <> NEW.case_count
BEGIN
  SELECT RAISE(ABORT, 'a dataset snapshot is complete only with all its members');
END;

CREATE TRIGGER dataset_snapshots_no_delete BEFORE DELETE ON dataset_snapshots
WHEN OLD.complete = 1 AND EXISTS (SELECT 1 FROM datasets WHERE id = OLD.dataset_id)
BEGIN
  SELECT RAISE(ABORT, 'dataset snapshots are immutable: they leave only with their dataset');
END;

CREATE TRIGGER dataset_snapshot_cases_no_delete BEFORE DELETE ON dataset_snapshot_cases
WHEN EXISTS (SELECT 1 FROM dataset_snapshots WHERE id = OLD.snapshot_id AND complete = 1)
BEGIN
  SELECT RAISE(ABORT, 'dataset snapshots are immutable: they leave only with their dataset');
END;

-- Members join only an incomplete snapshot, at positions 0 … case_count - 1 (the primary key makes each unique).
CREATE TRIGGER dataset_snapshot_cases_sealed BEFORE INSERT ON dataset_snapshot_cases
WHEN NEW.position >= (SELECT case_count FROM dataset_snapshots WHERE id = NEW.snapshot_id)
  OR (SELECT complete FROM dataset_snapshots WHERE id = NEW.snapshot_id) = 1
BEGIN
  SELECT RAISE(ABORT, 'dataset snapshots are immutable: no member can be added');
END;
