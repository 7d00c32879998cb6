-- Workspace schema v15: conversations, tool calls and tool loops (issue 19).

-- A case may hold a conversation (turns placed at the version's conversation placeholder) and canned tool
-- results (the tool loop's answers). NULL for a single-turn case without canned results.
ALTER TABLE dataset_cases ADD COLUMN conversation TEXT CHECK (conversation IS NULL OR json_valid(conversation));
ALTER TABLE dataset_cases ADD COLUMN tool_results TEXT CHECK (tool_results IS NULL OR json_valid(tool_results));
ALTER TABLE case_revisions ADD COLUMN conversation TEXT CHECK (conversation IS NULL OR json_valid(conversation));
ALTER TABLE case_revisions ADD COLUMN tool_results TEXT CHECK (tool_results IS NULL OR json_valid(tool_results));

-- Every tool call of an answer, in order; each model call of a tool loop (NULL for a single call).
ALTER TABLE run_results ADD COLUMN tool_calls TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tool_calls));
ALTER TABLE run_results ADD COLUMN steps TEXT CHECK (steps IS NULL OR json_valid(steps));

-- The steps of a tool loop still in progress, written as each model call ends, so a run cut off mid-loop
-- resumes from the last stored step instead of calling (and paying for) the earlier ones again. Removed when
-- the item's result row is written.
CREATE TABLE run_item_steps (
  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  case_id TEXT NOT NULL,
  prompt_version_id TEXT NOT NULL,
  provider TEXT NOT NULL,
  model_id TEXT NOT NULL,
  repeat INTEGER NOT NULL CHECK (repeat >= 0),
  step INTEGER NOT NULL CHECK (step >= 0),
  data TEXT NOT NULL CHECK (json_valid(data)),
  PRIMARY KEY (run_id, case_id, prompt_version_id, provider, model_id, repeat, step)
) STRICT;
