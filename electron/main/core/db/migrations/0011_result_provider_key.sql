-- Workspace schema v11: a result is identified by its provider as well as its model id. The same model id
-- through two providers (an Ollama and a vLLM serving `qwen2.5`, OpenAI and a gateway serving
-- `gpt-4o-2024-08-06`) are two models: under the v4 key the second one's results were skipped as duplicates.
--
-- SQLite cannot change a UNIQUE constraint in place, so run_results, run_scores and score_calls are rebuilt
-- (https://www.sqlite.org/lang_altertable.html#otheralter): create the new table, copy every row (rowids and
-- ids kept: results are paged and scored in rowid order), drop the old one, rename, recreate the indexes.
-- The migration runner applies this inside its transaction with foreign_keys ON; that is safe here because no
-- table references these three, and every copied row references a run that exists (ON DELETE CASCADE kept).

-- Where a score or judge call has no result row to take its provider from (the v4 schema made that possible
-- only by hand), the run's plan says which provider the run called for that model id; it is the record of
-- what was run (the frozen price table is derived from it, and is empty for production samples). Plan order
-- decides if the plan named the same model id twice. Rows found nowhere keep an empty provider: they matched
-- no result before and match none now.
CREATE TEMP TABLE planned_providers AS
  SELECT u.id AS run_id, json_extract(m.value, '$.model') AS model_id,
         json_extract(m.value, '$.provider') AS provider, CAST(m.key AS INTEGER) AS position
    FROM runs u, json_each(u.plan, '$.models') m;

-- ── run_scores ────────────────────────────────────────────────────────────────────────────────────
CREATE TABLE run_scores_v11 (
  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  case_id TEXT NOT NULL,
  prompt_version_id TEXT NOT NULL,
  provider TEXT NOT NULL,
  model_id TEXT NOT NULL,
  repeat INTEGER NOT NULL CHECK (repeat >= 0),
  metric TEXT NOT NULL,
  scorer_hash TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('format', 'rule', 'judge', 'human')),
  value REAL CHECK (value IS NULL OR (value >= 0 AND value <= 1)),
  raw REAL,
  passed INTEGER CHECK (passed IS NULL OR passed IN (0, 1)),
  reason TEXT NOT NULL DEFAULT '',
  details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details)),
  created_at TEXT NOT NULL,
  UNIQUE (run_id, case_id, prompt_version_id, provider, model_id, repeat, metric, scorer_hash)
) STRICT;

-- v4 allowed one result per (run, case, version, model id, repeat), so the first lookup finds at most one.
INSERT INTO run_scores_v11 (rowid, run_id, case_id, prompt_version_id, provider, model_id, repeat, metric,
    scorer_hash, source, value, raw, passed, reason, details, created_at)
  SELECT s.rowid, s.run_id, s.case_id, s.prompt_version_id,
         COALESCE(
           (SELECT r.provider FROM run_results r
             WHERE r.run_id = s.run_id AND r.case_id = s.case_id AND r.prompt_version_id = s.prompt_version_id
               AND r.model_id = s.model_id AND r.repeat = s.repeat),
           (SELECT p.provider FROM planned_providers p
             WHERE p.run_id = s.run_id AND p.model_id = s.model_id ORDER BY p.position LIMIT 1),
           ''),
         s.model_id, s.repeat, s.metric, s.scorer_hash, s.source, s.value, s.raw, s.passed, s.reason, s.details,
         s.created_at
    FROM run_scores s ORDER BY s.rowid;

DROP TABLE run_scores;
ALTER TABLE run_scores_v11 RENAME TO run_scores;
CREATE INDEX run_scores_by_metric ON run_scores (run_id, metric);

