import { z } from 'zod'
import { AppError } from '../../../../shared/contract'
import { evalSuiteDraftSchema, type EvalSuite, type EvalSuiteDraft } from '../../../../shared/domain/scoring'
import { canonicalJsonPretty } from '../../../../shared/lib/canonical-json'
import { slugify } from '../prompts/files'

/** What a suite file holds: the prompt it was exported from (for people), its version, scorers and gates. */
const suiteFileSchema = evalSuiteDraftSchema.extend({
  promptName: z.string().optional(),
  version: z.number().int().nonnegative().optional(),
})

/** Stable bytes (sorted keys, two-space indent): the same suite always exports the same file, for git review. */
export function suiteFile(promptName: string, suite: EvalSuite): { fileName: string; content: string } {
  return {
    fileName: `${slugify(promptName)}.suite.json`,
    content: canonicalJsonPretty({
      promptName,
      version: suite.version,
      scorers: suite.scorers,
      gates: suite.gates,
    }),
  }
}

/** Reads a suite file; every refusal names the field (or the line of broken JSON). */
export function parseSuiteFile(content: string): EvalSuiteDraft {
  let value: unknown
  try {
    value = JSON.parse(content)
  } catch (error) {
    throw new AppError(
      'INVALID_INPUT',
      `The suite file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  const parsed = suiteFileSchema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const path = issue?.path.join('.') ?? ''
    const where = path === '' ? 'The suite file' : `Field "${path}" of the suite file`
    throw new AppError('INVALID_INPUT', `${where}: ${issue?.message ?? 'invalid'}`, { path })
  }
  return { scorers: parsed.data.scorers, gates: parsed.data.gates }
}
