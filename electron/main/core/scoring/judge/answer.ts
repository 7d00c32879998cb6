import { z } from 'zod'
import type { RubricScale } from '../../../../../shared/domain/scoring'
import { describeRaw, normalise } from '../scale'
import { unscored, type ScoreOutcome } from '../scorers/types'

const judgeAnswerSchema = z.object({
  score: z.union([z.number(), z.string(), z.boolean()]),
  reason: z.string().max(5_000).default(''),
})

export type SampleOutcome = { ok: true; raw: number; reason: string } | { ok: false; error: string }

/** Judges sometimes wrap their JSON in a code fence or a sentence: take the outermost object. */
function jsonPart(text: string): string {
  const start = text.indexOf('{')
  const end = text.lastIndexOf('}')
  return start >= 0 && end > start ? text.slice(start, end + 1) : text
}

function rawScore(scale: RubricScale, score: number | string | boolean): number | null {
  switch (scale.type) {
    case 'pass_fail': {
      const word = String(score).trim().toLowerCase()
      if (['pass', 'true', 'yes', '1'].includes(word)) return 1
      if (['fail', 'false', 'no', '0'].includes(word)) return 0
      return null
    }
    case 'likert': {
      const n = typeof score === 'number' ? score : Number(String(score).trim())
      return Number.isInteger(n) && n >= scale.min && n <= scale.max ? n : null
    }
    case 'labels': {
      const index = scale.labels.findIndex((l) => l.toLowerCase() === String(score).trim().toLowerCase())
      if (index >= 0) return index
      return typeof score === 'number' && Number.isInteger(score) && score >= 0 && score < scale.labels.length
        ? score
        : null
    }
  }
}

/** The judge's {"score", "reason"} checked against the criterion's scale. */
export function parseJudgeAnswer(text: string, scale: RubricScale): SampleOutcome {
  let value: unknown
  try {
    value = JSON.parse(jsonPart(text.trim()))
  } catch {
    return { ok: false, error: `The judge did not answer with JSON: ${JSON.stringify(text.slice(0, 120))}` }
  }
  const parsed = judgeAnswerSchema.safeParse(value)
  if (!parsed.success) return { ok: false, error: 'The judge answer has no "score" and "reason"' }
  const raw = rawScore(scale, parsed.data.score)
  if (raw === null) {
    return {
      ok: false,
      error: `The judge's score ${JSON.stringify(parsed.data.score)} is not on the criterion's scale`,
    }
  }
  return { ok: true, raw, reason: parsed.data.reason }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

/** Pass/fail: a strict majority passes (a tie fails: the judge could not make up its mind). */
function combinedRaw(scale: RubricScale, raws: readonly number[]): number {
  if (scale.type !== 'pass_fail') return median(raws)
  const passes = raws.filter((r) => r >= 1).length
  return passes * 2 > raws.length ? 1 : 0
}

/**
 * Several samples of a noisy judge become one score: the median for ordinal scales, the majority for
 * pass/fail. Samples that failed are left out; when all failed, the score is null with the error, marked
 * for retry so the next scoring calls the judge again.
 */
export function combineSamples(scale: RubricScale, samples: readonly SampleOutcome[]): ScoreOutcome {
  const details = {
    samples: samples.map((s) => (s.ok ? { raw: s.raw, reason: s.reason } : { error: s.error })),
  }
  const ok = samples.filter((s): s is Extract<SampleOutcome, { ok: true }> => s.ok)
  if (ok.length === 0) {
    const first = samples.find((s): s is Extract<SampleOutcome, { ok: false }> => !s.ok)
    return {
      ...unscored(`The judge failed: ${first?.error ?? 'no answer'}`),
      details: { ...details, retry: true },
    }
  }
  const raw = combinedRaw(
    scale,
    ok.map((s) => s.raw),
  )
  const closest = ok.reduce((best, s) => (Math.abs(s.raw - raw) < Math.abs(best.raw - raw) ? s : best))
  const norm = normalise(scale, raw)
  const prefix =
    samples.length === 1
      ? ''
      : scale.type === 'pass_fail'
        ? `${ok.filter((s) => s.raw >= 1).length} of ${ok.length} samples pass. `
        : `Median of ${ok.length} samples: ${describeRaw(scale, raw)}. `
  return {
    value: norm.value,
    raw: norm.raw,
    passed: norm.passed,
    reason: `${prefix}${closest.reason}`,
    details,
  }
}
