-- Workspace schema v12: why a run failed. A failed run stays resumable; the reason (a provider refusing the
-- key, a result that could not be written) is shown with it and printed by the CLI, never only in the audit
-- log. { kind, message } as shared/domain/runs.ts runFailureSchema; NULL for every other status (a resumed
-- run clears it).
ALTER TABLE runs ADD COLUMN failure TEXT CHECK (failure IS NULL OR json_valid(failure));
