-- Workspace schema v19: results that came back from a provider's Batch API (issue 21). Such a result has no
-- latency of its own (the batch took hours, not the call), so its total_ms and ttft_ms stay NULL and the
-- screens say "batch" instead; its cost was charged at the batch price recorded in the run's price table.
ALTER TABLE run_results ADD COLUMN batch INTEGER NOT NULL DEFAULT 0 CHECK (batch IN (0, 1));
