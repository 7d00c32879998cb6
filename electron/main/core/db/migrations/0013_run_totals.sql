-- Workspace schema v13: run totals kept as results and scores are written. A run summary, the compare
-- charts and a prompt's trend show per slice (version × provider/model), and per case tag of the run's
-- dataset snapshot, counts, errors, known costs and score moments. Computing them from every row took
-- seconds at 50,000 results (joining 150,000 scores to their cases' tags the most); kept here by triggers,
-- reading them costs the same at any run size, and no writer (runner, scoring, review) has to remember them.
--
-- tag '' is the whole slice (a case tag is never empty: datasets trim and refuse empty tags). Sums are added
-- in write order, the order the summary always added them in, so its figures do not change.

CREATE TABLE run_result_totals (
  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  prompt_version_id TEXT NOT NULL,
  provider TEXT NOT NULL,
  model_id TEXT NOT NULL,
  tag TEXT NOT NULL,
  -- rowid of the slice's first result: slices a run's plan does not name are listed in this order.
  first_row INTEGER NOT NULL,
  results INTEGER NOT NULL,
  errors INTEGER NOT NULL,
  -- Results with a known cost and the sum of those costs: an unknown price stays unknown, never $0.
  priced INTEGER NOT NULL,
  cost REAL NOT NULL,
  -- Answered calls that went to the model (no error, not from the cache) with a latency, and the slowest.
  timed INTEGER NOT NULL,
  max_ms REAL,
  PRIMARY KEY (run_id, prompt_version_id, provider, model_id, tag)
) STRICT, WITHOUT ROWID;

-- Per slice × metric × scorer fingerprint (every version of a scorer: a summary picks the current one).
CREATE TABLE run_score_totals (
  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  prompt_version_id TEXT NOT NULL,
  provider TEXT NOT NULL,
  model_id TEXT NOT NULL,
  metric TEXT NOT NULL,
  scorer_hash TEXT NOT NULL,
  tag TEXT NOT NULL,
  -- Scores with a value (NULL: the output could not be scored), those ≥ 1 (a pass), Σ value and Σ value².
  n INTEGER NOT NULL,
  passes INTEGER NOT NULL,
  total REAL NOT NULL,
  squares REAL NOT NULL,
  PRIMARY KEY (run_id, prompt_version_id, provider, model_id, metric, scorer_hash, tag)
) STRICT, WITHOUT ROWID;

-- Judge spend per slice: every call, whichever scorer version made it (money spent is spent).
CREATE TABLE run_judge_totals (
  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  prompt_version_id TEXT NOT NULL,
  provider TEXT NOT NULL,
  model_id TEXT NOT NULL,
  calls INTEGER NOT NULL,
  cost REAL NOT NULL,
  PRIMARY KEY (run_id, prompt_version_id, provider, model_id)
) STRICT, WITHOUT ROWID;

-- Judge calls are only ever inserted, like results.
CREATE TRIGGER score_calls_totals AFTER INSERT ON score_calls
BEGIN
  INSERT INTO run_judge_totals (run_id, prompt_version_id, provider, model_id, calls, cost)
  VALUES (NEW.run_id, NEW.prompt_version_id, NEW.provider, NEW.model_id, 1, COALESCE(NEW.cost_usd, 0))
  ON CONFLICT DO UPDATE SET calls = calls + 1, cost = cost + excluded.cost;
END;

-- Results are only ever inserted (a run's rows go with the run, and its totals by the cascade above).
CREATE TRIGGER run_results_totals AFTER INSERT ON run_results
BEGIN
  INSERT INTO run_result_totals
    (run_id, prompt_version_id, provider, model_id, tag, first_row, results, errors, priced, cost, timed, max_ms)
  SELECT NEW.run_id, NEW.prompt_version_id, NEW.provider, NEW.model_id, g.tag, NEW.rowid, 1,
         NEW.error_kind IS NOT NULL, NEW.cost_usd IS NOT NULL, COALESCE(NEW.cost_usd, 0),
         NEW.error_kind IS NULL AND NEW.cached = 0 AND NEW.total_ms IS NOT NULL,
         CASE WHEN NEW.error_kind IS NULL AND NEW.cached = 0 THEN NEW.total_ms END
    FROM (SELECT '' AS tag
          UNION
          SELECT t.value FROM runs r
            JOIN dataset_snapshot_cases m ON m.snapshot_id = r.dataset_snapshot_id AND m.case_id = NEW.case_id
            JOIN case_revisions c ON c.hash = m.revision_hash, json_each(c.tags) t
           WHERE r.id = NEW.run_id) g
   WHERE true
  ON CONFLICT DO UPDATE SET results = results + 1, errors = errors + excluded.errors,
    priced = priced + excluded.priced, cost = cost + excluded.cost, timed = timed + excluded.timed,
    -- Scalar max() of a NULL is NULL: keep whichever side is known.
    max_ms = COALESCE(max(max_ms, excluded.max_ms), max_ms, excluded.max_ms);
END;

-- Scoring writes a page of format and rule scores and adds the page to the totals itself, per slice × metric ×
-- tag in one step, in write order (core/scoring/score-totals.ts): a probe of the case's tags and one upsert per
-- tag for each of 150,000 scores took most of the time scoring spent. While its write transaction holds a row
-- here for the run, the insert trigger below leaves that run's new scores to it; the row is deleted before the
-- transaction commits, so every other writer (and every other connection) always has the trigger.
CREATE TABLE run_score_totals_writers (
  run_id TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;

-- A score is inserted by scoring and review, replaced when a failed judge is retried or a review changes,
-- and deleted when a review is withdrawn: each moves the totals of its slice and of its case's tags.
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

-- Existing runs: the same totals from the rows already stored (each case tag once per row).
CREATE TEMP TABLE result_tags AS
  SELECT r.rowid AS row, '' AS tag FROM run_results r
  UNION
  SELECT r.rowid, t.value FROM run_results r JOIN runs u ON u.id = r.run_id
    JOIN dataset_snapshot_cases m ON m.snapshot_id = u.dataset_snapshot_id AND m.case_id = r.case_id
    JOIN case_revisions c ON c.hash = m.revision_hash, json_each(c.tags) t;

INSERT INTO run_result_totals
  (run_id, prompt_version_id, provider, model_id, tag, first_row, results, errors, priced, cost, timed, max_ms)
SELECT r.run_id, r.prompt_version_id, r.provider, r.model_id, g.tag, MIN(r.rowid), COUNT(*),
       COUNT(r.error_kind), COUNT(r.cost_usd), TOTAL(r.cost_usd),
       COUNT(CASE WHEN r.error_kind IS NULL AND r.cached = 0 THEN r.total_ms END),
       MAX(CASE WHEN r.error_kind IS NULL AND r.cached = 0 THEN r.total_ms END)
  FROM run_results r JOIN result_tags g ON g.row = r.rowid
 GROUP BY r.run_id, r.prompt_version_id, r.provider, r.model_id, g.tag;

CREATE TEMP TABLE score_tags AS
  SELECT s.rowid AS row, '' AS tag FROM run_scores s
  UNION
  SELECT s.rowid, t.value FROM run_scores s JOIN runs u ON u.id = s.run_id
    JOIN dataset_snapshot_cases m ON m.snapshot_id = u.dataset_snapshot_id AND m.case_id = s.case_id
    JOIN case_revisions c ON c.hash = m.revision_hash, json_each(c.tags) t;

INSERT INTO run_score_totals
  (run_id, prompt_version_id, provider, model_id, metric, scorer_hash, tag, n, passes, total, squares)
SELECT s.run_id, s.prompt_version_id, s.provider, s.model_id, s.metric, s.scorer_hash, g.tag, COUNT(s.value),
       COALESCE(SUM(s.value >= 1), 0), TOTAL(s.value), TOTAL(s.value * s.value)
  FROM run_scores s JOIN score_tags g ON g.row = s.rowid
 GROUP BY s.run_id, s.prompt_version_id, s.provider, s.model_id, s.metric, s.scorer_hash, g.tag;

INSERT INTO run_judge_totals (run_id, prompt_version_id, provider, model_id, calls, cost)
SELECT run_id, prompt_version_id, provider, model_id, COUNT(*), TOTAL(cost_usd) FROM score_calls
 GROUP BY run_id, prompt_version_id, provider, model_id;

DROP TABLE result_tags;
DROP TABLE score_tags;

-- Latencies of answered calls that went to the model, sorted per slice: a percentile is one
-- ORDER BY total_ms LIMIT 2 OFFSET k, the slowest call one step, a histogram one pass over the index.
-- (error_kind and cached are listed, though always NULL and 0 here, so SQLite reads the index alone.)
CREATE INDEX run_results_by_latency
  ON run_results (run_id, prompt_version_id, provider, model_id, total_ms, error_kind, cached)
  WHERE error_kind IS NULL AND cached = 0 AND total_ms IS NOT NULL;

-- One slice's scores (compare.cases pairs the first repeat of two slices; gates read a slice's evidence)
-- without reading every score of the run.
CREATE INDEX run_scores_by_slice ON run_scores (run_id, prompt_version_id, provider, model_id, repeat);
