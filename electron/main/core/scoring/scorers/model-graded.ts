/**
 * promptfoo's assertion types that ask a model (a grader) for their verdict. A pass that runs no model
 * calls (the canary, a gate with judges off) leaves a case holding one of these unscored until a pass that
 * may call models comes, instead of storing a verdict made without its grader.
 */
const modelGradedTypes = new Set([
  'llm-rubric',
  'g-eval',
  'factuality',
  'answer-relevance',
  'context-faithfulness',
  'context-recall',
  'context-relevance',
  'model-graded-closedqa',
  'model-graded-factuality',
  'select-best',
])

function assertionType(assertion: unknown): string | null {
  if (typeof assertion !== 'object' || assertion === null || !('type' in assertion)) return null
  return typeof assertion.type === 'string' ? assertion.type.replace(/^not-/, '') : null
}

/** True when the case's assertion list (`expected[field]`) holds a model-graded assertion. */
export function hasModelGradedAssertion(expected: Record<string, unknown>, field: string): boolean {
  const list = expected[field]
  if (!Array.isArray(list)) return false
  return list.some((a) => {
    const type = assertionType(a)
    return type !== null && modelGradedTypes.has(type)
  })
}
