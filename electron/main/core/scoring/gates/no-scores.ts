import type { CaseScore } from './evidence'

/** A reason quoted in a gate's explanation is kept short: the full text stays on each score. */
const maxReasonLength = 200

const clipped = (reason: string): string =>
  reason.length > maxReasonLength ? `${reason.slice(0, maxReasonLength - 1)}…` : reason

/** The reason most outputs were left unscored for, with how many share it (the first seen on a tie). */
function commonestReason(unscored: readonly CaseScore[]): { reason: string; count: number } {
  const counts = new Map<string, number>()
  for (const s of unscored) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1)
  let best = { reason: '', count: 0 }
  for (const [reason, count] of counts) if (count > best.count) best = { reason, count }
  return best
}

/**
 * Why a rule has nothing to measure: no score row at all means no scorer for the metric ran on this
 * slice; rows that are all unscored mean the scorer ran and could not score (a code scorer that throws,
 * assertions not run, a judge that failed): the explanation says so, with the commonest reason.
 */
export function noScoresText(metric: string, all: readonly CaseScore[]): string {
  if (all.length === 0) return `No scores for ${metric} on this slice: is a scorer for it in the eval suite?`
  const { reason, count } = commonestReason(all)
  const outputs = all.length === 1 ? 'its 1 output was' : `all ${all.length} outputs were`
  const share = count === all.length ? 'every one' : `${count} of ${all.length}`
  const why = reason.trim() === '' ? 'no reason was recorded' : `"${clipped(reason.trim())}"`
  return `No scores for ${metric} on this slice: the scorer ran but ${outputs} left unscored. Reason (${share}): ${why}.`
}
