import {
  GENERATION_OPENING,
  readGenerationUser,
  type GenerationExample,
} from '../../../../../shared/domain/case-generation'

/**
 * The simulated model asked to write new cases (Datasets → Generate cases). Deterministic: the same request
 * gets the same cases. Each new case is one example of the segment told shorter (a third of its sentences
 * left out), so it keeps the example's subject matter and its expected fields. Every fourth case is a close copy of its example, as real models write now and then, so the
 * near-duplicate check has something to flag.
 */
export const isGenerationRequest = (system: string): boolean => system.startsWith(GENERATION_OPENING)

export function generationAnswer(user: string): string {
  const ask = readGenerationUser(user)
  const examples = Array.isArray(ask?.examples) ? (ask.examples as GenerationExample[]) : []
  if (!ask || examples.length === 0) return 'I need example cases to write new ones like them.'
  const cases = Array.from({ length: ask.count }, (_, i) => newCase(examples, i))
  return JSON.stringify(cases, null, 1)
}

function newCase(examples: readonly GenerationExample[], i: number): Record<string, unknown> {
  const round = Math.floor(i / examples.length)
  const n = (i % examples.length) + 1
  const base = examples[i % examples.length] as GenerationExample
  const closeCopy = i % 4 === 3
  const vars = Object.fromEntries(
    Object.entries(base.vars).map(([name, value]) => [
      name,
      closeCopy ? closeCopyOf(value) : shortened(value, round),
    ]),
  )
  return {
    vars,
    expected: base.expected,
    expectedOutput: base.expectedOutput,
    notes: closeCopy
      ? `Simulated: a close copy of example ${n}.`
      : `Simulated: example ${n} told with a third of its sentences left out.`,
  }
}

/** A label or a subject line is a property of the segment, and a simulated model does not reword it. */
const isShort = (value: string): boolean => value.length <= 120 && !value.includes('\n')

/**
 * A long text with every third sentence left out (which third turns with each round), its greeting and
 * sign-off kept: the case stays about what its example is about, so its expected fields still hold.
 */
function shortened(value: string, round: number): string {
  if (isShort(value)) return value
  const paragraphs = value.split(/\n\s*\n/)
  const framed = paragraphs.length >= 3
  const middle = framed ? paragraphs.slice(1, -1).join(' ') : value
  const kept = sentences(middle).filter((_, n) => n % 3 !== round % 3)
  if (kept.length === 0) return value
  const text = kept.join(' ')
  return framed ? [paragraphs[0], text, paragraphs.at(-1)].join('\n\n') : text
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' })

const sentences = (text: string): string[] =>
  [...segmenter.segment(text)].map((s) => s.segment.trim()).filter((s) => s !== '')

function closeCopyOf(value: string): string {
  if (isShort(value) && !/\s/.test(value.trim())) return value
  return value.includes('\n') ? value.replace(/\n/, '\n\n') : `Re: ${value}`
}
