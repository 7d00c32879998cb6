import { createHash } from 'node:crypto'
import type { Rubric, Scorer } from '../../../../shared/domain/scoring'
import { canonicalJson } from '../../../../shared/lib/canonical-json'
import { codeSandboxVersion } from './code/version'

/**
 * Bumped when the judge prompt's wording changes: scores from the old wording stay with their fingerprint
 * and a re-score adds new ones, as for any changed scorer.
 */
export const judgePromptVersion = 1

/**
 * sha256 of the scorer's canonical config (+ the rubric version for judges and human criteria, the sandbox
 * version for code scorers). The same scorer never scores the same output twice; a changed one (config,
 * rubric version, sandbox) adds new rows. The metric name and label are left out on purpose: renaming a
 * label must not re-score anything.
 */
export function scorerFingerprint(
  scorer: Pick<Scorer, 'config'>,
  rubric?: Pick<Rubric, 'id' | 'version'>,
): string {
  const { config } = scorer
  const content =
    config.kind === 'judge'
      ? { config, rubric: rubricRef(rubric), judgePrompt: judgePromptVersion }
      : config.kind === 'human'
        ? { config, rubric: rubricRef(rubric) }
        : config.kind === 'code'
          ? { config, sandbox: codeSandboxVersion }
          : { config }
  return createHash('sha256').update(canonicalJson(content)).digest('hex')
}

const rubricRef = (rubric: Pick<Rubric, 'id' | 'version'> | undefined) =>
  rubric ? { id: rubric.id, version: rubric.version } : null
