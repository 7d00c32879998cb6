import { AppError } from '../../../../shared/contract'
import type { EvalSuiteDraft } from '../../../../shared/domain/scoring'
import { createCodeSandbox, type CodeSandbox } from './code'

/** An input of the right shape with nothing in it: only loading the source matters here. */
const emptyInput = { output: '', context: { vars: {}, expected: {}, toolCalls: [], metadata: {} } }

let shared: CodeSandbox | null = null
/** One sandbox for every save: its engine loads (and warms up) once per process. */
const sandbox = (): CodeSandbox => (shared ??= createCodeSandbox())

/**
 * A code scorer must compile and evaluate to a function: checked by loading it in the sandbox on save, so a
 * typo is named with its line in the editor instead of turning every result into a scoring error. What the
 * scorer does with an empty input (throw, loop) is not judged here: only real results can tell.
 */
export async function checkCodeScorers(draft: EvalSuiteDraft): Promise<void> {
  for (const [i, scorer] of draft.scorers.entries()) {
    const config = scorer.config
    if (config.kind !== 'code') continue
    const outcome = await sandbox().run(config.source, emptyInput)
    if (!outcome.ok && (outcome.kind === 'syntax' || outcome.kind === 'not_a_function')) {
      const path = `scorers.${i}.config.source`
      throw new AppError('INVALID_INPUT', `Invalid field "${path}": ${outcome.message}`, { path })
    }
  }
}