-- ── score_calls ───────────────────────────────────────────────────────────────────────────────────
CREATE TABLE score_calls_v11 (
  id INTEGER PRIMARY KEY,
  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  case_id TEXT NOT NULL,
  prompt_version_id TEXT NOT NULL,
  provider TEXT NOT NULL,
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

INSERT INTO score_calls_v11 (id, run_id, case_id, prompt_version_id, provider, model_id, repeat, metric,
    scorer_hash, sample, judge_provider, judge_model, request, response_text, input_tokens, output_tokens,
    cost_usd, total_ms, attempts, error_message, created_at)
  SELECT c.id, c.run_id, c.case_id, c.prompt_version_id,
         COALESCE(
           (SELECT r.provider FROM run_results r
             WHERE r.run_id = c.run_id AND r.case_id = c.case_id AND r.prompt_version_id = c.prompt_version_id
               AND r.model_id = c.model_id AND r.repeat = c.repeat),
           (SELECT p.provider FROM planned_providers p
             WHERE p.run_id = c.run_id AND p.model_id = c.model_id ORDER BY p.position LIMIT 1),
           ''),
         c.model_id, c.repeat, c.metric, c.scorer_hash, c.sample, c.judge_provider, c.judge_model, c.request,
         c.response_text, c.input_tokens, c.output_tokens, c.cost_usd, c.total_ms, c.attempts, c.error_message,
         c.created_at
    FROM score_calls c ORDER BY c.id;

DROP TABLE score_calls;
ALTER TABLE score_calls_v11 RENAME TO score_calls;
CREATE INDEX score_calls_by_run ON score_calls (run_id);
-- Judge spend is summed per slice (version × provider/model).
CREATE INDEX score_calls_by_slice ON score_calls (run_id, prompt_version_id, provider, model_id);

-- ── run_results ───────────────────────────────────────────────────────────────────────────────────
CREATE TABLE run_results_v11 (
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
  UNIQUE (run_id, case_id, prompt_version_id, provider, model_id, repeat)
) STRICT;

INSERT INTO run_results_v11 (rowid, run_id, case_id, prompt_version_id, prompt_hash, provider, model_id, repeat,
    params, request, response_text, finish_reason, input_tokens, output_tokens, cached_tokens, cost_usd, ttft_ms,
    total_ms, attempts, attempt_log, error_kind, error_message, cached, created_at)
  SELECT rowid, run_id, case_id, prompt_version_id, prompt_hash, provider, model_id, repeat,
         params, request, response_text, finish_reason, input_tokens, output_tokens, cached_tokens, cost_usd, ttft_ms,
         total_ms, attempts, attempt_log, error_kind, error_message, cached, created_at
    FROM run_results ORDER BY rowid;

DROP TABLE run_results;
ALTER TABLE run_results_v11 RENAME TO run_results;
-- Results are paged in write order (rowid) within a run, optionally filtered by model (provider and model id),
-- version or outcome.
CREATE INDEX run_results_by_run ON run_results (run_id);
CREATE INDEX run_results_by_model ON run_results (run_id, provider, model_id);
CREATE INDEX run_results_by_version ON run_results (run_id, prompt_version_id);
CREATE INDEX run_results_by_outcome ON run_results (run_id, (error_kind IS NULL));

-- ── review queues: the pairwise slices named a model id only ──────────────────────────────────────
-- A pair side takes its provider from the queue's items (side a is each item's first result, b its second),
-- else from the run's plan. Review items (0007) already store the provider of each result under review.
CREATE TEMP TABLE pair_providers AS
  SELECT q.id AS queue_id, s.side,
         COALESCE(
           (SELECT json_extract(i.results, '$[' || s.idx || '].provider') FROM review_items i
             WHERE i.queue_id = q.id
               AND json_extract(i.results, '$[' || s.idx || '].promptVersionId')
                   = json_extract(q.definition, '$.pair.' || s.side || '.promptVersionId')
               AND json_extract(i.results, '$[' || s.idx || '].modelId')
                   = json_extract(q.definition, '$.pair.' || s.side || '.modelId')
             ORDER BY i.position LIMIT 1),
           (SELECT p.provider FROM planned_providers p
             WHERE p.run_id = q.run_id AND p.model_id = json_extract(q.definition, '$.pair.' || s.side || '.modelId')
             ORDER BY p.position LIMIT 1)) AS provider
    FROM review_queues q, (SELECT 'a' AS side, 0 AS idx UNION ALL SELECT 'b', 1) s
   WHERE json_type(q.definition, '$.pair.' || s.side) = 'object'
     AND json_type(q.definition, '$.pair.' || s.side || '.provider') IS NULL;

UPDATE review_queues
   SET definition = json_set(definition, '$.pair.a.provider',
         (SELECT p.provider FROM pair_providers p WHERE p.queue_id = review_queues.id AND p.side = 'a'))
 WHERE id IN (SELECT queue_id FROM pair_providers WHERE side = 'a' AND provider IS NOT NULL);

UPDATE review_queues
   SET definition = json_set(definition, '$.pair.b.provider',
         (SELECT p.provider FROM pair_providers p WHERE p.queue_id = review_queues.id AND p.side = 'b'))
 WHERE id IN (SELECT queue_id FROM pair_providers WHERE side = 'b' AND provider IS NOT NULL);

DROP TABLE pair_providers;
DROP TABLE planned_providers;
