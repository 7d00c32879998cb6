import type { ModelPrice } from '../../../../shared/domain/runs'
import { modelKey, modelLabel } from '../../../../shared/lib/model-ref'
import type { Assessment } from './criterion'
import { day, percent, perMTok, plural } from './evidence-format'
import type { PromptFacts } from './facts'
import { links } from './links'

/** Items scored by both a judge and the humans before the judge counts as calibrated. */
export const MIN_CALIBRATION_ITEMS = 10

/** L3: production calls are sampled and scored (an import in the last 30 days) and alerts watch them. */
export function productionAlerts(f: PromptFacts): Assessment {
  const last = f.runs.latestImport
  const alerts = f.alertThresholds > 0 ? plural(f.alertThresholds, 'alert threshold') : 'no alert thresholds'
  const evidence = !last
    ? `No production import in the last 30 days; ${alerts}`
    : `"${last.fileName}" imported ${day(last.importedAt)}, ${last.scored ? 'scored' : 'not scored yet'}; ${alerts}`
  return {
    met: last?.scored === true && f.alertThresholds > 0,
    evidence,
    nextStep: !last
      ? 'Import and score a sample of production calls'
      : !last.scored
        ? 'Score the latest production import'
        : 'Set alert thresholds on the prompt’s production metrics',
    link: links.production,
  }
}

/** L3: an LLM judge's scores are measured against people's on the same outputs. */
export function reviewCalibrated(f: PromptFacts): Assessment {
  const best = [...f.calibrations].sort((a, b) => b.items - a.items)[0]
  const queues = f.runs.reviewQueues
  const evidence = best
    ? `Queue "${best.queueName}": ${best.judgeMetric} against human scores on ${plural(best.items, 'item')}` +
      (best.cohensKappa !== null ? `, κ ${best.cohensKappa.toFixed(2)}` : '') +
      (best.percentAgreement !== null ? `, ${percent(best.percentAgreement)} agreement` : '')
    : queues > 0
      ? `${plural(queues, 'review queue')}, none on outputs an LLM judge of the suite also scored`
      : 'No review queues'
  return {
    met: best !== undefined && best.items >= MIN_CALIBRATION_ITEMS,
    evidence,
    nextStep: `Review at least ${MIN_CALIBRATION_ITEMS} outputs on a criterion the suite’s LLM judge scores`,
    link: links.review,
  }
}

/** L3: cost is optimised: answers or prompts cached, or a cheaper model tried in a canary run. */
export function costOptimisation(f: PromptFacts): Assessment {
  const { cachedAnswers, promptCacheHits, runs } = f.cache
  const caching =
    cachedAnswers + promptCacheHits > 0
      ? `${plural(cachedAnswers, 'answer')} from the cache and ${plural(promptCacheHits, 'prompt-cache hit')} in ${plural(runs, 'run')}`
      : null
  const cheaper = cheaperCanary(f)
  const parts = [caching, cheaper].filter((p): p is string => p !== null)
  return {
    met: parts.length > 0,
    evidence: parts.length > 0 ? parts.join('; ') : 'No cached answers and no canary run of a cheaper model',
    nextStep:
      'Run with the response cache on, or try a cheaper model in a canary run next to the current one',
    link: links.runs,
  }
}

/** The first canary run that put a cheaper priced model next to the model the prompt calls now. */
function cheaperCanary(f: PromptFacts): string | null {
  const current = f.checkedVersions.map((v) => modelKey(v.model))
  for (const run of f.canaries) {
    for (const reference of run.prices.filter((p) => current.includes(modelKey(p)))) {
      const ref = blended(reference)
      const cheaper = run.prices.find((p) => {
        const price = blended(p)
        return ref !== null && price !== null && price < ref
      })
      if (cheaper && ref !== null)
        return `Canary run "${run.name}": ${modelLabel(cheaper)} at ${perMTok(blended(cheaper) ?? 0)} against ${modelLabel(reference)} at ${perMTok(ref)}`
    }
  }
  return null
}

/** Input plus output price per million tokens; null when either is unknown. */
function blended(p: ModelPrice): number | null {
  return p.inputPerMTok === null || p.outputPerMTok === null ? null : p.inputPerMTok + p.outputPerMTok
}
