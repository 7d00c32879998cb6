/**
 * Text similarity on long texts: a 5,500-character answer against its reference (the size where the
 * cell-by-cell Levenshtein took ≈ 195 ms a call), for the `similarity` rule and promptfoo's `levenshtein`
 * assertion. Writes bench/results-text-similarity.json.
 */
import { writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { levenshteinDistance, rougeL, sentenceBleu } from '../shared/lib/text-similarity'

const words = ['refund', 'invoice', 'the', 'customer', 'was', 'charged', 'twice', 'résumé', 'on', 'billing']

/** A long answer and a reference that differs from it by a few hundred edits. */
function longPair(length: number): [string, string] {
  let state = 1
  const random = (): number => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32
  const text = Array.from({ length: length / 4 }, () => words[Math.floor(random() * words.length)]).join(' ')
  const answer = text.slice(0, length)
  const reference = answer.replace(/twice/g, 'once').replace(/the /g, 'a ')
  return [answer, reference]
}

function msPerCall(calls: number, work: () => unknown): number {
  work() // warm-up outside the timing
  const start = performance.now()
  for (let n = 0; n < calls; n++) work()
  return Math.round(((performance.now() - start) / calls) * 1000) / 1000
}

export function runTextSimilarityBench(length = 5_500): Record<string, number> {
  const [answer, reference] = longPair(length)
  const figures = {
    characters: answer.length,
    levenshteinMsPerCall: msPerCall(50, () => levenshteinDistance(answer, reference)),
    rougeLMsPerCall: msPerCall(20, () => rougeL(answer, reference)),
    bleuMsPerCall: msPerCall(50, () => sentenceBleu(answer, [reference])),
  }
  for (const [name, value] of Object.entries(figures)) console.log(`${name}: ${value}`)
  const results = {
    measuredAt: new Date().toISOString(),
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version },
    loadAverage: Math.round(loadavg()[0]! * 10) / 10,
    figures,
  }
  writeFileSync(
    new URL('./results-text-similarity.json', import.meta.url),
    `${JSON.stringify(results, null, 2)}\n`,
  )
  console.log('Wrote bench/results-text-similarity.json')
  return figures
}
