import type { DatasetCase } from '../../../../shared/domain/datasets'
import type { Repos } from '../db/repos'
import type { StoredScore } from '../db/repos/run-scores'
import type { ScoreTotal } from '../db/repos/score-totals'

/** The tags a score of a case is totalled under, each once: '' (the whole slice) and the case's own tags. */
export type CaseTags = (caseId: string) => readonly string[]

/** Tags by case of a run's snapshot, worked out once per case; a case outside the snapshot has only ''. */
export function snapshotCaseTags(cases: ReadonlyMap<string, DatasetCase>): CaseTags {
  const known = new Map<string, readonly string[]>()
  return (caseId) => {
    let tags = known.get(caseId)
    if (!tags) {
      tags = [...new Set(['', ...(cases.get(caseId)?.tags ?? [])])]
      known.set(caseId, tags)
    }
    return tags
  }
}

function totalOf(totals: Map<string, ScoreTotal>, repos: Repos, score: StoredScore, tag: string): ScoreTotal {
  // NUL never occurs in ids, metric names or tags: a plain join is a unique key, and cheap at 150,000 scores.
  const k = `${score.promptVersionId}\u0000${score.provider}\u0000${score.modelId}\u0000${score.metric}\u0000${score.scorerHash}\u0000${tag}`
  let total = totals.get(k)
  if (!total) {
    const key = {
      runId: score.runId,
      promptVersionId: score.promptVersionId,
      provider: score.provider,
      modelId: score.modelId,
      metric: score.metric,
      scorerHash: score.scorerHash,
      tag,
    }
    total = { ...key, ...repos.scoreTotals.get(key) }
    totals.set(k, total)
  }
  return total
}

/** What the per-row trigger adds for one score, in the same double arithmetic. */
function add(total: ScoreTotal, value: number | null): void {
  if (value === null) return
  total.n += 1
  total.passes += value >= 1 ? 1 : 0
  total.total += value
  total.squares += value * value
}

/**
 * Inserts new scores of one run (an existing score is kept, as runScores.insert does) and adds them to the
 * run's totals: each total touched is read once, the scores' values are added to it one by one in write
 * order — the very additions the per-row trigger makes, so every sum is the same to the last bit — and it
 * is written once. Must run inside a write transaction. Returns how many scores were new.
 */
export function insertScoresWithTotals(
  repos: Repos,
  runId: string,
  scores: readonly StoredScore[],
  tagsOf: CaseTags,
): number {
  const totals = new Map<string, ScoreTotal>()
  let written = 0
  repos.scoreTotals.hold(runId)
  for (const score of scores) {
    if (score.runId !== runId) throw new Error(`A score of run ${score.runId} written with run ${runId}`)
    if (!repos.runScores.insert(score)) continue
    written++
    for (const tag of tagsOf(score.caseId)) add(totalOf(totals, repos, score, tag), score.value)
  }
  repos.scoreTotals.release(runId)
  for (const total of totals.values()) repos.scoreTotals.put(total)
  return written
}
