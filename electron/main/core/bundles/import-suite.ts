import { AppError } from '../../../../shared/contract'
import type { EvalSuite, Rubric, Scorer } from '../../../../shared/domain/scoring'
import { canonicalJson } from '../../../../shared/lib/canonical-json'
import type { CoreContext } from '../context'
import { newId } from '../ids'
import { checkCodeScorers } from '../scoring/code-suite-check'
import { checkSuite } from '../scoring/suite-checks'
import { latestSuite } from '../scoring/suites'
import { bundlePaths, type GatesFile, type RubricsFile } from './format'

type BundleScorer = GatesFile['scorers'][number]
const refKey = (key: string, version: number): string => `${key}@${version}`

/**
 * Each rubric version of rubric.json: the workspace's version of the same key and number must say the same,
 * a missing one is added with its number. Returns workspace rubric ids by "key@version".
 */
export function importRubrics(
  ctx: CoreContext,
  file: RubricsFile,
): { ids: Map<string, string>; added: number } {
  const ids = new Map<string, string>()
  let added = 0
  for (const r of file.rubrics) {
    const stored = ctx.repos.rubrics.versions(r.key).find((s) => s.version === r.version)
    if (stored) {
      if (!sameRubric(stored, r)) {
        throw new AppError(
          'INVALID_INPUT',
          `${bundlePaths.rubrics}: rubric "${r.key}" version ${r.version} differs from this workspace's`,
        )
      }
      ids.set(refKey(r.key, r.version), stored.id)
      continue
    }
    const id = newId('rub')
    ctx.repos.rubrics.insert({ id, ...r, createdAt: ctx.now() })
    ids.set(refKey(r.key, r.version), id)
    added++
  }
  return { ids, added }
}

function sameRubric(stored: Rubric, r: RubricsFile['rubrics'][number]): boolean {
  const content = (x: Pick<Rubric, 'name' | 'description' | 'criteria'>) =>
    canonicalJson({ name: x.name, description: x.description, criteria: x.criteria })
  return content(stored) === content(r)
}

function toScorer(s: BundleScorer, rubricIds: ReadonlyMap<string, string>): Scorer {
  const { config } = s
  if (
    config.kind === 'format' ||
    config.kind === 'rule' ||
    config.kind === 'code' ||
    config.kind === 'assertions'
  )
    return { ...s, config }
  const rubricId = rubricIds.get(refKey(config.rubric.key, config.rubric.version))
  if (!rubricId) {
    throw new AppError(
      'INVALID_INPUT',
      `${bundlePaths.gates}: rubric "${config.rubric.key}" is not in rubric.json`,
    )
  }
  const { criterionKey } = config
  return config.kind === 'judge'
    ? {
        ...s,
        config: { kind: 'judge', rubricId, criterionKey, model: config.model, samples: config.samples },
      }
    : { ...s, config: { kind: 'human', rubricId, criterionKey } }
}

/**
 * What the app refuses on save, gates.json may not bring in by hand-editing (e.g. a similarity rule with
 * nothing to compare with, which would leave every case unscored): the same checks, naming the file.
 */
function checkGatesFile(ctx: CoreContext, scorers: Scorer[], file: GatesFile): void {
  try {
    checkSuite(ctx.repos, { scorers, gates: file.gates })
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    throw new AppError('INVALID_INPUT', `${bundlePaths.gates}: ${error.message}`, error.details)
  }
}

/**
 * A code scorer in gates.json must compile, as on save: checked in the sandbox before the import's write
 * transaction (the check is asynchronous), so a hand-edited source that does not load is refused with
 * nothing written, naming the file and the scorer, instead of turning every result into a scoring error.
 */
export async function checkGatesCode(file: GatesFile): Promise<void> {
  for (const [i, scorer] of file.scorers.entries()) {
    const { config } = scorer
    if (config.kind !== 'code') continue
    try {
      await checkCodeScorers({ scorers: [{ ...scorer, config }], gates: [] })
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      const path = `scorers.${i}.config.source`
      const message = error.message.replace(/^Invalid field "[^"]*": /, '')
      throw new AppError(
        'INVALID_INPUT',
        `${bundlePaths.gates}: code scorer "${scorer.metric}" (${path}) does not compile: ${message}`,
        { path },
      )
    }
  }
}

/**
 * The prompt's suite: its latest stored one when it already scores and gates as gates.json says, else
 * gates.json saved as a new version (with the file's number when that number is free, so a fresh workspace
 * re-exports the same gates.json).
 */
export function importSuite(
  ctx: CoreContext,
  promptId: string,
  file: GatesFile,
  rubricIds: ReadonlyMap<string, string>,
): { suite: EvalSuite; added: boolean } {
  const scorers = file.scorers.map((s) => toScorer(s, rubricIds))
  checkGatesFile(ctx, scorers, file)
  const content = canonicalJson({ scorers, gates: file.gates })
  // The default suite (version 0) counts: a prompt never given a suite re-exports as it was.
  const latest = latestSuite(ctx, promptId)
  if (canonicalJson({ scorers: latest.scorers, gates: latest.gates }) === content) {
    return { suite: latest, added: false }
  }
  const next = latest.version + 1
  const suite: EvalSuite & { createdAt: string; createdBy: string } = {
    promptId,
    version: file.suiteVersion >= next ? file.suiteVersion : next,
    scorers,
    gates: file.gates,
    message: file.message,
    createdAt: file.createdAt ?? ctx.now(),
    createdBy: file.createdBy ?? ctx.user,
  }
  ctx.repos.evalSuites.insert(suite)
  return { suite, added: true }
}
