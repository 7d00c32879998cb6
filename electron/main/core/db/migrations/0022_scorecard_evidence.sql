-- Workspace schema v23: evidence the maturity scorecard checks that no other table holds.

-- Every check the CLI ran on an exported baseline folder, recorded against the export it checked (the
-- manifest's sha256 names the exact folder content). 'cli': `evallab gate|verify` recorded it in this
-- workspace; 'ci-status': a CI checkout without a workspace wrote an evallab.ci-status file that the team
-- recorded here. Recording the same file twice keeps one row.
CREATE TABLE bundle_checks (
  id INTEGER PRIMARY KEY,
  prompt_id TEXT NOT NULL REFERENCES prompts (id) ON DELETE CASCADE,
  manifest_sha256 TEXT NOT NULL,
  command TEXT NOT NULL CHECK (command IN ('gate', 'verify')),
  outcome TEXT NOT NULL CHECK (outcome IN ('pass', 'fail', 'inconclusive', 'verified', 'invalid')),
  checked_at TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('cli', 'ci-status')),
  ci_run_url TEXT,
  recorded_at TEXT NOT NULL
) STRICT;

CREATE INDEX bundle_checks_by_prompt ON bundle_checks (prompt_id, manifest_sha256, checked_at);
CREATE UNIQUE INDEX bundle_checks_unique ON bundle_checks (manifest_sha256, command, checked_at, source);

-- Where the team's incident runbook lives, each time someone records it (the newest row is current, the
-- older ones are its history).
CREATE TABLE incident_runbooks (
  id INTEGER PRIMARY KEY,
  location TEXT NOT NULL CHECK (length(location) > 0),
  kind TEXT NOT NULL CHECK (kind IN ('link', 'file')),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL
) STRICT;
