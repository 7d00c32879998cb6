-- Workspace schema v16: code scorers and promptfoo assertion scorers write scores (issue 20).

-- SQLite cannot change a CHECK in place: run_scores is rebuilt with the wider source set, keeping every row
-- with its rowid (scoring pages by it), its indexes and the 0013 triggers that keep run_score_totals up to
-- date. A copy adds no score, so the totals stay as they are.
CREATE TABLE run_scores_v16 (
  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  case_id TEXT NOT NULL,
  prompt_version_id TEXT NOT NULL,
  provider TEXT NOT NULL,
  model_id TEXT NOT NULL,
  repeat INTEGER NOT NULL CHECK (repeat >= 0),
  metric TEXT NOT NULL,
  scorer_hash TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('format', 'rule', 'judge', 'human', 'code', 'assertions')),
  value REAL CHECK (value IS NULL OR (value >= 0 AND value <= 1)),
  raw REAL,
  passed INTEGER CHECK (passed IS NULL OR passed IN (0, 1)),
  reason TEXT NOT NULL DEFAULT '',
  details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details)),
  created_at TEXT NOT NULL,
  UNIQUE (run_id, case_id, prompt_version_id, provider, model_id, repeat, metric, scorer_hash)
) STRICT;

INSERT INTO run_scores_v16 (rowid, run_id, case_id, prompt_version_id, provider, model_id, repeat, metric,
    scorer_hash, source, value, raw, passed, reason, details, created_at)
  SELECT rowid, run_id, case_id, prompt_version_id, provider, model_id, repeat, metric, scorer_hash, source,
         value, raw, passed, reason, details, created_at
    FROM run_scores ORDER BY rowid;

-- Dropping the table drops its triggers and indexes; they are made again on the new one below.
DROP TABLE run_scores;
ALTER TABLE run_scores_v16 RENAME TO run_scores;
CREATE INDEX run_scores_by_metric ON run_scores (run_id, metric);
CREATE INDEX run_scores_by_slice ON run_scores (run_id, prompt_version_id, provider, model_id, repeat);

-- The same triggers as 0013.
CREATE TRIGGER run_scores_totals_insert AFTER INSERT ON run_scores
WHEN NOT EXISTS (SELECT 1 FROM run_score_totals_writers WHERE run_id = NEW.run_id)
BEGIN
  INSERT INTO run_score_totals
    (run_id, prompt_version_id, provider, model_id, metric, scorer_hash, tag, n, passes, total, squares)
  SELECT NEW.run_id, NEW.prompt_version_id, NEW.provider, NEW.model_id, NEW.metric, NEW.scorer_hash, g.tag,
         NEW.value IS NOT NULL, COALESCE(NEW.value >= 1, 0), COALESCE(NEW.value, 0),
         COALESCE(NEW.value * NEW.value, 0)
    FROM (SELECT '' AS tag
          UNION
          SELECT t.value FROM runs r
            JOIN dataset_snapshot_cases m ON m.snapshot_id = r.dataset_snapshot_id AND m.case_id = NEW.case_id
            JOIN case_revisions c ON c.hash = m.revision_hash, json_each(c.tags) t
           WHERE r.id = NEW.run_id) g
   WHERE true
  ON CONFLICT DO UPDATE SET n = n + excluded.n, passes = passes + excluded.passes,
    total = total + excluded.total, squares = squares + excluded.squares;
END;

-- When a whole run is deleted its scores go by the cascade after the run row: its totals go the same way.
CREATE TRIGGER run_scores_totals_delete AFTER DELETE ON run_scores
WHEN EXISTS (SELECT 1 FROM runs WHERE id = OLD.run_id)
BEGIN
  UPDATE run_score_totals
     SET n = n - (OLD.value IS NOT NULL), passes = passes - COALESCE(OLD.value >= 1, 0),
         total = total - COALESCE(OLD.value, 0), squares = squares - COALESCE(OLD.value * OLD.value, 0)
   WHERE run_id = OLD.run_id AND prompt_version_id = OLD.prompt_version_id AND provider = OLD.provider
     AND model_id = OLD.model_id AND metric = OLD.metric AND scorer_hash = OLD.scorer_hash
     AND (tag = '' OR tag IN (
       SELECT t.value FROM runs r
         JOIN dataset_snapshot_cases m ON m.snapshot_id = r.dataset_snapshot_id AND m.case_id = OLD.case_id
         JOIN case_revisions c ON c.hash = m.revision_hash, json_each(c.tags) t
        WHERE r.id = OLD.run_id));
END;

-- The key columns of a score never change (an upsert replaces value, raw, passed, reason, details).
CREATE TRIGGER run_scores_totals_update AFTER UPDATE OF value ON run_scores
BEGIN
  UPDATE run_score_totals
     SET n = n - (OLD.value IS NOT NULL) + (NEW.value IS NOT NULL),
         passes = passes - COALESCE(OLD.value >= 1, 0) + COALESCE(NEW.value >= 1, 0),
         total = total - COALESCE(OLD.value, 0) + COALESCE(NEW.value, 0),
         squares = squares - COALESCE(OLD.value * OLD.value, 0) + COALESCE(NEW.value * NEW.value, 0)
   WHERE run_id = NEW.run_id AND prompt_version_id = NEW.prompt_version_id AND provider = NEW.provider
     AND model_id = NEW.model_id AND metric = NEW.metric AND scorer_hash = NEW.scorer_hash
     AND (tag = '' OR tag IN (
       SELECT t.value FROM runs r
         JOIN dataset_snapshot_cases m ON m.snapshot_id = r.dataset_snapshot_id AND m.case_id = NEW.case_id
         JOIN case_revisions c ON c.hash = m.revision_hash, json_each(c.tags) t
        WHERE r.id = NEW.run_id));
END;
