-- Placeholder on branch i22-d only: 0022 is reserved for area C (expected-value corrections). The migration
-- runner refuses gaps, so this no-op keeps 0023 loadable here; the integrator replaces it with area C's 0022
-- (or keeps it as a no-op if area C needs no migration).
SELECT 1;
