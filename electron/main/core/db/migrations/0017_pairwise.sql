-- Workspace schema v17: the pairwise LLM judge (issue 20).

-- One comparison: slice A against slice B (same run, or two runs on one dataset snapshot) on one rubric
-- criterion by one judge model. Starting the same comparison again resumes this row, so the key is unique.
CREATE TABLE pairwise_comparisons (
  id TEXT PRIMARY KEY,
  a_run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  a_prompt_version_id TEXT NOT NULL,
  a_provider TEXT NOT NULL,
  a_model_id TEXT NOT NULL,
  b_run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  b_prompt_version_id TEXT NOT NULL,
  b_provider TEXT NOT NULL,
  b_model_id TEXT NOT NULL,
  rubric_id TEXT NOT NULL REFERENCES rubrics (id),
  criterion_key TEXT NOT NULL,
  judge_provider TEXT NOT NULL,
  judge_model TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'cancelled', 'failed')),
  error_message TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (a_run_id, a_prompt_version_id, a_provider, a_model_id, b_run_id, b_prompt_version_id, b_provider,
          b_model_id, rubric_id, criterion_key, judge_provider, judge_model)
) STRICT;

CREATE INDEX pairwise_comparisons_by_b_run ON pairwise_comparisons (b_run_id);

-- One judge call: the case shown in one order ('ab' = A first). The verdict is mapped back to the slices
-- ('a', 'b', 'tie'); NULL when the call or its answer failed, and a later start asks again (the row is
-- replaced). The request, the answer, tokens and cost are kept like score_calls keeps a judge's.
CREATE TABLE pairwise_judgments (
  comparison_id TEXT NOT NULL REFERENCES pairwise_comparisons (id) ON DELETE CASCADE,
  case_id TEXT NOT NULL,
  position_order TEXT NOT NULL CHECK (position_order IN ('ab', 'ba')),
  verdict TEXT CHECK (verdict IS NULL OR verdict IN ('a', 'b', 'tie')),
  reason TEXT NOT NULL DEFAULT '',
  request TEXT NOT NULL CHECK (json_valid(request)),
  response_text TEXT,
  input_tokens INTEGER,
  output_tokens INTEGER,
  cost_usd REAL CHECK (cost_usd IS NULL OR cost_usd >= 0),
  total_ms REAL,
  attempts INTEGER NOT NULL CHECK (attempts >= 0),
  error_message TEXT,
  created_at TEXT NOT NULL,
  CHECK ((verdict IS NULL) = (error_message IS NOT NULL)),
  PRIMARY KEY (comparison_id, case_id, position_order)
) STRICT;
