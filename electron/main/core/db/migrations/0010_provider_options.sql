-- STAND-IN, do not merge: branch i15-key needs a gapless migration list to apply 0011. The provider-options
-- helper's own 0010_provider_options.sql replaces this file at merge (take theirs).
SELECT 1;
