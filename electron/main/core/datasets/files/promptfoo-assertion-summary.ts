import {
  baseAssertionType,
  modelGradedAssertionTypes,
  runnablePromptfooAssertionTypes,
} from '../../scoring/scorers/assertion-types'
import { isPlainObject } from './values'

/**
 * What a promptfoo file's assertions will do once imported, for the import screen: how many cases carry
 * assertions, how many need a judge model (llm-rubric), and every type Eval Lab does not run, by name and
 * count — kept in the case and reported as not scored, never silently dropped.
 */
export interface PromptfooAssertionSummary {
  cases: number
  assertions: number
  modelGraded: number
  notRun: { type: string; count: number }[]
}

export function summarisePromptfooAssertions(
  lists: Iterable<unknown>,
): PromptfooAssertionSummary | undefined {
  const summary: PromptfooAssertionSummary = { cases: 0, assertions: 0, modelGraded: 0, notRun: [] }
  const notRun = new Map<string, number>()
  for (const list of lists) {
    if (!Array.isArray(list) || list.length === 0) continue
    summary.cases += 1
    for (const entry of list) {
      summary.assertions += 1
      const type = isPlainObject(entry) && typeof entry.type === 'string' ? entry.type : '(no type)'
      if (modelGradedAssertionTypes.includes(baseAssertionType(type))) summary.modelGraded += 1
      if (!runnablePromptfooAssertionTypes.includes(type)) notRun.set(type, (notRun.get(type) ?? 0) + 1)
    }
  }
  if (summary.cases === 0) return undefined
  summary.notRun = [...notRun].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count)
  return summary
}

/** "python ×2, similar ×1" */
export function describeNotRun(summary: PromptfooAssertionSummary): string {
  return summary.notRun.map(({ type, count }) => `${type} ×${count}`).join(', ')
}
