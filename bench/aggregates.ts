/**
 * Summaries and comparisons of a big run, through dispatch: `runs.summary` (what the Summary tab waits for),
 * `compare.data` over the run's six slices and `compare.promptTrend`, at 10,000 and 50,000 results. The run is
 * written straight into a demo workspace (tests/fixtures/big-run.ts); no model is called. Prints the median of
 * five calls after one warm-up and writes bench/results-aggregates.json.
 *
 *   npx tsx bench/aggregates.ts [results...]     (default: 10000 50000)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { openCore, type Core } from '../electron/main/core'
import { bigRunModels, openContext, seedBigRun } from '../tests/fixtures/big-run'

const targets = { summaryMs: 300, compareDataMs: 500, promptTrendMs: 500 }
const REPEATS = 2
/** Results per case: 2 versions × 3 models × repeats. */
const PER_CASE = 2 * bigRunModels.length * REPEATS

async function timed(core: Core, method: string, input: unknown): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < 6; i++) {
    const start = performance.now()
    const result = await core.dispatch(method, input)
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
    if (i > 0) times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return Math.round(times[Math.floor(times.length / 2)] ?? 0)
}

export async function runAggregatesBench(results: number): Promise<Record<string, number>> {
  const home = mkdtempSync(join(tmpdir(), 'evallab-agg-bench-'))
  const core = openCore({ home, user: 'bench' })
  const ctx = openContext(home)
  try {
    const seedStart = performance.now()
    const run = await seedBigRun(core, ctx, { cases: Math.ceil(results / PER_CASE), repeats: REPEATS })
    const seedMs = Math.round(performance.now() - seedStart)
    const slices = run.versionIds.flatMap((promptVersionId) =>
      bigRunModels.map((m) => ({
        runId: run.runId,
        promptVersionId,
        provider: m.provider,
        modelId: m.model,
      })),
    )
    const figures = {
      results: ctx.repos.runResults.count(run.runId, {}),
      seedMs,
      summaryMs: await timed(core, 'runs.summary', { runId: run.runId }),
      compareDataMs: await timed(core, 'compare.data', { slices }),
      promptTrendMs: await timed(core, 'compare.promptTrend', { promptId: run.promptId }),
      // Case pairs stay in JavaScript (a change per case is a pairing); one page of the worst regressions.
      compareCasesMs: await timed(core, 'compare.cases', {
        baseline: slices[0],
        candidate: slices[bigRunModels.length],
        filter: 'regressions',
        offset: 0,
        limit: 50,
      }),
    }
    console.log(
      `${figures.results.toLocaleString('en-US')} results: runs.summary ${figures.summaryMs} ms ` +
        `(target ≤ ${targets.summaryMs}), compare.data ${figures.compareDataMs} ms, ` +
        `compare.promptTrend ${figures.promptTrendMs} ms, compare.cases ${figures.compareCasesMs} ms ` +
        `(seeded in ${seedMs} ms)`,
    )
    return figures
  } finally {
    ctx.db.close()
    core.close()
    rmSync(home, { recursive: true, force: true })
  }
}

/** Both sizes, one after the other; writes bench/results-aggregates.json. */
export async function runAggregatesBenches(sizes: readonly number[] = [10_000, 50_000]): Promise<void> {
  const rows: Record<string, number>[] = []
  for (const n of sizes) rows.push(await runAggregatesBench(n))
  writeFileSync(
    new URL('./results-aggregates.json', import.meta.url),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), targets, rows }, null, 2)}\n`,
  )
}

if (process.argv[1]?.endsWith('aggregates.ts')) {
  const sizes = process.argv.slice(2).map(Number)
  await runAggregatesBenches(sizes.length > 0 ? sizes : undefined)
}
