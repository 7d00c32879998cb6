import { z } from 'zod'
import { modelRefSchema, type ModelRef } from '../../../../../shared/domain/prompts'
import { modelPriceSchema, type ModelPrice } from '../../../../../shared/domain/runs'
import { canaryStateSchema, type CanaryState } from '../../../../../shared/domain/scoring'
import type { Db } from '../connection'
import { notProduction, ranPrompt, runsOfPrompt } from './run-facts'

/**
 * Read-only SELECTs behind the Automated and Optimized criteria of the maturity scorecard: A/B runs of
 * prompt versions, canary runs with their models and prices, cache use, the review queues of a prompt.
 */

/** The newest completed run that put two or more versions of the prompt side by side on one dataset. */
export interface AbRun {
  name: string
  versions: number[]
  cases: number
}

/** The newest completed pairwise judge comparison of two versions of the prompt. */
export interface AbPairwise {
  a: number
  b: number
  criterion: string
}

export interface CanaryRun {
  name: string
  createdAt: string
  models: ModelRef[]
  state: CanaryState | null
  prices: ModelPrice[]
}

/** Answers served from the workspace's cache and calls that hit the provider's prompt cache. */
export interface CacheUse {
  runs: number
  cachedAnswers: number
  promptCacheHits: number
}

const numbers = z.array(z.number())
const canaryRow = z.object({
  name: z.string(),
  createdAt: z.string(),
  models: z.string().transform((s) => z.array(modelRefSchema).parse(JSON.parse(s))),
  canary: z.string().nullable(),
  prices: z.string().transform((s) => z.array(modelPriceSchema).parse(JSON.parse(s))),
})

/** Versions of the prompt in run `r`'s plan. */
const versionsInRun = `FROM json_each(r.plan, '$.promptVersionIds') pv
  JOIN prompt_versions v ON v.id = pv.value WHERE v.prompt_id = @promptId`

export type MaturityFactsRepo = ReturnType<typeof createMaturityFactsRepo>

export function createMaturityFactsRepo(db: Db) {
  const statements = {
    abRun: db.prepare<[{ promptId: string }], { name: string; versions: string; cases: number }>(
      `SELECT r.name, s.case_count AS cases,
              (SELECT json_group_array(v.number) ${versionsInRun}) AS versions
         FROM runs r JOIN dataset_snapshots s ON s.id = r.dataset_snapshot_id
        WHERE r.status = 'completed' AND ${notProduction}
          AND (SELECT COUNT(DISTINCT v.id) ${versionsInRun}) >= 2
        ORDER BY r.created_at DESC, r.rowid DESC LIMIT 1`,
    ),
    abPairwise: db.prepare<[{ promptId: string }], AbPairwise>(
      `SELECT va.number AS a, vb.number AS b, c.criterion_key AS criterion
         FROM pairwise_comparisons c
         JOIN prompt_versions va ON va.id = c.a_prompt_version_id
         JOIN prompt_versions vb ON vb.id = c.b_prompt_version_id
        WHERE va.prompt_id = @promptId AND vb.prompt_id = @promptId AND va.id <> vb.id
          AND c.status = 'completed'
        ORDER BY c.updated_at DESC LIMIT 1`,
    ),
    canaryRuns: db.prepare<[{ promptId: string }], unknown>(
      `SELECT r.name, r.created_at AS createdAt, json_extract(r.plan, '$.models') AS models,
              r.canary, r.price_table AS prices
         FROM runs r WHERE ${ranPrompt} AND r.canary IS NOT NULL
        ORDER BY r.created_at, r.rowid`,
    ),
    cacheUse: db.prepare<[{ promptId: string }], CacheUse>(
      `SELECT COUNT(DISTINCT x.run_id) AS runs, COALESCE(SUM(x.cached), 0) AS cachedAnswers,
              COALESCE(SUM(x.cached = 0 AND x.cached_tokens > 0), 0) AS promptCacheHits
         FROM run_results x
        WHERE x.run_id IN (SELECT r.id FROM (${runsOfPrompt}) r WHERE ${notProduction})
          AND (x.cached = 1 OR x.cached_tokens > 0)`,
    ),
    reviewQueues: db.prepare<[{ promptId: string }], { id: string; name: string }>(
      `SELECT q.id, q.name FROM review_queues q WHERE q.run_id IN (SELECT r.id FROM (${runsOfPrompt}) r)
        ORDER BY q.created_at DESC, q.id`,
    ),
  }
  return {
    abRun: (promptId: string): AbRun | null => {
      const row = statements.abRun.get({ promptId })
      return row ? { ...row, versions: numbers.parse(JSON.parse(row.versions)).sort((a, b) => a - b) } : null
    },
    abPairwise: (promptId: string): AbPairwise | null => statements.abPairwise.get({ promptId }) ?? null,
    /** Oldest first. */
    canaryRuns: (promptId: string): CanaryRun[] =>
      statements.canaryRuns.all({ promptId }).map((raw) => {
        const row = canaryRow.parse(raw)
        const state = row.canary === null ? null : canaryStateSchema.parse(JSON.parse(row.canary))
        return { name: row.name, createdAt: row.createdAt, models: row.models, state, prices: row.prices }
      }),
    cacheUse: (promptId: string): CacheUse =>
      statements.cacheUse.get({ promptId }) ?? { runs: 0, cachedAnswers: 0, promptCacheHits: 0 },
    reviewQueues: (promptId: string): { id: string; name: string }[] =>
      statements.reviewQueues.all({ promptId }),
  }
}
