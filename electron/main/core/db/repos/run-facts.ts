import { z } from 'zod'
import type { Db } from '../connection'

const modelList = z.array(z.string())

/**
 * Small read-only SELECTs about a prompt's runs across tables (runs by prompt, review queues, production
 * imports): the evidence the scorecard draws on and the curated side production drift compares with.
 */

/** Run `r`'s plan includes a version of the prompt (`@promptId`). */
export const ranPrompt = `EXISTS (SELECT 1 FROM json_each(r.plan, '$.promptVersionIds') pv
                  JOIN prompt_versions v ON v.id = pv.value WHERE v.prompt_id = @promptId)`

/** Runs whose plan includes any version of the prompt. */
export const runsOfPrompt = `SELECT r.* FROM runs r WHERE ${ranPrompt}`

/** Production-import runs hold logged outputs, not an evaluation on a curated dataset. */
export const notProduction = 'r.id NOT IN (SELECT run_id FROM production_imports)'

/** A model of run `r` whose price was unknown when the run froze its prices. */
const unknownPrices = `SELECT 1 FROM json_each(r.price_table) p WHERE json_extract(p.value, '$.source') = 'unknown'`

export interface LargestRun {
  name: string
  cases: number
  datasetName: string
}

export interface CostRun {
  name: string
  segments: number
}

/** The newest completed run of the prompt with a model whose price is unknown, and those models. */
export interface UnpricedRun {
  name: string
  models: string[]
}

export interface ProductionImportFact {
  fileName: string
  importedAt: string
  scored: boolean
}

export interface RunFacts {
  largestRun: LargestRun | null
  costRun: CostRun | null
  unpricedRun: UnpricedRun | null
  canaryRuns: number
  reviewQueues: number
  latestImport: ProductionImportFact | null
}

export type RunFactsRepo = ReturnType<typeof createRunFactsRepo>

/** Prepares the statements once; `forPrompt` answers for one prompt. */
export function createRunFactsRepo(db: Db) {
  const statements = {
    largestRun: db.prepare<[{ promptId: string }], LargestRun>(
      `SELECT r.name, s.case_count AS cases, d.name AS datasetName
         FROM (${runsOfPrompt}) r
         JOIN dataset_snapshots s ON s.id = r.dataset_snapshot_id AND s.complete = 1 JOIN datasets d ON d.id = s.dataset_id
        WHERE ${notProduction} AND r.status = 'completed'
        ORDER BY s.case_count DESC, r.created_at DESC LIMIT 1`,
    ),
    // A completed run with priced results on a dataset whose cases carry segment: tags gives cost per
    // feature (the prompt) and per segment. Every model of the run must have a known price: a run that
    // costs "unknown" for one of its models does not tell what the feature costs.
    costRun: db.prepare<[{ promptId: string }], CostRun>(
      `SELECT r.name,
              (SELECT COUNT(DISTINCT t.value) FROM dataset_snapshot_cases m
                 JOIN case_revisions c ON c.hash = m.revision_hash, json_each(c.tags) t
                WHERE m.snapshot_id = r.dataset_snapshot_id AND t.value LIKE 'segment:%') AS segments
         FROM (${runsOfPrompt}) r
        WHERE ${notProduction} AND r.status = 'completed'
          AND EXISTS (SELECT 1 FROM run_results x WHERE x.run_id = r.id AND x.cost_usd IS NOT NULL)
          AND NOT EXISTS (${unknownPrices})
        ORDER BY segments > 0 DESC, r.created_at DESC LIMIT 1`,
    ),
    unpricedRun: db.prepare<[{ promptId: string }], { name: string; models: string }>(
      `SELECT r.name,
              (SELECT json_group_array(json_extract(p.value, '$.provider') || '/' || json_extract(p.value, '$.model'))
                 FROM json_each(r.price_table) p WHERE json_extract(p.value, '$.source') = 'unknown') AS models
         FROM (${runsOfPrompt}) r
        WHERE ${notProduction} AND r.status = 'completed' AND EXISTS (${unknownPrices})
        ORDER BY r.created_at DESC LIMIT 1`,
    ),
    canaryRuns: db.prepare<[{ promptId: string }], { n: number }>(
      `SELECT COUNT(*) AS n FROM (${runsOfPrompt}) r WHERE r.canary IS NOT NULL`,
    ),
    reviewQueues: db.prepare<[{ promptId: string }], { n: number }>(
      `SELECT COUNT(*) AS n FROM review_queues q WHERE q.run_id IN (SELECT id FROM (${runsOfPrompt}))`,
    ),
    latestCuratedSnapshot: db.prepare<[{ promptId: string }], { dataset_snapshot_id: string }>(
      `SELECT r.dataset_snapshot_id FROM runs r WHERE ${ranPrompt} AND ${notProduction}
        ORDER BY r.created_at DESC, r.rowid DESC LIMIT 1`,
    ),
    latestImport: db.prepare<[{ promptId: string; since: string }], ProductionImportFact>(
      `SELECT file_name AS fileName, imported_at AS importedAt, scored_suite_version IS NOT NULL AS scored
         FROM production_imports WHERE prompt_id = @promptId AND imported_at >= @since
        ORDER BY scored DESC, imported_at DESC LIMIT 1`,
    ),
  }
  const forPrompt = (promptId: string, since: string): RunFacts => {
    const p = { promptId }
    const latestImport = statements.latestImport.get({ promptId, since })
    const costRun = statements.costRun.get(p)
    const unpriced = statements.unpricedRun.get(p)
    return {
      largestRun: statements.largestRun.get(p) ?? null,
      costRun: costRun ?? null,
      unpricedRun: unpriced
        ? { name: unpriced.name, models: modelList.parse(JSON.parse(unpriced.models)) }
        : null,
      canaryRuns: statements.canaryRuns.get(p)?.n ?? 0,
      reviewQueues: statements.reviewQueues.get(p)?.n ?? 0,
      latestImport: latestImport ? { ...latestImport, scored: Boolean(latestImport.scored) } : null,
    }
  }
  return {
    forPrompt,
    /** The dataset snapshot of the prompt's newest run that is not a production import; null if none. */
    latestCuratedSnapshot: (promptId: string): string | null =>
      statements.latestCuratedSnapshot.get({ promptId })?.dataset_snapshot_id ?? null,
  }
}
