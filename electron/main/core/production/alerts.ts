import type { z } from 'zod'
import type {
  Alert,
  AlertScope,
  AlertThreshold,
  breachCaseSchema,
  MonitorPoint,
} from '../../../../shared/domain/production'
import type { ResultKey } from '../db/repos/run-scores'
import type { DetailLookup } from './monitor-cases'
import type { ImportScores } from './monitor-metrics'

type BreachCase = z.infer<typeof breachCaseSchema>

const maxCases = 100

/** min: the value must not fall below; max: it must not rise above. */
export function violates(value: number, threshold: AlertThreshold): boolean {
  return threshold.direction === 'min' ? value < threshold.value : value > threshold.value
}

interface Candidate {
  key: ResultKey
  value: number | null
  reason: string
}

/** Worst first: the lowest values under a minimum, the highest over a maximum; valueless ones last. */
function worstFirst(candidates: Candidate[], threshold: AlertThreshold): Candidate[] {
  const sign = threshold.direction === 'min' ? 1 : -1
  return candidates.sort((a, b) => {
    if (a.value === null || b.value === null) return (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0)
    return sign * (a.value - b.value)
  })
}

/** A scorer's failing results: under a minimum, a failed check counts even when its value would not. */
function scoreCandidates(data: ImportScores, threshold: AlertThreshold): Candidate[] {
  const scores = data.scores.get(threshold.metric) ?? []
  return scores.flatMap((s) => {
    // An unscored result (a rule with no expected field, a judge that could not be called) fails nothing.
    if (s.value === null) return []
    const failing = violates(s.value, threshold) || (threshold.direction === 'min' && s.passed === false)
    return failing ? [{ key: s, value: s.value, reason: s.reason }] : []
  })
}

const ms = (value: number): string => `${Math.round(value).toLocaleString('en-US')} ms`
const usd = (value: number): string => `$${value.toFixed(4)}`

function operationalCandidates(data: ImportScores, threshold: AlertThreshold): Candidate[] {
  const bound = threshold.direction === 'min' ? 'at least' : 'at most'
  switch (threshold.metric) {
    case 'latency.p95_ms':
      return data.facts.flatMap((f) =>
        !f.failed && f.totalMs !== null && violates(f.totalMs, threshold)
          ? [
              {
                key: f,
                value: f.totalMs,
                reason: `Took ${ms(f.totalMs)}; the threshold is ${bound} ${ms(threshold.value)}`,
              },
            ]
          : [],
      )
    case 'cost.per_interaction_usd':
      return data.facts.flatMap((f) =>
        f.costUsd !== null && violates(f.costUsd, threshold)
          ? [
              {
                key: f,
                value: f.costUsd,
                reason: `Cost ${usd(f.costUsd)}; the threshold is ${bound} ${usd(threshold.value)}`,
              },
            ]
          : [],
      )
    case 'error.rate':
      // Every error counts towards the rate; a minimum on errors lists none (there is no failing call).
      return threshold.direction === 'max'
        ? data.facts.flatMap((f) => (f.failed ? [{ key: f, value: null, reason: 'The call failed' }] : []))
        : []
    default:
      return []
  }
}

function breachCases(data: ImportScores, threshold: AlertThreshold, details: DetailLookup): BreachCase[] {
  const inSuite = data.metrics.some((m) => m.metric === threshold.metric)
  const candidates = inSuite ? scoreCandidates(data, threshold) : operationalCandidates(data, threshold)
  return worstFirst(candidates, threshold)
    .slice(0, maxCases)
    .map((c) => {
      const detail = details(c.key)
      const reason = threshold.metric === 'error.rate' && detail?.error ? detail.error : c.reason
      return {
        caseId: c.key.caseId,
        externalId: detail?.externalId ?? c.key.caseId,
        input: detail?.input ?? '',
        output: detail?.output ?? null,
        value: c.value,
        reason,
      }
    })
}

export interface AlertInput {
  thresholds: readonly AlertThreshold[]
  /** The latest scored import's point and data. */
  point: MonitorPoint
  data: ImportScores
  details: DetailLookup
  labelOf: (metric: string) => string
}

/**
 * One alert per threshold on the latest scored import, breached ones first (then in settings order). A metric
 * without a value (nothing scored, no cost known, or not a metric of this prompt) is never a breach. The
 * failing cases are listed whether or not the import's value breaches, so a near miss can be looked at too.
 */
export function evaluateAlerts(input: AlertInput, scope: AlertScope = 'import'): Alert[] {
  const alerts = input.thresholds.map((threshold): Alert => {
    const measured = input.point.metrics[threshold.metric]
    const value = measured?.value ?? null
    return {
      metric: threshold.metric,
      label: input.labelOf(threshold.metric),
      threshold,
      importId: input.point.importId,
      value,
      breached: value !== null && violates(value, threshold),
      cases: breachCases(input.data, threshold, input.details),
      scope,
      period: input.point.label,
      n: measured?.n ?? 0,
    }
  })
  return [...alerts.filter((a) => a.breached), ...alerts.filter((a) => !a.breached)]
}
