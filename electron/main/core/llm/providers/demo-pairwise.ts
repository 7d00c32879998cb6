import { unitHash } from './demo-answers'
import { demoGrade } from './demo-judge'
import { pairwiseMarker } from './judge-markers'

/**
 * The simulated pairwise judge: grades both outputs like the demo judge and prefers the better one. When
 * they grade the same it says tie, except on a fixed share of cases where it picks whichever output it
 * was shown first — the position bias real judges have, so the demo shows the two orders disagreeing.
 */
export const isPairwiseRequest = (system: string): boolean => system.startsWith(pairwiseMarker)

const POSITION_BIAS = 0.3

function between(user: string, tag: string): string {
  const start = user.indexOf(`<${tag}>\n`)
  const end = user.indexOf(`\n</${tag}>`, start)
  return start >= 0 && end > start ? user.slice(start + tag.length + 3, end) : ''
}

/** {"winner", "reason"} for a prompt built by scoring/pairwise/prompt.ts. */
export function pairwiseAnswer(system: string, user: string): string {
  const first = demoGrade(system, user, between(user, 'output_1'))
  const second = demoGrade(system, user, between(user, 'output_2'))
  if (first.quality > second.quality)
    return JSON.stringify({ winner: '1', reason: `Output 1 is better: ${first.reason}` })
  if (second.quality > first.quality)
    return JSON.stringify({ winner: '2', reason: `Output 2 is better: ${second.reason}` })
  if (unitHash('pairwise-bias', user.slice(0, user.indexOf('<output_1>'))) < POSITION_BIAS)
    return JSON.stringify({ winner: '1', reason: 'Output 1 reads slightly better.' })
  return JSON.stringify({ winner: 'tie', reason: `Both are as good: ${first.reason}` })
}
