import { createHash } from 'node:crypto'
import demoDataset from '../../../../../resources/demo/dataset.json'
import { demoDatasetSchema } from '../../../../../shared/domain/demo-files'

/** A demo case as the simulated model knows it: the ticket text and the labelled triage answer. */
export interface DemoCase {
  key: string
  subject: string
  body: string
  expected: Record<string, unknown>
}

/** How one simulated model version answers a triage case. */
export type TriageOutcome = 'correct' | 'wrong' | 'malformed'

export interface ErrorProfile {
  /** Share of cases answered with one wrong field (malformed ones excluded). */
  wrongShare: number
  /** Share of cases answered in a shape a JSON format gate refuses. */
  malformedShare: number
}

/** A number in [0, 1) fixed by its input: the simulation's only source of "randomness". */
export function unitHash(...parts: string[]): number {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest()
  return digest.readUInt32BE(0) / 0x1_0000_0000
}

let cases: DemoCase[] | null = null

/** Parsed once, on first use, like the seed does: the demo data is trusted but still checked. */
export function demoCases(): DemoCase[] {
  cases ??= demoDatasetSchema.parse(demoDataset).cases.map((c) => ({
    key: c.key,
    subject: c.vars['subject'] ?? '',
    body: (c.vars['body'] ?? '').trim(),
    expected: c.expected,
  }))
  return cases
}

/** The case whose subject and body both appear in the rendered text, whatever the template around them. */
export function findDemoCase(text: string): DemoCase | undefined {
  const cases = demoCases()
  return (
    cases.find((c) => c.subject !== '' && text.includes(c.subject) && text.includes(c.body)) ??
    // A case the simulated model generated from a demo ticket (Datasets → Generate cases) keeps its subject
    // and expected fields: it is answered as that ticket is, not as an unknown text.
    cases.find((c) => c.subject !== '' && text.includes(c.subject))
  )
}

const outcomeCache = new Map<string, Map<string, TriageOutcome>>()

/**
 * Ranks the dataset by a per-model hash and takes exact shares from the top, so each version's accuracy
 * lands on its intended rate instead of wherever 145 coin flips happen to fall.
 */
export function outcomeFor(modelId: string, profile: ErrorProfile, caseKey: string): TriageOutcome {
  let table = outcomeCache.get(modelId)
  if (!table) {
    const ranked = demoCases()
      .map((c) => c.key)
      .sort((a, b) => unitHash(modelId, a) - unitHash(modelId, b))
    const malformed = Math.round(ranked.length * profile.malformedShare)
    const wrong = malformed + Math.round(ranked.length * profile.wrongShare)
    table = new Map(
      ranked.map((key, i): [string, TriageOutcome] => [
        key,
        i < malformed ? 'malformed' : i < wrong ? 'wrong' : 'correct',
      ]),
    )
    outcomeCache.set(modelId, table)
  }
  return table.get(caseKey) ?? 'correct'
}

const CATEGORIES = ['billing', 'bug', 'account', 'feature_request', 'how_to', 'outage', 'security']
const PRIORITIES = ['p1', 'p2', 'p3', 'p4']

/** A plausible mistake: a neighbouring priority, another category, a softer tone or a flipped flag. */
function mistake(answer: Record<string, unknown>, seed: number): Record<string, unknown> {
  const fields = Object.keys(answer)
  const field = fields[Math.floor(seed * fields.length)] ?? 'priority'
  const value = answer[field]
  const next = { ...answer }
  if (field === 'category') {
    const others = CATEGORIES.filter((c) => c !== value)
    next[field] = others[Math.floor(unitHash(String(seed)) * others.length)]
  } else if (field === 'priority') {
    const i = PRIORITIES.indexOf(String(value))
    next[field] = PRIORITIES[i >= 2 ? i - 1 : i + 1]
  } else if (field === 'sentiment') next[field] = value === 'neutral' ? 'negative' : 'neutral'
  else next[field] = value !== true
  return next
}

/** The triage JSON a simulated version returns; `withNeedsHuman` follows what the prompt asked for. */
export function triageAnswer(
  modelId: string,
  demoCase: DemoCase,
  outcome: TriageOutcome,
  withNeedsHuman: boolean,
): string {
  const fields = withNeedsHuman
    ? ['category', 'priority', 'sentiment', 'needs_human']
    : ['category', 'priority', 'sentiment']
  const answer = Object.fromEntries(fields.map((f) => [f, demoCase.expected[f]]))
  const seed = unitHash(modelId, demoCase.key, 'detail')
  if (outcome === 'correct') return JSON.stringify(answer)
  if (outcome === 'wrong') return JSON.stringify(mistake(answer, seed))
  if (seed < 0.5) return `Here is the triage for this ticket:\n${JSON.stringify(answer)}`
  const missing = { ...answer }
  delete missing['priority']
  return JSON.stringify(missing)
}

/** The Reply drafter's (and any unknown prompt's) answer: short, plain and stable for the same input. */
export function plainAnswer(modelId: string, demoCase: DemoCase | undefined, text: string): string {
  if (!demoCase) {
    const tag = unitHash(modelId, text).toString(36).slice(2, 8)
    return `This is a simulated answer (${tag}) from the offline demo model; it only knows the demo dataset.`
  }
  return [
    'Hi there,',
    '',
    `Thanks for getting in touch about "${demoCase.subject}". I'm sorry for the trouble this is causing.`,
    'Our team is reviewing the details now and will follow up with the next steps shortly.',
    '',
    'Best regards,',
    'Fernwork Support',
  ].join('\n')
}
