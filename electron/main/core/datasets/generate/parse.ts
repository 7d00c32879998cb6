import { z } from 'zod'
import { AppError } from '../../../../../shared/contract'
import { ownRecord } from '../../../../../shared/lib/own-record'

/** The shape every generated case must keep: the segment's variables and expected fields. */
export interface CaseShape {
  /** Variables every example has: each generated case must give them. */
  variables: readonly string[]
  /** Variables some example has: anything else is a variable the dataset does not know. */
  knownVariables: readonly string[]
  /** Fields every example's expected value has: each generated case must answer them. */
  requiredExpected: readonly string[]
  /** Fields some example has: anything else is a field the dataset does not know. */
  knownExpected: readonly string[]
}

export interface GeneratedCase {
  vars: Record<string, string>
  expected: Record<string, unknown>
  expectedOutput: string | null
  notes: string
}

const generatedSchema = z
  .object({
    vars: ownRecord(z.string(), z.string()),
    expected: ownRecord(z.string(), z.unknown()),
    expectedOutput: z.string().nullable().optional(),
    notes: z.string().max(20_000).optional(),
  })
  .strict()

/** At most this many problems are named in one message; the rest are counted. */
const shownProblems = 6

/**
 * The cases in a model's answer, checked against the segment's shape. Anything unusable — not JSON, not a
 * list, a case missing a variable or an expected field, a field the dataset does not have, more cases than
 * asked for — is one error naming every problem found (so nothing half-right is stored).
 */
export function parseGenerated(text: string, shape: CaseShape, asked: number): GeneratedCase[] {
  const list = casesOf(jsonOf(text))
  if (list.length === 0) throw unusable(['it holds no cases'])
  if (list.length > asked) throw unusable([`it holds ${list.length} cases, more than the ${asked} asked for`])
  const problems: string[] = []
  const cases = list.flatMap((item, i) => {
    const parsed = generatedSchema.safeParse(item)
    if (!parsed.success) {
      problems.push(`case ${i + 1}: ${zodProblem(parsed.error)}`)
      return []
    }
    const found = shapeProblems(parsed.data, shape)
    problems.push(...found.map((p) => `case ${i + 1}: ${p}`))
    return found.length > 0 ? [] : [withDefaults(parsed.data)]
  })
  if (problems.length > 0) throw unusable(problems)
  return cases
}

function jsonOf(text: string): unknown {
  // Models often wrap JSON in a Markdown code fence even when told not to; the fence is not the answer.
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/.exec(text)?.[1]
  const body = fenced ?? text
  try {
    return JSON.parse(body) as unknown
  } catch {
    // The parser's own words ("Unexpected token 'S'…") say less than the answer's opening does.
    const start = body.trim().slice(0, 60)
    throw unusable([`it is not JSON (it starts with ${JSON.stringify(start)})`])
  }
}

/** A JSON array, or an object holding one under "cases" (what a JSON-object response format forces). */
function casesOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value
  if (typeof value === 'object' && value !== null && 'cases' in value && Array.isArray(value.cases)) {
    return value.cases as unknown[]
  }
  throw unusable([`it is JSON but not a list of cases (a ${value === null ? 'null' : typeof value})`])
}

function shapeProblems(c: z.output<typeof generatedSchema>, shape: CaseShape): string[] {
  const problems: string[] = []
  const missingVars = shape.variables.filter((v) => !Object.hasOwn(c.vars, v))
  const extraVars = Object.keys(c.vars).filter((v) => !shape.knownVariables.includes(v))
  const missingExpected = shape.requiredExpected.filter((f) => !Object.hasOwn(c.expected, f))
  const extraExpected = Object.keys(c.expected).filter((f) => !shape.knownExpected.includes(f))
  if (missingVars.length > 0) problems.push(`no variable ${names(missingVars)}`)
  if (extraVars.length > 0) problems.push(`variable ${names(extraVars)} is not one of the dataset's`)
  if (missingExpected.length > 0) problems.push(`no expected ${names(missingExpected)}`)
  if (extraExpected.length > 0)
    problems.push(`expected ${names(extraExpected)} is not a field of the dataset`)
  return problems
}

function withDefaults(c: z.output<typeof generatedSchema>): GeneratedCase {
  return {
    vars: c.vars,
    expected: c.expected,
    expectedOutput: c.expectedOutput ?? null,
    notes: c.notes ?? '',
  }
}

function zodProblem(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'not a case'
  const path = issue.path.length > 0 ? `"${issue.path.join('.')}"` : 'the case'
  if (issue.code === 'unrecognized_keys') return `unknown field ${names(issue.keys)}`
  return `${path}: ${issue.message}`
}

const names = (list: readonly string[]): string => list.map((n) => JSON.stringify(n)).join(', ')

function unusable(problems: readonly string[]): AppError {
  const shown = problems.slice(0, shownProblems)
  const more = problems.length - shown.length
  const list = shown.join('; ') + (more > 0 ? `; and ${more} more` : '')
  return new AppError(
    'INVALID_INPUT',
    `The model's answer could not be used as cases: ${list}. Nothing was stored: generate again, or choose another model.`,
    { source: 'model', problems },
  )
}
