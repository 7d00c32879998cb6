import type { Assessment } from './criterion'
import { day, plural } from './criteria-repeatable'
import type { PromptFacts } from './facts'
import { links } from './links'

/** L2: a stored eval suite with at least one scorer. */
export function evalSuite(f: PromptFacts): Assessment {
  const scorers = f.suite?.scorers ?? []
  return {
    met: scorers.length > 0,
    evidence: f.suite
      ? `Suite v${f.suite.version} with ${plural(scorers.length, 'scorer')}` +
        (scorers.length > 0 ? `: ${scorers.map((s) => s.metric).join(', ')}` : '')
      : 'No eval suite',
    nextStep: 'Add an eval suite with at least one scorer (format check, rule or judge)',
    link: links.promptSuite(f.prompt.id),
  }
}

/** L2: releases are decided by gate rules, not by eye. */
export function gateRules(f: PromptFacts): Assessment {
  const gates = f.suite?.gates ?? []
  return {
    met: gates.length > 0,
    evidence:
      gates.length > 0
        ? `${plural(gates.length, 'gate rule')} in suite v${f.suite?.version ?? 0}`
        : 'No gate rules',
    nextStep: 'Add a gate rule to the eval suite (e.g. format pass rate ≥ 99 %)',
    link: links.promptSuite(f.prompt.id),
  }
}

/** L2: a baseline to compare candidates against; the evidence says whether someone signed it off. */
export function baselineSigned(f: PromptFacts): Assessment {
  const b = f.baseline
  const signed =
    f.baselineSignoffs > 0 ? `signed off ${plural(f.baselineSignoffs, 'time')}` : 'not signed off'
  return {
    met: b !== null,
    evidence: b ? `Baseline set by ${b.setBy} on ${day(b.setAt)}, ${signed}` : 'No baseline',
    nextStep: 'Set a baseline run for the prompt and have it signed off',
    link: links.promptBaseline(f.prompt.id),
  }
}

/** L2: cost known per feature (this prompt) and per customer segment. */
export function costTracking(f: PromptFacts): Assessment {
  const run = f.runs.costRun
  const unpriced = f.runs.unpricedRun
  const evidence = !run
    ? unpriced
      ? `No completed run with known prices: in run "${unpriced.name}" the price of ${unpriced.models.join(', ')} is unknown`
      : 'No completed run with known prices'
    : run.segments > 0
      ? `Run "${run.name}" has prices and ${plural(run.segments, 'segment')} to split cost by`
      : `Run "${run.name}" has prices, but its dataset has no segment: tags`
  return {
    met: run !== null && run.segments > 0,
    evidence,
    nextStep:
      unpriced && !run
        ? 'Set a price for the model in Settings → Prices (or mark a server of your own local), then run again'
        : 'Tag dataset cases with segment:<name> and run the prompt with known model prices',
    link: run ? links.datasets : links.settings,
  }
}

/** L2: a P95 latency objective enforced as a gate rule. */
export function latencySlo(f: PromptFacts): Assessment {
  const rule = f.suite?.gates.find((g) => g.kind === 'max_p95_latency_ms')
  return {
    met: rule !== undefined,
    evidence:
      rule?.kind === 'max_p95_latency_ms'
        ? `Gate: P95 latency ≤ ${formatMs(rule.maxMs)}`
        : 'No P95 latency gate',
    nextStep: 'Add a P95 latency gate rule to the eval suite',
    link: links.promptSuite(f.prompt.id),
  }
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toLocaleString('en-US')} s` : `${ms} ms`
}
