import {
  GENERATION_OPENING,
  readGenerationUser,
  type GenerationExample,
} from '../../../../../shared/domain/case-generation'
import { unitHash } from './demo-answers'

/**
 * The simulated model asked to write new cases (Datasets → Generate cases). Deterministic: the same request
 * gets the same cases. Each new case is modelled on one example of the segment, reworded with material from
 * another, and keeps the example's expected fields (the simulated model answers them as its model case
 * does). Every fourth case is a close copy of its example, as real models write now and then, so the
 * near-duplicate check has something to flag.
 */
export const isGenerationRequest = (system: string): boolean => system.startsWith(GENERATION_OPENING)

const additions = [
  'This is the second time this month.',
  'We noticed it right after the last update.',
  'Several people on the team are affected.',
  'Could someone get back to us today?',
  'We already tried logging out and in again.',
  'Our manager asked me to escalate this.',
  'It worked fine until yesterday.',
  'Please let us know what you need from our side.',
]

const subjectTags = ['again', 'follow-up', 'second request', 'still open', 'new occurrence']

export function generationAnswer(user: string): string {
  const ask = readGenerationUser(user)
  const examples = Array.isArray(ask?.examples) ? (ask.examples as GenerationExample[]) : []
  if (!ask || examples.length === 0) return 'I need example cases to write new ones like them.'
  const cases = Array.from({ length: ask.count }, (_, i) => newCase(examples, i))
  return JSON.stringify(cases, null, 1)
}

function newCase(examples: readonly GenerationExample[], i: number): Record<string, unknown> {
  const base = examples[i % examples.length] as GenerationExample
  const donor = examples[(i + 1) % examples.length] as GenerationExample
  const closeCopy = i % 4 === 3
  const vars = Object.fromEntries(
    Object.entries(base.vars).map(([name, value]) => [
      name,
      closeCopy ? closeCopyOf(value) : reworded(value, donor.vars[name] ?? '', name, i),
    ]),
  )
  return {
    vars,
    expected: base.expected,
    expectedOutput: base.expectedOutput,
    notes: closeCopy
      ? `Simulated: a close copy of example ${(i % examples.length) + 1}.`
      : `Simulated: modelled on example ${(i % examples.length) + 1}, with details from example ${((i + 1) % examples.length) + 1}.`,
  }
}

/** A word-like value (a tier, a channel, a code) is a property of the segment: kept as it is. */
const isLabel = (value: string): boolean => !/\s/.test(value.trim()) && value.length <= 40

function reworded(value: string, donor: string, name: string, i: number): string {
  if (isLabel(value)) return value
  const paragraphs = value.split(/\n\s*\n/)
  const pick = <T>(list: readonly T[], salt: string): T =>
    list[Math.floor(unitHash('generate', name, String(i), salt) * list.length)] as T
  if (paragraphs.length < 3) {
    // A subject line or a one-line question: reworded by what it adds, never by what it loses.
    const tag = pick(subjectTags, 'subject')
    return value.length <= 120 ? `${value.trim()} (${tag})` : `${value.trim()} ${pick(additions, 'line')}`
  }
  const [greeting, ...rest] = paragraphs
  const signOff = rest.pop() ?? ''
  const donorMiddle = donor.split(/\n\s*\n/).slice(1, -1)
  const borrowed = donorMiddle.length > 0 ? pick(donorMiddle, 'borrow') : ''
  const middle = [...rest.reverse(), borrowed, pick(additions, 'add')].filter((p) => p.trim() !== '')
  return [greeting, ...middle, signOff].join('\n\n')
}

function closeCopyOf(value: string): string {
  if (isLabel(value)) return value
  return value.includes('\n') ? value.replace(/\n/, '\n\n') : `Re: ${value}`
}
