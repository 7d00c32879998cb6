import { supportedPromptfooAssertionTypes } from '../checks'

/**
 * Which promptfoo assertion types Eval Lab runs (the import lists the others by name): the text checks of
 * checks/ and the kinds the assertions scorer adds (assertions-run.ts), each with its `not-` form.
 */
export const ownPromptfooAssertionTypes: readonly string[] = [
  'javascript',
  'llm-rubric',
  'cost',
  'latency',
  'ends-with',
]

export const runnablePromptfooAssertionTypes: readonly string[] = [
  ...new Set([
    ...supportedPromptfooAssertionTypes,
    ...ownPromptfooAssertionTypes.flatMap((type) => [type, `not-${type}`]),
  ]),
]

/** Types graded by a model: they need the scorer's judge model, and wait when judges are off. */
export const modelGradedAssertionTypes: readonly string[] = ['llm-rubric']

export function baseAssertionType(type: string): string {
  return type.startsWith('not-') ? type.slice(4) : type
}
