import type {
  EvalSuite,
  MetricSummary,
  Rubric,
  RubricCriterion,
  Score,
  Scorer,
} from '../../../../shared/domain/scoring'
import type { Repos } from '../db/repos'
import { scorerFingerprint } from './fingerprint'
import { summaryKind } from './scale'

/** One scorer of a suite with what scoring, summaries and gates need to know about it. */
export interface SuiteMetric {
  metric: string
  label: string
  scorer: Scorer
  /** Scores of this scorer are stored (and found) under this fingerprint. */
  hash: string
  kind: MetricSummary['kind']
  source: Score['source']
  /** The rubric version and criterion of judge and human scorers; null for the others (or a missing rubric). */
  rubric: Rubric | null
  criterion: RubricCriterion | null
}

export function suiteMetric(repos: Repos, scorer: Scorer): SuiteMetric {
  const { config } = scorer
  const base = { metric: scorer.metric, label: scorer.label, scorer, source: config.kind }
  if (config.kind === 'format' || config.kind === 'rule' || config.kind === 'assertions') {
    return { ...base, hash: scorerFingerprint(scorer), kind: 'pass_rate', rubric: null, criterion: null }
  }
  // A code scorer may return any number in 0..1: its mean is the metric (a pass/fail one's mean is its rate).
  if (config.kind === 'code')
    return { ...base, hash: scorerFingerprint(scorer), kind: 'mean', rubric: null, criterion: null }
  const rubric = repos.rubrics.byId(config.rubricId)
  const criterion = rubric?.criteria.find((c) => c.key === config.criterionKey) ?? null
  return {
    ...base,
    hash: scorerFingerprint(scorer, rubric ?? undefined),
    kind: criterion ? summaryKind(criterion.scale) : 'mean',
    rubric,
    criterion,
  }
}

/** The suite's scorers in order; summaries and gates read only scores with these fingerprints. */
export function suiteMetrics(repos: Repos, suite: Pick<EvalSuite, 'scorers'>): SuiteMetric[] {
  return suite.scorers.map((s) => suiteMetric(repos, s))
}
