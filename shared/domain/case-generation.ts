/**
 * The words of a case-generation request (issue 22): the core writes it, the simulated demo model reads it
 * back. The examples and the count sit between fixed markers so a reader finds them without guessing.
 */
export const GENERATION_OPENING = 'You write new test cases for an evaluation dataset.'

export interface GenerationExample {
  vars: Record<string, string>
  expected: Record<string, unknown>
  expectedOutput: string | null
}

export interface GenerationAsk {
  segment: readonly string[]
  count: number
  variables: readonly string[]
  expectedFields: readonly string[]
  examples: readonly GenerationExample[]
}

const quoted = (names: readonly string[]): string => names.map((n) => JSON.stringify(n)).join(', ')

export function generationSystem(): string {
  return [
    GENERATION_OPENING,
    'Each new case must be realistic, different from the examples and from the other new cases, and keep',
    'exactly the shape of the examples. Answer with a JSON array of the cases and nothing else.',
  ].join(' ')
}

export function generationUser(ask: GenerationAsk): string {
  const segment = ask.segment.length > 0 ? `the cases tagged ${quoted(ask.segment)}` : 'all cases'
  return [
    `Segment: ${segment}.`,
    `Write exactly ${ask.count} new cases like the examples below.`,
    `Each case is a JSON object with "vars" (an object with exactly the string variables ${quoted(ask.variables)}),`,
    `"expected" (an object with the fields ${ask.expectedFields.length > 0 ? quoted(ask.expectedFields) : 'the examples have'}, answered correctly for the new case),`,
    '"expectedOutput" (a string or null, as in the examples) and optionally "notes" (one sentence on what the case tests).',
    '<examples>',
    JSON.stringify(ask.examples, null, 1),
    '</examples>',
    `<count>${ask.count}</count>`,
  ].join('\n')
}

/** The examples and count of a request written by `generationUser`; null when the text is not one. */
export function readGenerationUser(text: string): { examples: unknown; count: number } | null {
  const examples = /<examples>\n([\s\S]*)\n<\/examples>/.exec(text)?.[1]
  const count = /<count>(\d+)<\/count>/.exec(text)?.[1]
  if (examples === undefined || count === undefined) return null
  try {
    return { examples: JSON.parse(examples) as unknown, count: Number(count) }
  } catch {
    return null
  }
}
