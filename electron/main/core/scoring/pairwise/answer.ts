import { z } from 'zod'
import type { PairwiseOrder, PairwiseVerdict } from '../../../../../shared/domain/pairwise'

/** Which shown output the judge preferred. */
export type Winner = 'first' | 'second' | 'tie'

export type PairwiseAnswer = { ok: true; winner: Winner; reason: string } | { ok: false; error: string }

const answerSchema = z.object({
  winner: z.union([z.string(), z.number()]),
  reason: z.string().max(5_000).default(''),
})

/** Judges sometimes wrap their JSON in a code fence or a sentence: take the outermost object. */
function jsonPart(text: string): string {
  const start = text.indexOf('{')
  const end = text.lastIndexOf('}')
  return start >= 0 && end > start ? text.slice(start, end + 1) : text
}

const winnerWords: Record<string, Winner> = {
  '1': 'first',
  output_1: 'first',
  'output 1': 'first',
  '2': 'second',
  output_2: 'second',
  'output 2': 'second',
  tie: 'tie',
}

/** The judge's {"winner", "reason"}; anything else is a failed judgment that names what came back. */
export function parsePairwiseAnswer(text: string): PairwiseAnswer {
  let value: unknown
  try {
    value = JSON.parse(jsonPart(text.trim()))
  } catch {
    return { ok: false, error: `The judge did not answer with JSON: ${JSON.stringify(text.slice(0, 120))}` }
  }
  const parsed = answerSchema.safeParse(value)
  if (!parsed.success) return { ok: false, error: 'The judge answer has no "winner" and "reason"' }
  const winner = winnerWords[String(parsed.data.winner).trim().toLowerCase()]
  if (!winner)
    return {
      ok: false,
      error: `The judge's winner ${JSON.stringify(parsed.data.winner)} is not "1", "2" or "tie"`,
    }
  return { ok: true, winner, reason: parsed.data.reason }
}

/** The shown position mapped back to the slices: in order 'ba' output 1 is B. */
export function verdictOf(order: PairwiseOrder, winner: Winner): PairwiseVerdict {
  if (winner === 'tie') return 'tie'
  const firstIsA = order === 'ab'
  return (winner === 'first') === firstIsA ? 'a' : 'b'
}
