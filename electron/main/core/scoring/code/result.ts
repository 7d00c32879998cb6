import { z } from 'zod'

/** A code scorer's result, normalized: score on 0..1 (null = could not score), pass/fail when it said so. */
export interface CodeScore {
  score: number | null
  passed: boolean | null
  reason: string
}

export type CodeErrorKind =
  | 'syntax'
  | 'not_a_function'
  | 'threw'
  | 'timeout'
  | 'memory'
  | 'stack'
  | 'bad_result'
  | 'bad_input'
  | 'engine'

export type CodeScoreOutcome =
  ({ ok: true } & CodeScore) | { ok: false; kind: CodeErrorKind; message: string }

/** What the sandbox hands back for a value: its typeof and its JSON (no value for undefined/functions). */
export interface SandboxValue {
  type: string
  value?: unknown
}

const unit = z.number().min(0).max(1)
const maxReason = 2000

/** The object form; `pass` or `score` must be there. Other keys (promptfoo's extras) are ignored. */
const objectResultSchema = z
  .object({
    score: unit.nullable().optional(),
    pass: z.boolean().optional(),
    reason: z.string().optional(),
  })
  .refine((r) => r.score !== undefined || r.pass !== undefined, 'it has neither "score" nor "pass"')

const expectedShape = 'true/false, a number from 0 to 1, or { score, pass, reason }'

function preview(value: SandboxValue): string {
  if (value.type === 'undefined' || value.type === 'function') return value.type
  const text = JSON.stringify(value.value) ?? String(value.value)
  return text.length > 80 ? `${text.slice(0, 79)}…` : text
}

const badResult = (value: SandboxValue, why: string): CodeScoreOutcome => ({
  ok: false,
  kind: 'bad_result',
  message: `The scorer returned ${preview(value)} (${why}); expected ${expectedShape}`,
})

/** A reason is shown next to the score; a runaway one is cut, and says so. */
const clip = (reason: string): string =>
  reason.length > maxReason ? `${reason.slice(0, maxReason)}… (cut at ${maxReason} characters)` : reason

function fromObject(value: SandboxValue): CodeScoreOutcome {
  const parsed = objectResultSchema.safeParse(value.value)
  if (!parsed.success) return badResult(value, parsed.error.issues[0]?.message ?? 'wrong shape')
  const { score, pass, reason } = parsed.data
  const normalized = score === undefined ? (pass ? 1 : 0) : score
  const fallback = `The scorer returned ${pass === undefined ? `score ${normalized}` : pass ? 'pass' : 'fail'}`
  return { ok: true, score: normalized, passed: pass ?? null, reason: clip(reason ?? fallback) }
}

/**
 * boolean → score 1/0 with pass/fail; a number on 0..1 → that score, pass left to the suite's threshold
 * (null); an object → its score/pass/reason. NaN arrives as JSON null and is refused like any non-number.
 */
export function normalizeResult(value: SandboxValue): CodeScoreOutcome {
  if (value.type === 'boolean' && typeof value.value === 'boolean') {
    const pass = value.value
    return { ok: true, score: pass ? 1 : 0, passed: pass, reason: `The scorer returned ${pass}` }
  }
  if (value.type === 'number') {
    const parsed = unit.safeParse(value.value)
    if (!parsed.success) return badResult(value, 'a number outside 0..1')
    return { ok: true, score: parsed.data, passed: null, reason: `The scorer returned ${parsed.data}` }
  }
  if (value.type === 'object' && value.value !== null && !Array.isArray(value.value)) return fromObject(value)
  return badResult(
    value,
    `a ${value.value === null ? 'null' : Array.isArray(value.value) ? 'array' : value.type}`,
  )
}
