import { modelKey, modelLabel } from '../../../../shared/lib/model-ref'
import type { Assessment } from './criterion'
import { ciGate } from './criterion-ci-gate'
import { day, plural } from './evidence-format'
import type { PromptFacts } from './facts'
import { links } from './links'

export { ciGate }

/** L2: before the prompt moved to another model, that model went through a canary run. */
export function canaryBeforeSwitch(f: PromptFacts): Assessment {
  const latest = f.switches.at(-1)
  if (!latest) {
    const first = f.canaries[0]
    return {
      met: first !== undefined,
      evidence: first
        ? `No model switch yet; ${plural(f.canaries.length, 'canary run')}, first "${first.name}" on ${day(first.createdAt)}`
        : 'No model switch yet and no canary run',
      nextStep: 'Start the next candidate model’s run with a canary sample before switching to it',
      link: links.runs,
    }
  }
  const switched = `v${latest.number} moved from ${modelLabel(latest.from)} to ${modelLabel(latest.to)}`
  const before = latest.deployedAt
  const canary = f.canaries.find(
    (c) =>
      c.models.some((m) => modelKey(m) === modelKey(latest.to)) && (before === null || c.createdAt <= before),
  )
  const deployed = before ? `, deployed ${day(before)}` : ', not deployed yet'
  return {
    met: canary !== undefined,
    evidence: canary
      ? `${switched}${deployed}; canary run "${canary.name}" on ${day(canary.createdAt)} (${canaryOutcome(canary)})`
      : `${switched}${deployed}, with no canary run of ${modelLabel(latest.to)} before it`,
    nextStep: `Run v${latest.number} on ${modelLabel(latest.to)} with a canary sample before promoting it`,
    link: links.runs,
  }
}

function canaryOutcome(c: PromptFacts['canaries'][number]): string {
  if (!c.state) return 'no sample yet'
  return c.state.verdict ? `sample ${c.state.phase}, gate ${c.state.verdict}` : `sample ${c.state.phase}`
}

/** L2: prompt variants are compared on the same cases (one run with both, or a pairwise judge). */
export function abPromptVariants(f: PromptFacts): Assessment {
  const run = f.abRun
  const pair = f.abPairwise
  const parts = [
    run
      ? `Run "${run.name}" compared ${run.versions.map((v) => `v${v}`).join(', ')} on ${plural(run.cases, 'case')}`
      : null,
    pair ? `pairwise judge compared v${pair.a} with v${pair.b} on ${pair.criterion}` : null,
  ].filter((p): p is string => p !== null)
  return {
    met: parts.length > 0,
    evidence: parts.length > 0 ? parts.join('; ') : 'No run or pairwise comparison of two prompt versions',
    nextStep: 'Run two versions of the prompt on the same dataset and compare them',
    link: links.runs,
  }
}

/** L2: cost known per feature (this prompt) and per customer segment, to set against revenue in Compare. */
export function costPerSegment(f: PromptFacts): Assessment {
  const run = f.runs.costRun
  const unpriced = f.runs.unpricedRun
  const evidence = !run
    ? unpriced
      ? `No completed run with known prices: in run "${unpriced.name}" the price of ${unpriced.models.join(', ')} is unknown`
      : 'No completed run with known prices'
    : run.segments > 0
      ? `Run "${run.name}" has prices and ${plural(run.segments, 'segment')} to split cost by; Compare sets that cost against revenue`
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
