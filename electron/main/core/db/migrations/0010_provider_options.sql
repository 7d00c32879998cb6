-- Workspace schema v10: what a provider is besides its URL and limits. Whether its models cost money
-- (a hosted gateway does, a server on this machine or the local network does not) and how long a call to it
-- may take before it counts as hung.

-- 'auto' decides from the base URL: an OpenAI-compatible server on a loopback or private address is local;
-- the vendors' own APIs and every other address are hosted. 'local' and 'hosted' are the user's word.
ALTER TABLE provider_settings ADD COLUMN locality TEXT NOT NULL DEFAULT 'auto'
  CHECK (locality IN ('auto', 'local', 'hosted'));

-- NULL means the automatic timeouts (see core/evals/timeouts.ts): a whole call may take this long …
ALTER TABLE provider_settings ADD COLUMN request_timeout_ms INTEGER
  CHECK (request_timeout_ms IS NULL OR request_timeout_ms BETWEEN 1000 AND 3600000);

-- … and a call that has sent no byte for this long (before its first token, or mid-stream) is cut.
ALTER TABLE provider_settings ADD COLUMN idle_timeout_ms INTEGER
  CHECK (idle_timeout_ms IS NULL OR idle_timeout_ms BETWEEN 500 AND 600000);
