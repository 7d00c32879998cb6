import type { BundleCheck } from '../../../../shared/domain/scorecard'
import type { Assessment } from './criterion'
import { day, plural } from './evidence-format'
import type { PromptFacts } from './facts'
import { links } from './links'

const runGate = 'run `evallab gate <folder>` in CI on every change'

/**
 * L2: eval runs gate every change in CI. Met only when the newest exported baseline folder was gated or
 * verified by the CLI, as recorded in this workspace (by the CLI itself, or from a CI status file): an
 * export alone proves nothing ran on it.
 */
export function ciGate(f: PromptFacts): Assessment {
  const missing = prerequisite(f)
  if (missing) return missing
  const latest = f.exports[0]
  if (!latest)
    return {
      met: false,
      evidence: `${plural(f.suite?.gates.length ?? 0, 'gate rule')} and a baseline, never exported for CI`,
      nextStep: `Export the baseline folder to the team repo, then ${runGate}`,
      link: links.promptBaseline(f.prompt.id),
    }
  const exported = `Exported ${day(latest.exportedAt)} to ${latest.folder}`
  const checks = f.checks.filter((c) => c.manifestSha256 === latest.manifestSha256)
  const newest = checks[0]
  const ok = newest !== undefined && newest.outcome !== 'invalid'
  return {
    met: ok,
    evidence: newest
      ? `${exported}; ${describeChecks(checks)}`
      : `${exported}; no gate or verify of that folder recorded` + earlier(f.checks),
    nextStep: ok
      ? ''
      : newest
        ? 'Fix the folder the CLI refused (see the CI log), export it again and gate it'
        : `${capital(runGate)} (record its --ci-status file here), or gate it where this workspace is (--record-in)`,
    link: ok || newest ? links.promptBaseline(f.prompt.id) : links.scorecard,
  }
}

function prerequisite(f: PromptFacts): Assessment | null {
  if ((f.suite?.gates.length ?? 0) === 0)
    return {
      met: false,
      evidence: 'No gate rules in the eval suite: CI has nothing to gate on',
      nextStep: `Add gate rules to the eval suite, set a baseline, export it and ${runGate}`,
      link: links.promptSuite(f.prompt.id),
    }
  if (!f.hasBaseline)
    return {
      met: false,
      evidence: `${plural(f.suite?.gates.length ?? 0, 'gate rule')}, but no baseline to gate on`,
      nextStep: `Set a baseline, export it and ${runGate}`,
      link: links.promptBaseline(f.prompt.id),
    }
  return null
}

/** "gated 2 times by the CLI, latest 2026-11-02: pass (in CI: <url>)". */
function describeChecks(checks: readonly BundleCheck[]): string {
  const gates = checks.filter((c) => c.command === 'gate').length
  const verifies = checks.length - gates
  const counted = [
    gates > 0 ? `gated ${plural(gates, 'time')}` : null,
    verifies > 0 ? `verified ${plural(verifies, 'time')}` : null,
  ]
    .filter(Boolean)
    .join(' and ')
  const newest = checks[0]
  if (!newest) return counted
  const where = newest.source === 'ci-status' ? ` in CI${newest.ciRunUrl ? ` (${newest.ciRunUrl})` : ''}` : ''
  return `${counted} by the CLI, latest ${newest.command} ${day(newest.checkedAt)}${where}: ${newest.outcome}`
}

function earlier(checks: readonly BundleCheck[]): string {
  const last = checks[0]
  return last
    ? ` (an earlier export was ${last.command === 'gate' ? 'gated' : 'verified'} ${day(last.checkedAt)})`
    : ''
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}
