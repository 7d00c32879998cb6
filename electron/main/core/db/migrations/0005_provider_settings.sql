-- Workspace schema v5: provider settings and price overrides. There is no column for an API key anywhere:
-- keys live in the OS keychain (the desktop app, through safeStorage) or in environment variables (the
-- browser host and the CLI), so a copied or exported workspace file never carries one.

-- One row per provider the user configured. Built-in providers (openai, anthropic, demo) work without a row;
-- a row only changes their base URL and limits. `name` is what ModelRef.provider refers to.
CREATE TABLE provider_settings (
  name TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 40),
  kind TEXT NOT NULL CHECK (kind IN ('openai', 'anthropic', 'openai-compatible', 'demo')),
  -- NULL means the vendor's default endpoint (or the EVALLAB_*_BASE_URL fallback of a built-in).
  base_url TEXT,
  concurrency INTEGER NOT NULL CHECK (concurrency BETWEEN 1 AND 256),
  -- NULL means no requests-per-minute limit, only the concurrency.
  requests_per_minute INTEGER CHECK (requests_per_minute IS NULL OR requests_per_minute > 0),
  updated_at TEXT NOT NULL,
  CHECK (kind <> 'openai-compatible' OR base_url IS NOT NULL)
) STRICT;

-- A user's own price for a model, USD per million tokens. It wins over the maintained price table when a
-- run freezes its prices; runs keep the prices they were created with. `provider` is not a foreign key:
-- built-in providers have no provider_settings row, and a price may be entered before the provider.
CREATE TABLE price_overrides (
  provider TEXT NOT NULL,
  model TEXT NOT NULL CHECK (length(model) > 0),
  input_per_mtok REAL NOT NULL CHECK (input_per_mtok >= 0),
  output_per_mtok REAL NOT NULL CHECK (output_per_mtok >= 0),
  -- NULL means cached input is billed at the input price.
  cached_input_per_mtok REAL CHECK (cached_input_per_mtok IS NULL OR cached_input_per_mtok >= 0),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (provider, model)
) STRICT;
