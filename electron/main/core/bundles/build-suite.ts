import { type z } from 'zod'
import { AppError } from '../../../../shared/contract'
import type { EvalSuite, Rubric, Scorer } from '../../../../shared/domain/scoring'
import type { Repos } from '../db/repos'
import type { bundleScorerSchema, GatesFile, RubricsFile } from './format'

type BundleScorer = z.infer<typeof bundleScorerSchema>

/** The rubric a judge or human scorer names; a suite pointing at a deleted rubric cannot be exported. */
function rubricOf(repos: Repos, scorer: Scorer, rubricId: string): Rubric {
  const rubric = repos.rubrics.byId(rubricId)
  if (!rubric) {
    throw new AppError('INVALID_INPUT', `Scorer "${scorer.metric}" uses a rubric that no longer exists`)
  }
  return rubric
}

/** The scorer with its rubric named by key and version instead of the workspace's id. */
function portableScorer(repos: Repos, scorer: Scorer, used: Map<string, Rubric>): BundleScorer {
  const { config } = scorer
  const base = { metric: scorer.metric, label: scorer.label }
  if (config.kind === 'format') return { ...base, config: { kind: 'format', format: config.format } }
  if (config.kind === 'rule') return { ...base, config: { kind: 'rule', rule: config.rule } }
  if (config.kind === 'code' || config.kind === 'assertions') return { ...base, config }
  const rubric = rubricOf(repos, scorer, config.rubricId)
  used.set(`${rubric.key}\u0000${rubric.version}`, rubric)
  const ref = { key: rubric.key, version: rubric.version }
  if (config.kind === 'human') {
    return { ...base, config: { kind: 'human', rubric: ref, criterionKey: config.criterionKey } }
  }
  return {
    ...base,
    config: {
      kind: 'judge',
      rubric: ref,
      criterionKey: config.criterionKey,
      model: config.model,
      samples: config.samples,
    },
  }
}

const byKeyThenVersion = (a: Rubric, b: Rubric): number =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : a.version - b.version

/** gates.json (the suite, rubrics by key + version) and rubric.json (exactly the rubric versions it names). */
export function buildSuiteFiles(repos: Repos, suite: EvalSuite): { gates: GatesFile; rubrics: RubricsFile } {
  const used = new Map<string, Rubric>()
  const scorers = suite.scorers.map((s) => portableScorer(repos, s, used))
  const rubrics = [...used.values()].sort(byKeyThenVersion).map((r) => ({
    key: r.key,
    version: r.version,
    name: r.name,
    description: r.description,
    criteria: r.criteria,
  }))
  return {
    gates: {
      format: 'evallab.suite',
      version: 1,
      suiteVersion: suite.version,
      createdAt: suite.createdAt,
      createdBy: suite.createdBy,
      message: suite.message,
      scorers,
      gates: suite.gates,
    },
    rubrics: { format: 'evallab.rubrics', version: 1, rubrics },
  }
}
