-- Placeholder on branch i22-d only: 0021 is reserved for area B (generated case drafts). The migration runner
-- refuses gaps, so this no-op keeps 0023 loadable here; the integrator drops it when area B's 0021 is merged.
SELECT 1;
