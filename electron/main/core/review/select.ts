import type { QueueSource } from '../../../../shared/domain/review'
import type { DatasetCase } from '../../../../shared/domain/datasets'
import type { CoreContext } from '../context'
import { resultKey, type ScoredOutput } from '../db/repos/run-scores'
import { createRandom, randomIndex } from '../scoring/stats/random'

const page = 1_000

/** Every stored output of the run, in write order (text and error only, never the rendered request). */
export function runOutputs(ctx: CoreContext, runId: string): ScoredOutput[] {
  const all: ScoredOutput[] = []
  for (let after = 0; ;) {
    const batch = ctx.repos.runScores.outputs(runId, after, page)
    const last = batch.at(-1)
    if (!last) return all
    all.push(...batch)
    after = last.row
  }
}

/** n distinct case ids drawn without replacement (partial Fisher–Yates), reproducible for a seed. */
function sampleCaseIds(caseIds: readonly string[], n: number, seed: number): Set<string> {
  const pool = [...caseIds]
  const random = createRandom(seed)
  const take = Math.min(n, pool.length)
  for (let i = 0; i < take; i++) {
    const j = i + randomIndex(random, pool.length - i)
    const picked = pool[j] as string
    pool[j] = pool[i] as string
    pool[i] = picked
  }
  return new Set(pool.slice(0, take))
}

function failingKeys(ctx: CoreContext, runId: string, metric: string | undefined): Set<string> {
  const failed = ctx.repos.runScores.list(runId, { failedOnly: true, ...(metric ? { metric } : {}) })
  return new Set(failed.map(resultKey))
}

function matchesFilter(
  o: ScoredOutput,
  f: Extract<QueueSource, { kind: 'filter' }>,
  cases: ReadonlyMap<string, DatasetCase>,
): boolean {
  if (f.promptVersionId && o.promptVersionId !== f.promptVersionId) return false
  if (f.provider && o.provider !== f.provider) return false
  if (f.modelId && o.modelId !== f.modelId) return false
  if (f.caseIds && !f.caseIds.includes(o.caseId)) return false
  if (f.tag && !(cases.get(o.caseId)?.tags.includes(f.tag) ?? false)) return false
  return true
}

/** The outputs the source picks, in write order. A sample picks cases, and keeps all their outputs. */
export function selectOutputs(
  ctx: CoreContext,
  runId: string,
  source: QueueSource,
  outputs: readonly ScoredOutput[],
  cases: ReadonlyMap<string, DatasetCase>,
): ScoredOutput[] {
  switch (source.kind) {
    case 'all':
      return [...outputs]
    case 'sample': {
      const caseIds = [...new Set(outputs.map((o) => o.caseId))]
      const picked = sampleCaseIds(caseIds, source.n, source.seed)
      return outputs.filter((o) => picked.has(o.caseId))
    }
    case 'failing': {
      const failing = failingKeys(ctx, runId, source.metric)
      return outputs.filter((o) => failing.has(resultKey(o)))
    }
    case 'filter':
      return outputs.filter((o) => matchesFilter(o, source, cases))
  }
}
