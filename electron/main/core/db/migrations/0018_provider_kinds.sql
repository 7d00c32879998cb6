-- Workspace schema v18: the providers teams run in production (issue 21). Azure OpenAI (an endpoint, an
-- api-version and deployments named per model), Google Gemini, and AWS Bedrock (a region; credentials come
-- from the AWS chain at call time, never from here).

-- SQLite cannot change a CHECK in place: provider_settings is rebuilt with the wider kind set. Nothing
-- references it, and its rows are copied as they are.
CREATE TABLE provider_settings_v18 (
  name TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 40),
  kind TEXT NOT NULL CHECK (kind IN ('openai', 'anthropic', 'openai-compatible', 'azure-openai', 'gemini',
    'bedrock', 'demo')),
  -- NULL means the vendor's default endpoint (or the EVALLAB_*_BASE_URL fallback of a built-in).
  base_url TEXT,
  concurrency INTEGER NOT NULL CHECK (concurrency BETWEEN 1 AND 256),
  requests_per_minute INTEGER CHECK (requests_per_minute IS NULL OR requests_per_minute > 0),
  updated_at TEXT NOT NULL,
  locality TEXT NOT NULL DEFAULT 'auto' CHECK (locality IN ('auto', 'local', 'hosted')),
  request_timeout_ms INTEGER
    CHECK (request_timeout_ms IS NULL OR request_timeout_ms BETWEEN 1000 AND 3600000),
  idle_timeout_ms INTEGER CHECK (idle_timeout_ms IS NULL OR idle_timeout_ms BETWEEN 500 AND 600000),
  -- Azure OpenAI's api-version, e.g. 2024-10-21.
  api_version TEXT,
  -- AWS Bedrock's region, e.g. us-east-1.
  region TEXT,
  -- Azure OpenAI: a JSON object of model id -> deployment name.
  deployments TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(deployments) AND json_type(deployments) = 'object'),
  CHECK (kind NOT IN ('openai-compatible', 'azure-openai') OR base_url IS NOT NULL),
  CHECK (kind <> 'azure-openai' OR api_version IS NOT NULL),
  CHECK (kind <> 'bedrock' OR region IS NOT NULL)
) STRICT;

INSERT INTO provider_settings_v18 (name, kind, base_url, concurrency, requests_per_minute, updated_at, locality,
    request_timeout_ms, idle_timeout_ms)
  SELECT name, kind, base_url, concurrency, requests_per_minute, updated_at, locality, request_timeout_ms,
         idle_timeout_ms
    FROM provider_settings;

DROP TABLE provider_settings;
ALTER TABLE provider_settings_v18 RENAME TO provider_settings;
