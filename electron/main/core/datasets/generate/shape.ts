import { AppError } from '../../../../../shared/contract'
import type { GenerationExample } from '../../../../../shared/domain/case-generation'
import type { DatasetCase } from '../../../../../shared/domain/datasets'
import type { Repos } from '../../db/repos'
import type { CaseShape } from './parse'

/** How many of the segment's cases the model is shown: enough to copy their shape and tone, few enough to read. */
export const maxExamples = 8

export interface Segment {
  /** The cases the model is shown, spread over the segment. */
  examples: GenerationExample[]
  shape: CaseShape
  size: number
}

/**
 * The segment's cases (carrying every tag of `tags`; all cases without tags), a spread of them as examples and
 * the shape every generated case must keep. Conversation cases are refused: their turns cannot be generated yet.
 */
export function readSegment(repos: Repos, datasetId: string, tags: readonly string[]): Segment {
  const filter = { tags }
  const size = repos.datasetCases.count(datasetId, filter)
  const where = tags.length > 0 ? `tagged ${tags.map((t) => JSON.stringify(t)).join(' and ')}` : 'at all'
  if (size === 0) {
    throw new AppError(
      'INVALID_INPUT',
      `The dataset has no cases ${where}: generated cases are modelled on existing ones. Add a few by hand first, or choose another segment.`,
    )
  }
  const cases = repos.datasetCases.page(datasetId, 0, 500, filter)
  if (cases.some((c) => c.conversation !== undefined)) {
    throw new AppError(
      'INVALID_INPUT',
      `Cases ${where} have conversation turns, which cannot be generated yet: choose a segment of single-turn cases.`,
    )
  }
  return { examples: spread(cases).map(exampleOf), shape: shapeOf(cases), size }
}

function spread(cases: readonly DatasetCase[]): DatasetCase[] {
  if (cases.length <= maxExamples) return [...cases]
  const step = cases.length / maxExamples
  return Array.from({ length: maxExamples }, (_, i) => cases[Math.floor(i * step)]).filter(
    (c): c is DatasetCase => c !== undefined,
  )
}

function exampleOf(c: DatasetCase): GenerationExample {
  return { vars: c.vars, expected: c.expected, expectedOutput: c.expectedOutput }
}

/** Variables every case has (a case missing one would not render), expected fields every and some case has. */
function shapeOf(cases: readonly DatasetCase[]): CaseShape {
  const every = (keysOf: (c: DatasetCase) => string[]) =>
    (keysOf(cases[0] as DatasetCase) ?? []).filter((k) => cases.every((c) => keysOf(c).includes(k)))
  const some = (keysOf: (c: DatasetCase) => string[]) => [...new Set(cases.flatMap(keysOf))]
  const vars = (c: DatasetCase) => Object.keys(c.vars)
  const expected = (c: DatasetCase) => Object.keys(c.expected)
  return {
    variables: every(vars),
    knownVariables: some(vars),
    requiredExpected: every(expected),
    knownExpected: some(expected),
  }
}
